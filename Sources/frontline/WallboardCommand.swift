import ArgumentParser
import Foundation
import FrontlineConsole
import FrontlineCore
import FrontlineStore
import NcursesBackend

struct WallboardCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "wallboard",
        abstract: "A read-only full-screen view of the queue for a shared terminal; q quits.",
        discussion: "Shows the oldest customer's wait in large digits, the number waiting, an age histogram, "
            + "SLA breaches (and those due within 30 minutes), open escalations, follow-ups and, per agent, "
            + "open cases, the oldest wait and replies today. Redraws every second and on resize. It watches the live "
            + "queue through the data directory's server, starting one in the background if none runs.")

    @OptionGroup var global: GlobalOptions

    @Flag(help: "Show no customer names or subjects (for a screen anyone can see).")
    var redact = false

    @Option(help: ArgumentHelp("Colour theme: dark, light, high-contrast, monochrome, or a user theme.", valueName: "NAME"))
    var theme: String?

    @Flag(help: "Open the store in this process instead of through a server (nothing else can use the data directory meanwhile).")
    var standalone = false

    @Option(help: "Show the wallboard as it was then, standing still: \"2026-11-30 10:42\", yesterday, 2h (ago). Reads the whole event log.")
    var at: String?

    func run() throws {
        let env = global.environment
        let (config, chosen) = try global.loadConfigAndTheme(explicit: theme)

        let moment = try at.map(DeskHistory.moment)
        let store: CaseService = try moment.map { FrozenCaseService(try DeskHistory.desk(at: $0, global: global)) }
            ?? global.openSharedService(owner: "frontline wallboard", role: .wallboard, standalone: standalone).service
        defer { store.close() }
        let clock: WallClock = moment.map { StoppedClock($0) as WallClock } ?? SystemClock()

        let terminal: NcursesTerminal
        do {
            terminal = try NcursesTerminal(colour: ThemeChoice.usesColour(explicit: theme, environment: env))
        } catch {
            throw CleanExit.failure("\(error)")
        }
        var options = WallboardApp.Options(levels: config.levels, redact: redact)
        options.language = UILanguage.chosen(config: config.language, environment: env)
        options.clockSeparator = config.clockSeparator
        let app = WallboardApp(service: store, backend: terminal, host: NcursesHost(terminal), clock: clock, theme: chosen, options: options)
        let reason = app.run()
        terminal.shutdown()
        if let reason {
            printError("stopped: \(reason)")
            store.close()
            Foundation.exit(terminal.terminalGone ? 1 : 0)
        }
    }
}
