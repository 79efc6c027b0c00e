import Foundation
import FrontlineClient
import FrontlineCore
import FrontlineServer
import FrontlineStore
import Synchronization

/// The team server under a working day's load: `clients` subscribed consoles, intake at `rate`
/// messages a second; measures how long each event takes from being journaled (its `at`) to
/// reaching every console, and how many actions a second one writer gets through the server.
func benchFanOut(clients: Int = 20, rate: Double = 50, seconds duration: Double = 4, seedCases: Int = 1000) throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("frontline-fanout-\(getpid())").path
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let store = try LocalCaseService(path: dir, owner: "bench server")
    var batch: [(command: Command, actor: String, at: Date?)] = []
    for i in 0..<seedCases {
        batch.append((.receive(IncomingMessage(customerName: "Customer \(i)", customerEmail: "c\(i)@example.com", language: "en",
                                               subject: "Order \(i)", body: "Where is my parcel?")), "intake", nil))
    }
    try store.performBatch(batch)
    nonisolated(unsafe) let server = try CaseServer(store: store)
    let stop = Atomic<Bool>(false), stopped = Atomic<Bool>(false)
    Thread.detachNewThread {
        server.run(tick: 5) { stop.load(ordering: .relaxed) }
        stopped.store(true, ordering: .relaxed)
    }
    let socket = CaseServer.socketPath(dataDirectory: dir)

    // Each console on its own thread, waiting on its socket like the real console does.
    let latencies = Mutex<[Double]>([])
    let running = Atomic<Bool>(true)
    let ready = Atomic<Int>(0)
    for n in 0..<clients {
        Thread.detachNewThread {
            guard let console = try? RemoteCaseService(socketPath: socket, client: "bench console \(n)", role: .console) else { return }
            ready.add(1, ordering: .relaxed)
            var p = pollfd(fd: console.changeFeedDescriptor ?? -1, events: Int16(POLLIN), revents: 0)
            while running.load(ordering: .relaxed) {
                guard poll(&p, 1, 50) > 0 else { continue }
                let received = Date()
                let fresh = console.pollChanges()
                latencies.withLock { $0 += fresh.map { received.timeIntervalSince($0.at) } }
            }
            console.close()
        }
    }
    while ready.load(ordering: .relaxed) < clients { usleep(1000) }

    // Intake at `rate` messages a second through the server, as `frontline intake` would.
    let writer = try RemoteCaseService(socketPath: socket, client: "bench intake", role: .command, subscribe: false)
    let start = Date()
    var sent = 0
    var liveEvents = 0
    while Date().timeIntervalSince(start) < duration {
        let due = start.addingTimeInterval(Double(sent) / rate)
        if due > Date() { usleep(UInt32(max(0, due.timeIntervalSinceNow) * 1_000_000)) }
        liveEvents += try writer.perform(.receive(IncomingMessage(customerName: "Live \(sent)", customerEmail: "", language: "sv",
                                                                  subject: "Hej", body: "Ett nytt meddelande")), actor: "intake").count
        sent += 1
    }
    usleep(300_000)
    running.store(false, ordering: .relaxed)
    usleep(200_000)   // let every console see the flag before the throughput run starts
    let all = latencies.withLock { $0 }.sorted()

    // Throughput: one writer, as fast as the server (and its fsync) allows.
    let ids = Array(store.desk.caseOrder.prefix(300))
    let t0 = Date()
    for id in ids { try writer.perform(.note(id, body: "bench"), actor: "alice") }
    let perSecond = Double(ids.count) / Date().timeIntervalSince(t0)
    writer.close()

    // Twenty writers at once, each waiting for its answer: the server's round-by-round group
    // commit shares an fsync among the commands that arrive together.
    let writersCount = 20, perWriter = 200
    let syncsBefore = store.journalSyncs
    let manyStart = Date()
    let done = DispatchGroup()
    for w in 0..<writersCount {
        done.enter()
        Thread.detachNewThread {
            defer { done.leave() }
            guard let client = try? RemoteCaseService(socketPath: socket, client: "bench writer \(w)", role: .command, subscribe: false) else { return }
            for i in 0..<perWriter { _ = try? client.perform(.note(ids[(w * perWriter + i) % ids.count], body: "w\(w)"), actor: "agent\(w)") }
            client.close()
        }
    }
    done.wait()
    let manySeconds = Date().timeIntervalSince(manyStart)
    let manySyncs = store.journalSyncs - syncsBefore

    func pct(_ p: Double) -> Double { all.isEmpty ? .nan : all[min(all.count - 1, Int(Double(all.count - 1) * p))] * 1000 }
    say(String(format: "fan-out: %d consoles, intake at %.0f/s for %.0f s: %d of %d events delivered; action → on every console p50 %.2f ms, p99 %.2f ms, max %.2f ms",
               clients, rate, duration, all.count, liveEvents * clients, pct(0.5), pct(0.99), pct(1.0)))
    say(String(format: "actions through the server, one writer waiting for each: %.0f /s", perSecond))
    say(String(format: "actions through the server, %d writers at once: %.0f /s (%d commands, %d fsyncs)",
               writersCount, Double(writersCount * perWriter) / manySeconds, writersCount * perWriter, manySyncs))
    say("  (latency: from the event's time, stamped before its fsync and kept to the millisecond, to the console's receipt)")
    stop.store(true, ordering: .relaxed)
    while !stopped.load(ordering: .relaxed) { usleep(1000) }
    store.close()
}
