import ArgumentParser
import Foundation
import FrontlineServer
import FrontlineStore
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Set by SIGTERM/SIGINT: the serve loop checks it between rounds.
private let stopRequested = Atomic<Bool>(false)

private func requestStop(_: Int32) {
    stopRequested.store(true, ordering: .relaxed)
}

struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the team server for a data directory in the foreground (for systemd or tmux).",
        discussion: "One process owns the store; consoles and commands on the same data directory connect to it through <data dir>/run/frontline.sock and share one live queue. SIGTERM or Ctrl-C writes a snapshot and exits; `frontline serve --stop` asks a running server to do so.")

    @OptionGroup var global: GlobalOptions

    @Flag(help: "Stop the server running for this data directory (SIGTERM to the pid that holds it) and wait for it to exit.")
    var stop = false

    func run() throws {
        if stop { return try stopRunningServer() }
        let store = try global.openStore(owner: "frontline serve")
        let server: CaseServer
        do {
            server = try CaseServer(store: store)
        } catch {
            store.close()
            throw CleanExit.failure("cannot serve \(global.resolvedDataDir): \(error)")
        }
        signal(SIGTERM, requestStop)
        signal(SIGINT, requestStop)
        signal(SIGPIPE, SIG_IGN)
        printError("serving \(global.resolvedDataDir) at \(CaseServer.socketPath(dataDirectory: global.resolvedDataDir)) (pid \(getpid()))")
        server.run { stopRequested.load(ordering: .relaxed) }
        do { try store.snapshotNow() } catch { printError("final snapshot failed: \(error); the journal has everything") }
        store.close()
        printError("stopped")
    }

    /// Finds the server by the pid in the data directory's lock file and asks it to stop.
    func stopRunningServer() throws {
        let lockPath = (global.resolvedDataDir as NSString).appendingPathComponent("lock")
        guard let text = try? String(contentsOfFile: lockPath, encoding: .utf8),
              let pid = Int32(text.split(separator: " ").first ?? ""), pid > 0,
              text.contains("frontline serve") else {
            throw CleanExit.failure("no frontline server is recorded in \(lockPath)")
        }
        guard kill(pid, SIGTERM) == 0 else {
            throw CleanExit.failure("no server is running for \(global.resolvedDataDir) (pid \(pid) is gone)")
        }
        for _ in 0..<300 {
            if kill(pid, 0) != 0 { print("stopped the server (pid \(pid))"); return }
            usleep(20_000)
        }
        throw CleanExit.failure("the server (pid \(pid)) did not stop within 6 s")
    }
}
