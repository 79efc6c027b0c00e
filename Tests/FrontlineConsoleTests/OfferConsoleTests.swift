import Foundation
import FrontlineCore
import FrontlineTUI
import Testing
@testable import FrontlineConsole

/// Goodwill in the console: `$` with the agent's room beside each kind, the offer's sentence in
/// the reply in the customer's language once it is given, a request when it is beyond authority,
/// and a supervisor's answer reaching the agent's console at once.
@Suite struct OfferConsoleTests {
    let clock = ManualClock(t0)

    /// alice is an agent (refunds up to 50,00 kr an offer), carol a supervisor; the desk is in SEK.
    static let authority: GoodwillAuthority = {
        var a = GoodwillAuthority(currency: "SEK", team: TeamAccess(roles: ["alice": .agent, "carol": .supervisor]), couponSeed: 1)
        a.byRole[.agent]?[.refund] = OfferLimit(most: 50_000, perCustomer30Days: 100_000, perAgentWeek: 500_000)
        return a
    }()

    func app() throws -> (ConsoleApp, InMemoryCaseService, CaseID) {
        let (app, s, asa) = try appOnAsasCase(clock: clock)
        s.authority = Self.authority
        app.options.authority = Self.authority
        return (app, s, asa)
    }

    @Test func thePickerShowsTheRoomAndTheOfferLandsInTheReplyInSwedish() throws {
        let (app, s, asa) = try app()
        app.type(.character("$"))
        guard case let .picker(p) = app.state.mode else { Issue.record("no picker"); return }
        #expect(p.options == ["discount up to 10%", "coupon up to 15%", "refund up to SEK 500.00", "credit up to SEK 50.00",
                              "replacement 1 more", "free shipping 2 more"])
        app.type(.character("2"))   // coupon
        app.type(text: "15%")
        app.type(.enter)
        app.type(text: "TV:n gick sönder två gånger")
        app.type(.enter)
        let offer = try #require(s.desk.cases[asa]?.offers.first)
        #expect(offer.state == .given && offer.value == .percent(15) && offer.reason == "TV:n gick sönder två gånger")
        let code = try #require(offer.coupon?.code)
        #expect(app.state.editor.text == "Här är en rabattkod på 15\u{00A0}%: \(code) (giltig till och med 21 februari).")
        #expect(app.state.status?.text == "given: coupon 15% (code \(code)), in the reply · room now: coupon: needs approval")
        #expect(app.state.focus == .reply, "the agent goes on writing under it")
        // Once the message fades, the status line keeps the room in sight.
        clock.advance(by: 11)
        app.tick()
        #expect(app.screen.split(separator: "\n").last?.contains("room: coupon: needs approval") == true)
        // The history pane: what the customer has had, and the offer on the case with its code.
        #expect(app.screen.contains("goodwill to them: coupon 15%"))
        #expect(app.screen.contains("€ coupon 15% given by alice, code \(code) valid to"))
    }

    @Test func theLineFormReadsAnAmountInTwoWords() throws {
        let (app, s, asa) = try app()
        app.command("offer refund 125,50 kr för besväret")
        let offer = try #require(s.desk.cases[asa]?.offers.first)
        #expect(offer.value == .money(Money(minorUnits: 12_550, currency: "SEK")) && offer.reason == "för besväret")
        #expect(app.state.editor.text.hasPrefix("Vi betalar tillbaka 125,50\u{00A0}kr till dig"))
    }

    @Test func beyondAuthorityItIsAskedAndTheAnswerReachesTheAgent() throws {
        let (app, s, asa) = try app()
        app.command("offer refund 900 hela köpet")
        let offer = try #require(s.desk.cases[asa]?.offers.first)
        #expect(offer.state == .awaitingApproval)
        #expect(app.state.status?.text == "asked a supervisor: \(asa)/1, refund SEK 900.00, answer due today 10:30 · SEK 900.00 is over alice's most of SEK 500.00 per refund")
        #expect(app.state.editor.isEmpty, "nothing is promised to the customer before it is approved")
        #expect(app.screen.contains("⌛ refund SEK 900.00 asked by alice, awaiting approval as"))
        #expect(app.screen.contains("(due today 10:30): hela köpet — SEK"))
        #expect(!app.screen.contains("⏰ due today 10:30: approval asked"), "the request's promise shows once, with the offer")
        #expect(!app.screen.contains("goodwill to them"), "a request is not goodwill given")
        // carol approves in her console; alice's console says so and the sentence is in her reply.
        clock.advance(by: 300)
        try s.performElsewhere(.answerOffer(asa, offer: 1, approve: true, note: "ok"), actor: "carol")
        _ = app.frame()
        #expect(app.state.status?.text == "carol approved \(asa)/1, refund SEK 900.00: ok — it is in your reply to \(asa)")
        #expect(app.state.editor.text.hasPrefix("Vi betalar tillbaka 900,00\u{00A0}kr till dig"))
    }

    @Test func anApprovalForAnotherCaseGoesIntoThatCasesDraft() throws {
        let (app, s, asa) = try app()
        app.command("offer refund 900 hela köpet")
        app.type(.character("j"))   // the next case: the editor follows it
        #expect(app.state.editorCaseID != asa)
        try s.performElsewhere(.answerOffer(asa, offer: 1, approve: true, note: nil), actor: "carol")
        _ = app.frame()   // the console polls the desk as it draws
        app.tick()
        #expect(s.desk.draft(caseID: asa, agent: "alice")?.hasPrefix("Vi betalar tillbaka 900,00\u{00A0}kr") == true)
    }

    @Test func aDeclineIsSaidAsAnErrorWithTheReason() throws {
        let (app, s, asa) = try app()
        app.command("offer refund 900 hela köpet")
        try s.performElsewhere(.answerOffer(asa, offer: 1, approve: false, note: "erbjud en ny TV i stället"), actor: "carol")
        _ = app.frame()
        #expect(app.state.status == StatusMessage("carol declined \(asa)/1, refund SEK 900.00: erbjud en ny TV i stället", kind: .error, at: clock.now()))
        #expect(app.state.editor.isEmpty)
    }

    @Test func aSupervisorAnswersWithOneKeyAndANote() throws {
        let (_, s, asa) = try app()
        try s.perform(.offer(asa, kind: .refund, value: .money(Money(minorUnits: 90_000, currency: "SEK")), reason: "hela köpet"), actor: "bob", at: nil)
        let (carols, _, _) = makeApp(s, clock: clock, agent: "carol")
        let app = carols
        app.type(.character("8"))   // Approvals
        #expect(app.queue.rows == [asa])
        app.type(.character("d"))
        guard case let .prompt(p) = app.state.mode else { Issue.record("no prompt"); return }
        #expect(p.label == "Decline \(asa)/1: refund SEK 900.00 for bob because")
        app.type(.enter)   // no reason: asked again
        guard case let .prompt(again) = app.state.mode else { Issue.record("no prompt after an empty reason"); return }
        #expect(again.hint == "say why it is declined: the agent reads it")
        app.type(text: "för mycket")
        app.type(.enter)
        #expect(s.desk.cases[asa]?.offers.first?.state == .declined)
        #expect(app.queue.rows.isEmpty, "answered: it leaves the Approvals view")
    }

    @Test func anAgentIsToldAtOnceThatApprovingIsForSupervisors() throws {
        let (_, s, asa) = try app()
        try s.perform(.offer(asa, kind: .refund, value: .money(Money(minorUnits: 90_000, currency: "SEK")), reason: "x"), actor: "bob", at: nil)
        s.role = .agent
        let (app, _, _) = makeApp(s, clock: clock, agent: "eve")
        app.type(.character("8"))
        app.type(.character("y"))
        #expect(app.state.status?.kind == .error && app.state.status?.text == "only a supervisor can use :approve")
        #expect(s.desk.cases[asa]?.offers.first?.state == .awaitingApproval)
    }

    @Test func mMakesItRightInOneStepWithTheWholeReplyInSwedish() throws {
        let (app, s, asa) = try app()
        app.type(.character("m"))
        guard case let .picker(p) = app.state.mode else { Issue.record("no picker"); return }
        #expect(p.title == "Make it right with Åsa Lindqvist: sorry for…")
        app.type(.character("2"))   // a faulty product
        let c = try #require(s.desk.cases[asa])
        let code = try #require(c.offers.first?.coupon?.code)
        #expect(c.recoveries.count == 1 && c.offers.first?.value == .percent(10) && c.offers.first?.recovery == true)
        let text = app.state.editor.text
        #expect(text.hasPrefix("Hej Åsa, jag är verkligen ledsen att produkten du fick är felaktig."))
        #expect(text.contains("Tack för att du hörde av dig och för ditt tålamod – det hjälper oss att bli bättre. Här är en rabattkod på 10\u{00A0}%: \(code)"))
        #expect(text.contains("Jag hör av mig den 26 november för att höra att allt är i ordning."))
        #expect(text.hasSuffix("\n\n" + ApologyTemplates.signOff(.sv) + "\nalice"), "signed by the agent: \(text)")
        #expect(app.state.focus == .reply)
        #expect(app.state.status?.text == "made it right on \(asa): apology, coupon 10% (code \(code)), check-in Thu 10:00 — in the reply")
    }

    @Test func aSupervisorIsToldAtOnceThatTheirOwnRequestIsAnothersToAnswer() throws {
        let (_, s, asa) = try app()
        try s.perform(.offer(asa, kind: .refund, value: .money(Money(minorUnits: 9_000_000, currency: "SEK")), reason: "all of it"), actor: "carol", at: nil)
        let (carols, _, _) = makeApp(s, clock: clock, agent: "carol")
        carols.type(.character("8"))
        carols.type(.character("y"))
        #expect(carols.state.mode == .normal, "no note is asked for")
        #expect(carols.state.status?.kind == .error && carols.state.status?.text.hasPrefix("nobody approves their own request: \(asa)/1") == true)
    }
}
