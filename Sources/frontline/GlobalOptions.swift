import ArgumentParser
import Foundation
import FrontlineClient
import FrontlineConsole
import FrontlineCore
import FrontlineProtocol
import FrontlineServer
import FrontlineStore

/// Options every subcommand takes: where the store is and who is acting.
struct GlobalOptions: ParsableArguments {
    @Option(name: .customLong("data-dir"), help: ArgumentHelp("The store's directory (env FRONTLINE_DATA_DIR; default $XDG_DATA_HOME/frontline).", valueName: "DIR"))
    var dataDir: String?

    @Option(help: ArgumentHelp("Who is acting (env FRONTLINE_AGENT; default your login name).", valueName: "NAME"))
    var agent: String?

    var environment: [String: String] { ProcessInfo.processInfo.environment }

    var resolvedDataDir: String {
        if let d = dataDir, !d.isEmpty { return d }
        if let d = environment["FRONTLINE_DATA_DIR"], !d.isEmpty { return d }
        return XDGPaths(environment: environment).dataHome + "/frontline"
    }

    var resolvedAgent: String {
        for candidate in [agent, environment["FRONTLINE_AGENT"], environment["USER"], environment["LOGNAME"]] {
            if let c = candidate?.trimmingCharacters(in: .whitespaces), !c.isEmpty { return c }
        }
        if let pw = getpwuid(getuid()), let name = pw.pointee.pw_name { return String(cString: name) }
        return "agent"
    }

    /// Who this program acts as on `service`: a team server names other Unix users itself
    /// (their login, whatever `--agent` says); otherwise the resolved `--agent`.
    func actingName(on service: CaseService) -> String {
        service.assignedName ?? resolvedAgent
    }

    func validate() throws {
        if let a = agent, a.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("--agent must not be empty") }
        if let a = agent, a.contains(where: { $0.isNewline || $0.asciiValue.map { $0 < 32 } ?? false }) {
            throw ValidationError("--agent must be a plain name")
        }
    }

    /// The store for a command that can work through the team server: the running server if
    /// there is one for this data directory, otherwise the store itself (in this process).
    /// `subscribe: false` for commands that only send (intake): no copy of the store to wait for.
    func openService(owner: String, role: ClientRole = .command, subscribe: Bool = true) throws -> CaseService {
        try open(owner: owner, role: role, subscribe: subscribe).service
    }

    /// The same, saying which of the two it is, for commands that do more when they own the store.
    func open(owner: String, role: ClientRole = .command, subscribe: Bool = true) throws -> OpenedStore {
        if let server = try connectToServer(role: role, subscribe: subscribe) { return .server(server) }
        return .own(try openStore(owner: owner))
    }

    /// The store for the console and the wallboard: the running server; with none, one started in
    /// the background for this data directory (which they then restart if it dies); with
    /// `standalone`, the store itself in this process (no other program can use it meanwhile).
    func openSharedService(owner: String, role: ClientRole, standalone: Bool) throws -> OpenedStore {
        if standalone { return .own(try openStore(owner: owner)) }
        let launcher = ServerLauncher(dataDirectory: resolvedDataDir)
        let service = try connectToServer(role: role) ?? launcher.startAndConnect(client: "frontline \(FrontlineVersion.string)", role: role)
        service.restartServer = launcher.restart
        return .server(service)
    }

    /// The running server for this data directory, or nil if none answers. `subscribe`: take a
    /// copy of the store (commands that only ask the server to do file work do not need one).
    func connectToServer(role: ClientRole = .command, subscribe: Bool = true) throws -> RemoteCaseService? {
        let socket = CaseServer.socketPath(dataDirectory: resolvedDataDir)
        if FileManager.default.fileExists(atPath: socket) {
            do {
                return try RemoteCaseService(socketPath: socket, client: "frontline \(FrontlineVersion.string)", role: role, subscribe: subscribe)
            } catch let failure as RemoteCaseService.Failure {
                // A refusal (another version, another user) is an answer: say it, do not work around it.
                throw CleanExit.failure(failure.description)
            } catch {
                // No server behind the socket (left by a crash): the lock decides who may open the store.
            }
        }
        return nil
    }

    /// Runs `kind` on the server if one owns the data directory, printing its output; false if
    /// there is none (the caller then works on the store itself).
    func runOnServer(_ kind: OperationRequest.Kind, count: Int? = nil, seed: UInt64? = nil) throws -> Bool {
        guard let server = try connectToServer(subscribe: false) else { return false }
        defer { server.close() }
        do {
            try server.run(kind, count: count, seed: seed) { print($0) }
        } catch {
            throw CleanExit.failure("\(error)")
        }
        return true
    }

    /// Opens the store for one command; the lock makes a second writer fail clearly.
    /// `patience`: how long to wait for another holder of the lock to let go (a cron `queue`, a
    /// script's `note` holds it for a moment) before saying who holds it.
    func openStore(owner: String, config: FrontlineConfig? = nil, patience: TimeInterval = 0) throws -> LocalCaseService {
        let config = try config ?? loadConfig()
        // A desk whose log is in PostgreSQL is never written to a local journal beside it.
        if let store = config.store {
            throw CleanExit.failure("the desk's log is in PostgreSQL ([store] in config.toml: \(store.url)) and no frontline server answers for \(resolvedDataDir): start it (frontline serve) and try again")
        }
        let deadline = Date().addingTimeInterval(patience)
        do {
            let store = try Self.retryingWhileBusy(until: deadline) {
                try LocalCaseService(path: resolvedDataDir, owner: "\(owner), agent \(resolvedAgent)")
            }
            try configure(store, config: config)
            // What recovery did (a torn tail cut, an older snapshot used) is never silent.
            for note in store.recoveryNotes where owner != "frontline console" { printError("recovered: \(note)") }
            return store
        } catch {
            throw CleanExit.failure("\(error)")
        }
    }
}

extension GlobalOptions {
    /// The config's mail settings, templates and goodwill rules, into the store that decides.
    func configure(_ store: any DeskStore, config: FrontlineConfig) throws {
        store.outboundMail = config.mail.outbound(levels: config.levels)
        // What the desk writes by itself uses the team's templates; a broken file must not
        // stop intake (a mail pipe), so it says why and the bundled ones are used.
        do { store.outboundMail.templates = try loadTemplates() } catch { printError("templates: \(error); the desk's own mail uses the bundled ones") }
        store.authority = config.authority
    }

    /// Runs `open` again while the data directory is in use by another process, until `deadline`.
    static func retryingWhileBusy<T>(until deadline: Date, _ open: () throws -> T) throws -> T {
        while true {
            do {
                return try open()
            } catch let e as StoreError {
                guard case .inUse = e.kind, Date() < deadline else { throw e }
                usleep(50_000)
            }
        }
    }

    /// The config file and the chosen theme, for the full-screen commands; errors name file and line.
    /// The reply templates: bundled, with `$XDG_CONFIG_HOME/frontline/templates/` laid over them.
    func loadTemplates() throws -> TemplateLibrary {
        do {
            return try TemplateLoader.library(directory: XDGPaths(environment: environment).configHome + "/frontline/templates")
        } catch {
            throw CleanExit.failure("\(error)")
        }
    }

    func loadSolutions() throws -> SolutionLibrary {
        do {
            return try SolutionLoader.library(directory: XDGPaths(environment: environment).configHome + "/frontline/solutions")
        } catch {
            throw CleanExit.failure("\(error)")
        }
    }

    func loadConfigAndTheme(explicit theme: String?) throws -> (FrontlineConfig, Theme) {
        let xdg = XDGPaths(environment: environment)
        let config: FrontlineConfig
        do { config = try FrontlineConfig.load(path: xdg.configHome + "/frontline/config.toml") } catch { throw CleanExit.failure("\(error)") }
        let name = ThemeChoice.name(explicit: theme, environment: environment, config: config)
        do {
            return (config, try ThemeLoader.load(name: name, userThemeDirectory: xdg.configHome + "/frontline/themes"))
        } catch {
            throw CleanExit.failure("\(error)")
        }
    }
}

/// XDG base directories with their documented fallbacks.
struct XDGPaths {
    var environment: [String: String]

    var home: String { environment["HOME"] ?? NSHomeDirectory() }
    var dataHome: String { nonEmpty("XDG_DATA_HOME") ?? home + "/.local/share" }
    var configHome: String { nonEmpty("XDG_CONFIG_HOME") ?? home + "/.config" }

    private func nonEmpty(_ key: String) -> String? {
        guard let v = environment[key], !v.isEmpty, v.hasPrefix("/") else { return nil }
        return v
    }
}

/// Prints a message to stderr and exits non-zero, without a stack of ArgumentParser noise.
enum CleanExit {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    static func failure(_ message: String) -> Failure { Failure(description: message) }
}


/// Writes to stderr (customer text never goes here unsanitised).
func printError(_ message: String) {
    FileHandle.standardError.write(Data(("frontline: " + message + "\n").utf8))
}

/// Runs a store action and reports it like every command does: the message on success, the
/// reason and exit 1 on refusal. Exit 0 means the change is durably stored.
func performAction(_ global: GlobalOptions, _ command: Command, owner: String, success: (String) -> String) throws {
    try performAction(global, command, owner: owner) { events, _ in success(events.first?.caseID ?? "") }
}

/// The same, for actions whose report depends on what was decided (an offer given or asked for).
func performAction(_ global: GlobalOptions, _ command: Command, owner: String, describe: ([Event], HelpDesk) -> String) throws {
    let opened = try global.open(owner: owner)
    let store = opened.service
    defer { store.close() }
    do {
        let events = try store.perform(command, actor: global.actingName(on: store))
        print(describe(events, store.desk))
        // Owning the store, nobody else would send a reply before the next server starts.
        if case let .own(local) = opened, !local.desk.undeliveredReplies.isEmpty {
            MailWiring.sendDueNow(local, mail: try global.loadConfig().mail)
        }
    } catch let e as CommandError {
        throw CleanExit.failure(e.text())
    } catch {
        throw CleanExit.failure("not stored: \(error)")
    }
}

/// What a command opened: the data directory itself (this process owns it) or the team server
/// that owns it. Commands that only read and act use `service`; the few that do more when they
/// own the store (send mail, read the journal, seed a demo) say so by matching.
enum OpenedStore {
    case own(LocalCaseService)
    case server(RemoteCaseService)

    var service: CaseService {
        switch self {
        case let .own(store): store
        case let .server(client): client
        }
    }
}
