import ArgumentParser
import Foundation
import FrontlineConsole
import FrontlineCore
import FrontlineStore
import NcursesBackend

struct ConsoleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "console",
        abstract: "Open the console (the default).")

    @OptionGroup var global: GlobalOptions

    @Flag(help: "Seed a demo queue first if the store is empty.")
    var demo = false

    @Option(help: ArgumentHelp("Colour theme: dark, light, high-contrast, monochrome, or a user theme.", valueName: "NAME"))
    var theme: String?

    func run() throws {
        let env = global.environment
        let (config, chosen) = try global.loadConfigAndTheme(explicit: theme)

        let store = try global.openService(owner: "frontline console", role: .console)
        defer { store.close() }
        if demo && store.desk.cases.isEmpty {
            // The demo backdates its cases, which only the store itself may do (not through a server).
            guard let local = store as? LocalCaseService else {
                throw CleanExit.failure("--demo needs the store itself, but a frontline server owns \(global.resolvedDataDir); run `frontline demo` before starting it")
            }
            do { try DemoSeeder.seed(local, count: 60, seed: 42) } catch { throw CleanExit.failure("demo: \(error)") }
        }

        let terminal: NcursesTerminal
        do {
            terminal = try NcursesTerminal(colour: ThemeChoice.usesColour(explicit: theme, environment: env))
        } catch {
            throw CleanExit.failure("\(error)")
        }
        terminal.wakeDescriptor = { store.changeFeedDescriptor }
        let host = NcursesHost(terminal)
        let app = ConsoleApp(service: store, backend: terminal, host: host, clock: SystemClock(), theme: chosen,
                             options: ConsoleApp.Options(agent: global.resolvedAgent, levels: config.levels))
        let reason = app.run()
        terminal.shutdown()
        if let reason {
            let draft = app.state.editorCaseID.flatMap { store.desk.draft(caseID: $0, agent: global.resolvedAgent) } != nil
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
