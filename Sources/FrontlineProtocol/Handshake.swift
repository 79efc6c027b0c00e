/// Which software and protocol this server runs; named in refusals on both sides.
public struct ServerVersion: Equatable, Sendable {
    public var protocolVersion: Int
    /// e.g. "frontline 0.2.0"
    public var software: String

    public init(protocolVersion: Int = ProtocolVersion.current, software: String) {
        self.protocolVersion = protocolVersion
        self.software = software
    }
}

/// The version check of the first exchange. Both texts name both versions, because the person
/// reading one needs to know which side to upgrade.
public enum Handshake {
    /// Server side: nil when the client may proceed, otherwise the refusal reason.
    public static func check(hello: Hello, serverVersion: ServerVersion) -> String? {
        guard hello.protocolVersion != serverVersion.protocolVersion else { return nil }
        return "this server speaks protocol \(serverVersion.protocolVersion) (\(WireText.displayable(serverVersion.software))); "
            + "the client speaks protocol \(hello.protocolVersion) (\(WireText.displayable(hello.client))) — upgrade the older one"
    }

    /// Server side: the message to send back to a `Hello`.
    public static func answer(to hello: Hello, serverVersion: ServerVersion) -> WireMessage {
        if let reason = check(hello: hello, serverVersion: serverVersion) {
            return .refusal(Refusal(reason: reason))
        }
        return .welcome(Welcome(protocolVersion: serverVersion.protocolVersion, server: serverVersion.software))
    }

    /// Client side: nil when the server's welcome matches, otherwise what to tell the user.
    public static func check(welcome: Welcome, hello: Hello) -> String? {
        guard welcome.protocolVersion != hello.protocolVersion else { return nil }
        return "this client speaks protocol \(hello.protocolVersion) (\(WireText.displayable(hello.client))); "
            + "the server speaks protocol \(welcome.protocolVersion) (\(WireText.displayable(welcome.server))) — upgrade the older one"
    }
}
