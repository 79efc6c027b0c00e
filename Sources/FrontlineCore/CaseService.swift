import Foundation

/// What the console and the command line need from a store. The in-process store implements it
/// today; a client of a shared server (the team's live queue) can implement it tomorrow.
public protocol CaseService: AnyObject {
    /// The current state: an immutable copy, cheap to take (value types).
    var desk: HelpDesk { get }
    /// What recovery had to say on open (a torn tail cut, a snapshot fallen back from), for the status line.
    var recoveryNotes: [String] { get }
    /// Validates and performs a command; when it returns, its events are durably on disk.
    /// `at` backdates the action (demo seeding); nil means the service clock's now.
    @discardableResult
    func perform(_ command: Command, actor: String, at: Date?) throws -> [Event]
    /// Performs many commands as one durable write (group commit); per command, its events or
    /// its refusal by the rules. Throws (nothing of the batch stored) when the store fails.
    func performAll(_ commands: [Command], actor: String) throws -> [Result<[Event], CommandError>]
    /// The same, for a caller that needs only where each command landed (an mbox import): a
    /// server then answers without sending every event back.
    func performAllForLandings(_ commands: [Command], actor: String) throws -> [Result<Landing, CommandError>]
    /// Events that arrived from elsewhere since the last call (the change feed). The in-process
    /// store has no other writers, so it returns [].
    func pollChanges() -> [Event]
    /// A descriptor that becomes readable when changes from elsewhere arrive (nil when there is
    /// no elsewhere): the console waits on it together with the terminal.
    var changeFeedDescriptor: Int32? { get }
    /// The name a team server records this client's actions under (its Unix user), when the
    /// server says so; nil when the client may name itself (its own store, the server's owner).
    var assignedName: String? { get }
    /// That user's role on the team desk, as the server said (nil: the store's owner, or no server).
    var assignedRole: TeamRole? { get }
    /// Where replies are mailed ("the outbox Maildir /…"), when the store's owner says so.
    var mailDestination: String? { get }
    /// Tells others which case this agent has open and whether they are replying (no-op alone).
    func announce(_ presence: AgentPresence)
    /// What other agents have open, as last heard.
    var presence: [AgentPresence] { get }
    /// The last problem of the background snapshot writer, if any, for the status line.
    var backgroundProblem: String? { get }
    /// Writes a final snapshot if it is worth it, waits for background work, releases the data directory.
    func close()
}

extension CaseService {
    public var changeFeedDescriptor: Int32? { nil }
    public var assignedName: String? { nil }
    public var assignedRole: TeamRole? { nil }
    public var mailDestination: String? { nil }
    public func announce(_ presence: AgentPresence) {}
    public var presence: [AgentPresence] { [] }

    @discardableResult
    public func perform(_ command: Command, actor: String) throws -> [Event] {
        try perform(command, actor: actor, at: nil)
    }

    public func performAllForLandings(_ commands: [Command], actor: String) throws -> [Result<Landing, CommandError>] {
        let outcomes = try performAll(commands, actor: actor)
        let desk = self.desk
        return zip(commands, outcomes).map { command, outcome in outcome.map { command.landing(events: $0, on: desk) } }
    }

    /// One command at a time (a store without group commit).
    public func performAll(_ commands: [Command], actor: String) throws -> [Result<[Event], CommandError>] {
        try commands.map { command in
            do { return .success(try perform(command, actor: actor, at: nil)) } catch let refusal as CommandError { return .failure(refusal) }
        }
    }
}
