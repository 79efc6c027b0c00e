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

    public init(protocolVersion: Int = ProtocolVersion.current, server: String, autoStarted: Bool? = nil) {
        self.protocolVersion = protocolVersion
        self.server = server
        self.autoStarted = autoStarted
    }

    enum CodingKeys: String, CodingKey {
        case protocolVersion = "protocol"
        case server
        case autoStarted = "auto_started"
    }
}

public struct Refusal: Codable, Equatable, Sendable {
    /// Written for a person: what is wrong and what to do.
    public var reason: String

    public init(reason: String) { self.reason = reason }
}
