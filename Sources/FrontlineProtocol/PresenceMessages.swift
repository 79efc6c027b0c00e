import FrontlineCore

// Who is looking at or answering which case, so two agents do not answer one customer twice.
// Ephemeral: never journaled, gone when the console disconnects.

/// A console says what its agent has open: the selected case, and whether they are replying.
public typealias Presence = AgentPresence

/// Everyone's presence, sent to every console whenever it changes.
public struct PresenceBoard: Codable, Equatable, Sendable {
    public var entries: [Presence]
    public init(entries: [Presence]) { self.entries = entries }
}
