import Foundation
import Testing
import FrontlineCore
@testable import FrontlineProtocol

@Suite struct WireMessageTests {
    private func decode(_ json: String) throws(WireError) -> WireMessage {
        try WireMessage.decode(payload: Array(json.utf8))
    }

    @Test func messagesRoundTrip() throws {
        let messages: [WireMessage] = [
            .hello(Hello(protocolVersion: 1, client: "frontline 0.1.0", role: .console)),
            .hello(Hello(protocolVersion: 7, client: "frontline 9.9.9 ✓", role: .wallboard)),
            .welcome(Welcome(protocolVersion: 1, server: "frontline 0.1.0")),
            .refusal(Refusal(reason: "no \"quotes\"\nor newlines spared")),
            .welcome(Welcome(protocolVersion: 1, server: "frontline 0.1.0", autoStarted: true)),
            .welcome(Welcome(protocolVersion: 2, server: "frontline 0.1.0", user: "bob", role: .viewer)),
            .operation(OperationRequest(request: 3, kind: .demo, count: 60, seed: 42)),
            .operation(OperationRequest(request: 4, kind: .exportEvents)),
            .output(OperationOutput(request: 4, lines: ["{\"seq\":1}", "åäö 漢字"])),
            .finished(OperationFinished(request: 4, failure: nil)),
            .finished(OperationFinished(request: 5, failure: "problems found")),
            .presenceBoard(PresenceBoard(entries: [AgentPresence(agent: "bob", caseID: "C-1", replying: true)])),
            .presenceBoard(PresenceBoard(entries: [], storeProblem: "the desk's database cannot be reached")),
            .refused(Refused(request: 6, reason: "C-1 is already open")),
            .refused(Refused(request: 7, reason: "C-1 is already open", worded: ["en": "C-1 is already open", "sv": "C-1 är redan öppet", "fi": "C-1 on jo avoinna"])),
        ]
        for message in messages {
            #expect(try WireMessage.decode(payload: message.payload()) == message)
        }
    }

    @Test func helloHasAFlatTypedShape() throws {
        let payload = try WireMessage.hello(Hello(protocolVersion: 1, client: "frontline 0.1.0", role: .command)).payload()
        #expect(String(decoding: payload, as: UTF8.self)
            == #"{"client":"frontline 0.1.0","protocol":1,"role":"command","type":"hello"}"#)
    }

    @Test func messagesTravelInsideFrames() throws {
        let message = WireMessage.welcome(Welcome(server: "frontline 0.1.0"))
        let frame = try FrameEncoder().encode(message.payload())
        var decoder = FrameDecoder()
        let payloads = try decoder.feed(frame)
        #expect(try payloads.map { try WireMessage.decode(payload: $0) } == [message])
    }

    @Test func unknownMessageTypeIsRejectedByName() {
        #expect(throws: WireError.unknownMessageType("launch")) {
            try decode(#"{"type":"launch","protocol":1}"#)
        }
        #expect(WireError.unknownMessageType("launch").description == #"unknown message type "launch""#)
    }

    @Test(arguments: [
        "",                                              // empty payload
        "null", "[]", "\"hello\"", "42",                 // not an object
        "{}",                                            // no type
        #"{"type":5}"#,                                  // type of the wrong kind
        #"{"type":"hello","client":"x","role":"console"}"#,            // missing protocol
        #"{"type":"hello","protocol":1,"client":"x","role":"root"}"#,  // unknown role
        #"{"type":"hello","protocol":"1","client":"x","role":"console"}"#,
        #"{"type":"hello","protocol":1e400,"client":"x","role":"console"}"#,
        #"{"type":"hello","protocol":99999999999999999999999999,"client":"x","role":"console"}"#,
        #"{"type":"hello","protocol":1.5,"client":"x","role":"console"}"#,
        #"{"type":"welcome","protocol":1,"server":null}"#,
        #"{"type":"refusal","reason":"unterminated"#,
        #"{"type":"refusal","reason":"\ud800"}"#,                       // lone surrogate escape
        #"{"type":"operation","request":1,"kind":"rm -rf"}"#,             // unknown operation
        #"{"type":"output","request":1,"lines":"one"}"#,                  // lines must be a list
    ])
    func malformedJSONIsAnErrorNotATrap(json: String) {
        #expect(throws: WireError.self) { try decode(json) }
    }

    @Test func invalidUTF8IsAnError() {
        var bytes = Array(#"{"type":"refusal","reason":"#.utf8)
        bytes += [0x22, 0xFF, 0xFE, 0xC0, 0x80, 0x22, 0x7D]
        #expect(throws: WireError.self) { try WireMessage.decode(payload: bytes) }
    }

    @Test func deepNestingIsAnErrorNotAStackOverflow() {
        for depth in [1_000, 100_000] {
            let arrays = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
            #expect(throws: WireError.self) { try decode(arrays) }
            let inField = #"{"type":"refusal","reason":"# + arrays + "}"
            #expect(throws: WireError.self) { try decode(inField) }
            let objects = String(repeating: #"{"a":"#, count: depth) + "1" + String(repeating: "}", count: depth)
            #expect(throws: WireError.self) { try decode(objects) }
        }
    }

    @Test func errorsShowPeerTextSafely() {
        let hostile = "\u{1B}[2J\u{202E}" + String(repeating: "x", count: 500)
        let text = WireError.unknownMessageType(hostile).description
        #expect(!text.contains("\u{1B}"))
        #expect(!text.contains("\u{202E}"))
        #expect(text.count < 120)
    }
}
