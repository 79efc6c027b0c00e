import Foundation
import Testing

// Customer text in scripts and emoji whose characters are more than one code point — flags
// (two regional indicators), skin-tone modifiers, emoji presentation selectors, keycaps,
// Devanagari conjuncts with spacing vowel signs, Thai with stacked marks — must reach the
// screen whole, and must never leave characters of the previously shown case behind.
//
// tmux itself shows every one of these samples intact when a program prints them, so what the
// pane shows is what the console drew.

extension FrontlineEndToEnd {
    static let clusterSamples: [(label: String, text: String)] = [
        ("flags", "🇸🇪🇫🇮"),
        ("skin tone", "👍🏽👍🏽"),
        ("emoji presentation", "❤️❤️"),
        ("keycaps", "1️⃣2️⃣"),
        ("text presentation", "☺︎☺️"),
        ("devanagari", "क्षि हिंदी"),
        ("thai", "ที่ดี"),
    ]

    @Test("multi-code-point characters are drawn whole, with nothing left over from the previous case")
    func multiCodePointTextIsDrawnWhole() throws {
        let t = try TmuxSession()
        // Each sample case follows a case full of Q's, so a cell the console leaves unwritten
        // shows a stray Q.
        let filler = IntakeLine.make(name: "QQQQQQQQQQQQQQQQQQQQQQQQ QQQQQQQQQQQQQQQQQQQQ", subject: String(repeating: "Q", count: 70),
                                     body: Array(repeating: String(repeating: "Q", count: 12), count: 60).joined(separator: " "))
        var lines: [Data] = []
        for sample in Self.clusterSamples {
            lines.append(filler)
            lines.append(IntakeLine.make(name: "Kim \(sample.text) Lee", subject: "about \(sample.text) here", body: "says \(sample.text) body"))
        }
        let ids = try t.intake(lines)
        try t.launchConsole()
        var s = try t.waitUntil("all cases in the queue") { $0.queueCaseIDs.count == ids.count }
        let order = s.queueCaseIDs
        try #require(order == ids, "the queue is in intake order (same SLA, opened one after another)")

        for (n, sample) in Self.clusterSamples.enumerated() {
            let fillerID = ids[2 * n], sampleID = ids[2 * n + 1]
            s = try t.waitUntil("filler \(fillerID) selected") { $0.selectedCaseID == fillerID && $0.contains("Reply to \(fillerID) ") }
            try t.sendKeys("j")
            s = try t.waitUntil("\(sample.label) case \(sampleID) selected") { $0.selectedCaseID == sampleID && $0.contains("Reply to \(sampleID) ") }
            usleep(300_000)
            s = try t.capture()

            // The history pane, title included: no stray Q from the case shown before.
            let topRight = s.title.split(separator: "┬", maxSplits: 1).dropFirst().first.map(String.init) ?? ""
            let history = topRight + " " + s.historyText
            #expect(!history.contains("Q"), "\(sample.label): characters of the previous case were left on screen:\n\(s.text)")

            // Every code point of the sample reaches the screen, in order (spacing aside) — except
            // the presentation selectors U+FE0E/U+FE0F, which the grid drops on purpose: some
            // terminals draw an emoji-presentation character two columns wide where wcwidth (and
            // so ncurses) says one, which would shift everything after it on the line.
            let squeezed = history.replacingOccurrences(of: " ", with: "")
            for expected in ["Kim \(sample.text) Lee", "says \(sample.text) body"] {
                let want = String(String.UnicodeScalarView(expected.unicodeScalars.filter { $0 != " " && $0.value != 0xFE0E && $0.value != 0xFE0F }))
                #expect(squeezed.contains(want), "\(sample.label): \"\(expected)\" is not drawn whole. Code points shown: \(Self.codePoints(near: "Kim", in: history))\n\(s.text)")
            }
            let layout = s.lines.count == t.height && s.lines[0].hasPrefix("┌") && s.lines[0].hasSuffix("┐")
                && s.lines[t.height - 2].hasPrefix("└") && s.lines[t.height - 2].hasSuffix("┘")
            #expect(layout, "\(sample.label): box corners")
            if n + 1 < Self.clusterSamples.count { try t.sendKeys("j") }
        }
        try t.sendKeys("q")
        #expect(try t.waitForExit() == 0)
    }

    static func codePoints(near marker: String, in text: String) -> String {
        guard let r = text.range(of: marker) else { return "(\(marker) not found)" }
        return text[r.lowerBound...].unicodeScalars.prefix(24).map { $0.value < 0x80 ? String($0) : String(format: "U+%04X", $0.value) }.joined(separator: " ")
    }
}
