import Foundation
import Testing
@testable import FrontlineCore

/// Templates: placeholders, the values they take for a case, and how a team's own override ours.
@Suite struct ReplyTemplateTests {
    let utc = TimeZone(identifier: "UTC")!

    @Test func placeholdersNobodyFillsAreFoundWithTheirLine() {
        let found = ReplyTemplate.unknownPlaceholders(in: "Hej {first_name},\nom {ordr} och {case}\n{} {x y}")
        #expect(found.map(\.line) == [2] && found.map(\.placeholder) == ["{ordr}"])
        #expect(ReplyTemplate.unknownPlaceholders(in: "{first_name} {name} {case} {subject} {agent} {last_contact} {last_subject}").isEmpty)
    }

    @Test func theGreetingRecallsTheLastContactOfAnEarlierCase() throws {
        var b = DeskBuilder()
        let old = try b.open("Åsa Lindqvist", email: "asa@example.se", language: "sv", subject: "Trasig laddare", at: t0.addingTimeInterval(-20 * 86400))
        try b.run(.reply(old, body: "Vi skickar en ny."))
        b.advance(86400)
        let new = try b.open("Åsa Lindqvist", email: "asa@example.se", language: "sv", subject: "TV:n luktar bränt")
        let c = try #require(b.desk.cases[new]), k = try #require(b.desk.customer(of: c))
        let values = ReplyTemplate.values(for: c, customer: k, history: CustomerHistory(desk: b.desk, caseID: new), agent: "alice", timeZone: utc)
        let greeting = try #require(TemplateLibrary.bundled.named("greeting", language: .sv))
        #expect(greeting.filled(values) == "Hej Åsa! Roligt att höra av dig igen; senast vi hördes den 23 november om Trasig laddare.")
        // A first-time customer has no earlier contact to recall.
        let first = try #require(b.desk.cases[old])
        #expect(ReplyTemplate.values(for: first, customer: k, history: nil, agent: "alice", timeZone: utc)["last_contact"] == "earlier")
    }

    @Test(arguments: [(Language.en, "23 November"), (.sv, "23 november"), (.fi, "23. marraskuuta")])
    func datesAreWrittenTheLocalWay(language: Language, written: String) {
        #expect(ReplyTemplate.longDate(t0, language: language, timeZone: utc) == written)
    }

    @Test func aTeamsTemplateReplacesOursAndAddsItsOwn() {
        let own = [ReplyTemplate(name: "greeting", language: .sv, text: "Tjena {first_name}!", source: "greeting.sv.txt"),
                   ReplyTemplate(name: "refund-sent", language: .en, text: "Your refund for {case} is on its way.", source: "refund-sent.en.txt")]
        let library = TemplateLibrary.bundled.overridden(by: own)
        #expect(library.named("greeting", language: .sv)?.text == "Tjena {first_name}!")
        #expect(library.named("greeting", language: .fi)?.text.hasPrefix("Hei {first_name}!") == true, "other languages keep ours")
        #expect(library.named("refund-sent", language: .fi)?.language == .en, "no Finnish one: the English one")
        #expect(library.matching("ref", language: .sv).map(\.name) == ["refund-sent"])
        #expect(library.matching("apology mist", language: .fi).map(\.name) == ["apology-mistake"])
        // Every template but the offer texts, which need an offer (they come with `$`).
        #expect(library.matching("", language: .en).count == Set(library.templates.map(\.name).filter { !TemplateLibrary.needsItsOccasion($0) }).count)
        #expect(library.matching("offer", language: .en).isEmpty && library.named("offer-coupon", language: .sv) != nil)
    }
}
