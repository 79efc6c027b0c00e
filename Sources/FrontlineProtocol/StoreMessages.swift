import FrontlineCore

// After the handshake: a client subscribes to the store (a full copy, then every event as it
// happens) and asks for commands to be performed. Events, not screens, cross the wire: each
// console folds them into its own view.

/// "Send me the store, then every event after it."
public struct Subscribe: Codable, Equatable, Sendable {
    public var after: UInt64
    public init(after: UInt64 = 0) { self.after = after }
}

/// The whole store at `sequence`. The next frame on the connection is not JSON but the store
/// itself, `bytes` long, in the snapshot format: at 100,000 cases that is ~60 MB, which as
/// base64 inside JSON cost seconds to encode and decode.
public struct Sync: Codable, Equatable, Sendable {
    public var sequence: UInt64
    public var bytes: Int
    public init(sequence: UInt64, bytes: Int) {
        self.sequence = sequence
        self.bytes = bytes
    }
}

/// Events journaled since the last batch, in sequence order.
public struct EventBatch: Codable, Equatable, Sendable {
    public var events: [Event]
    public init(events: [Event]) { self.events = events }
}

/// "Perform this command as `agent`." `request` pairs the answer with the question.
public struct PerformRequest: Codable, Equatable, Sendable {
    public var request: Int
    public var agent: String
    public var command: Command
    public init(request: Int, agent: String, command: Command) {
        self.request = request
        self.agent = agent
        self.command = command
    }
}

/// The command is durably stored; these are its events.
public struct Performed: Codable, Equatable, Sendable {
    public var request: Int
    public var events: [Event]
    public init(request: Int, events: [Event]) {
        self.request = request
        self.events = events
    }
}

/// The command was refused (validation, or the journal failed); nothing was stored.
public struct Refused: Codable, Equatable, Sendable {
    public var request: Int
    public var reason: String
    /// True when the rules allowed it but the store could not keep it (disk full, fsync failed):
    /// worth trying again later, unlike a refusal by the rules (a mail pipe defers, not bounces).
    public var notStored: Bool?
    /// The reason in each language the desk speaks ("sv" → …), when the rules worded it so: a
    /// console says it in its own. Older clients read `reason` (English) and ignore this.
    public var worded: [String: String]?
    public init(request: Int, reason: String, notStored: Bool? = nil, worded: [String: String]? = nil) {
        self.request = request
        self.reason = reason
        self.notStored = notStored
        self.worded = worded
    }
}

/// "Perform these commands as `agent`, with one fsync" (an mbox import): answered with one
/// result per command, in order.
public struct PerformBatchRequest: Codable, Equatable, Sendable {
    public var request: Int
    public var agent: String
    public var commands: [Command]
    /// Answer each command with the case it landed on, not its events (the importer's need;
    /// the events of 500 mails are most of the answer). Nil/false: the events.
    public var brief: Bool?
    public init(request: Int, agent: String, commands: [Command], brief: Bool? = nil) {
        self.request = request
        self.agent = agent
        self.commands = commands
        self.brief = brief
    }
}

/// The batch is durably stored: per command, its events, or why the rules refused it.
public struct PerformedBatch: Codable, Equatable, Sendable {
    public struct Result: Codable, Equatable, Sendable {
        public var events: [Event]?
        public var refusal: String?
        /// For a brief request: stored, on this case, and whether it changed anything.
        public var caseID: CaseID?
        public var changed: Bool?
        public init(events: [Event]? = nil, refusal: String? = nil, landing: Landing? = nil) {
            self.events = events
            self.refusal = refusal
            caseID = landing?.caseID
            changed = landing?.changed
        }
    }
    public var request: Int
    public var results: [Result]
    public init(request: Int, results: [Result]) {
        self.request = request
        self.results = results
    }
}
