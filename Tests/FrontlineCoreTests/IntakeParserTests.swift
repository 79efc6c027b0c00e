import Foundation
import Testing
@testable import FrontlineCore

@Suite struct IntakeParserTests {
    func parse(_ s: String) throws -> IncomingMessage { try IntakeParser.parse(Array(s.utf8)) }

    @Test func aFullLine() throws {
        let m = try parse(#"{"customer":{"name":"Åsa Lindqvist","email":"asa@example.se","language":"sv"},"subject":"TV","body":"Hej","channel":"phone","received_at":"2026-11-22T10:02:00+01:00"}"#)
        #expect(m.customerName == "Åsa Lindqvist")
        #expect(m.language == "sv")
        #expect(m.channel == .phone)
        #expect(m.receivedAt == ISOTime.parse("2026-11-22T09:02:00Z"))
        #expect(m.appendTo == nil)
    }

    @Test func appendingToACaseNeedsNoCustomer() throws {
        let m = try parse(#"{"case":"C-12","body":"more"}"#)
        #expect(m.appendTo == "C-12")
    }

    @Test(arguments: [
        ("not json", "not valid JSON"),
        (#"[1]"#, "expected a JSON object"),
        (#"{"body":"x"}"#, "\"customer\" is missing"),
        (#"{"customer":{"name":"A"}}"#, "\"body\" is missing"),
        (#"{"customer":{"name":"A"},"body":5}"#, "\"body\" must be a string"),
        (#"{"customer":{"email":"a@b"},"body":"x"}"#, "\"customer.name\" is missing"),
        (#"{"customer":{"name":"A","email":"nope"},"body":"x"}"#, "is not an e-mail address"),
        (#"{"customer":{"name":"A"},"body":"x","channel":"fax"}"#, "\"channel\" must be email, phone or chat"),
        (#"{"customer":{"name":"A"},"body":"x","received_at":"yesterday"}"#, "\"received_at\""),
        (#"{"customer":{"name":"A"},"body":"x","colour":"red"}"#, "unknown field \"colour\""),
        (#"{"customer":{"name":"A"},"body":"   "}"#, "\"body\" is empty"),
    ])
    func badLinesSayWhatIsWrong(line: String, expected: String) {
        do {
            _ = try IntakeParser.parse(Array(line.utf8))
            Issue.record("accepted a bad line: \(line)")
        } catch {
            #expect(error.description.contains(expected), "\(error.description)")
        }
    }

    @Test func invalidUTF8IsReplacedNotRefused() throws {
        var bytes = Array(#"{"customer":{"name":"A"},"body":"x"#.utf8)
        bytes += [0xFF, 0xC3]
        bytes += Array(#"y"}"#.utf8)
        let m = try IntakeParser.parse(bytes)
        #expect(m.body.contains("\u{FFFD}"))
    }
}
