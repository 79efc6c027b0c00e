import Testing
@testable import FrontlineTUI

@Suite("TextWrap")
struct TextWrapTests {
    @Test func wrapsGreedilyOnSpaces() {
        #expect(TextWrap.wrap("hello world", width: 5) == ["hello", "world"])
        #expect(TextWrap.wrap("hello world", width: 11) == ["hello world"])
        #expect(TextWrap.wrap("hello world", width: 40) == ["hello world"])
        #expect(TextWrap.wrap("the quick brown fox jumps", width: 10) == ["the quick", "brown fox", "jumps"])
        #expect(TextWrap.wrap("Hej Åsa, jag är ledsen", width: 8) == ["Hej Åsa,", "jag är", "ledsen"])
    }

    @Test func edgeCases() {
        #expect(TextWrap.wrap("", width: 5) == [""])
        #expect(TextWrap.wrap("abc", width: 0) == [])
        #expect(TextWrap.wrap("abc", width: -7) == [])
        #expect(TextWrap.wrap("", width: 0) == [])
    }

    @Test func paragraphsAndEmptyLines() {
        #expect(TextWrap.wrap("a\n\nb", width: 5) == ["a", "", "b"])
        #expect(TextWrap.wrap("a\n", width: 5) == ["a", ""])
        #expect(TextWrap.wrap("\n", width: 5) == ["", ""])
        #expect(TextWrap.wrap("one two\nthree", width: 3) == ["one", "two", "thr", "ee"])
    }

    @Test func trailingSpacesOfBrokenLinesAreDropped() {
        #expect(TextWrap.wrap("hello     world", width: 7) == ["hello", "world"])
        #expect(TextWrap.wrap("ab   ", width: 10) == ["ab   "])
        #expect(TextWrap.wrap("ab      ", width: 4) == ["ab  "])
        #expect(TextWrap.wrap("  indented text", width: 20) == ["  indented text"])
    }

    @Test func longWordsAreHardBroken() {
        #expect(TextWrap.wrap("abcdefghij", width: 4) == ["abcd", "efgh", "ij"])
        #expect(TextWrap.wrap("hi abcdefghij ok", width: 4) == ["hi", "abcd", "efgh", "ij", "ok"])
        #expect(TextWrap.wrap("ab abcdefgh", width: 6) == ["ab", "abcdef", "gh"])
    }

    @Test func wideCharactersNeverStraddle() {
        #expect(TextWrap.wrap("漢字漢字", width: 3) == ["漢", "字", "漢", "字"])
        #expect(TextWrap.wrap("漢字漢字", width: 5) == ["漢字", "漢字"])
        #expect(TextWrap.wrap("ab漢", width: 3) == ["ab", "漢"])
        #expect(TextWrap.wrap("😀😀 😀", width: 4) == ["😀😀", "😀"])
    }

    @Test func graphemesAreNeverSplit() {
        let word = String(repeating: "e\u{301}", count: 5)
        let lines = TextWrap.wrap(word, width: 2)
        #expect(lines == ["e\u{301}e\u{301}", "e\u{301}e\u{301}", "e\u{301}"])
        #expect(lines.allSatisfy { $0.unicodeScalars.count % 2 == 0 })
    }

    @Test func multiCodePointCharactersAreMeasuredByTheirCellsAndKeptWhole() {
        #expect(TextWrap.wrap("🇸🇪🇫🇮 🇳🇴", width: 4) == ["🇸🇪🇫🇮", "🇳🇴"])
        #expect(TextWrap.wrap("🇸🇪🇫🇮🇳🇴", width: 5) == ["🇸🇪🇫🇮", "🇳🇴"])
        #expect(TextWrap.wrap("🇸🇪🇫🇮🇳🇴", width: 3) == ["🇸🇪", "🇫🇮", "🇳🇴"])
        #expect(TextWrap.wrap("👍🏽👍🏽 ok", width: 5) == ["👍🏽", "👍🏽", "ok"])
        #expect(TextWrap.wrap("❤\u{FE0F}❤\u{FE0F}❤\u{FE0F} x", width: 3) == ["❤\u{FE0F}❤\u{FE0F}❤\u{FE0F}", "x"])
        #expect(TextWrap.wrap("1\u{FE0F}\u{20E3}2\u{FE0F}\u{20E3} x", width: 4) == ["1\u{FE0F}\u{20E3}2\u{FE0F}\u{20E3} x"])
        #expect(TextWrap.wrap("हिंदी हिंदी", width: 5) == ["हिंदी", "हिंदी"])
        #expect(TextWrap.wrap("हिंदीहिंदी", width: 3) == ["हिं", "दी", "हिं", "दी"])
        #expect(TextWrap.wrap("ทีดีที่ดี", width: 3) == ["ทีดีที่", "ดี"])
    }

    @Test func aCharacterWiderThanTheLineGetsALineOfItsOwn() {
        #expect(TextWrap.wrap("a👍🏽b", width: 3) == ["a", "👍🏽", "b"])
        #expect(TextWrap.wrap("x🇸🇪", width: 1) == ["x", "🇸🇪"])
    }

    @Test func noLineStartsWithAMarkOrVowelSign() {
        let text = "क्षि हिंदी नमस्ते ที่ดี e\u{301}e\u{301}e\u{301} 🇸🇪👍🏽1\u{FE0F}\u{20E3}"
        for width in 1...12 {
            for line in TextWrap.wrap(text, width: width) {
                guard let first = line.unicodeScalars.first else { continue }
                #expect(DisplayWidth.width(of: first) >= 1, "\(line) @ \(width)")
                #expect(first.properties.generalCategory != .spacingMark, "\(line) @ \(width)")
            }
        }
    }

    @Test func widthOne() {
        #expect(TextWrap.wrap("ab c", width: 1) == ["a", "b", "c"])
        #expect(TextWrap.wrap("a漢b", width: 1) == ["a", "漢", "b"])
    }

    @Test func linesFitAndNothingIsLost() {
        var generator = SeededGenerator(seed: 7)
        let alphabet: [Character] = [
            "a", "b", "c", " ", " ", "漢", "😀", "å", "e\u{301}", "\n", "🇸🇪", "❤\u{FE0F}", "1\u{FE0F}\u{20E3}", "हिं", "ที่", "👍🏽",
        ]
        for _ in 0..<300 {
            let text = String((0..<Int.random(in: 0...60, using: &generator)).map { _ in
                alphabet.randomElement(using: &generator)!
            })
            let width = Int.random(in: 4...12, using: &generator)
            let lines = TextWrap.wrap(text, width: width)
            #expect(lines.allSatisfy { DisplayWidth.of($0) <= width }, "\(text.debugDescription) @ \(width)")
            for line in lines {
                var grid = Grid(width: width, height: 1)
                #expect(grid.write(line, x: 0, y: 0, style: .plain) == DisplayWidth.of(line), "a wrapped line is drawn whole")
            }
            let kept = lines.joined().filter { $0 != " " }
            let original = text.filter { $0 != " " && $0 != "\n" }
            #expect(kept == original)
        }
    }
}
