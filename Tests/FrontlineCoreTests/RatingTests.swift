import Foundation
import Testing
@testable import FrontlineCore

/// "How did we do": a rating is credited to whoever answered the customer, and a bad one
/// reopens the case with a promise to make it right and tells a supervisor.
@Suite struct RatingTests {
    func answered() throws -> (DeskBuilder, CaseID) {
        var b = DeskBuilder()
        let id = try b.open("Åsa Lindqvist", language: "sv", subject: "TV:n luktar bränt")
        try b.run(.reply(id, body: "Vi skickar en ny TV."), actor: "alice")
        try b.run(.note(id, body: "courier booked"), actor: "carol")
        try b.run(.reply(id, body: "Den är på väg."), actor: "bob")
        try b.run(.reply(id, body: "Hittade du den?"), actor: "alice")
        try b.run(.solve(id), actor: "bob")
        return (b, id)
    }

    @Test func aGoodRatingIsCreditedToEveryoneWhoRepliedAndChangesNothingElse() throws {
        var (b, id) = try answered()
        let before = try #require(b.desk.cases[id])
        let events = try b.run(.rate(id, score: 5, comment: "  Snabbt och vänligt!  "), actor: "carol")
        #expect(events.map(\.change.typeName) == ["rated"])
        let c = try #require(b.desk.cases[id])
        #expect(c.ratings == [Rating(score: 5, comment: "Snabbt och vänligt!", at: b.now, credited: ["alice", "bob"], by: "carol")])
        #expect(c.status == .solved && c.escalation == nil && c.openFollowUps.isEmpty)
        #expect(c.lastActivityAt == before.lastActivityAt)
        #expect(c.activity.last?.text == "rated 5/5 by the customer (credited to alice, bob): Snabbt och vänligt!")
        for e in events { #expect(try JournalCodec.decode(try JournalCodec.encode(e)) == e) }
        #expect(try HelpDesk(snapshotBytes: b.desk.snapshotBytes()) == b.desk)
    }

    @Test func aBadRatingReopensTheCaseWithAPromiseAndTellsASupervisor() throws {
        var (b, id) = try answered()
        let events = try b.run(.rate(id, score: 2, comment: "Det tog en vecka"), actor: "carol")
        #expect(events.map(\.change.typeName) == ["rated", "status_changed", "follow_up_scheduled", "escalated"])
        let c = try #require(b.desk.cases[id])
        #expect(c.status == .open)
        #expect(c.openFollowUps.map(\.note) == ["make it right: the customer rated us 2/5"])
        #expect(c.openFollowUps.first?.due == b.now.addingTimeInterval(86400))
        #expect(c.escalation?.level == .supervisor && c.escalation?.reason == "the customer rated us 2/5: Det tog en vecka")
    }

    @Test func everydayRefusalsAreWordedInEveryLanguage() throws {
        var (b, id) = try answered()
        try b.run(.reopen(id), actor: "bob")
        try b.run(.assign(id, agent: "bob"), actor: "carol")
        do {
            try b.run(.take(id), actor: "alice")
            Issue.record("taken twice")
        } catch let e as CommandError {
            #expect(e.description == "\(id) is already taken by bob")
            #expect(e.text(in: .sv) == "\(id) har redan tagits av bob" && e.text(in: .fi) == "\(id) on jo henkilöllä bob")
            #expect(UILanguage.$current.withValue(.fi) { e.text() } == "\(id) on jo henkilöllä bob")
        }
        #expect(CommandError("plain").text(in: .fi) == "plain", "a refusal not yet worded is said as written")
        #expect(throws: CommandError("no case C-9")) { try b.run(.reopen("C-9")) }
    }

    @Test(arguments: [0, 6, -1]) func aScoreOutsideOneToFiveIsRefused(score: Int) throws {
        var (b, id) = try answered()
        #expect(throws: CommandError.self) { try b.run(.rate(id, score: score, comment: nil)) }
        #expect(b.desk.cases[id]?.ratings.isEmpty == true)
    }
}
