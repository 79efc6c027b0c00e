import Foundation
import Testing

/// Every end-to-end test is in this one suite (other files extend it), run one at a time: each
/// spawns a tmux server and the console, and the build machines are small.
@Suite("Frontline end to end (tmux)", .serialized)
struct FrontlineEndToEnd {}

extension FrontlineEndToEnd {
    // MARK: 1. Launch and navigation

    @Test("launch on a seeded store shows the three panes; j/k/arrows/G/g move the selection and the history follows")
    func launchAndNavigate() throws {
        let t = try TmuxSession()
        try t.seedDemo(cases: 40, seed: 3)
        let names = try t.exportCases().mapValues { (($0["customer"] as? [String: Any])?["name"] as? String) ?? "?" }
        try t.launchConsole()
        var s = try t.waitFor("Reply to C-")

        #expect(s.queueTitle.contains("Waiting"), "queue title: \(s.title)")
        #expect(s.title.contains("customer since"), "history title: \(s.title)")
        #expect(s.lastLine.contains("apologise") && s.lastLine.contains("escalate") && s.lastLine.contains("reply"),
                "status line has key hints: \(s.lastLine)")
        #expect(s.lastLine.contains("alice"), "status line names the agent: \(s.lastLine)")

        let rows = s.queueCaseIDs
        try #require(rows.count >= 5, "queue rows: \(s.text)")
        #expect(s.selectedCaseID == rows[0])

        func expectSelected(_ id: String, after key: String) throws {
            let s = try t.waitUntil("▶ on \(id) after \(key)") { $0.selectedCaseID == id && $0.contains("Reply to \(id) ") }
            let name = try #require(names[id])
            #expect(s.title.contains("─ \(name) · "), "history title follows the selection to \(id) (\(name)): \(s.title)")
        }
        try expectSelected(rows[0], after: "launch")
        try t.sendKeys("j"); try expectSelected(rows[1], after: "j")
        try t.sendKeys("Down"); try expectSelected(rows[2], after: "Down")
        try t.sendKeys("k"); try expectSelected(rows[1], after: "k")
        try t.sendKeys("Up"); try expectSelected(rows[0], after: "Up")
        try t.sendKeys("G"); try expectSelected(rows[rows.count - 1], after: "G")
        try t.sendKeys("g"); try expectSelected(rows[0], after: "g")

        s = try t.capture()
        #expect(s.lines.filter { $0.contains("▶") }.count == 1, "exactly one selection marker")
        try t.sendKeys("q")
        #expect(try t.waitForExit() == 0)
    }

    // MARK: 2. Apologise in the customer's language

    @Test("a then 1 puts the Swedish delay apology in the reply and records it")
    func apologiseInSwedish() throws {
        let t = try TmuxSession()
        let id = try #require(try t.intake([IntakeLine.asa]).first)
        try t.launchConsole()
        var s = try t.waitFor("Reply to \(id)")
        #expect(s.title.contains("Åsa Lindqvist · sv · customer since"), "history title: \(s.title)")

        try t.sendKeys("a")
        try t.waitFor("Apologise to Åsa Lindqvist for")
        try t.sendKeys("1")
        // Wait for the whole frame (tmux may be read between two writes of one frame).
        s = try t.waitUntil("the apology and its status line") {
            $0.replyText.contains("Vänliga hälsningar, alice") && $0.lastLine.contains("apology (delay, Swedish)")
        }
        #expect(s.replyText.contains("Hej Åsa, jag beklagar att det har dröjt innan vi återkom till dig om \(id)."),
                "Swedish delay apology with the case id: \(s.replyText)")
        #expect(s.replyText.contains("Vänliga hälsningar, alice"), "signed off in Swedish by the agent: \(s.replyText)")
        #expect(s.lastLine.contains("apology (delay, Swedish)"), "status: \(s.lastLine)")

        try t.sendKeys("Escape")
        try t.waitUntil("queue focus (queue key hints)") { $0.lastLine.contains("escalate") }
        try t.sendKeys("q")
        #expect(try t.waitForExit() == 0)

        let c = try #require(try t.exportCases()[id])
        let apologies = c["apologies"] as? [[String: Any]] ?? []
        #expect(apologies.contains { $0["kind"] as? String == "delay" && $0["by"] as? String == "alice" },
                "export has a delay apology by alice: \(apologies)")
    }

    // MARK: 3. Escalate

    @Test("e 2 + reason escalates to a supervisor; an empty reason is refused; the Escalated view lists it")
    func escalateToSupervisor() throws {
        let t = try TmuxSession()
        try t.intake([IntakeLine.asa, IntakeLine.matti])
        try t.launchConsole()
        var s = try t.waitFor("Reply to C-")
        let id = try #require(s.selectedCaseID)

        try t.sendKeys("e")
        try t.waitFor("Escalate \(id) to")
        try t.sendKeys("2")
        try t.waitFor("Reason for escalating \(id) to supervisor")

        // No reason: refused, the prompt stays and says why.
        try t.sendKeys("Enter")
        s = try t.waitFor("a reason is required")
        #expect(s.contains("Reason for escalating \(id) to supervisor"), "the prompt is still open")
        #expect(!s.contains("⚑ SUP"), "nothing was escalated")

        try t.sendText("refund over limit")
        try t.sendKeys("Enter")
        s = try t.waitFor("⚑ SUP")
        let row = try #require(s.queueRows.first { $0.contains(id) })
        #expect(row.contains("⚑ SUP"), "queue row marks the escalation: \(row)")
        #expect(s.historyText.contains("escalated to supervisor by alice: refund over limit"), "history: \(s.historyText)")

        try t.sendKeys("3")
        // The whole frame, not just its title: a capture can land while tmux is part-way through
        // the frame's bytes (seen once under a loaded full run: new title, old rows).
        s = try t.waitUntil("the Escalated view, drawn whole") { $0.queueTitle.contains("Escalated") && $0.queueCaseIDs.count == $0.queueTitleCount("Escalated") }
        #expect(s.queueTitleCount("Escalated") == 1, "title: \(s.queueTitle)")
        #expect(s.queueCaseIDs == [id], "Escalated view lists \(id): \(s.queueCaseIDs)")

        try t.sendKeys("q")
        #expect(try t.waitForExit() == 0)
        let escalation = try #require(try t.exportCases()[id]?["escalation"] as? [String: Any])
        #expect(escalation["level"] as? String == "supervisor")
        #expect(escalation["reason"] as? String == "refund over limit")
        #expect(escalation["by"] as? String == "alice")
    }

    // MARK: 4. Follow-ups

    @Test("f +2h schedules a follow-up, :followup +1d too; the Follow-ups view lists both; F marks one done")
    func followUps() throws {
        let t = try TmuxSession()
        try t.intake([IntakeLine.asa, IntakeLine.matti])
        try t.launchConsole()
        var s = try t.waitFor("Reply to C-")
        let first = try #require(s.selectedCaseID)

        try t.sendKeys("f")
        try t.waitFor("Follow up \(first) when")
        try t.sendText("+2h")
        try t.sendKeys("Enter")
        try t.waitFor(": what")
        try t.sendText("call back about the refund")
        try t.sendKeys("Enter")
        s = try t.waitFor("follow-up on \(first) set for")
        #expect(s.historyText.contains("call back about the refund"), "history shows the promise: \(s.historyText)")

        // The other case, through the command line.
        try t.sendKeys("j")
        s = try t.waitUntil("the other case selected") { $0.selectedCaseID != nil && $0.selectedCaseID != first }
        let second = try #require(s.selectedCaseID)
        try t.sendKeys(":")
        try t.waitFor("e.g. escalate supervisor")
        try t.sendText("followup +1d call back about delivery")
        try t.sendKeys("Enter")
        try t.waitFor("follow-up on \(second) set for")

        try t.sendKeys("4")
        s = try t.waitUntil("the Follow-ups view") { $0.queueTitle.contains("Follow-ups") }
        #expect(s.queueTitleCount("Follow-ups") == 2, "title: \(s.queueTitle)")
        for id in [first, second] {
            let row = s.queueRows.first { $0.contains(id) }
            #expect(row?.contains("⏰") == true, "Follow-ups view lists \(id) with ⏰: \(row ?? "missing")")
        }

        // Mark the first one done, with an outcome (from the Waiting view: a case whose last
        // follow-up is done rightly leaves the Follow-ups view).
        try t.sendKeys("1")
        try t.waitUntil("the Waiting view") { $0.queueTitle.contains("─ Waiting ") }
        try t.sendKeys("/")
        try t.sendText(first)
        try t.sendKeys("Enter")
        try t.waitUntil("only \(first) in the queue") { $0.queueCaseIDs == [first] && $0.selectedCaseID == first }
        try t.sendKeys("F")
        try t.waitFor("Done: call back about the refund")
        try t.sendText("customer happy, refund sent")
        try t.sendKeys("Enter")
        s = try t.waitFor("follow-up on \(first) done")
        #expect(s.historyText.contains("follow-up done: call back about the refund → customer happy, refund sent"),
                "history: \(s.historyText)\n\(s.text)")

        try t.sendKeys("q")
        #expect(try t.waitForExit() == 0)
        let cases = try t.exportCases()
        let done = try #require((cases[first]?["followUps"] as? [[String: Any]])?.first)
        #expect(done["note"] as? String == "call back about the refund")
        #expect(done["done"] as? Bool == true)
        #expect(done["outcome"] as? String == "customer happy, refund sent")
        #expect(done["by"] as? String == "alice")
        let open = try #require((cases[second]?["followUps"] as? [[String: Any]])?.first)
        #expect(open["note"] as? String == "call back about delivery")
        #expect(open["done"] as? Bool == false)
    }

    // MARK: 5. Reply

    @Test("r, multi-line text with å ä ö and 漢字, Ctrl-W, Ctrl-S sends exactly that body; the case leaves Waiting")
    func replyIsSentExactly() throws {
        let t = try TmuxSession()
        let id = try t.replyingToOneNewCase(IntakeLine.asa)
        try t.sendText("Hej Åsa,")
        try t.sendKeys("Enter")
        try t.sendText("Vi skickar en ny TV i dag: 漢字 å ä ö.")
        try t.sendKeys("Enter")
        try t.sendText("Vänliga hälsningar, xyz")
        try t.sendKeys("C-w")
        try t.sendText("alice")
        var s = try t.waitFor("Vänliga hälsningar, alice")
        #expect(s.contains("Vi skickar en ny TV i dag: 漢字 å ä ö."), "wide and Swedish characters shown: \(s.replyText)")
        #expect(!s.contains("xyz"), "Ctrl-W deleted the word")

        try t.sendKeys("C-s")
        s = try t.waitFor("reply sent on \(id)")
        s = try t.waitUntil("the case to leave Waiting") { $0.queueTitleCount("Waiting") == 0 }
        #expect(!s.queueCaseIDs.contains(id))
        try t.sendKeys("5")
        s = try t.waitUntil("the Pending view") { $0.queueTitle.contains("Pending") }
        #expect(s.queueCaseIDs == [id], "the case is pending: \(s.text)")

        try t.sendKeys("q")
        #expect(try t.waitForExit() == 0)
        let c = try #require(try t.exportCases()[id])
        let outbound = (c["messages"] as? [[String: Any]] ?? []).filter { $0["direction"] as? String == "outbound" }
        #expect(outbound.count == 1)
        #expect(outbound.first?["body"] as? String == "Hej Åsa,\nVi skickar en ny TV i dag: 漢字 å ä ö.\nVänliga hälsningar, alice")
        #expect(outbound.first?["author"] as? String == "alice")
        #expect(c["status"] as? String == "pending")
    }

    // MARK: 7. Search and views

    @Test("/ narrows the queue and Esc clears it; views 1–7 switch and the view bar shows their counts")
    func searchAndViews() throws {
        let t = try TmuxSession()
        try t.seedDemo(cases: 40, seed: 3)
        try t.launchConsole()
        var s = try t.waitFor("Reply to C-")
        let waiting = try #require(s.queueTitleCount("Waiting"))

        try t.sendKeys("/")
        try t.waitFor("Search:")
        try t.sendText("coupon")
        s = try t.waitFor("search \"coupon\"")
        try t.sendKeys("Enter")
        s = try t.waitUntil("the prompt closed with the search kept") { $0.contains("search \"coupon\"") && !$0.contains("Search:") }
        let narrowed = try #require(s.queueTitleCount("Waiting"))
        #expect(narrowed > 0 && narrowed < waiting, "search narrows \(waiting) → \(narrowed)")
        #expect(s.queueCaseIDs.count == narrowed)

        try t.sendKeys("Escape")
        s = try t.waitFor("search cleared")
        #expect(!s.queueTitle.contains("search"))
        #expect(s.queueTitleCount("Waiting") == waiting)

        // The view bar lists every view with its count ("1 Waiting 21 2 Mine 2 …", or shorter
        // labels such as "Wait 21 Mine 2 …" when space is tight).
        let bar = s.lines[1]
        let views: [(key: String, title: String, short: String)] = [
            ("1", "Waiting", "Wait"), ("2", "Mine", "Mine"), ("3", "Escalated", "Esc"), ("4", "Follow-ups", "F-up"),
            ("5", "Pending", "Pend"), ("6", "Solved", "Solv"), ("7", "All", "All"),
        ]
        func barCount(_ v: (key: String, title: String, short: String)) -> Int? {
            let pattern = "(^|[│ ])(\(v.key) )?(\(NSRegularExpression.escapedPattern(for: v.title))|\(NSRegularExpression.escapedPattern(for: v.short))) [0-9]+"
            guard let r = bar.range(of: pattern, options: .regularExpression) else { return nil }
            return Int(bar[r].split(separator: " ").last!)
        }
        #expect(barCount(views[0]) == waiting, "view bar: \(bar)")
        #expect(views.filter { barCount($0) != nil }.count >= 4, "the view bar shows the views with counts: \(bar)")
        var total = 0
        for v in views.dropFirst() + [views[0]] {
            try t.sendKeys(v.key)
            s = try t.waitUntil("the \(v.title) view") { $0.queueTitle.contains("─ \(v.title) ") }
            let count = try #require(s.queueTitleCount(v.title))
            if let inBar = barCount(v) { #expect(inBar == count, "\(v.title): the bar says \(inBar), the title \(count)") }
            if v.title == "All" { total = count }
        }
        #expect(total == 40, "All shows every case")

        try t.sendKeys("q")
        #expect(try t.waitForExit() == 0)
    }

    // MARK: 8. Help and the command line

    @Test("? shows the keys and any key closes it; :assign bob works; an unknown command is explained")
    func helpAndCommandLine() throws {
        let t = try TmuxSession()
        let id = try #require(try t.intake([IntakeLine.asa]).first)
        try t.launchConsole()
        try t.waitFor("Reply to \(id)")

        try t.sendKeys("?")
        var s = try t.waitFor("any key closes")
        for entry in ["move through the queue", "escalate to tier 2 or a supervisor", "schedule a follow-up", "search", "quit"] {
            #expect(s.contains(entry), "help lists \(entry)")
        }
        try t.sendKeys("x")
        s = try t.waitUntil("help closed") { !$0.contains("any key closes") && $0.contains("Reply to \(id)") }

        try t.sendKeys(":")
        try t.waitFor("e.g. escalate supervisor")
        try t.sendText("assign bob")
        try t.sendKeys("Enter")
        s = try t.waitFor("\(id) assigned to bob")
        #expect(s.historyText.contains("assigned to bob by alice"), "history: \(s.historyText)")

        try t.sendKeys(":")
        try t.waitFor("e.g. escalate supervisor")
        try t.sendText("frobnicate")
        try t.sendKeys("Enter")
        s = try t.waitFor("unknown command \"frobnicate\"")
        #expect(s.lastLine.hasPrefix(":"), "the command line stays open: \(s.lastLine)")
        try t.sendKeys("Escape")
        try t.waitUntil("the command line closed") { !$0.contains("unknown command") && $0.lastLine.contains("escalate") }

        try t.sendKeys("q")
        #expect(try t.waitForExit() == 0)
        #expect(try t.exportCases()[id]?["assignee"] as? String == "bob")
    }

    // MARK: 9. Resize

    @Test("resizing: too small says so, back to full size redraws, odd sizes do not crash")
    func resize() throws {
        let t = try TmuxSession()
        try t.seedDemo(cases: 40, seed: 3)
        try t.launchConsole()
        try t.waitFor("Reply to C-")
        let pid = try t.consolePID()

        try t.resize(width: 50, height: 12)
        try t.waitFor("terminal too small")
        #expect(TmuxSession.isAlive(pid))

        for (w, h) in [(120, 40), (70, 20), (200, 60), (60, 16), (120, 40)] {
            try t.resize(width: w, height: h)
            let s = try t.waitUntil("a full frame at \(w)×\(h)") { s in
                s.lines.count == h && s.lines[0].hasPrefix("┌") && s.lines[0].hasSuffix("┐")
                    && s.lines[h - 2].hasPrefix("└") && s.lines[h - 2].hasSuffix("┘") && s.contains("Reply to C-")
            }
            #expect(TmuxSession.isAlive(pid), "still running at \(w)×\(h)")
            for (i, line) in s.lines.enumerated().dropLast() {
                #expect(TerminalWidth.of(line) == w, "row \(i) is \(TerminalWidth.of(line)) columns at \(w)×\(h): \(line)")
            }
            #expect(s.lastLine.contains("alice"), "status line last at \(w)×\(h)")
        }
        // Still responsive.
        let before = try #require(try t.capture().selectedCaseID)
        try t.sendKeys("j")
        try t.waitUntil("the selection to move after the resizes") { $0.selectedCaseID != nil && $0.selectedCaseID != before }
        // "q quits" on the too-small screen.
        try t.resize(width: 50, height: 12)
        try t.waitFor("q quits")
        try t.sendKeys("q")
        #expect(try t.waitForExit() == 0)
    }

    // MARK: 11. One process per data directory

    @Test("a second frontline command on the data dir of a standalone console is refused, naming the pid")
    func secondWriterIsRefused() throws {
        let t = try TmuxSession()
        let id = try #require(try t.intake([IntakeLine.asa]).first)
        // Without a server the console owns the store itself, and the lock keeps everyone else out.
        try t.launchConsole(extraArguments: ["--standalone"])
        try t.waitFor("Reply to \(id)")
        let pid = try t.consolePID()

        let r = try t.cli("note", [id, "hi"])
        #expect(r.status != 0)
        #expect(r.stderr.contains("in use by pid \(pid)"), "stderr: \(r.stderr)")

        try t.sendKeys("q")
        #expect(try t.waitForExit() == 0)
        // Nothing of the refused command was stored.
        let messages = try t.exportCases()[id]?["messages"] as? [[String: Any]] ?? []
        #expect(!messages.contains { $0["direction"] as? String == "note" })
    }
}
