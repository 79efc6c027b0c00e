import ArgumentParser
import Foundation

@main
struct Frontline: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "frontline",
        abstract: "A terminal help-desk console: work the live queue of customer cases.",
        discussion: """
        With no subcommand, opens the console. Every console action is also a subcommand, so
        scripts and cron jobs can work the same store. A command that exits 0 has durably
        stored its change.
        """,
        version: FrontlineVersion.string,
        subcommands: [
            ConsoleCommand.self, DemoCommand.self, IntakeCommand.self, QueueCommand.self, ShowCommand.self,
            ApologiseCommand.self, EscalateCommand.self, FollowUpCommand.self, FollowUpDoneCommand.self,
            ReplyCommand.self, NoteCommand.self, AssignCommand.self, PriorityCommand.self, TagCommand.self,
            SolveCommand.self, ReopenCommand.self, ExportCommand.self, CheckCommand.self,
        ],
        defaultSubcommand: ConsoleCommand.self
    )

    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let failure as CleanExit.Failure {
            printError(failure.description)
            Foundation.exit(1)
        } catch {
            exit(withError: error)
        }
    }
}

enum FrontlineVersion {
    static let string = "0.1.0"
}
