import Foundation
import Testing
@testable import FrontlineCore

/// Solution articles: read from Markdown with a title and tags, suggested for a case by its
/// tags and words (folded, crudely stemmed), in the customer's language; their use recorded.
@Suite struct SolutionTests {
    @Test func anArticleIsATitleTagsAndText() throws {
        let a = try SolutionArticle.parse("\n# Paketet har inte kommit\ntags: Delivery, parcel\n\nHej {first_name}, jag har kollat.\n",
                                          name: "parcel-missing", language: .sv, source: "p.sv.md")
        #expect(a.title == "Paketet har inte kommit" && a.tags == ["delivery", "parcel"] && a.body == "Hej {first_name}, jag har kollat.")
    }

    @Test(arguments: [
        ("", "p.md: the article is empty"),
        ("Paketet\ntext", "p.md:1: an article starts with its title"),
        ("# Titel\ntags: two words\ntext", "p.md:2: a tag is one word (\"two words\")"),
        ("# Titel\ntags: a\n", "p.md: \"Titel\" has no text under its title"),
        ("# Titel\nHej {frist_name}", "p.md:2: unknown placeholder {frist_name}"),
    ] as [(String, String)])
    func aBrokenArticleSaysWhereAndWhy(text: String, expected: String) {
        do {
            _ = try SolutionArticle.parse(text, name: "p", language: .sv, source: "p.md")
            Issue.record("accepted \(text)")
        } catch {
            #expect(error.description.hasPrefix(expected), "\(error)")
        }
    }

    func desk(subject: String, body: String, language: String = "sv", tags: [String] = []) throws -> (DeskBuilder, SupportCase) {
        var b = DeskBuilder()
        let id = try b.open("Åsa Lindqvist", email: "asa@example.se", language: language, subject: subject, body: body)
        if !tags.isEmpty { try b.run(.tag(id, tags: tags)) }
        return (b, try #require(b.desk.cases[id]))
    }

    @Test func theBestFitsComeFirstInTheCustomersLanguage() throws {
        let (_, c) = try desk(subject: "Paketet har inte kommit", body: "Spårningen säger levererat men inget paket.")
        let fits = SolutionLibrary.bundled.suggestions(for: c, language: .sv)
        #expect(fits.first?.name == "parcel-missing" && fits.first?.language == .sv)
        let (_, refund) = try desk(subject: "Återbetalning?", body: "När kommer pengarna?", tags: ["refund"])
        #expect(SolutionLibrary.bundled.suggestions(for: refund, language: .sv).first?.name == "refund-timeline")
        let (_, nothing) = try desk(subject: "Hej", body: "Tack för sist")
        #expect(SolutionLibrary.bundled.suggestions(for: nothing, language: .sv).isEmpty, "nothing shared, nothing suggested")
    }

    @Test func aTeamsArticleReplacesOursAndEnglishStandsInForAMissingLanguage() throws {
        let own = try SolutionArticle.parse("# Laddaren blir varm\ntags: charger\nSluta använda laddaren och skicka en bild.", name: "charger-hot", language: .en, source: "c.en.md")
        let library = SolutionLibrary.bundled.overridden(by: [own])
        let (_, c) = try desk(subject: "Laddaren blev varm", body: "Laddaren luktar bränt.")
        #expect(library.suggestions(for: c, language: .sv).first?.name == "charger-hot", "folded and stemmed: laddaren ~ laddare")
        #expect(library.named("charger-hot", language: .fi)?.language == .en)
    }

    @Test func itsUseIsRecordedOnTheCase() throws {
        var (b, c) = try desk(subject: "Paket", body: "Var är paketet?")
        let events = try b.run(.useSolution(c.id, name: "parcel-missing"), actor: "alice")
        #expect(b.desk.cases[c.id]?.solutionsUsed == [SolutionUse(name: "parcel-missing", by: "alice", at: b.now)])
        #expect(b.desk.cases[c.id]?.lastActivityAt == c.lastActivityAt)
        for e in events { #expect(try JournalCodec.decode(try JournalCodec.encode(e)) == e) }
        #expect(try HelpDesk(snapshotBytes: b.desk.snapshotBytes()) == b.desk)
        #expect(try JSONDecoder().decode(Command.self, from: try JSONEncoder().encode(Command.useSolution("C-1", name: "x"))) == .useSolution("C-1", name: "x"))
    }

    @Test func everyBundledArticleReads() {
        #expect(SolutionLibrary.bundled.articles.count == BundledSolutions.texts.count)
    }
}
