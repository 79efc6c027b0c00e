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

    public init(protocolVersion: Int = ProtocolVersion.current, server: String) {
        self.protocolVersion = protocolVersion
        self.server = server
    }

    enum CodingKeys: String, CodingKey {
        case protocolVersion = "protocol"
        case server
    }
}

public struct Refusal: Codable, Equatable, Sendable {
    /// Written for a person: what is wrong and what to do.
    public var reason: String

    public init(reason: String) { self.reason = reason }
}
