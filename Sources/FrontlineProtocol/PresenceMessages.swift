import FrontlineCore

// Who is looking at or answering which case, so two agents do not answer one customer twice.
// Ephemeral: never journaled, gone when the console disconnects.

/// A console says what its agent has open: the selected case, and whether they are replying.
public typealias Presence = AgentPresence

/// Everyone's presence, sent to every console whenever it changes — and whenever the server's
/// store can or cannot keep anything (its database lost or back), so every console says so
/// before anyone tries. An older client ignores the field.
public struct PresenceBoard: Codable, Equatable, Sendable {
    public var entries: [Presence]
    /// Why the server's store stores nothing now; nil while all is well.
    public var storeProblem: String?
    public init(entries: [Presence], storeProblem: String? = nil) {
        self.entries = entries
        self.storeProblem = storeProblem
    }
}
