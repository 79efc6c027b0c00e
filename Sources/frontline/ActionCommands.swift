import ArgumentParser
import Foundation
import FrontlineConsole
import FrontlineCore
import FrontlineStore
import FrontlineTUI

// One subcommand per console action. Each opens the store, performs the action, and exits 0
// only once it is durably stored.

struct ApologiseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "apologise", abstract: "Record an apology on a case and print it in the customer's language.", aliases: ["apologize"])
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The case id.") var caseID: String
    @Option(help: "delay, faulty, mistake or experience.") var kind: ApologyKind = .delay

    func run() throws {
        let templates = try global.loadTemplates()
        let store = try global.openService(owner: "frontline apologise")
        defer { store.close() }
        guard let c = store.desk.cases[caseID], let k = store.desk.customer(of: c) else { throw CleanExit.failure(RefusalWords.shared.noCase(UILanguage.current, ["case": caseID])) }
        do {
            try store.perform(.apologise(caseID, kind: kind), actor: global.actingName(on: store))
        } catch let e as CommandError {
            throw CleanExit.failure(e.text())
        } catch {
            throw CleanExit.failure("not stored: \(error)")
        }
        // The text the agent can paste into a reply (sanitised: it contains the customer's name).
        let text = templates.apology(kind, on: c, customer: k, history: CustomerHistory(desk: store.desk, caseID: caseID),
                                     agent: global.actingName(on: store), timeZone: .current)
        print(text.sanitisedForTerminal)
    }
}

struct EscalateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "escalate", abstract: "Escalate a case to tier 2 or a supervisor, with a reason.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The case id.") var caseID: String
    @Option(help: "tier2 or supervisor.") var to: EscalationLevel
    @Option(help: "Why (required).") var reason: String

    func run() throws {
        try performAction(global, .escalate(caseID, level: to, reason: reason), owner: "frontline escalate") { Words.status.escalated(UILanguage.current, ["case": $0, "level": Words.status.level(to)(UILanguage.current)]) }
    }
}

struct FollowUpCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "followup", abstract: "Schedule a follow-up: it comes back into the queue when due.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The case id.") var caseID: String
    @Option(help: "When: +2h, +3d, tomorrow 9:00, mon 14:00, 2026-12-01 10:00 (your time zone).") var at: String
    @Option(help: "What to follow up on.") var note: String
    @Flag(help: "Until they answer: the customer's next message keeps it, so the case comes back at --at only if they are silent.")
    var untilAnswer = false
    @Option(name: .customLong("waiting-on"), help: "The third party it waits on: a carrier, a supplier, another team.") var waitingOn: String?

    func run() throws {
        let due: Date
        do { due = try FollowUpTime().parse(at, now: SystemClock().now()) } catch { throw CleanExit.failure("--at: \(error)") }
        try performAction(global, .scheduleFollowUp(caseID, due: due, note: note, untilAnswer: untilAnswer, waitingOn: waitingOn), owner: "frontline followup") {
            "\($0) follow-up due \(ISOTime.format(due))\(untilAnswer ? " unless they answer first" : "")\(waitingOn.map { ", waiting on \($0)" } ?? "")"
        }
    }
}

struct FeedbackCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "feedback", abstract: "Record how the customer rated us, 1 (bad) to 5 (good), e.g. on the phone.",
                                                    discussion: "Credited to the agents who replied on the case. A rating of 2 or less reopens the case with a follow-up to make it right and escalates it to a supervisor.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The case id.") var caseID: String
    @Argument(help: "1 (bad) to 5 (good).") var score: Int
    @Option(help: "What the customer said.") var comment: String?

    func run() throws {
        try performAction(global, .rate(caseID, score: score, comment: comment), owner: "frontline feedback") { "\($0) rated \(score)/5" }
    }
}

struct FollowUpCancelCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "followup-cancel", abstract: "Cancel a case's next open follow-up, with the reason.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The case id.") var caseID: String
    @Option(help: "Why the promise no longer stands (recorded).") var reason: String
    @Option(help: "Which follow-up (its number), if not the next one.") var id: Int?

    func run() throws {
        try performAction(global, .cancelFollowUp(caseID, id: id, reason: reason), owner: "frontline followup-cancel") { Words.status.followUpCancelled(UILanguage.current, ["case": $0]) }
    }
}

struct FollowUpDoneCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "followup-done", abstract: "Mark a case's next open follow-up done.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The case id.") var caseID: String
    @Option(help: "What came of it.") var outcome: String?
    @Option(help: "Which follow-up (its number), if not the next one.") var id: Int?

    func run() throws {
        try performAction(global, .completeFollowUp(caseID, id: id, outcome: outcome), owner: "frontline followup-done") { Words.status.followUpDone(UILanguage.current, ["case": $0]) }
    }
}

struct ReplyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "reply", abstract: "Send a reply (recorded as an outbound message).")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The case id.") var caseID: String
    @Option(help: "The reply text.") var body: String?
    @Option(name: .customLong("body-file"), help: "Read the reply from a file.") var bodyFile: String?

    func run() throws {
        let text: String
        if let body {
            text = body
        } else if let path = bodyFile {
            guard let data = FileManager.default.contents(atPath: path) else { throw CleanExit.failure("--body-file: cannot read \(path)") }
            text = String(decoding: data, as: UTF8.self)
        } else {
            text = String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
        }
        try performAction(global, .reply(caseID, body: text), owner: "frontline reply") { Words.status.replySent(UILanguage.current, ["case": $0]) }
    }
}

struct NoteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "note", abstract: "Add an internal note.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The case id.") var caseID: String
    @Argument(help: "The note.") var text: [String]

    func run() throws {
        try performAction(global, .note(caseID, body: text.joined(separator: " ")), owner: "frontline note") { Words.status.noteAdded(UILanguage.current, ["case": $0]) }
    }
}

struct AssignCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "assign", abstract: "Assign a case to an agent (\"-\" unassigns).")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The case id.") var caseID: String
    @Argument(help: "The agent.") var assignee: String

    func run() throws {
        let who = assignee == "-" ? nil : assignee
        try performAction(global, .assign(caseID, agent: who), owner: "frontline assign") { id in who.map { w in Words.status.assigned(UILanguage.current, ["case": id, "agent": w]) } ?? Words.status.unassigned(UILanguage.current, ["case": id]) }
    }
}

struct PriorityCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "priority", abstract: "Set a case's priority.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The case id.") var caseID: String
    @Argument(help: "low, normal, high or urgent.") var priority: Priority

    func run() throws {
        try performAction(global, .setPriority(caseID, priority), owner: "frontline priority") { Words.status.priority(UILanguage.current, ["case": $0, "priority": Words.views.priority(priority)(UILanguage.current)]) }
    }
}

struct TagCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "tag", abstract: "Add tags to a case.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The case id.") var caseID: String
    @Argument(help: "Tags.") var tags: [String]

    func run() throws {
        try performAction(global, .tag(caseID, tags: tags), owner: "frontline tag") { "\($0) tagged" }
    }
}

/// A subcommand that is one command on one case, named by its id, and what it says when done.
protocol OneCaseCommand: ParsableCommand {
    var global: GlobalOptions { get }
    var caseID: String { get }
    static func command(_ id: CaseID) -> Command
    static func done(_ id: CaseID) -> String
}

extension OneCaseCommand {
    func run() throws {
        try performAction(global, Self.command(caseID), owner: "frontline \(Self.configuration.commandName ?? "")", success: Self.done)
    }
}

struct SolveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "solve", abstract: "Mark a case solved.",
                                                    discussion: "A case with an open follow-up (a promise to the customer) is not solved without --force and the reason, which is recorded on the case; the follow-up stays open and brings the case back when due.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The case id.") var caseID: String
    @Option(name: .customLong("force"), help: ArgumentHelp("Solve although a follow-up is open, for this reason.", valueName: "reason"))
    var reason: String?

    func run() throws {
        try performAction(global, .solve(caseID, overriding: reason), owner: "frontline solve") { Words.status.solved(UILanguage.current, ["case": $0]) }
    }
}

struct ReopenCommand: OneCaseCommand {
    static let configuration = CommandConfiguration(commandName: "reopen", abstract: "Reopen a case.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The case id.") var caseID: String
    static func command(_ id: CaseID) -> Command { .reopen(id) }
    static func done(_ id: CaseID) -> String { Words.status.reopened(UILanguage.current, ["case": id]) }
}

struct TakeCommand: OneCaseCommand {
    static let configuration = CommandConfiguration(commandName: "take", abstract: "Assign a case to yourself (--agent).")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The case id.") var caseID: String
    static func command(_ id: CaseID) -> Command { .take(id) }
    static func done(_ id: CaseID) -> String { Words.status.yours(UILanguage.current, ["case": id]) }
}

struct PendingCommand: OneCaseCommand {
    static let configuration = CommandConfiguration(commandName: "pending", abstract: "Mark a case as waiting on the customer.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The case id.") var caseID: String
    static func command(_ id: CaseID) -> Command { .setPending(id) }
    static func done(_ id: CaseID) -> String { Words.status.pending(UILanguage.current, ["case": id]) }
}

extension ApologyKind: ExpressibleByArgument {}
extension EscalationLevel: ExpressibleByArgument {}
extension Priority: ExpressibleByArgument {}

extension String {
    /// For printing text that holds customer data to a terminal.
    var sanitisedForTerminal: String { TextSanitiser.sanitise(self) }
}
