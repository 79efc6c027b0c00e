import Testing
@testable import FrontlineTUI

/// The scalars that must never reach the layout: they can drive the terminal, reorder text or hide it.
private func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x0A: return false
    case 0x00...0x1F, 0x7F, 0x80...0x9F: return true  // C0 (except newline), DEL, C1
    case 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F, 0x061C: return true  // bidi
    case 0x200B...0x200D, 0x2060...0x2064, 0xFEFF, 0x180E, 0x00AD, 0xE0000...0xE007F: return true  // zero-width
    case 0x20...0x7E: return false
    default: return scalar.properties.generalCategory == .format
    }
}

private func unsafeScalars(in s: String) -> [UInt32] {
    s.unicodeScalars.filter(isUnsafe).map(\.value)
}

private func maxCombiningRun(in s: String) -> Int {
    var longest = 0
    var run = 0
    for scalar in s.unicodeScalars {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .spacingMark:
            run += 1
            longest = max(longest, run)
        default:
            run = 0
        }
    }
    return longest
}

@Suite("TextSanitiser")
struct TextSanitiserTests {
    static let attacks: [String] = [
        "\u{1B}]0;pwned\u{07}",
        "\u{1B}]52;c;cm0gLXJmIH4=\u{07}",
        "\u{1B}]8;;https://evil.example/\u{1B}\\click me\u{1B}]8;;\u{1B}\\",
        "\u{1B}[2J\u{1B}[H\u{1B}[?1049l",
        "\u{1B}P1;2|secret\u{1B}\\",
        "\u{9B}31mred\u{9C}",
        "invoice_\u{202E}fdp.exe",
        "\u{2066}isolate\u{2069}\u{200E}\u{200F}\u{061C}",
        "pay\u{200D}pal\u{200B}\u{200C}\u{2060}\u{FEFF}\u{180E}so\u{AD}ft",
        "tag\u{E0041}\u{E007F}",
        "line1\r\nline2\rline3",
        "a\tb",
        "Z" + String(repeating: "\u{336}\u{301}\u{20DD}", count: 17),
        "\u{0}\u{1}\u{7F}\u{85}\u{8D}\u{90}\u{9D}\u{9F}",
        "para\u{2028}graph\u{2029}end",
        "\u{FE0F}\u{301}orphans",
    ]

    @Test(arguments: attacks)
    func attackStringsComeOutInert(attack: String) {
        let clean = TextSanitiser.sanitise(attack)
        #expect(unsafeScalars(in: clean).isEmpty, "\(clean.unicodeScalars.map { String($0.value, radix: 16) })")
        #expect(maxCombiningRun(in: clean) <= TextSanitiser.maxCombiningMarksPerCharacter)
        #expect(TextSanitiser.sanitise(clean) == clean, "sanitising twice changes nothing")
        let line = TextSanitiser.singleLine(attack)
        #expect(unsafeScalars(in: line).isEmpty)
        #expect(!line.contains("\n"))
    }

    @Test func escapeSequencesBecomeVisiblePictures() {
        #expect(TextSanitiser.sanitise("\u{1B}]0;pwned\u{07}") == "␛]0;pwned␇")
        #expect(TextSanitiser.sanitise("\u{1B}[2J") == "␛[2J")
        #expect(TextSanitiser.sanitise("\u{1B}P1;2|x\u{1B}\\") == "␛P1;2|x␛\\")
        #expect(TextSanitiser.sanitise("\u{0}") == "\u{2400}")
        #expect(TextSanitiser.sanitise("\u{7F}") == "\u{2421}")
        #expect(TextSanitiser.sanitise("\u{1F}") == "\u{241F}")
    }

    @Test func c1ControlsBecomeReplacementCharacters() {
        #expect(TextSanitiser.sanitise("\u{9B}31m") == "\u{FFFD}31m")
        #expect(TextSanitiser.sanitise("\u{80}\u{85}\u{9F}") == "\u{FFFD}\u{FFFD}\u{FFFD}")
    }

    @Test func bidiAndZeroWidthCharactersAreRemoved() {
        #expect(TextSanitiser.sanitise("invoice_\u{202E}fdp.exe") == "invoice_fdp.exe")
        #expect(TextSanitiser.sanitise("pay\u{200D}pal\u{200B}") == "paypal")
        #expect(TextSanitiser.sanitise("\u{2066}a\u{2069}\u{200E}b\u{200F}\u{061C}") == "ab")
        #expect(TextSanitiser.sanitise("so\u{AD}ft\u{FEFF}\u{2064}\u{180E}") == "soft")
        #expect(TextSanitiser.sanitise("🏴\u{E0067}\u{E0062}\u{E007F}") == "🏴")
    }

    @Test func whitespaceRules() {
        #expect(TextSanitiser.sanitise("a\tb") == "a    b")
        #expect(TextSanitiser.sanitise("a\r\nb\rc") == "a\nbc")
        #expect(TextSanitiser.sanitise("a\u{2028}b\u{2029}c") == "a\nb\nc")
        #expect(TextSanitiser.sanitise("keep\n\nnewlines\n") == "keep\n\nnewlines\n")
    }

    @Test func invalidUTF8BecomesReplacementCharacters() {
        let clean = TextSanitiser.sanitise(bytes: [0xFF, 0xFE, 0xC3])
        #expect(clean == "\u{FFFD}\u{FFFD}\u{FFFD}")
        #expect(TextSanitiser.sanitise(bytes: Array("Åsa\u{1B}[2J".utf8)) == "Åsa␛[2J")
        #expect(TextSanitiser.sanitise(bytes: [UInt8]()) == "")
    }

    @Test func zalgoIsCappedToOneLineHigh() {
        let zalgo = "Z" + String(repeating: "\u{301}", count: 50) + "a" + String(repeating: "\u{336}", count: 50)
        let clean = TextSanitiser.sanitise(zalgo)
        #expect(clean.unicodeScalars.count == 2 + 2 * TextSanitiser.maxCombiningMarksPerCharacter)
        #expect(clean.count == 2)
        #expect(DisplayWidth.of(clean) == 2)
        #expect(TextSanitiser.maxCombiningMarksPerCharacter == 2)
    }

    @Test func legitimateTextIsUntouched() {
        let samples = [
            "Hej Åsa, jag är ledsen för besväret med din nya TV …",
            "e\u{301}t\u{E9} na\u{EF}ve",
            "漢字とひらがな 한국어",
            "❤\u{FE0F} 👍🏽 🇸🇪 1\u{FE0F}\u{20E3}",
            "Việt Nam", "नमस्ते", "ยินดี",
        ]
        for sample in samples {
            #expect(TextSanitiser.sanitise(sample) == sample)
        }
    }

    @Test func variationSelectorsOnlyAfterABase() {
        #expect(TextSanitiser.sanitise("❤\u{FE0F}") == "❤\u{FE0F}")
        #expect(TextSanitiser.sanitise("\u{FE0F}x") == "x")
        #expect(TextSanitiser.sanitise("a\n\u{FE0F}") == "a\n")
        #expect(TextSanitiser.sanitise("❤\u{FE0F}\u{FE0F}\u{FE0E}").unicodeScalars.count == 2)
    }

    @Test func orphanCombiningMarkGetsADottedCircle() {
        #expect(TextSanitiser.sanitise("\u{301}x") == "\u{25CC}\u{301}x")
        #expect(TextSanitiser.sanitise("a\n\u{301}") == "a\n\u{25CC}\u{301}")
    }

    @Test func singleLineFoldsNewlinesAndTrims() {
        #expect(TextSanitiser.singleLine("  Refund\n\n\nfor order\r\n5512\n ") == "Refund for order 5512")
        #expect(TextSanitiser.singleLine("\n\n") == "")
        #expect(TextSanitiser.singleLine("") == "")
        #expect(TextSanitiser.singleLine("a\tb") == "a    b")
        #expect(TextSanitiser.singleLine("\u{1B}]0;x\u{07}\nnext") == "␛]0;x␇ next")
    }

    @Test func megabyteLineIsHandled() {
        let chunk = "ab\u{1B}[31mc\u{202E}é漢 \u{200B}e\u{301}\u{301}\u{301}\t"
        let line = String(repeating: chunk, count: 1_000_000 / chunk.utf8.count + 1)
        #expect(line.utf8.count >= 1_000_000)
        let clean = TextSanitiser.sanitise(line)
        #expect(unsafeScalars(in: clean).isEmpty)
        let expectedChunk = "ab␛[31mcé漢 e\u{301}\u{301}    "
        #expect(clean.unicodeScalars.count == expectedChunk.unicodeScalars.count * (1_000_000 / chunk.utf8.count + 1))
        #expect(!TextSanitiser.singleLine(line).contains("\n"))
    }

    @Test func randomHostileTextIsAlwaysSafe() {
        var generator = SeededGenerator(seed: 42)
        for _ in 0..<300 {
            let input = randomHostileString(length: Int.random(in: 0...40, using: &generator), using: &generator)
            let clean = TextSanitiser.sanitise(input)
            #expect(unsafeScalars(in: clean).isEmpty)
            #expect(maxCombiningRun(in: clean) <= TextSanitiser.maxCombiningMarksPerCharacter)
            #expect(TextSanitiser.sanitise(clean) == clean)
        }
    }
}
