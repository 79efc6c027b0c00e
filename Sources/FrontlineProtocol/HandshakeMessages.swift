import FrontlineCore

/// The first exchange on every connection: the client says `Hello`, the server answers
/// `Welcome` or `Refusal` (and then closes).

public struct Hello: Codable, Equatable, Sendable {
    public var protocolVersion: Int
    /// Software and version, e.g. "frontline 0.1.0"; shown in refusals so people know what to upgrade.
    public var client: String
    public var role: ClientRole

    public init(protocolVersion: Int = ProtocolVersion.current, client: String, role: ClientRole) {
        self.protocolVersion = protocolVersion
        self.client = client
        self.role = role
    }

    enum CodingKeys: String, CodingKey {
        case protocolVersion = "protocol"
        case client, role
    }
}

public struct Welcome: Codable, Equatable, Sendable {
    public var protocolVersion: Int
    public var server: String
    /// A console started this server in the background (it exits when idle); consoles restart
    /// such a server if it dies. Nil/false: someone runs it on purpose (systemd, tmux).
    public var autoStarted: Bool?
    /// For a client that is not the server's own Unix user: the name its actions are recorded
    /// under (its Unix user, whatever it asked for) and its role, so the console shows and
    /// filters by the same name ("Mine", presence).
    public var user: String?
    public var role: TeamRole?
    /// Where the server sends our replies ("the outbox Maildir /…", "sendmail (…)"), so a
    /// console can say where a reply went instead of pretending it was mailed.
    public var mail: String?

    public init(protocolVersion: Int = ProtocolVersion.current, server: String, autoStarted: Bool? = nil,
                user: String? = nil, role: TeamRole? = nil, mail: String? = nil) {
        self.mail = mail
        self.protocolVersion = protocolVersion
        self.server = server
        self.autoStarted = autoStarted
        self.user = user
        self.role = role
    }

    enum CodingKeys: String, CodingKey {
        case protocolVersion = "protocol"
        case server
        case autoStarted = "auto_started"
        case user, role, mail
    }
}

public struct Refusal: Codable, Equatable, Sendable {
    /// Written for a person: what is wrong and what to do.
    public var reason: String

    public init(reason: String) { self.reason = reason }
}
