import Foundation
import FrontlineCore
import FrontlineTUI
import Testing
@testable import FrontlineConsole

/// The console's prompts, status messages and refusals about goodwill, reviews, stock and the
/// `:` line in Swedish and Finnish, driven through the real update as an agent types them.
@Suite struct ConsoleMessagesLanguageTests {
    let clock = ManualClock(t0)

    func appOnAsasCase(_ language: UILanguage) throws -> (ConsoleApp, InMemoryCaseService, CaseID) {
        let s = try seededService(clock: clock)
        s.authority = OfferConsoleTests.authority
        let (app, _, _) = makeApp(s, clock: clock, language: language)
        app.options.authority = OfferConsoleTests.authority
        let asa = s.desk.caseOrder[1]
        guard app.select(asa) else { throw SetupFailure("Åsa's case \(asa) is not in the Waiting view") }
        return (app, s, asa)
    }

    @Test func aRefundOfferedInFinnish() throws {
        let (app, s, asa) = try appOnAsasCase(.fi)
        app.type(.character("$"))
        guard case let .picker(kinds) = app.state.mode else { Issue.record("no picker"); return }
        #expect(kinds.title == "Hyvitys: Åsa Lindqvist")
        #expect(kinds.options == ["alennus enintään 10%", "kuponki enintään 15%", "palautus enintään SEK 500.00", "hyvityssaldo enintään SEK 50.00",
                                  "korvaava tuote vielä 1", "ilmainen toimitus vielä 2"])
        app.type(.character("3"))   // refund
        guard case let .prompt(value) = app.state.mode else { Issue.record("no value prompt"); return }
        #expect(value.label == "Palautus tapaukselle \(asa)")
        #expect(value.hint == "summa valuutassa SEK, esim. 125.50 (tai \"EUR 12.50\")")
        app.type(text: "paljon")
        app.type(.enter)
        guard case let .prompt(again) = app.state.mode else { Issue.record("the prompt closed"); return }
        #expect(again.hint == "summa, esim. 125.50 tai EUR 12.50")
        app.type(.control("u"))
        app.type(text: "40")
        app.type(.enter)
        guard case let .prompt(reason) = app.state.mode else { Issue.record("no reason prompt"); return }
        #expect(reason.label == "Miksi palautus SEK 40.00 tapaukselle \(asa)")
        #expect(reason.hint == "kirjataan tapaukseen; esihenkilöt näkevät sen")
        app.type(text: "TV hajosi")
        app.type(.enter)
        #expect(s.desk.cases[asa]?.offers.first?.state == .given)
        #expect(app.state.status?.text == "annettu: palautus 40,00\u{00A0}kr, vastauksessa · liikkumavaraa nyt: palautus enintään SEK 500.00")
        #expect(app.screen.contains("€ palautus 40,00\u{00A0}kr, antoi alice: TV hajosi"), "the offer in the history pane")
        #expect(app.screen.contains("hyvitykset heille: palautus 40,00\u{00A0}kr (rahaa yhteensä: 40,00\u{00A0}kr)"), "the customer's record, in Finnish")
    }

    @Test func aStockWishInFinnish() throws {
        let (app, s, asa) = try appOnAsasCase(.fi)
        app.type(.character("w"))
        guard case let .prompt(p) = app.state.mode else { Issue.record("no prompt"); return }
        #expect(p.label == "Åsa Lindqvist haluaa, kun tuote palaa")
        #expect(p.hint == "ITEM [QUANTITY] [hold DURATION], esim. TV-55X 1 hold 2d · lupaus: näkymä 9 listaa odottajat")
        app.type(text: "TV-55X 0")
        app.type(.enter)
        guard case let .prompt(again) = app.state.mode else { Issue.record("the prompt closed"); return }
        #expect(again.hint == "määrä on 1–1000")
        app.type(.control("u"))
        app.type(text: "TV-55X 2 hold 2d")
        app.type(.enter)
        #expect(s.desk.cases[asa]?.stockWishes.isEmpty == false)
        #expect(app.state.status?.text == "\(asa) odottaa: 2 × TV-55X (varataan 2d, kun se palaa); asiakas saa tiedon, kun se on taas varastossa")
    }

    @Test func disputingAReviewInSwedish() throws {
        let s = try seededService(clock: clock)
        let tom = s.desk.caseOrder[3]
        try s.perform(.reply(tom, body: "Tom, the credit note is on its way."), actor: "alice", at: nil)
        let reply = ReplyReference(caseID: tom, message: try #require(s.desk.cases[tom]?.messages.count) - 1)
        try s.perform(try ReviewConsoleTests.coach(reply, due: t0.addingTimeInterval(86400)), actor: "carol", at: nil)
        s.role = .agent
        let (app, _, _) = makeApp(s, clock: clock, language: .sv)
        app.type(.character("V"), .character("D"))
        guard case let .prompt(p) = app.state.mode else { Issue.record("no prompt"); return }
        #expect(p.label == "Bestrid granskningen av \(reply) eftersom")
        #expect(p.hint == "carol läser det")
        app.type(.enter)
        guard case let .prompt(again) = app.state.mode else { Issue.record("the prompt closed"); return }
        #expect(again.hint == "skriv varför du bestrider den, eller Esc")
        app.type(text: "jag gav datumet")
        app.type(.enter)
        #expect(app.state.status?.text == "granskningen av \(reply) bestriden: carol får veta")
        app.type(.character("a"))
        #expect(app.state.status?.text == "du har redan bestridit granskningen")
    }

    @Test func theCommandLineAndTheMailLinesInSwedish() throws {
        let (app, _, asa) = try appOnAsasCase(.sv)
        app.command("frobnicate")
        guard case let .prompt(p) = app.state.mode else { Issue.record("no prompt"); return }
        #expect(p.hint?.hasPrefix("okänt kommando \"frobnicate\"; prova: view, search") == true, "\(p.hint ?? "")")
        app.type(.escape)
        app.command("feedback 9")
        guard case let .prompt(q) = app.state.mode else { Issue.record("no prompt"); return }
        #expect(q.hint == "feedback SCORE [COMMENT] — SCORE 1 (dåligt) till 5 (bra)")
        app.type(.escape)
        app.command("save 1")
        guard case let .prompt(r) = app.state.mode else { Issue.record("no prompt"); return }
        #expect(r.hint == "\(asa) har 0 bilagor, inte 1")
        let folded = MailThreadLines.visibleBody("Tack!\n\n> rad ett\n> rad två\n> rad tre", showQuoted: false, .sv).folded
        #expect(folded == ["⋯ 3 citerade rader"])
        #expect(MailThreadLines.visibleBody("Kiitos!\n\n> yksi", showQuoted: false, .fi).folded == ["⋯ 1 lainattu rivi"])
    }
}
