import Foundation
import Testing
@testable import FrontlineCore

@Suite struct CommandCodingTests {
    static let all: [Command] = [
        .receive(IncomingMessage(customerName: "Åsa", customerEmail: "a@b.se", language: "sv", subject: "TV", body: "bränt",
                                 channel: .phone, receivedAt: t0, appendTo: nil, priority: .urgent)),
        .receive(IncomingMessage(customerName: "", customerEmail: "", language: "", subject: "", body: "more", appendTo: "C-1")),
        .reply("C-1", body: "Hej\n漢字"), .note("C-1", body: "n"), .saveDraft("C-1", body: ""),
        .apologise("C-1", kind: .mistake), .escalate("C-1", level: .supervisor, reason: "refund over limit"),
        .scheduleFollowUp("C-1", due: t0.addingTimeInterval(7200), note: "call"), .completeFollowUp("C-1", id: 2, outcome: "done"),
        .scheduleFollowUp("C-1", due: t0.addingTimeInterval(7200), note: "unless they write", untilAnswer: true),
        .cancelFollowUp("C-1", id: 2, reason: "withdrawn"), .cancelFollowUp("C-1", id: nil, reason: "made twice"), .breakPromise("C-1", id: 1, grace: 7200),
        .rate("C-1", score: 2, comment: "slow"), .rate("C-1", score: 5, comment: nil),
        .completeFollowUp("C-1", id: nil, outcome: nil), .assign("C-1", agent: "bob"), .assign("C-1", agent: nil),
        .setPriority("C-1", .low), .take("C-1"), .tag("C-1", tags: ["vip", "refund"]), .solve("C-1"), .solve("C-1", overriding: "sorted on the phone"), .reopen("C-1"), .setPending("C-1"),
        .deescalate("C-1", reason: "handled at tier 1"), .setServiceLevel(.urgent, target: 1800),
        .review("C-1", ReviewSubmission(message: 3, items: [ScoredItem(ScorecardItem(name: "owned", label: "owned it", weight: 2, critical: true), .missed)],
                                        verdict: .coach, note: "own it", action: "reread the guide", due: t0.addingTimeInterval(86400))),
        .review("C-1", ReviewSubmission(message: 1, items: [], verdict: .praise, note: nil, shoutOut: true)),
        .answerReview("C-1", message: 3, dispute: nil), .answerReview("C-1", message: 3, dispute: "it was owned"),
        .completeCoaching("C-1", message: 3, outcome: nil),
    ]

    @Test func everyCommandSurvivesTheWire() throws {
        for command in Self.all {
            let data = try JournalCodec.makeEncoder().encode(command)
            #expect(try JournalCodec.makeDecoder().decode(Command.self, from: data) == command, "\(String(decoding: data, as: UTF8.self))")
        }
        #expect(Set(Self.all.map(\.name)).count == 23, "every kind of command is covered")
    }

    @Test(arguments: [
        #"{"command":"launch","case":"C-1"}"#, #"{"case":"C-1"}"#, #"{"command":"escalate","case":"C-1","level":"ceo","reason":"x"}"#,
        #"{"command":"reply","case":"C-1"}"#, #"{"command":"solve","case":7}"#, #"[]"#,
    ])
    func malformedCommandsAreRefused(json: String) {
        #expect(throws: (any Error).self) { try JournalCodec.makeDecoder().decode(Command.self, from: Data(json.utf8)) }
    }
}
