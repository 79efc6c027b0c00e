import ArgumentParser
import Foundation
import FrontlineClient
import FrontlineConsole
import FrontlineCore
import FrontlineMailDesk
import FrontlineServer
import FrontlineStore
import NcursesBackend

struct ConsoleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "console",
        abstract: "Open the console (the default).")

    @OptionGroup var global: GlobalOptions

    @Flag(help: "Seed a demo queue first if the store is empty.")
    var demo = false

    @Flag(help: "Open the store in this process instead of through a server (nothing else can use the data directory meanwhile).")
    var standalone = false

    @Option(help: ArgumentHelp("Colour theme: dark, light, high-contrast, monochrome, or a user theme.", valueName: "NAME"))
    var theme: String?

    @Option(help: "Open the desk as it was then, read-only and standing still: \"2026-11-30 10:42\", yesterday, 2h (ago).")
    var at: String?

    func run() throws {
        let env = global.environment
        let (config, chosen) = try global.loadConfigAndTheme(explicit: theme)
        let templates = try global.loadTemplates()
        let solutions = try global.loadSolutions()

        let moment = try at.map(DeskHistory.moment)
        let opened: OpenedStore? = moment == nil ? try global.openSharedService(owner: "frontline console", role: .console, standalone: standalone) : nil
        let store: CaseService = try opened?.service
            ?? FrozenCaseService(try DeskHistory.desk(at: moment!, global: global), notice: "the desk as it was at \(ISOTime.format(moment!)) · read-only · q quits")
        defer { store.close() }
        if let opened, demo && store.desk.cases.isEmpty {
            do {
                switch opened {
                case let .own(local):
                    try DemoSeeder.seed(local, count: 60, seed: 42)
                case let .server(remote):
                    // The server generates it (only the store may backdate); its events arrive on the feed.
                    try remote.run(.demo, count: 60, seed: 42) { _ in }
                }
            } catch {
                throw CleanExit.failure("demo: \(error)")
            }
        }

        // On a team desk another Unix user is their login name: "Mine" and presence must agree.
        let agent = global.actingName(on: store)
        let terminal: NcursesTerminal
        do {
            terminal = try NcursesTerminal(colour: ThemeChoice.usesColour(explicit: theme, environment: env))
        } catch {
            throw CleanExit.failure("\(error)")
        }
        terminal.wakeDescriptor = { store.changeFeedDescriptor }
        let host = NcursesHost(terminal)
        var options = ConsoleApp.Options(agent: agent, levels: config.levels)
        // Alone with the store, this process mails the replies itself; otherwise the server does.
        var mailer: OutboxWorker?
        if case let .own(local)? = opened { mailer = MailWiring.startLocalWorker(store: local, mail: config.mail) }
        options.mailDestination = mailer?.transportDescription ?? store.mailDestination
        options.saveAttachment = MailFiles.attachmentSaver(dataDirectory: global.resolvedDataDir, store: config.store)
        options.templates = templates
        options.authority = config.authority
        options.solutions = solutions
        options.language = UILanguage.chosen(config: config.language, environment: env)
        options.review = config.review.named(in: options.language)
        options.clockSeparator = config.clockSeparator
        // `:at`: the log read as `--at` reads it; alone with the store, from the store this console holds.
        let global = self.global
        if case let .own(local)? = opened {
            options.history = { moment in
                var past = DeskAtMoment(moment)
                try local.forEachJournaledEvent { past.fold($0) }
                return past.desk
            }
        } else {
            options.history = { moment in try DeskHistory.desk(at: moment, global: global) }
        }
        let clock: WallClock = moment.map { StoppedClock($0) as WallClock } ?? SystemClock()
        let app = ConsoleApp(service: store, backend: terminal, host: host, clock: clock, theme: chosen, options: options)
        let reason = app.run()
        mailer?.stop()
        terminal.shutdown()
        if let reason {
            let draft = app.state.editorCaseID.flatMap { store.desk.draft(caseID: $0, agent: agent) } != nil
            printError("stopped: \(reason)" + (draft ? "; your draft is saved" : ""))
            store.close()
            // A requested stop (SIGTERM, SIGINT, an ssh hangup) is a clean exit; a vanished terminal is not.
            Foundation.exit(terminal.terminalGone ? 1 : 0)
        }
    }
}

/// Adapts the ncurses terminal to what the run loop needs from its host.
final class NcursesHost: ConsoleHost {
    let terminal: NcursesTerminal
    init(_ t: NcursesTerminal) { terminal = t }
    var exitReason: String? { terminal.stopReason }
    func runOutsideFullScreen(_ body: () -> Void) {
        terminal.leaveFullScreen()
        body()
        terminal.enterFullScreen()
    }
    func suspend() { terminal.suspend() }
}
