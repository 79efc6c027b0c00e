import ArgumentParser
import Foundation
import FrontlineConsole
import FrontlineCore
import FrontlinePostgres
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

/// Set by SIGHUP: the loop re-reads the config (team roles) between rounds.
private let reloadRequested = Atomic<Bool>(false)

private func requestReload(_: Int32) {
    reloadRequested.store(true, ordering: .relaxed)
}

struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the team server for a data directory in the foreground (for systemd or tmux).",
        discussion: "One process owns the store; consoles and commands on the same data directory connect to it through <data dir>/run/frontline.sock and share one live queue. SIGTERM or Ctrl-C writes a snapshot and exits; `frontline serve --stop` asks a running server to do so.")

    @OptionGroup var global: GlobalOptions

    @Option(help: ArgumentHelp("The config file with the [team] roles (default $XDG_CONFIG_HOME/frontline/config.toml). SIGHUP re-reads it.", valueName: "FILE"))
    var config: String?

    @Option(help: ArgumentHelp("Keep the desk's event log in PostgreSQL (postgres://user@host:port/db, no password) instead of the data directory's journal; several servers on one database serve one desk. The data directory still holds the socket, the lock and the outbox.", valueName: "URL"))
    var store: String?

    @Option(help: ArgumentHelp("The PostgreSQL password file (else PGPASSFILE or ~/.pgpass).", valueName: "FILE"))
    var passfile: String?

    @Option(help: .hidden) var exitWhenIdle: Int?
    /// On PostgreSQL: a snapshot of the log after this many events (tests; default 100,000).
    @Option(help: .hidden) var snapshotEvents: Int?
    /// How often the loop looks for broken promises, lapsed reservations and feedback due (tests).
    @Option(help: .hidden) var promiseCheckSeconds: Double?

    @Flag(help: "Stop the server running for this data directory (SIGTERM to the pid that holds it) and wait for it to exit.")
    var stop = false

    func run() throws {
        if stop { return try stopRunningServer() }
        let config = try global.loadConfig(path: configPath)
        let team = config.team
        let groupID = try team.group.map(Self.groupID)
        let store = try openDeskStore(config: config)
        let server: CaseServer
        do {
            if let groupID { try shareDataDirectory(with: groupID) }
            server = try CaseServer(store: store, team: team, groupID: groupID)
            server.exitWhenIdle = exitWhenIdle.map(TimeInterval.init)
            server.promiseGrace = config.promiseGrace
            server.feedbackRules = config.feedback
            if let seconds = promiseCheckSeconds { server.promiseCheckInterval = seconds }
        } catch {
            store.close()
            throw CleanExit.failure("cannot serve \(store.location): \(error)")
        }
        signal(SIGTERM, requestStop)
        signal(SIGINT, requestStop)
        signal(SIGPIPE, SIG_IGN)
        signal(SIGHUP, requestReload)
        let mailer = MailWiring.startWorker(for: server, store: store, mail: config.mail, dataDirectory: global.resolvedDataDir)
        server.mailDestination = mailer.transportDescription
        printError("replies go to \(mailer.transportDescription)")
        printError("serving \(store.location) at \(CaseServer.socketPath(dataDirectory: global.resolvedDataDir)) (pid \(getpid())); \(Self.summary(team))")
        server.run {
            if reloadRequested.exchange(false, ordering: .relaxed) { reload(into: server, store: store) }
            return stopRequested.load(ordering: .relaxed)
        }
        mailer.stop()
        server.performSubmitted()   // outcomes the sender reported as the loop stopped
        do { try store.snapshotNow() } catch { printError("final snapshot failed: \(error); the journal has everything") }
        store.close()
        printError(stopRequested.load(ordering: .relaxed) ? "stopped" : "stopped: no client for \(exitWhenIdle ?? 0) s")
    }

    /// The data directory's own journal, or the desk's log in PostgreSQL (`--store`).
    func openDeskStore(config: FrontlineConfig) throws -> any DeskStore {
        // --store over config.toml's [store]; neither: the data directory's own journal.
        let store = self.store ?? config.store?.url, passfile = self.passfile ?? (self.store == nil ? config.store?.passfile : nil)
        guard let store, PostgresURL.names(store) else {
            if let store { throw CleanExit.failure("--store \(store): give a postgres:// URL (without it the data directory's own journal is used)") }
            // A short command (cron's `queue`, a script's `note`) may hold the store for a moment.
            return try global.openStore(owner: "frontline serve", config: config, patience: 5)
        }
        do {
            let opened = try PostgresCaseService(url: try PostgresURL(store, passfile: passfile), runDirectory: global.resolvedDataDir,
                                                 owner: "frontline serve, agent \(global.resolvedAgent)", snapshotInterval: snapshotEvents ?? 100_000)
            try global.configure(opened, config: config)
            for note in opened.recoveryNotes { printError("recovered: \(note)") }
            printError("\(opened.location): \(opened.opening)")
            return opened
        } catch let e as CleanExit.Failure {
            throw e
        } catch {
            throw CleanExit.failure("cannot serve \(store): \(error)")
        }
    }

    var configPath: String {
        config ?? XDGPaths(environment: global.environment).configHome + "/frontline/config.toml"
    }

    /// SIGHUP: a broken file keeps the roles and allowances in force and says why (a typo must
    /// not lock the team out).
    func reload(into server: CaseServer, store: any DeskStore) {
        do {
            let config = try FrontlineConfig.load(path: configPath)
            let team = config.team
            if team.group != server.team.group { printError("config: team.group changes take effect at the next start") }
            server.replaceTeam(team)
            store.authority = config.authority
            printError("reloaded \(configPath): \(Self.summary(team))")
        } catch {
            printError("reload failed, keeping the roles in force: \(error)")
        }
    }

    static func summary(_ team: TeamAccess) -> String {
        let listed = team.roles.isEmpty ? "no users listed" : "\(team.roles.count) user\(team.roles.count == 1 ? "" : "s") listed"
        let others = team.defaultRole.map { "others are \($0.rawValue)s" } ?? "others refused"
        return "team: \(listed), \(others)\(team.group.map { ", socket shared with group \($0)" } ?? "")"
    }

    static func groupID(_ name: String) throws -> UInt32 {
        guard let entry = getgrnam(name) else { throw CleanExit.failure("config: team.group \"\(name)\" is not a Unix group on this machine") }
        return entry.pointee.gr_gid
    }

    /// The team's group may pass through the data directory to reach `run/` (0710: no listing,
    /// and every file in it stays 0600, the server's alone).
    func shareDataDirectory(with group: UInt32) throws {
        let dir = global.resolvedDataDir
        guard chown(dir, uid_t.max, gid_t(group)) == 0, chmod(dir, 0o710) == 0 else {
            throw CleanExit.failure("cannot share \(dir) with group \(group): \(String(cString: strerror(errno)))")
        }
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
