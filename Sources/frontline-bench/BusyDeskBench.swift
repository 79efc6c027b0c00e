import Foundation
import FrontlineClient
import FrontlineConsole
import FrontlineCore
import FrontlineTUI
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// An agent's keystrokes on a console joined to the server while the rest of the team works:
/// `colleagues` agents each acting once a second (notes and replies on the first thousand
/// cases) and the mail intake opening cases at `intakePerSecond`. A keystroke's time is the
/// key plus the frame, which folds whatever arrived since the last one, as in the console.
func benchBusyDesk(socket: String, colleagues: Int = 20, intakePerSecond: Int = 50, keys: Int = 400) throws {
    let console = try RemoteCaseService(socketPath: socket, client: "bench busy console", role: .console)
    defer { console.close() }
    let backend = TestBackend(width: 160, height: 48)
    let app = ConsoleApp(service: console, backend: backend, host: BenchHost(), clock: SystemClock(), theme: Theme.fallbackMonochrome,
                         options: ConsoleApp.Options(agent: "alice"))
    backend.present(app.frame())
    let targets = Array(console.desk.caseOrder.prefix(1000))
    let stop = Atomic<Bool>(false)
    let acted = Atomic<Int>(0)
    let group = DispatchGroup()

    func worker(_ name: String, every interval: Double, _ act: @escaping @Sendable (RemoteCaseService, Int) throws -> Void) {
        group.enter()
        Thread.detachNewThread {
            defer { group.leave() }
            guard let client = try? RemoteCaseService(socketPath: socket, client: name, role: .command, subscribe: false) else { return }
            defer { client.close() }
            var n = 0
            let start = nowNanos()
            while !stop.load(ordering: .relaxed) {
                if (try? act(client, n)) != nil { acted.add(1, ordering: .relaxed) }
                n += 1
                // Paced by the clock, not by how long the action took.
                let next = start + UInt64(Double(n) * interval * 1e9)
                let now = nowNanos()
                if next > now { usleep(useconds_t((next - now) / 1000)) }
            }
        }
    }
    for w in 0..<colleagues {
        worker("colleague \(w)", every: 1.0) { client, n in
            let id = targets[(w * 37 + n * 11) % targets.count]
            _ = try client.perform(n % 3 == 0 ? .reply(id, body: "Update from colleague \(w)") : .note(id, body: "Checked (\(w)/\(n))"),
                                   actor: "agent\(w)")
        }
    }
    worker("intake", every: 1.0 / Double(intakePerSecond)) { client, n in
        _ = try client.perform(.receive(IncomingMessage(customerName: "Busy Customer \(n)", customerEmail: "busy\(n % 500)@example.com",
                                                        language: "sv", subject: "Order \(n)", body: "Var är mitt paket?")), actor: "intake")
    }

    usleep(500_000)   // let the team get going
    var samples: [Double] = []
    let folded = console.desk.lastSequence
    for i in 0..<keys {
        samples.append(seconds {
            app.handle(.character(i % 2 == 0 ? "j" : "k"))
            backend.present(app.frame())
        })
        usleep(20_000)   // a fast typist: 50 keys a second
    }
    stop.store(true, ordering: .relaxed)
    group.wait()
    let events = console.desk.lastSequence - folded
    say("keystroke (j/k) on a console while \(colleagues) colleagues act once a second and intake opens \(intakePerSecond) cases/s: "
        + "median \(ms(percentile(samples, 0.5))), p99 \(ms(percentile(samples, 0.99))), max \(ms(samples.max() ?? 0)); "
        + "\(events) events folded over \(keys) keys, \(acted.load(ordering: .relaxed)) actions by the others")
}
