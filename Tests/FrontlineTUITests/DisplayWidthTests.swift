import Testing
@testable import FrontlineTUI

@Suite("DisplayWidth")
struct DisplayWidthTests {
    @Test(arguments: [
        ("a", 1), (" ", 1), ("~", 1), ("å", 1), ("Ö", 1), ("e\u{301}", 1), ("ｱ", 1), ("─", 1), ("␛", 1),
        ("漢", 2), ("字", 2), ("한", 2), ("Ａ", 2), ("。", 2), ("😀", 2), ("👍", 2),
        // Several spacing scalars in one grapheme: one cell each, as a terminal moving by wcwidth.
        ("🇸🇪", 2), ("👍🏽", 4), ("\u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467}", 6), ("\u{1F469}\u{1F3FD}\u{200D}\u{1F4BB}", 6),
        ("हि", 2), ("हिं", 2), ("ती", 2), ("ที่", 1),
        // Variation selectors take nothing: text-default symbols stay one column.
        ("❤", 1), ("❤\u{FE0F}", 1), ("☺", 1), ("☺\u{FE0F}", 1), ("☺\u{FE0E}", 1), ("1\u{FE0F}\u{20E3}", 1), ("#\u{20E3}", 1),
        ("🏴\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}", 2), ("ᄀ\u{1161}\u{11A8}", 2),
        ("\u{1B}", 0), ("\u{0}", 0), ("\n", 0), ("\t", 0), ("\u{7F}", 0), ("\u{9B}", 0), ("\u{200B}", 0),
        ("\u{200D}", 0), ("\u{202E}", 0), ("\u{FEFF}", 0), ("\u{AD}", 0), ("\u{E0067}", 0), ("\u{FE0F}", 0), ("\u{1160}", 0),
        // A mark with nothing to sit on is drawn on a dotted circle, like the sanitiser's.
        ("\u{301}", 1), ("\u{20E3}", 1),
    ] as [(Character, Int)])
    func widthOfOneCharacter(character: Character, expected: Int) {
        #expect(DisplayWidth.of(character) == expected)
        #expect(DisplayWidth.of(String(character)) == expected)
    }

    /// The values glibc's wcwidth gives in a UTF-8 locale (checked with `wcwidth` while writing
    /// the table; these tests never call it, so they do not depend on the machine), except that
    /// controls are 0 where wcwidth says -1.
    @Test(arguments: [
        (0x41, 1), (0xE5, 1), (0x301, 0), (0x308, 0), (0x93F, 1), (0x940, 1), (0x902, 0), (0x94D, 0), (0x939, 1),
        (0xE35, 0), (0xE48, 0), (0xE33, 1), (0x1F1E6, 1), (0x1F1F8, 1), (0x1F1EA, 1), (0x1F1FF, 1), (0x1F200, 2),
        (0x1F44D, 2), (0x1F3FB, 2), (0x1F3FD, 2), (0x1F3FF, 2), (0x1F600, 2), (0x1F3F4, 2), (0x2764, 1), (0x263A, 1),
        (0x2705, 2), (0xFE0F, 0), (0xFE0E, 0), (0xFE00, 0), (0xE0100, 0), (0x180B, 0), (0x20E3, 0), (0x20DD, 0),
        (0x200D, 0), (0x200C, 0), (0x200B, 0), (0x2060, 0), (0xE0067, 0), (0x6F22, 2), (0xAC00, 2), (0x1100, 2),
        (0x1160, 0), (0x11A8, 0), (0xD7B0, 0), (0xFF21, 2), (0xFF71, 1), (0x3248, 2), (0x4DC0, 2), (0x3099, 0),
        (0x302A, 0), (0x25CC, 1), (0xFFFD, 1), (0x2500, 1), (0x2026, 1), (0x20000, 2), (0x0A, 0), (0x1B, 0), (0x9B, 0),
    ] as [(UInt32, Int)])
    func widthOfOneScalarMatchesWcwidth(value: UInt32, expected: Int) {
        #expect(DisplayWidth.width(of: Unicode.Scalar(value)!) == expected, "U+\(String(value, radix: 16, uppercase: true))")
    }

    @Test func everyRegionalIndicatorIsOneColumn() {
        for value in UInt32(0x1F1E6)...0x1F1FF {
            #expect(DisplayWidth.width(of: Unicode.Scalar(value)!) == 1)
        }
    }

    @Test func widthIsTheSumOverScalarsForWellFormedText() {
        let samples = [
            "Hej Åsa", "🇸🇪🇫🇮", "👍🏽👍🏽", "❤\u{FE0F}❤\u{FE0F}", "1\u{FE0F}\u{20E3}2\u{FE0F}\u{20E3}", "☺\u{FE0E}☺\u{FE0F}",
            "क्षि हिंदी", "ที่ดี", "e\u{301}t\u{E9}", "漢字とひらがな 한국어", "\u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467}",
        ]
        for sample in samples {
            let scalarSum = sample.unicodeScalars.reduce(0) { $0 + DisplayWidth.width(of: $1) }
            #expect(DisplayWidth.of(sample) == scalarSum, "\(sample)")
        }
        #expect(DisplayWidth.of("क्षि") == 3)
        #expect(DisplayWidth.of("Kim 🇸🇪🇫🇮 Lee") == 12)
        #expect(DisplayWidth.of("says क्षि हिंदी body") == 18)
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

    @Test func joinedEmojiMeasureTheSameBeforeAndAfterSanitising() {
        // The joiner is never drawn, so the family is its three emoji side by side either way.
        let family = "\u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467}"
        #expect(DisplayWidth.of(family) == 6)
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

    @Test func truncateKeepsGraphemesWhole() {
        #expect(DisplayWidth.truncate("🇸🇪🇫🇮", toWidth: 3) == "🇸🇪…")
        #expect(DisplayWidth.truncate("🇸🇪🇫🇮", toWidth: 2) == "…")
        #expect(DisplayWidth.truncate("👍🏽👍🏽", toWidth: 7) == "👍🏽…")
        #expect(DisplayWidth.truncate("👍🏽👍🏽", toWidth: 4) == "…")
        #expect(DisplayWidth.truncate("हिंदी भाषा", toWidth: 4) == "हिं…")
        #expect(DisplayWidth.truncate("❤\u{FE0F}❤\u{FE0F}❤\u{FE0F}", toWidth: 2) == "❤\u{FE0F}…")
        #expect(DisplayWidth.truncate("ab🇸🇪", toWidth: 3, ellipsis: "") == "ab")
        // Never leaves a mark or vowel sign without its base.
        for width in 1...8 {
            let cut = DisplayWidth.truncate("क्षि हिंदी ที่ดี", toWidth: width, ellipsis: "")
            #expect("क्षि हिंदी ที่ดี".hasPrefix(cut))
            #expect(DisplayWidth.of(cut) <= width)
        }
    }

    @Test func padGivesExactlyTheWidth() {
        #expect(DisplayWidth.pad("ab", toWidth: 4) == "ab  ")
        #expect(DisplayWidth.pad("abcdef", toWidth: 4) == "abc…")
        #expect(DisplayWidth.pad("漢字漢", toWidth: 4) == "漢… ")
        #expect(DisplayWidth.pad("x", toWidth: 0) == "")
        #expect(DisplayWidth.pad("x", toWidth: -1) == "")
        let samples = [
            "", "a", "Åsa", "漢字漢字", "😀😀x", "e\u{301}", "C-1042 URG 3h12m TV:n luktar bränt",
            "🇸🇪 Åsa", "👍🏽 ok", "❤\u{FE0F} 1\u{FE0F}\u{20E3}", "हिंदी", "ที่ดี",
        ]
        for sample in samples {
            for width in 1...12 {
                #expect(DisplayWidth.of(DisplayWidth.pad(sample, toWidth: width)) == width, "\(sample) @ \(width)")
                #expect(DisplayWidth.of(DisplayWidth.truncate(sample, toWidth: width)) <= width)
                var grid = Grid(width: 20, height: 1)
                #expect(grid.write(DisplayWidth.pad(sample, toWidth: width), x: 0, y: 0, style: .plain) == width)
            }
        }
    }

    @Test func wideTableIsSortedAndDisjoint() {
        let ranges = WideCharacterTable.ranges
        #expect(ranges.allSatisfy { $0.lower <= $0.upper })
        #expect(zip(ranges, ranges.dropFirst()).allSatisfy { $0.upper < $1.lower })
    }

    @Test func wideTableHoldsNoZeroWidthCharacters() {
        for range in WideCharacterTable.ranges {
            for value in range.lower...range.upper {
                guard let scalar = Unicode.Scalar(value) else { continue }
                switch scalar.properties.generalCategory {
                case .nonspacingMark, .enclosingMark, .format, .control:
                    Issue.record("U+\(String(value, radix: 16)) is in the wide table")
                default:
                    break
                }
            }
        }
        #expect(!WideCharacterTable.contains(0x1F1E6) && !WideCharacterTable.contains(0x1F1FF))
    }
}
