import Testing
@testable import FrontlineTUI

@Suite("DisplayWidth")
struct DisplayWidthTests {
    @Test(arguments: [
        ("a", 1), (" ", 1), ("~", 1), ("å", 1), ("Ö", 1), ("e\u{301}", 1), ("ｱ", 1), ("─", 1), ("␛", 1),
        ("漢", 2), ("字", 2), ("한", 2), ("Ａ", 2), ("。", 2), ("😀", 2), ("👍", 2), ("🇸🇪", 2),
        ("❤", 1), ("❤\u{FE0F}", 2), ("1\u{FE0F}\u{20E3}", 2), ("👍🏽", 2),
        ("\u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467}", 2),
        ("\u{1B}", 0), ("\u{0}", 0), ("\n", 0), ("\t", 0), ("\u{7F}", 0), ("\u{9B}", 0), ("\u{200B}", 0),
        ("\u{200D}", 0), ("\u{202E}", 0), ("\u{FEFF}", 0), ("\u{AD}", 0), ("\u{301}", 0), ("\u{E0067}", 0),
    ] as [(Character, Int)])
    func widthOfOneCharacter(character: Character, expected: Int) {
        #expect(DisplayWidth.of(character) == expected)
    }

    @Test func widthOfStrings() {
        #expect(DisplayWidth.of("") == 0)
        #expect(DisplayWidth.of("hello") == 5)
        #expect(DisplayWidth.of("Åsa Lindqvist") == 13)
        #expect(DisplayWidth.of("e\u{301}e\u{301}") == 2)
        #expect(DisplayWidth.of("漢字abc") == 7)
        #expect(DisplayWidth.of("a\u{1B}[2J") == 4)
        #expect(DisplayWidth.of("Z" + String(repeating: "\u{336}", count: 50)) == 1)
    }

    @Test func joinedEmojiStaySafeAfterSanitising() {
        let family = "\u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467}"
        #expect(DisplayWidth.of(family) == 2)
        let clean = TextSanitiser.sanitise(family)
        #expect(clean.count == 3)
        #expect(DisplayWidth.of(clean) == 6)
    }

    @Test func truncateCutsWithEllipsisOnlyWhenNeeded() {
        #expect(DisplayWidth.truncate("hello world", toWidth: 5) == "hell…")
        #expect(DisplayWidth.truncate("hello", toWidth: 5) == "hello")
        #expect(DisplayWidth.truncate("hello", toWidth: 9) == "hello")
        #expect(DisplayWidth.truncate("hello", toWidth: 1) == "…")
        #expect(DisplayWidth.truncate("hello", toWidth: 0) == "")
        #expect(DisplayWidth.truncate("hello", toWidth: -3) == "")
        #expect(DisplayWidth.truncate("", toWidth: 3) == "")
        #expect(DisplayWidth.truncate("hello", toWidth: 2, ellipsis: "...") == "he")
        #expect(DisplayWidth.truncate("hello", toWidth: 4, ellipsis: "...") == "h...")
        #expect(DisplayWidth.truncate("hello", toWidth: 3, ellipsis: "") == "hel")
    }

    @Test func truncateNeverSplitsAWideCharacter() {
        #expect(DisplayWidth.truncate("漢字漢", toWidth: 4) == "漢…")
        #expect(DisplayWidth.truncate("漢字漢", toWidth: 5) == "漢字…")
        #expect(DisplayWidth.truncate("漢字", toWidth: 1) == "…")
        #expect(DisplayWidth.truncate("e\u{301}e\u{301}xyz", toWidth: 3) == "e\u{301}e\u{301}…")
    }

    @Test func padGivesExactlyTheWidth() {
        #expect(DisplayWidth.pad("ab", toWidth: 4) == "ab  ")
        #expect(DisplayWidth.pad("abcdef", toWidth: 4) == "abc…")
        #expect(DisplayWidth.pad("漢字漢", toWidth: 4) == "漢… ")
        #expect(DisplayWidth.pad("x", toWidth: 0) == "")
        #expect(DisplayWidth.pad("x", toWidth: -1) == "")
        let samples = ["", "a", "Åsa", "漢字漢字", "😀😀x", "e\u{301}", "C-1042 URG 3h12m TV:n luktar bränt"]
        for sample in samples {
            for width in 1...12 {
                #expect(DisplayWidth.of(DisplayWidth.pad(sample, toWidth: width)) == width, "\(sample) @ \(width)")
                #expect(DisplayWidth.of(DisplayWidth.truncate(sample, toWidth: width)) <= width)
            }
        }
    }

    @Test func wideTableIsSortedAndDisjoint() {
        let ranges = WideCharacterTable.ranges
        #expect(ranges.allSatisfy { $0.lower <= $0.upper })
        #expect(zip(ranges, ranges.dropFirst()).allSatisfy { $0.upper < $1.lower })
    }
}
