import Foundation
import Testing

// Text from customers is hostile (DESIGN.md): terminal escape sequences, C1 controls, bidi and
// zero-width characters, invalid UTF-8, Zalgo and megabyte lines come in through intake, and the
// console must show them as harmless text: no escape byte reaches the terminal except the
// program's own drawing, the window title and clipboard are untouched, and the layout holds.
//
// The console holds the data directory's lock, so the corpus is fed through `frontline intake`
// before the console opens.

enum AttackCorpus {
    static let osc0 = "\u{1B}]0;pwned\u{07}"
    static let osc2st = "\u{1B}]2;pwned\u{1B}\\"
    static let osc52 = "\u{1B}]52;c;cHduZWQ=\u{07}"
    static let osc8 = "\u{1B}]8;;https://evil.example/pwned\u{1B}\\click me\u{1B}]8;;\u{1B}\\"
    static let clear = "\u{1B}[2J\u{1B}[H"
    static let cursor = "\u{1B}[10;10H\u{1B}[5A\u{1B}[999C\u{1B}[s\u{1B}[u\u{1B}7\u{1B}8"
    static let modes = "\u{1B}[?1049l\u{1B}[?25h\u{1B}[?1000h\u{1B}c"
    static let dcs = "\u{1B}P+q544e\u{1B}\\"
    static let tmuxPassthrough = "\u{1B}Ptmux;\u{1B}\u{1B}]0;pwned\u{07}\u{1B}\\"
    static let c1 = "\u{9B}31m\u{9B}2J\u{9D}0;pwned\u{9C}\u{90}q\u{9C}\u{85}"
    static let bidi = "\u{202E}gnp.exe\u{202C} \u{2066}x\u{2069} \u{202A}y\u{202B}z\u{202D}"
    static let zeroWidth = "a\u{200B}b\u{200C}c\u{200D}d\u{2060}e\u{FEFF}f"
    static let bells = "ring\u{07}\u{07} back\u{08}\u{08} cr\u{0D}del\u{7F} nul\u{00}"
    static let zalgo = "Z" + String(repeating: "\u{0301}", count: 30) + String(repeating: "\u{0336}", count: 30) + "algo"

    struct Entry { let label: String; let line: Data }

    static func entries() -> [Entry] {
        func e(_ label: String, name: String, email: String = "", subject: String, body: String) -> Entry {
            Entry(label: label, line: IntakeLine.make(name: name, email: email, subject: subject, body: body))
        }
        var out = [
            e("osc0", name: osc0 + "Eve Attacker", email: "eve\(osc0)@evil.example", subject: "OSC0 \(osc0) subject", body: "title \(osc0) and \(osc2st) end"),
            e("osc52", name: "Clip \(osc52)", subject: "clipboard \(osc52)", body: "copy \(osc52) end"),
            e("osc8", name: "Link \(osc8)", subject: "link \(osc8)", body: "please \(osc8) now"),
            e("clear", name: "Clear \(clear)Screen", subject: "\(clear)wiped", body: "\(clear)the screen is gone"),
            e("cursor", name: "Mover \(cursor)", subject: "move \(cursor)here", body: "cursor \(cursor) \(modes) modes"),
            e("dcs", name: "Dee \(dcs)", subject: "dcs \(dcs) \(tmuxPassthrough)", body: "query \(dcs) pass \(tmuxPassthrough)"),
            e("c1", name: "Cee \(c1)One", subject: "c1 \(c1)", body: "raw C1 \(c1) end"),
            e("bidi", name: "Bidi \(bidi)", subject: "invoice \(bidi)", body: "open \(bidi) now"),
            e("zero-width", name: "Zero \(zeroWidth) Width", subject: "zw \(zeroWidth)", body: "hidden \(zeroWidth) text"),
            e("bells", name: "Bell \(bells)", subject: "bell \(bells)", body: "noise \(bells)\nsecond line\ttabbed"),
            e("zalgo", name: "\(zalgo) Zalgo", subject: "\(zalgo) \(zalgo)", body: String(repeating: zalgo + " ", count: 20)),
        ]
        // Invalid UTF-8 inside the JSON strings, as raw bytes.
        var bad = Data("{\"customer\":{\"name\":\"Bad ".utf8)
        bad.append(contentsOf: [0xFF, 0xFE])
        bad.append(Data(" Bytes\",\"email\":\"\",\"language\":\"en\"},\"subject\":\"broken ".utf8))
        bad.append(contentsOf: [0xFF, 0xFE, 0xC3])
        bad.append(Data(" utf8\",\"body\":\"x ".utf8))
        bad.append(contentsOf: [0xFF, 0xFE, 0xED, 0xA0, 0x80, 0xF8, 0x88])
        bad.append(Data(" y\"}".utf8))
        out.append(Entry(label: "invalid-utf8", line: bad))
        // A one-megabyte line of words, with an attack at its end.
        var big = ""
        big.reserveCapacity(1_100_000)
        while big.utf8.count < 1_048_576 { big += "lorem ipsum dolor sit amet " }
        big += osc0 + osc52
        out.append(e("1MB", name: "Mega Byte", subject: "a very long message", body: big))
        return out
    }

    /// Problems in a `capture-pane -p -e` text: anything but SGR colour sequences and printable text.
    static func unsafeSequences(in text: String) -> [String] {
        let scalars = Array(text.unicodeScalars)
        var problems: [String] = []
        func context(_ i: Int) -> String {
            let lo = max(0, i - 12), hi = min(scalars.count, i + 16)
            return scalars[lo..<hi].map { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) ? String(format: "<%02X>", $0.value) : String($0) }.joined()
        }
        var i = 0
        while i < scalars.count {
            let v = scalars[i].value
            if v == 0x1B {
                // Only CSI … m (SGR), which tmux itself writes for -e.
                var j = i + 1
                if j < scalars.count, scalars[j] == "[" {
                    j += 1
                    while j < scalars.count, "0123456789;:".unicodeScalars.contains(scalars[j]) { j += 1 }
                    if j < scalars.count, scalars[j] == "m" { i = j + 1; continue }
                }
                problems.append("non-SGR escape sequence: …\(context(i))…")
                i += 1
                continue
            }
            switch v {
            case 0x0A: break
            case 0x07: problems.append("bell (0x07): …\(context(i))…")
            case 0x00...0x1F, 0x7F: problems.append(String(format: "C0/DEL control 0x%02X: …", v) + context(i) + "…")
            case 0x80...0x9F: problems.append(String(format: "C1 control U+%04X: …", v) + context(i) + "…")
            case 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F, 0x061C:
                problems.append(String(format: "bidi control U+%04X: …", v) + context(i) + "…")
            case 0x200B...0x200D, 0x2060, 0xFEFF:
                problems.append(String(format: "zero-width character U+%04X: …", v) + context(i) + "…")
            default: break
            }
            i += 1
        }
        return problems
    }

    /// Problems with the console's frame: sizes, box corners, the pane split, the status line.
    static func layoutProblems(_ s: Screen, width: Int, height: Int, agent: String) -> [String] {
        var p: [String] = []
        guard s.lines.count == height else { return ["\(s.lines.count) rows, expected \(height)"] }
        for (i, line) in s.lines.enumerated().dropLast() where TerminalWidth.of(line) != width {
            p.append("row \(i) is \(TerminalWidth.of(line)) columns wide, not \(width): \(line.prefix(200))")
        }
        let top = s.lines[0], bottom = s.lines[height - 2]
        if !(top.hasPrefix("┌") && top.hasSuffix("┐")) { p.append("top row corners: \(top)") }
        if !(bottom.hasPrefix("└") && bottom.hasSuffix("┘")) { p.append("bottom row corners: \(bottom)") }
        guard let r = s.replyTopRow, r > 2, r < height - 3 else { return p + ["no reply box top border (├…┤)"] }
        if !s.lines[r].hasSuffix("┤") { p.append("reply top border: \(s.lines[r])") }
        var split: Int?
        var x = 0
        for ch in top {
            if ch == "┬" { split = x; break }
            x += TerminalWidth.of(String(ch))
        }
        if split == nil { p.append("no ┬ in the top border: \(top)") }
        for i in 1..<r {
            let line = s.lines[i]
            if !(line.hasPrefix("│") && line.hasSuffix("│")) { p.append("row \(i) borders: \(line.prefix(200))") }
            if let split, TerminalWidth.character(in: line, atColumn: split) != "│" { p.append("row \(i): the queue/history split moved: \(line.prefix(200))") }
        }
        for i in (r + 1)..<(height - 2) where !(s.lines[i].hasPrefix("│") && s.lines[i].hasSuffix("│")) {
            p.append("row \(i) borders: \(s.lines[i].prefix(200))")
        }
        if !s.lastLine.contains(agent) { p.append("the status line is not the last row: \(s.lastLine)") }
        return p
    }
}

extension FrontlineEndToEnd {
    @Test("the hostile-output checks catch what they look for (no terminal needed)")
    func hostileOutputChecksWork() {
        #expect(AttackCorpus.unsafeSequences(in: "\u{1B}[1m\u{1B}[38;5;110mok\u{1B}[0m\n").isEmpty)
        for bad in [AttackCorpus.osc0, AttackCorpus.dcs, AttackCorpus.clear, "\u{1B}[?1049l", "\u{9B}31m", "a\u{202E}b",
                    "a\u{200B}b", "\u{FEFF}", "\u{07}", "\u{08}", "\u{1B}7"] {
            #expect(!AttackCorpus.unsafeSequences(in: bad).isEmpty, "not caught: \(bad.unicodeScalars.map { String($0.value, radix: 16) })")
        }
        let good = Screen((["┌──┬──┐"] + Array(repeating: "│ab│cd│", count: 3) + ["├──┴──┤"] + Array(repeating: "│abcde│", count: 2)
                           + ["└─────┘", " alice"]).joined(separator: "\n") + "\n", height: 9)
        #expect(AttackCorpus.layoutProblems(good, width: 7, height: 9, agent: "alice").isEmpty)
        let shifted = Screen((["┌──┬──┐", "│ab│cd│", "│a漢│cd│", "│ab│cd│", "├──┴──┤"] + Array(repeating: "│abcde│", count: 2)
                              + ["└─────┘", " alice"]).joined(separator: "\n") + "\n", height: 9)
        #expect(!AttackCorpus.layoutProblems(shifted, width: 7, height: 9, agent: "alice").isEmpty)
    }
}

extension FrontlineEndToEnd {
    @Test("hostile customer text reaches the screen only as harmless text; title, clipboard and layout are untouched")
    func hostileInputIsNeutralised() throws {
        let t = try TmuxSession()
        let corpus = AttackCorpus.entries()
        let ids = try t.intake(corpus.map(\.line))
        try #require(ids.count == corpus.count, "intake took every attack line: \(ids)")
        // A later message on the first case, with more of the same.
        let appended = Data("{\"case\":\(IntakeLine.jsonString(ids[0])),\"body\":\(IntakeLine.jsonString("again \(AttackCorpus.osc52)\(AttackCorpus.clear)\(AttackCorpus.c1)\(AttackCorpus.bidi)"))}".utf8)
        try t.intake([appended])

        try t.launchConsole()
        var s = try t.waitUntil("every attack case in the queue", timeout: 30) { Set($0.queueCaseIDs) == Set(ids) }
        let titleBefore = try t.format("#{pane_title}")
        let order = s.queueCaseIDs
        let labels = Dictionary(uniqueKeysWithValues: zip(ids, corpus.map(\.label)))

        for (i, id) in order.enumerated() {
            if i > 0 { try t.sendKeys("j") }
            s = try t.waitUntil("\(labels[id] ?? id) selected", timeout: 30) { $0.selectedCaseID == id && $0.contains("Reply to \(id) ") }
            // Let a frame or two pass so whatever the case draws is on screen.
            usleep(300_000)
            let colour = try t.capture(escapes: true)
            let plain = try t.capture()
            let what = "case \(id) (\(labels[id] ?? "?"))"
            let unsafe = AttackCorpus.unsafeSequences(in: colour.text)
            #expect(unsafe.isEmpty, "\(what): \(unsafe.prefix(5).joined(separator: "\n"))")
            #expect(!plain.text.unicodeScalars.contains("\u{1B}"), "\(what): ESC in the plain capture")
            let layout = AttackCorpus.layoutProblems(plain, width: 120, height: 40, agent: t.agent)
            #expect(layout.isEmpty, "\(what): \(layout.prefix(5).joined(separator: "\n"))\n\(plain.text)")
            #expect(t.isAlternateScreenOn, "\(what): still on the alternate screen")
        }

        // Escapes are shown as visible placeholders, not swallowed or obeyed.
        let osc0Case = try #require(order.first(where: { labels[$0] == "osc0" }))
        try t.sendKeys("g")
        for _ in 0..<(order.firstIndex(of: osc0Case) ?? 0) { try t.sendKeys("j") }
        s = try t.waitUntil("the OSC 0 case selected") { $0.selectedCaseID == osc0Case && $0.contains("Reply to \(osc0Case) ") }
        #expect(s.contains("␛]0;pwned␇"), "the OSC shows as text: \(s.text)")

        // The apology picker and template take the hostile first name.
        try t.sendKeys("a")
        try t.waitFor("Apologise to")
        try t.sendKeys("1")
        s = try t.waitUntil("the apology in the reply") { $0.replyText.contains("I am sorry") }
        #expect(AttackCorpus.unsafeSequences(in: try t.capture(escapes: true).text).isEmpty, "apology with a hostile name")
        #expect(AttackCorpus.layoutProblems(try t.capture(), width: 120, height: 40, agent: t.agent).isEmpty)
        try t.sendKeys("Escape")
        try t.waitUntil("queue focus") { $0.lastLine.contains("escalate") }

        let titleAfter = try t.format("#{pane_title}")
        #expect(titleAfter == titleBefore, "the pane title changed: \(titleBefore) → \(titleAfter)")
        #expect(!titleAfter.contains("pwned"))
        #expect(try t.format("#{window_bell_flag}") == "0", "a bell reached the terminal")
        let buffers = try t.tmuxCommand(["list-buffers"]).stdout
        #expect(buffers.isEmpty, "the clipboard/paste buffers got something: \(buffers)")

        try t.sendKeys("q")
        #expect(try t.waitForExit(timeout: 20) == 0)
        #expect(!(try t.format("#{pane_title}")).contains("pwned"))
    }

    @Test("the CLI's queue and show print hostile customer text sanitised")
    func hostileInputInCLIOutput() throws {
        let t = try TmuxSession()
        let corpus = AttackCorpus.entries().filter { $0.label != "1MB" }
        let ids = try t.intake(corpus.map(\.line))
        let queue = try t.cli("queue")
        #expect(queue.status == 0)
        #expect(AttackCorpus.unsafeSequences(in: queue.stdout).isEmpty, "queue: \(AttackCorpus.unsafeSequences(in: queue.stdout).prefix(3))")
        for id in ids {
            let show = try t.cli("show", [id])
            #expect(show.status == 0)
            let problems = AttackCorpus.unsafeSequences(in: show.stdout.replacingOccurrences(of: "\t", with: " "))
            #expect(problems.isEmpty, "show \(id): \(problems.prefix(3))")
        }
    }
}
