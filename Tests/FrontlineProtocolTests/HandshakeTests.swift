import Testing
@testable import FrontlineProtocol

@Suite struct HandshakeTests {
    let server = ServerVersion(protocolVersion: 2, software: "frontline 0.2.0")

    @Test func matchingVersionsAreWelcomed() {
        let hello = Hello(protocolVersion: 2, client: "frontline 0.2.1", role: .console)
        #expect(Handshake.check(hello: hello, serverVersion: server) == nil)
        #expect(Handshake.answer(to: hello, serverVersion: server)
            == .welcome(Welcome(protocolVersion: 2, server: "frontline 0.2.0")))
    }

    @Test func mismatchNamesBothVersions() {
        let hello = Hello(protocolVersion: 1, client: "frontline 0.1.0", role: .wallboard)
        let expected = "this server speaks protocol 2 (frontline 0.2.0); "
            + "the client speaks protocol 1 (frontline 0.1.0) — upgrade the older one"
        #expect(Handshake.check(hello: hello, serverVersion: server) == expected)
        #expect(Handshake.answer(to: hello, serverVersion: server) == .refusal(Refusal(reason: expected)))
    }

    @Test func clientSideCheckNamesBothVersions() {
        let hello = Hello(protocolVersion: 3, client: "frontline 0.3.0", role: .command)
        let text = Handshake.check(welcome: Welcome(protocolVersion: 2, server: "frontline 0.2.0"), hello: hello)
        #expect(text == "this client speaks protocol 3 (frontline 0.3.0); "
            + "the server speaks protocol 2 (frontline 0.2.0) — upgrade the older one")
        #expect(Handshake.check(welcome: Welcome(protocolVersion: 3, server: "x"), hello: hello) == nil)
    }

    @Test func hostileClientNameIsNeutralisedInTheRefusal() throws {
        let hello = Hello(protocolVersion: 1, client: "\u{1B}]0;pwned\u{07}" + String(repeating: "y", count: 10_000), role: .console)
        let text = try #require(Handshake.check(hello: hello, serverVersion: server))
        #expect(!text.contains("\u{1B}") && !text.contains("\u{07}"))
        #expect(text.count < 300)
    }

    @Test func currentVersionIsTheDefault() {
        #expect(Hello(client: "frontline", role: .console).protocolVersion == ProtocolVersion.current)
        #expect(ServerVersion(software: "frontline").protocolVersion == ProtocolVersion.current)
    }
}
