import Foundation
import Testing
@testable import FrontlineCore

/// Goodwill within authority takes effect at once; beyond it, it becomes a request for a
/// supervisor that is a promise with its own due time. The exact rules, on an injected clock.
@Suite struct GoodwillTests {
    /// bob is an agent, carol and dave supervisors; agents may refund 50,00 € an offer,
    /// 100,00 € a customer in 30 days and 150,00 € a week; coupons up to 15%, once a customer.
    static func authority(pool: [String] = []) -> GoodwillAuthority {
        var a = GoodwillAuthority(currency: "EUR", team: TeamAccess(roles: ["bob": .agent, "eve": .agent, "carol": .supervisor, "dave": .supervisor]),
                                  approvalDue: 1800, couponValidity: 30 * 86400, couponPool: pool, couponSeed: 7)
        a.byRole[.agent]?[.refund] = OfferLimit(most: 5_000, perCustomer30Days: 10_000, perAgentWeek: 15_000)
        a.byRole[.agent]?[.coupon] = OfferLimit(most: 15, perCustomer30Days: 1, perAgentWeek: 10)
        return a
    }

    func desk(pool: [String] = []) throws -> (DeskBuilder, CaseID) {
        var b = DeskBuilder()
        b.authority = Self.authority(pool: pool)
        let id = try b.open("Aino Virtanen", email: "aino@example.fi", language: "fi", subject: "Rikki mennyt vedenkeitin")
        return (b, id)
    }

    static func euros(_ cents: Int64) -> OfferValue { .money(Money(minorUnits: cents, currency: "EUR")) }

    @Test func anOfferWithinAuthorityIsGivenAtOnce() throws {
        var (b, id) = try desk()
        let events = try b.run(.offer(id, kind: .refund, value: Self.euros(5_000), reason: "the kettle broke in a week"), actor: "bob")
        #expect(events.map(\.change.typeName) == ["offer_given"])
        let o = try #require(b.desk.cases[id]?.offers.first)
        #expect(o.state == .given && o.by == "bob" && o.customerID == b.desk.cases[id]?.customerID && o.approval == nil)
        #expect(b.desk.cases[id]?.activity.last?.text == "refund €50.00 given by bob: the kettle broke in a week")
        #expect(b.desk.casesWithOffers == [id])
    }

    @Test func overTheMostPerOfferItBecomesARequestThatIsAPromise() throws {
        var (b, id) = try desk()
        let events = try b.run(.offer(id, kind: .refund, value: Self.euros(5_001), reason: "two kettles"), actor: "bob")
        #expect(events.map(\.change.typeName) == ["offer_requested", "follow_up_scheduled"])
        let c = try #require(b.desk.cases[id])
        let o = try #require(c.offers.first)
        #expect(o.state == .awaitingApproval)
        #expect(o.approval?.over == "€50.01 is over bob's most of €50.00 per refund")
        #expect(o.approval?.due == t0.addingTimeInterval(1800))
        let promise = try #require(c.openFollowUps.first)
        #expect(promise.id == o.approval?.followUp && promise.due == t0.addingTimeInterval(1800) && promise.by == "bob")
        #expect(b.desk.offersAwaitingApproval.map(\.caseID) == [id])
    }

    @Test func theCustomersThirtyDaysCountEverythingTheyReceivedUpToTheBoundary() throws {
        var (b, id) = try desk()
        try b.run(.offer(id, kind: .refund, value: Self.euros(5_000), reason: "first"), actor: "bob")
        b.advance(86400)
        try b.run(.offer(id, kind: .refund, value: Self.euros(5_000), reason: "second"), actor: "eve")
        b.advance(86400)
        // 100,00 € in 30 days already: the third needs approval, whoever gives it.
        try b.run(.offer(id, kind: .refund, value: Self.euros(100), reason: "third"), actor: "eve")
        let third = try #require(b.desk.cases[id]?.offers.last)
        #expect(third.approval?.over == "Aino Virtanen has had €100.00 in refunds in 30 days (eve's limit: €100.00)")
        // Exactly 30 days after the first it no longer counts: the window is (now − 30 d, now].
        b.now = t0.addingTimeInterval(30 * 86400)
        try b.run(.offer(id, kind: .refund, value: Self.euros(5_000), reason: "fourth"), actor: "bob")
        #expect(b.desk.cases[id]?.offers.last?.state == .given)
    }

    @Test func theAgentsWeekCountsOnlyWhatTheyGaveOnTheirOwn() throws {
        var (b, _) = try desk()
        var ids: [CaseID] = []
        for n in 0..<4 { ids.append(try b.open("Kund \(n)", email: "k\(n)@example.se", subject: "Fel")) }
        try b.run(.offer(ids[0], kind: .refund, value: Self.euros(5_000), reason: "a"), actor: "bob")
        try b.run(.offer(ids[1], kind: .refund, value: Self.euros(5_000), reason: "b"), actor: "bob")
        // An approved request was the supervisor's to give: it does not use up bob's week.
        try b.run(.offer(ids[2], kind: .refund, value: Self.euros(9_000), reason: "big"), actor: "bob")
        try b.run(.answerOffer(ids[2], offer: 1, approve: true, note: nil), actor: "carol")
        try b.run(.offer(ids[3], kind: .refund, value: Self.euros(5_000), reason: "c"), actor: "bob")
        #expect(b.desk.cases[ids[3]]?.offers.last?.state == .given)
        try b.run(.offer(ids[3], kind: .refund, value: Self.euros(1), reason: "d"), actor: "bob")
        #expect(b.desk.cases[ids[3]]?.offers.last?.approval?.over == "bob has given €150.00 in refunds in 7 days (limit: €150.00)")
        // A week after the first two, they are out of the window.
        b.now = t0.addingTimeInterval(7 * 86400)
        try b.run(.offer(ids[0], kind: .refund, value: Self.euros(5_000), reason: "e"), actor: "bob")
        #expect(b.desk.cases[ids[0]]?.offers.last?.state == .given)
    }

    @Test func anAmountInAnotherCurrencyNeedsApproval() throws {
        var (b, id) = try desk()
        try b.run(.offer(id, kind: .credit, value: .money(Money(minorUnits: 1_000, currency: "SEK")), reason: "small"), actor: "bob")
        #expect(b.desk.cases[id]?.offers.first?.approval?.over == "it is in SEK and allowances are in EUR")
    }

    @Test func aSupervisorApprovesAndTheAgentsPromiseIsKept() throws {
        var (b, id) = try desk()
        try b.run(.offer(id, kind: .coupon, value: .percent(25), reason: "third time it broke"), actor: "bob")
        b.advance(600)
        let events = try b.run(.answerOffer(id, offer: 1, approve: true, note: "  fair  "), actor: "carol")
        #expect(events.map(\.change.typeName) == ["offer_answered", "follow_up_done"])
        let c = try #require(b.desk.cases[id])
        let o = try #require(c.offers.first)
        #expect(o.state == .approved && o.approval?.answer == ApprovalAnswer(approved: true, by: "carol", at: b.now, note: "fair"))
        // The coupon gets its code when it takes effect, valid for the configured days.
        #expect(o.coupon?.expires == b.now.addingTimeInterval(30 * 86400))
        #expect(o.coupon?.code.wholeMatch(of: /FL-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}/) != nil)
        #expect(c.followUps.first?.state == .kept(onTime: true) && c.followUps.first?.outcome == "approved by carol: fair")
        #expect(b.desk.offersAwaitingApproval.isEmpty)
    }

    @Test func declineNeedsAReasonAndNobodyAnswersTheirOwnRequestOrAnAnsweredOne() throws {
        var (b, id) = try desk()
        try b.run(.offer(id, kind: .refund, value: Self.euros(60_000), reason: "whole order"), actor: "carol")
        #expect(throws: CommandError("nobody approves their own request: \(id)/1 was asked by carol; another supervisor answers it")) {
            try b.run(.answerOffer(id, offer: 1, approve: true, note: nil), actor: "carol")
        }
        #expect(throws: CommandError("say why \(id)/1 is declined: carol reads it")) {
            try b.run(.answerOffer(id, offer: 1, approve: false, note: " "), actor: "dave")
        }
        try b.run(.answerOffer(id, offer: 1, approve: false, note: "offer a replacement instead"), actor: "dave")
        let o = try #require(b.desk.cases[id]?.offers.first)
        #expect(o.state == .declined && !o.inEffect)
        #expect(b.desk.cases[id]?.followUps.first?.outcome == "declined by dave: offer a replacement instead")
        #expect(throws: CommandError("\(id)/1 was already declined by dave")) {
            try b.run(.answerOffer(id, offer: 1, approve: true, note: nil), actor: "carol")
        }
        try b.run(.offer(id, kind: .freeShipping, value: .none, reason: "sorry"), actor: "bob")
        #expect(throws: CommandError("\(id)/2 was within bob's authority: there is nothing to approve")) {
            try b.run(.answerOffer(id, offer: 2, approve: true, note: nil), actor: "carol")
        }
    }

    @Test func aRequestsPromiseIsKeptByTheAnswerNotByHand() throws {
        var (b, id) = try desk()
        try b.run(.offer(id, kind: .refund, value: Self.euros(9_000), reason: "r"), actor: "bob")
        #expect(throws: CommandError.self) { try b.run(.completeFollowUp(id, id: 1, outcome: nil), actor: "bob") }
        #expect(throws: CommandError.self) { try b.run(.cancelFollowUp(id, id: 1, reason: "never mind"), actor: "bob") }
        // Without an id, "the next follow-up" means the agent's own promises, not the request.
        #expect(throws: CommandError("\(id) has no open follow-up")) { try b.run(.completeFollowUp(id, id: nil, outcome: nil), actor: "bob") }
        // It holds the case open like any promise.
        #expect(throws: CommandError.self) { try b.run(.solve(id), actor: "bob") }
    }

    @Test func aCouponPoolIsHandedOutInOrderAndSaysWhenItIsUsedUp() throws {
        var (b, id) = try desk(pool: ["SORRY-1", "SORRY-2"])
        let other = try b.open("Åsa Lindqvist", email: "asa@example.se", language: "sv", subject: "Trasig")
        let third = try b.open("Matti Mäkinen", email: "matti@example.fi", language: "fi", subject: "Viallinen")
        try b.run(.offer(id, kind: .coupon, value: .percent(10), reason: "a"), actor: "bob")
        try b.run(.offer(other, kind: .coupon, value: .percent(10), reason: "b"), actor: "bob")
        #expect([id, other].map { b.desk.cases[$0]?.offers.first?.coupon?.code } == ["SORRY-1", "SORRY-2"])
        #expect(throws: CommandError("no coupon code left: every code in the coupon pool has been given; add codes to [authority] coupon_pool's file")) {
            try b.run(.offer(third, kind: .coupon, value: .percent(10), reason: "c"), actor: "bob")
        }
    }

    @Test func aValueThatDoesNotFitTheKindIsRefused() throws {
        var (b, id) = try desk()
        #expect(throws: CommandError("a refund is an amount, like 125.50 or \"125,50 kr\"")) {
            try b.run(.offer(id, kind: .refund, value: .percent(10), reason: "r"), actor: "bob")
        }
        #expect(throws: CommandError("the reason for the discount is empty")) {
            try b.run(.offer(id, kind: .discount, value: .percent(10), reason: "  "), actor: "bob")
        }
        #expect(b.desk.cases[id]?.offers.isEmpty == true)
    }

    @Test func whatIsLeftIsTheSmallestOfTheLimits() throws {
        var (b, id) = try desk()
        let a = b.authority
        let customer = try #require(b.desk.cases[id]?.customerID)
        func left(_ kind: OfferKind) -> Int64? { a.remaining(kind, by: "bob", for: customer, now: b.now, ledger: GoodwillLedger(desk: b.desk, currency: "EUR")) }
        #expect(left(.refund) == 5_000)
        try b.run(.offer(id, kind: .refund, value: Self.euros(7_000 - 5_000), reason: "part"), actor: "bob")
        try b.run(.offer(id, kind: .refund, value: Self.euros(5_000), reason: "part"), actor: "bob")
        #expect(left(.refund) == 3_000)
        try b.run(.offer(id, kind: .coupon, value: .percent(5), reason: "c"), actor: "bob")
        #expect(left(.coupon) == 0)
        #expect(a.remainingText(.coupon, by: "bob", for: customer, now: b.now, ledger: GoodwillLedger(desk: b.desk, currency: "EUR")) == "coupon: needs approval")
        #expect(a.remaining(.refund, by: "frank", for: customer, now: b.now, ledger: GoodwillLedger(desk: b.desk, currency: "EUR")) == 50_000)
    }

    @Test func offersSurviveTheJournalTheSnapshotAndTheExport() throws {
        var (b, id) = try desk()
        var events = try b.run(.offer(id, kind: .coupon, value: .percent(10), reason: "sorry"), actor: "bob")
        events += try b.run(.offer(id, kind: .refund, value: Self.euros(12_345), reason: "big"), actor: "bob")
        events += try b.run(.answerOffer(id, offer: 2, approve: false, note: "no"), actor: "carol")
        events += try b.run(.offer(id, kind: .replacement, value: .item("a new kettle"), reason: "r", recovery: true), actor: "bob")
        for e in events { #expect(try JournalCodec.decode(try JournalCodec.encode(e)) == e) }
        let read = try HelpDesk(snapshotBytes: b.desk.snapshotBytes())
        #expect(read == b.desk)
        #expect(read.casesWithOffers == [id])
        // Format 5 has no offers: an older snapshot reads, without them.
        let old = try HelpDesk(snapshotBytes: b.desk.snapshotBytes(format: 5))
        #expect(old.cases[id]?.offers.isEmpty == true && old.cases[id]?.subject == b.desk.cases[id]?.subject)
        let json = try JSONEncoder().encode(try #require(b.desk.cases[id]))
        #expect(try JSONDecoder().decode(SupportCase.self, from: json).offers == b.desk.cases[id]?.offers)
    }
}

@Suite struct MoneyTests {
    @Test(arguments: [
        (Money(minorUnits: 12_550, currency: "SEK"), Language.sv, "125,50\u{00A0}kr"),
        (Money(minorUnits: 65_430, currency: "EUR"), .fi, "654,30\u{00A0}€"),
        (Money(minorUnits: 1_250, currency: "USD"), .en, "$12.50"),
        (Money(minorUnits: 123_456_789, currency: "EUR"), .en, "€1,234,567.89"),
        (Money(minorUnits: 125_000, currency: "SEK"), .sv, "1\u{00A0}250,00\u{00A0}kr"),
        (Money(minorUnits: 12_550, currency: "SEK"), .en, "SEK 125.50"),
        (Money(minorUnits: 5, currency: "CHF"), .fi, "0,05\u{00A0}CHF"),
    ]) func amountsAreWrittenTheLocalWay(money: Money, language: Language, expected: String) {
        #expect(money.written(in: language) == expected)
    }

    @Test(arguments: [
        ("125.50", "SEK", Money(minorUnits: 12_550, currency: "SEK")),
        ("125,5", "SEK", Money(minorUnits: 12_550, currency: "SEK")),
        ("125,50 kr", "SEK", Money(minorUnits: 12_550, currency: "SEK")),
        ("€12.50", "SEK", Money(minorUnits: 1_250, currency: "EUR")),
        ("12 usd", "SEK", Money(minorUnits: 1_200, currency: "USD")),
        ("SEK 99", "EUR", Money(minorUnits: 9_900, currency: "SEK")),
    ]) func amountsAreReadAsAgentsWriteThem(text: String, currency: String, expected: Money) {
        #expect(Money.parse(text, currency: currency) == expected)
    }

    @Test(arguments: ["", "12.505", "1,250.00", "-5", "kr", "125 kr", "twelve", "12.5.0"])
    func whatIsNotAnAmountIsRefused(text: String) {
        #expect(Money.parse(text, currency: "EUR") == nil)
    }
}

@Suite struct ApprovalAccessTests {
    @Test func onlySupervisorsAnswerRequests() {
        let answer = Command.answerOffer("C-1", offer: 1, approve: true, note: nil)
        #expect(AccessPolicy.refusal(of: answer, by: "bob", role: .agent, on: HelpDesk()) == "only a supervisor can approve C-1/1 (bob is an agent)")
        #expect(AccessPolicy.refusal(of: .answerOffer("C-1", offer: 1, approve: false, note: "no"), by: "bob", role: .agent, on: HelpDesk())
                == "only a supervisor can decline C-1/1 (bob is an agent)")
        #expect(AccessPolicy.refusal(of: answer, by: "carol", role: .supervisor, on: HelpDesk()) == nil)
        #expect(AccessPolicy.refusal(of: .offer("C-1", kind: .discount, value: .percent(5), reason: "r"), by: "bob", role: .agent, on: HelpDesk()) == nil)
    }

    @Test func offerCommandsTravelToTheServerIntact() throws {
        let commands: [Command] = [
            .offer("C-1", kind: .refund, value: .money(Money(minorUnits: 12_550, currency: "SEK")), reason: "r", recovery: true),
            .offer("C-1", kind: .replacement, value: .item("a kettle"), reason: "r"),
            .offer("C-1", kind: .freeShipping, value: .none, reason: "r"),
            .answerOffer("C-1", offer: 2, approve: false, note: "no"),
        ]
        for c in commands { #expect(try JSONDecoder().decode(Command.self, from: try JSONEncoder().encode(c)) == c) }
    }
}

/// Make it right in one step: the apology, goodwill sized to the agent's room, a check-in.
@Suite struct MakeItRightTests {
    func desk() throws -> (DeskBuilder, CaseID) {
        var b = DeskBuilder()
        b.authority = GoodwillTests.authority()
        b.authority.makeItRight = (.coupon, .percent(20))
        b.authority.checkAfter = 2 * 86400
        let id = try b.open("Aino Virtanen", email: "aino@example.fi", language: "fi", subject: "Rikki")
        return (b, id)
    }

    @Test func itApologisesGivesWhatTheAgentMayAndPromisesToCheck() throws {
        var (b, id) = try desk()
        let events = try b.run(.makeItRight(id, apology: .faulty), actor: "bob")
        #expect(events.map(\.change.typeName) == ["apologised", "offer_given", "follow_up_scheduled", "recovery_made"])
        #expect(Set(events.map(\.sequence)).count == 4 && events.allSatisfy { $0.at == b.now })
        let c = try #require(b.desk.cases[id])
        // 20 % configured, bob may give 15 %: the coupon is cut to his room.
        #expect(c.offers.first?.value == .percent(15) && c.offers.first?.recovery == true && c.offers.first?.coupon != nil)
        #expect(c.apologies.map(\.kind) == [.faulty])
        let check = try #require(c.openFollowUps.first)
        #expect(check.due == t0.addingTimeInterval(2 * 86400) && check.note == "check that the remedy worked (the coupon reached them)")
        #expect(c.recoveries == [Recovery(at: t0, by: "bob", apology: .faulty, offer: 1, followUp: check.id)])
        #expect(c.activity.last?.text == "made it right by bob: apology (faulty product), coupon 15%, follow-up #1 to check")
        for e in events { #expect(try JournalCodec.decode(try JournalCodec.encode(e)) == e) }
        #expect(try HelpDesk(snapshotBytes: b.desk.snapshotBytes()) == b.desk)
    }

    @Test func withNoRoomLeftTheApologyAndTheCheckStillStand() throws {
        var (b, id) = try desk()
        try b.run(.offer(id, kind: .coupon, value: .percent(5), reason: "earlier"), actor: "bob")   // the customer's one coupon in 30 days
        let events = try b.run(.makeItRight(id, apology: .delay), actor: "bob")
        #expect(events.map(\.change.typeName) == ["apologised", "follow_up_scheduled", "recovery_made"])
        #expect(b.desk.cases[id]?.recoveries.first?.offer == nil)
        #expect(b.desk.cases[id]?.offers.count == 1, "nothing more given, and nothing asked behind the agent's back")
    }

    @Test func theReplySaysItAllInTheCustomersLanguage() throws {
        var (b, id) = try desk()
        try b.run(.makeItRight(id, apology: .faulty), actor: "bob")
        let c = try #require(b.desk.cases[id])
        let k = try #require(b.desk.customer(of: c))
        let text = TemplateLibrary.bundled.makeItRight(.faulty, offer: c.offers.first, due: t0.addingTimeInterval(2 * 86400), on: c, customer: k,
                                                       history: nil, agent: "bob", timeZone: TimeZone(identifier: "UTC")!)
        let code = try #require(c.offers.first?.coupon?.code)
        #expect(text == """
        Hei Aino, olen todella pahoillani, että saamasi tuote on viallinen. Se ei ole lupaamamme laatu, ja hoidan asian kuntoon (\(id)).

        Kiitos, että kerroit asiasta, ja kiitos kärsivällisyydestäsi – se auttaa meitä parantamaan toimintaamme. Tässä on 15\u{00A0}% alennuskoodi: \(code) (voimassa 23. joulukuuta asti). Otan sinuun yhteyttä 25. marraskuuta varmistaakseni, että kaikki on kunnossa.

        Ystävällisin terveisin,
        bob
        """)
    }
}
