import Testing
import FrontlineMail

@Suite struct QuotedTextTests {
    private func kinds(_ s: String) -> [QuotedText.Block.Kind] { QuotedText.blocks(s).map(\.kind) }

    @Test func englishAttributionAndQuote() {
        let b = QuotedText.blocks("Thanks, fixed.\n\nOn Tue, 1 Jul 2003, Anne <a@b.c> wrote:\n> It is broken\n> badly\n")
        #expect(b.map(\.kind) == [.text, .quoted])
        #expect(b[0].lines == ["Thanks, fixed.", ""])
        #expect(b[1].lines.first == "On Tue, 1 Jul 2003, Anne <a@b.c> wrote:")
    }

    @Test func wrappedAttribution() {
        #expect(kinds("ok\nOn Tue, 1 Jul 2003 at 10:00, Anne Person <\na@b.c> wrote:\n> x") == [.text, .quoted])
    }

    @Test func swedishFinnishGerman() {
        #expect(kinds("Tack!\nDen 1 juli 2003 skrev Åsa <a@b.se>:\n> hej") == [.text, .quoted])
        #expect(kinds("Kiitos!\nMatti Meikäläinen kirjoitti 1.7.2003 klo 10.00:\n> moi") == [.text, .quoted])
        #expect(kinds("Danke\nAm 01.07.2003 um 10:00 schrieb Jörg <j@x.de>:\n> hallo") == [.text, .quoted])
    }

    @Test func outlook() {
        #expect(kinds("Reply\n\n-----Original Message-----\nFrom: A\nSent: Monday\nSubject: x\n\nold text") == [.text, .quoted])
        #expect(kinds("Reply\n________________________________\nFrom: Anne\nSent: Monday, July 1\nTo: Desk\n\nold") == [.text, .quoted])
        #expect(kinds("Svar\nFrån: Åsa\nSkickat: den 1 juli 2003\nÄmne: x\n\ngammalt") == [.text, .quoted])
        #expect(kinds("Vastaus\nLähettäjä: Matti\nLähetetty: 1. heinäkuuta 2003\n\nvanha") == [.text, .quoted])
        // "From:" without "Sent:" is just text.
        #expect(kinds("From: the top of my head\nno") == [.text])
    }

    @Test func interleavedQuoteWithoutAttribution() {
        #expect(kinds("> question\nanswer\n> second\nanswer two") == [.quoted, .text, .quoted, .text])
    }

    @Test func signature() {
        let b = QuotedText.blocks("Hello\n-- \nAnne\nSupport\n")
        #expect(b.map(\.kind) == [.text, .signature])
        #expect(b[1].lines == ["-- ", "Anne", "Support"])
        #expect(kinds("Hi\n--\nBob\n\nOn Mon, Bob wrote:\n> q") == [.text, .signature, .quoted])
        #expect(kinds("") == [])
    }
}
