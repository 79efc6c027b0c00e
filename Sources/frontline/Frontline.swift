import ArgumentParser
import Foundation
import FrontlineConsole
import FrontlineCore

@main
struct Frontline: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "frontline",
        abstract: "A terminal help-desk console: work the live queue of customer cases.",
        discussion: "With no subcommand, opens the console. Every console action is also a subcommand, so scripts and cron jobs can work the same store. A command that exits 0 has durably stored its change. Global options (--data-dir, --agent) may come before or after the subcommand.",
        version: FrontlineVersion.string,
        subcommands: [
            ConsoleCommand.self, DemoCommand.self, IntakeCommand.self, QueueCommand.self, ShowCommand.self,
            ApologiseCommand.self, EscalateCommand.self, FollowUpCommand.self, FollowUpDoneCommand.self, FollowUpCancelCommand.self, FeedbackCommand.self,
            ReplyCommand.self, NoteCommand.self, AssignCommand.self, PriorityCommand.self, TagCommand.self,
            SolveCommand.self, ReopenCommand.self, TakeCommand.self, PendingCommand.self, ExportCommand.self, CheckCommand.self, ServeCommand.self,
            WallboardCommand.self, DeescalateCommand.self, SLACommand.self, OfferCommand.self, MakeItRightCommand.self, ApprovalsCommand.self, WantCommand.self, StockCommand.self, SolutionsCommand.self, ReportCommand.self, ReviewCommand.self, ApproveCommand.self, DeclineCommand.self, RawCommand.self, AttachmentCommand.self, SearchCommand.self, MigrateCommand.self,
        ],
        defaultSubcommand: ConsoleCommand.self
    )

    static func main() {
        do {
            let arguments = globalOptionsAfterSubcommand(Array(CommandLine.arguments.dropFirst()))
            var command = try directSubcommand(arguments) ?? parseAsRoot(arguments)
            // What the command says to the person who ran it, in their language (config, else locale).
            let env = ProcessInfo.processInfo.environment
            let config = try? FrontlineConfig.load(path: XDGPaths(environment: env).configHome + "/frontline/config.toml")
            try UILanguage.$current.withValue(UILanguage.chosen(config: config?.language, environment: env)) { try command.run() }
        } catch let failure as CleanExit.Failure {
            printError(failure.description)
            Foundation.exit(1)
        } catch {
            exit(withError: error)
        }
    }
}

/// `frontline SUBCOMMAND …` is parsed as that one command, without building the whole command
/// tree first: reflecting every command's options costs more than some commands' work (a mail
/// system runs `intake --mail` once per message; see the README's figures). Help, version and
/// errors still come from the full parser, which names the program and lists every command.
func directSubcommand(_ arguments: [String]) -> ParsableCommand? {
    guard let name = arguments.first,
          let type = Frontline.configuration.subcommands.first(where: { $0.configuration.commandName == name }),
          !arguments.contains(where: { ["-h", "--help", "help", "--version"].contains($0) }) else { return nil }
    return try? type.parseAsRoot(Array(arguments.dropFirst()))
}

/// `frontline --data-dir D queue` reads as naturally as `frontline queue --data-dir D`: global
/// options given before the subcommand are moved after it, where the subcommand parses them;
/// for a command with subcommands of its own (`review score`), after both names.
func globalOptionsAfterSubcommand(_ args: [String]) -> [String] {
    var rest = args[...]
    func takeGlobals() -> [String] {
        var globals: [String] = []
        while let first = rest.first {
            if first == "--data-dir" || first == "--agent", rest.count >= 2 {
                globals += rest.prefix(2)
                rest = rest.dropFirst(2)
            } else if first.hasPrefix("--data-dir=") || first.hasPrefix("--agent=") {
                globals.append(first)
                rest = rest.dropFirst()
            } else {
                break
            }
        }
        return globals
    }
    var globals = takeGlobals()
    let names = Set(Frontline.configuration.subcommands.map { $0._commandName } + ["help"])
    guard let sub = rest.first, names.contains(sub) else { return globals + rest }
    rest = rest.dropFirst()
    let nested = Frontline.configuration.subcommands.first { $0._commandName == sub }?.configuration.subcommands.map { $0._commandName } ?? []
    if !nested.isEmpty {
        globals += takeGlobals()
        if let second = rest.first, nested.contains(second) { return [sub, second] + globals + rest.dropFirst() }
        // The default subcommand: name it, so its options are its own.
        if !rest.contains(where: { ["-h", "--help", "help"].contains($0) }),
           let first = Frontline.configuration.subcommands.first(where: { $0._commandName == sub })?.configuration.defaultSubcommand?._commandName {
            return [sub, first] + globals + rest
        }
    }
    return [sub] + globals + rest
}

enum FrontlineVersion {
    static let string = "0.1.0"
}
