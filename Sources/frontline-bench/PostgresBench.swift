import Foundation
import FrontlineClient
import FrontlineCore
import FrontlinePostgres
import FrontlineServer
import FrontlineStore
import Synchronization

/// Two team servers on one PostgreSQL (an empty desk with the schema made), each with its own
/// data directory and socket, against one server on the local store in the same run: actions a
/// second through one server and through both at once, and how long an action on server A takes
/// to reach a console on server B.
func benchPostgres(url: String, passfile: String?, rate: Double = 40, seconds duration: Double = 5) throws {
    let base = FileManager.default.temporaryDirectory.appendingPathComponent("frontline-pgbench-\(getpid())").path
    defer { try? FileManager.default.removeItem(atPath: base) }
    let postgres = try PostgresURL(url, passfile: passfile)
    func start(_ store: any DeskStore) throws -> (socket: String, stop: @Sendable () -> Void) {
        nonisolated(unsafe) let server = try CaseServer(store: store)
        let stop = Atomic<Bool>(false), stopped = Atomic<Bool>(false)
        Thread.detachNewThread {
            server.run(tick: 5) { stop.load(ordering: .relaxed) }
            stopped.store(true, ordering: .relaxed)
        }
        return (CaseServer.socketPath(dataDirectory: store.dataDirectory), {
            stop.store(true, ordering: .relaxed)
            while !stopped.load(ordering: .relaxed) { usleep(1000) }
            store.close()
        })
    }
    let a = try start(try PostgresCaseService(url: postgres, runDirectory: base + "/a", owner: "bench server A"))
    let b = try start(try PostgresCaseService(url: postgres, runDirectory: base + "/b", owner: "bench server B"))
    let local = try start(try LocalCaseService(path: base + "/local", owner: "bench local server"))

    // A console on server B, waiting on its socket as the real console does.
    let latencies = Mutex<[Double]>([])
    let running = Atomic<Bool>(true), ready = Atomic<Bool>(false)
    let socketB = b.socket
    Thread.detachNewThread {
        guard let console = try? RemoteCaseService(socketPath: socketB, client: "bench console on B", role: .console) else { return }
        ready.store(true, ordering: .relaxed)
        var p = pollfd(fd: console.changeFeedDescriptor ?? -1, events: Int16(POLLIN), revents: 0)
        while running.load(ordering: .relaxed) {
            guard poll(&p, 1, 50) > 0 else { continue }
            let received = Date()
            latencies.withLock { $0 += console.pollChanges().map { received.timeIntervalSince($0.at) } }
        }
        console.close()
    }
    while !ready.load(ordering: .relaxed) { usleep(1000) }
    let writerA = try RemoteCaseService(socketPath: a.socket, client: "bench intake on A", role: .command, subscribe: false)
    let started = Date()
    var sent = 0, events = 0
    while Date().timeIntervalSince(started) < duration {
        let due = started.addingTimeInterval(Double(sent) / rate)
        if due > Date() { usleep(UInt32(max(0, due.timeIntervalSinceNow) * 1_000_000)) }
        events += try writerA.perform(.receive(IncomingMessage(customerName: "Live \(sent)", customerEmail: "", language: "sv", subject: "Hej", body: "Ett nytt meddelande")), actor: "intake").count
        sent += 1
    }
    usleep(1_500_000)
    running.store(false, ordering: .relaxed)
    usleep(200_000)
    let all = latencies.withLock { $0 }.sorted()
    func pct(_ p: Double) -> Double { all.isEmpty ? .nan : all[min(all.count - 1, Int(Double(all.count - 1) * p))] * 1000 }
    say(String(format: "postgres: action on server A → a console on server B: %d of %d events, p50 %.1f ms, p99 %.1f ms, max %.1f ms (intake at %.0f/s for %.0f s)",
               all.count, events, pct(0.5), pct(0.99), pct(1.0), rate, duration))

    // One writer waiting for each answer: through the local store, through PostgreSQL.
    @Sendable func notes(_ socket: String, _ count: Int, _ who: String) throws -> Double {
        let w = try RemoteCaseService(socketPath: socket, client: "bench \(who)", role: .command, subscribe: false)
        defer { w.close() }
        let ids = (0..<50).map { "C-\(1000 + $0)" }   // both desks opened these first
        let t0 = Date()
        for i in 0..<count { try w.perform(.note(ids[i % ids.count], body: "bench \(i)"), actor: who) }
        return Double(count) / Date().timeIntervalSince(t0)
    }
    let seedLocal = try RemoteCaseService(socketPath: local.socket, client: "bench seed", role: .command, subscribe: false)
    for i in 0..<50 { try seedLocal.perform(.receive(IncomingMessage(customerName: "C \(i)", customerEmail: "", language: "en", subject: "x", body: "y")), actor: "intake") }
    seedLocal.close()
    say(String(format: "actions, one writer waiting for each: local store %.0f /s, one server on PostgreSQL %.0f /s",
               try notes(local.socket, 300, "alice"), try notes(a.socket, 300, "alice")))
    // One writer on each server at once: every commit moves the desk, so the other re-decides.
    let both = Mutex<[Double]>([])
    let done = DispatchGroup()
    let t0 = Date()
    for (socket, who) in [(a.socket, "alice"), (b.socket, "bob")] {
        done.enter()
        Thread.detachNewThread {
            defer { done.leave() }
            do { let rate = try notes(socket, 300, who); both.withLock { $0.append(rate) } } catch { say("  \(who) on \(socket): \(error)") }
        }
    }
    done.wait()
    let total = 600 / Date().timeIntervalSince(t0)
    say(String(format: "actions, a writer on each of two servers at once: %.0f /s together (%@)", total,
               both.withLock { $0 }.map { String(format: "%.0f", $0) }.joined(separator: " + ")))
    writerA.close()
    a.stop(); b.stop(); local.stop()
}

/// How long a new server takes to join the desk at `url`: folding the whole log, then serving.
func benchPostgresJoin(url: String, passfile: String?) throws {
    let base = FileManager.default.temporaryDirectory.appendingPathComponent("frontline-pgjoin-\(getpid())").path
    defer { try? FileManager.default.removeItem(atPath: base) }
    let postgres = try PostgresURL(url, passfile: passfile)
    let t0 = Date()
    let store = try PostgresCaseService(url: postgres, runDirectory: base, owner: "bench join")
    let seconds = Date().timeIntervalSince(t0)
    say(String(format: "postgres: a new server joins a desk of %d cases (%llu events) in %.2f s (the whole log folded)", store.desk.cases.count, store.desk.lastSequence, seconds))
    let t1 = Date()
    try store.snapshotNow()
    say(String(format: "  its snapshot on stopping: %.2f s", Date().timeIntervalSince(t1)))
    store.close()
    let t2 = Date()
    let again = try PostgresCaseService(url: postgres, runDirectory: base, owner: "bench join again")
    say(String(format: "  restarted from its snapshot: %.2f s (%d cases)", Date().timeIntervalSince(t2), again.desk.cases.count))
    again.close()
}
