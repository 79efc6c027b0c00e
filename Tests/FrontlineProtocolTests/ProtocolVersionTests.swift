import Testing
@testable import FrontlineProtocol

@Suite struct ProtocolVersionTests {
    @Test func theVersionIsPositive() { #expect(ProtocolVersion.current >= 1) }
}
