import Foundation
import FrontlineClient
import FrontlineConsole
import FrontlineCore
import FrontlineServer
import FrontlineTUI
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// A real `frontline serve` (the release binary beside this one) on the benchmark's store: how
/// long it takes to answer, its memory alone and with `consoles` subscribed consoles, and a
/// console's first paint through it (in a fresh child process, as an agent would start one).
func benchServer(dataDirectory dir: String, consoles: Int) throws {
    let frontline = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("frontline").path
    guard FileManager.default.isExecutableFile(atPath: frontline) else {
        say("server: skipped, no frontline binary at \(frontline) (build it: swift build -c release)")
        return
    }
    let socket = CaseServer.socketPath(dataDirectory: dir)
    let server = Process()
    server.executableURL = URL(fileURLWithPath: frontline)
    server.arguments = ["serve", "--data-dir", dir]
    server.standardError = FileHandle.nullDevice
    let started = nowNanos()
    try server.run()
    defer {
        server.terminate()
        server.waitUntilExit()
    }
    var probe: RemoteCaseService?
    while probe == nil {
        probe = try? RemoteCaseService(socketPath: socket, client: "bench probe", role: .command, subscribe: false)
        if probe == nil { usleep(5_000) }
        if Double(nowNanos() - started) / 1e9 > 60 { throw CocoaError(.fileReadUnknown) }
    }
    let answered = Double(nowNanos() - started) / 1e9
    probe?.close()
    let pid = String(server.processIdentifier)
    let alone = residentBytes(pid: pid)
    say(String(format: "server: answers %.0f ms after start; %.1f MiB resident with no console", answered * 1000, Double(alone) / 1048576))

    // The first console after the server started (its copy is encoded for it), then one joining
    // an unchanged desk (the copy is already made).
    for who in ["the first console after the server started", "a console joining an unchanged desk"] {
        say("server: \(who):")
        let child = Process()
        child.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
        child.arguments = ["--measure-remote-open", socket]
        try child.run()
        child.waitUntilExit()
    }

    // An agent working while a colleague's console joins: the desk changed, so the server must
    // encode a fresh copy; the agent's actions should not wait for it.
    let writer = try RemoteCaseService(socketPath: socket, client: "bench writer", role: .command, subscribe: false)
    let target = probeCase(socket: socket)
    _ = try writer.perform(.note(target, body: "before the join"), actor: "alice")
    nonisolated(unsafe) var joiner: RemoteCaseService?
    let joined = Atomic<Bool>(false)
    Thread.detachNewThread {
        joiner = try? RemoteCaseService(socketPath: socket, client: "bench joiner", role: .console)
        joined.store(true, ordering: .releasing)
    }
    var during: [Double] = []
    while !joined.load(ordering: .acquiring) {
        during.append(try seconds { _ = try writer.perform(.note(target, body: "while a console joins"), actor: "alice") })
    }
    joiner?.close()
    say(String(format: "server: %d actions while a console joined, slowest %.1f ms, p99 %.1f ms, median %.1f ms", during.count,
               (during.max() ?? 0) * 1000, during.isEmpty ? 0 : percentile(during, 0.99) * 1000,
               during.isEmpty ? 0 : percentile(during, 0.5) * 1000))

    // A supervisor exports the whole event log while the agent keeps working.
    let exported = Atomic<Int>(0)
    let exportDone = Atomic<Bool>(false)
    let exportStart = nowNanos()
    Thread.detachNewThread {
        if let exporter = try? RemoteCaseService(socketPath: socket, client: "bench export", role: .command, subscribe: false) {
            try? exporter.run(.exportEvents) { _ in exported.add(1, ordering: .relaxed) }
            exporter.close()
        }
        exportDone.store(true, ordering: .releasing)
    }
    var whileExporting: [Double] = []
    while !exportDone.load(ordering: .acquiring) {
        whileExporting.append(try seconds { _ = try writer.perform(.note(target, body: "while exporting"), actor: "alice") })
    }
    let exportTime = Double(nowNanos() - exportStart) / 1e9
    writer.close()
    say(String(format: "server: export --events of %d events took %.1f s; %d actions meanwhile, slowest %.1f ms, median %.1f ms",
               exported.load(ordering: .relaxed), exportTime, whileExporting.count,
               (whileExporting.max() ?? 0) * 1000, whileExporting.isEmpty ? 0 : percentile(whileExporting, 0.5) * 1000))

    try benchBusyDesk(socket: socket)

    var connected: [RemoteCaseService] = []
    let syncTime = try seconds {
        for n in 0..<consoles { connected.append(try RemoteCaseService(socketPath: socket, client: "bench console \(n)", role: .console)) }
    }
    let busy = residentBytes(pid: pid)
    let peak = residentBytes(pid: pid, field: "VmHWM")
    say(String(format: "server: %.1f MiB resident with %d consoles subscribed (peak %.1f MiB while %d syncs were sent, %.0f ms each)",
               Double(busy) / 1048576, consoles, Double(peak) / 1048576, consoles, syncTime * 1000 / Double(consoles)))
    for c in connected { c.close() }
}

/// A case id to write notes on (the first case of the store, via a one-off copy).
func probeCase(socket: String) -> CaseID {
    guard let probe = try? RemoteCaseService(socketPath: socket, client: "bench probe", role: .command) else { return "C-1000" }
    defer { probe.close() }
    return probe.desk.caseOrder.first ?? "C-1000"
}

/// Child mode: connect to the server, take its copy of the store, paint one frame.
func measureRemoteOpen(_ socket: String) throws {
    let backend = TestBackend(width: 160, height: 48)
    var service: RemoteCaseService!
    var syncTime = 0.0
    let firstPaint = try seconds {
        syncTime = try seconds { service = try RemoteCaseService(socketPath: socket, client: "bench console", role: .console) }
        let app = ConsoleApp(service: service, backend: backend, host: BenchHost(), clock: SystemClock(), theme: Theme.fallbackMonochrome,
                             options: ConsoleApp.Options(agent: "alice"))
        backend.present(app.frame())
    }
    say("first paint through the server (connect + copy of the store + queue + render): \(ms(firstPaint)) — of which the copy \(ms(syncTime))")
    service.close()
}
