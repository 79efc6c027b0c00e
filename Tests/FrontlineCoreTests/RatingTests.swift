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

        func refusal(_ run: () throws -> Void) -> CommandError? {
            do { try run() } catch let e as CommandError { return e } catch { Issue.record("\(error)") }
            return nil
        }
        // Feedback is not asked on a case that is open again.
        let unsolved = refusal { try b.run(.requestFeedback(id, cooldown: 30 * 86400, expires: 14 * 86400), actor: "frontline") }
        #expect(unsolved?.description == "\(id) is not solved: feedback is asked once it is")
        #expect(unsolved?.text(in: .fi) == "\(id) ei ole ratkaistu: palautetta kysytään vasta ratkaistusta tapauksesta")
        // A refund given as a percentage: the kind is named in each language's own sentence.
        let badValue = refusal { try b.run(.offer(id, kind: .refund, value: .percent(10), reason: "late"), actor: "bob") }
        #expect(badValue?.description == "a refund is an amount, like 125.50 or \"125,50 kr\"")
        #expect(badValue?.text(in: .sv) == "en återbetalning är ett belopp, till exempel 125.50 eller \"125,50 kr\"")
        #expect(badValue?.text(in: .fi) == "palautus on rahamäärä, esimerkiksi 125.50 tai \"125,50 kr\"")
        // A review answered twice.
        let items = try Scorecard.embedded.scored(["greeted": .met, "owned": .met, "next-step": .met, "language": .met])
        try b.run(.review(id, ReviewSubmission(message: 1, items: items, verdict: .praise, note: "clear")), actor: "carol")
        try b.run(.answerReview(id, message: 1, dispute: nil), actor: "alice")
        let twice = refusal { try b.run(.answerReview(id, message: 1, dispute: "no"), actor: "alice") }
        #expect(twice?.description == "\(id).2's review was already acknowledged (\(ISOTime.format(b.now)))")
        #expect(twice?.text(in: .fi) == "arviointi \(id).2 on jo kuitattu (\(ISOTime.format(b.now)))")
        #expect(twice?.text(in: .sv) == "granskningen av \(id).2 är redan bekräftad (\(ISOTime.format(b.now)))")
        // A reservation that has not run out yet does not lapse.
        try b.run(.wantWhenBack(id, sku: "TV-55X", quantity: 1, hold: 86400, checkBy: b.now.addingTimeInterval(14 * 86400)), actor: "alice")
        try b.run(.stockAvailable(sku: "TV-55X", count: 1), actor: "stock")
        let until = ISOTime.format(b.now.addingTimeInterval(86400))
        let held = refusal { try b.run(.lapseReservation(id, wish: 1), actor: "frontline") }
        #expect(held?.description == "\(id)'s reservation of TV-55X runs until \(until)")
        #expect(held?.text(in: .fi) == "tapauksen \(id) varaus (TV-55X) on voimassa \(until) asti")
        // A time of day nobody's clock shows.
        let clock = refusal { _ = try FollowUpTime(timeZone: TimeZone(identifier: "UTC")!).parse("tomorrow 25:00", now: b.now) }
        #expect(clock?.description == "cannot read \"25:00\" as a time of day (like 9:00 or 14:30)")
        #expect(clock?.text(in: .fi) == "\"25:00\" ei ole luettava kellonaika (esimerkiksi 9:00 tai 14:30)")
        #expect(clock?.text(in: .sv) == "kan inte läsa \"25:00\" som ett klockslag (som 9:00 eller 14:30)")
        // A reply with a template's seam showing, the template's own {name} kept as written.
        let unfilled = refusal { try b.run(.reply(id, body: "Hej {first_name},\nTack!"), actor: "alice") }
        #expect(unfilled?.description == "not sent: line 1 still has {first_name} unfilled")
        #expect(unfilled?.text(in: .sv) == "inte skickat: rad 1 har fortfarande {first_name} oifyllt")
        #expect(unfilled?.text(in: .fi) == "ei lähetetty: rivillä 1 on yhä täyttämättä {first_name}")
    }

    @Test(arguments: [0, 6, -1]) func aScoreOutsideOneToFiveIsRefused(score: Int) throws {
        var (b, id) = try answered()
        #expect(throws: CommandError.self) { try b.run(.rate(id, score: score, comment: nil)) }
        #expect(b.desk.cases[id]?.ratings.isEmpty == true)
    }
}
