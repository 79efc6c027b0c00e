// Work the server does on its own files for a command-line client: the event log for
// `export --events`, `check`, and seeding a demo queue. The server owns the data directory
// while it runs, so these go through it rather than around it.

/// "Run this and stream me its output."
public struct OperationRequest: Codable, Equatable, Sendable {
    public enum Kind: String, Codable, Sendable {
        /// Every journaled event, archived and live, as JSON lines (ISO 8601 dates).
        case exportEvents = "export_events"
        /// Verify the journal and snapshots; the lines are the report.
        case check
        /// Add `count` demo cases generated from `seed` (supervisors).
        case demo
    }

    public var request: Int
    public var kind: Kind
    public var count: Int?
    public var seed: UInt64?

    public init(request: Int, kind: Kind, count: Int? = nil, seed: UInt64? = nil) {
        self.request = request
        self.kind = kind
        self.count = count
        self.seed = seed
    }
}

/// Some lines of the operation's output, in order.
public struct OperationOutput: Codable, Equatable, Sendable {
    public var request: Int
    public var lines: [String]
    public init(request: Int, lines: [String]) {
        self.request = request
        self.lines = lines
    }
}

/// The operation ended: `failure` is nil on success, otherwise what went wrong (exit 1).
public struct OperationFinished: Codable, Equatable, Sendable {
    public var request: Int
    public var failure: String?
    public init(request: Int, failure: String?) {
        self.request = request
        self.failure = failure
    }
}
