import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

// Leaving the console every way it can be left — q, Ctrl-C, SIGTERM, SIGHUP (an ssh drop),
// kill -9, Ctrl-Z — and what must hold afterwards: the terminal is given back, the exit status
// is right, and the reply being written is on disk.

extension FrontlineEndToEnd {
    /// Opens the reply editor on the selected case and types `text`, waiting until it shows.
    private func typeReply(_ t: TmuxSession, _ text: String) throws {
        try t.sendKeys("r")
        try t.waitFor("Ctrl-S send")
        try t.sendText(text)
        try t.waitFor(text)
    }

    // MARK: 6. Drafts

    @Test("a draft survives quitting, and an autosaved draft survives kill -9")
    func draftSurvivesQuitAndKill() throws {
        let t = try TmuxSession()
        let id = try #require(try t.intake([IntakeLine.asa]).first)
        try t.launchConsole()
        try t.waitFor("Reply to \(id)")
        try typeReply(t, "Utkast: vi återkommer")
        try t.sendKeys("Escape")
        try t.waitUntil("queue focus") { $0.lastLine.contains("escalate") }
        try t.sendKeys("q")
        #expect(try t.waitForExit() == 0)
        try t.clearShellScreen()

        try t.launchConsole()
        var s = try t.waitFor("Utkast: vi återkommer")
        #expect(s.contains("draft saved"), "reply title says the draft is saved: \(s.text)")

        try t.sendKeys("r")
        try t.waitFor("Ctrl-S send")
        try t.sendKeys("PageDown")     // to the end of the draft
        try t.sendText(" i morgon")
        // Autosave after a typing pause: the title turns from "(unsaved)" to "saved".
        s = try t.waitUntil("the typed text autosaved") { $0.contains("Utkast: vi återkommer i morgon") && $0.contains("draft saved") }
        let pid = try t.consolePID()
        #expect(kill(pid, SIGKILL) == 0)
        #expect(try t.waitForExit() == 128 + SIGKILL)
        try t.clearShellScreen()

        try t.launchConsole()
        s = try t.waitFor("Utkast: vi återkommer i morgon")
        #expect(s.replyText.contains("Utkast: vi återkommer i morgon"))
        try t.sendKeys("q")
        #expect(try t.waitForExit() == 0)
    }

    @Test("Ctrl-E hands the draft to $VISUAL on the real terminal and takes the edit back; the screen is redrawn whole")
    func externalEditor() throws {
        let t = try TmuxSession()
        let id = try #require(try t.intake([IntakeLine.asa]).first)
        // A scripted "editor": appends to the file, noting whether it got the terminal and
        // which signals it was started with blocked (an editor must get Ctrl-C/Ctrl-Z).
        let script = t.root + "/editor.sh"
        let body = """
            #!/bin/sh
            if [ -t 0 ] && [ -t 1 ]; then tty=tty-ok; else tty=no-tty; fi
            blocked=$(sed -n 's/^SigBlk:[[:space:]]*//p' /proc/$$/status)
            printf ' + edited %s blocked=%s' "$tty" "$blocked" >> "$1"

            """
        try body.write(toFile: script, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: script)

        try t.launchConsole(environment: ["VISUAL": script])
        try t.waitFor("Reply to \(id)")
        try typeReply(t, "Utkast")
        try t.sendKeys("C-e")
        var s = try t.waitFor("draft from the editor kept")
        #expect(s.replyText.contains("Utkast + edited tty-ok blocked=0000000000000000"),
                "the editor ran on the terminal with no signals blocked: \(s.replyText)")
        s = try t.waitUntil("the whole console redrawn after the editor") { s in
            s.lines.count == t.height && s.lines[0].hasPrefix("┌") && s.lines[t.height - 2].hasPrefix("└") && s.lastLine.contains("alice")
        }
        #expect(t.isAlternateScreenOn)

        try t.sendKeys("C-s")
        try t.waitFor("reply sent on \(id)")
        try t.sendKeys("q")
        #expect(try t.waitForExit() == 0)
        let outbound = (try t.exportCases()[id]?["messages"] as? [[String: Any]] ?? []).filter { $0["direction"] as? String == "outbound" }
        #expect(outbound.first?["body"] as? String == "Utkast + edited tty-ok blocked=0000000000000000")
    }

    // MARK: 10. Exits and terminal restoration

    @Test("q exits 0 and leaves the alternate screen")
    func quitRestoresTerminal() throws {
        let t = try TmuxSession()
        try t.intake([IntakeLine.asa])
        try t.launchConsole()
        try t.waitFor("Reply to C-")
        #expect(t.isAlternateScreenOn, "the console draws on the alternate screen")
        try t.sendKeys("q")
        #expect(try t.waitForExit() == 0)
        #expect(!t.isAlternateScreenOn, "the alternate screen is left on exit")
        let s = try t.capture()
        #expect(!s.contains("┌") && !s.contains("Reply to"), "the shell's screen is back, without the console's frame:\n\(s.text)")
        #expect(s.contains("e2e$"), "the shell prompt is back")
    }

    @Test("Ctrl-C quits cleanly (status 0) from the reply editor, keeping the draft, and from the queue")
    func controlCQuits() throws {
        let t = try TmuxSession()
        let id = try #require(try t.intake([IntakeLine.asa]).first)
        try t.launchConsole()
        try t.waitFor("Reply to \(id)")
        try typeReply(t, "Skrivet före Ctrl-C")

        try t.sendKeys("C-c")
        #expect(try t.waitForExit() == 0, "exit status after Ctrl-C in the editor")
        #expect(!t.isAlternateScreenOn, "the alternate screen is left after Ctrl-C")
        try t.clearShellScreen()

        try t.launchConsole()
        let s = try t.waitFor("Skrivet före Ctrl-C")
        #expect(s.contains("draft saved"), "the draft typed before Ctrl-C was kept")
        try t.sendKeys("C-c")
        #expect(try t.waitForExit() == 0, "exit status after Ctrl-C in the queue")
        #expect(!t.isAlternateScreenOn)
    }

    @Test("kill -TERM ends the console (status 0), restores the terminal, and the unsaved draft is on disk")
    func sigtermSavesDraft() throws {
        try signalSavesDraft(SIGTERM, text: "Skrivet före SIGTERM", expectedStatus: 0)
    }

    @Test("kill -HUP (the terminal went away) ends the console, and the unsaved draft is on disk")
    func sighupSavesDraft() throws {
        try signalSavesDraft(SIGHUP, text: "Skrivet före SIGHUP", expectedStatus: nil)
    }

    private func signalSavesDraft(_ sig: Int32, text: String, expectedStatus: Int32?) throws {
        let t = try TmuxSession()
        let id = try #require(try t.intake([IntakeLine.asa]).first)
        try t.launchConsole()
        try t.waitFor("Reply to \(id)")
        try typeReply(t, text)
        try t.sendSignal(sig)
        let status = try t.waitForExit()
        if let expectedStatus { #expect(status == expectedStatus, "exit status after signal \(sig)") }
        #expect(status != 128 + sig, "the console handled signal \(sig) rather than dying of it")
        #expect(!t.isAlternateScreenOn, "the alternate screen is left after signal \(sig)")
        let shell = try t.capture()
        #expect(shell.contains("draft"), "the console says the draft was kept:\n\(shell.text)")
        try t.clearShellScreen()

        try t.launchConsole()
        let s = try t.waitFor(text)
        #expect(s.contains("draft saved"))
        try t.sendKeys("q")
        #expect(try t.waitForExit() == 0)
    }

    @Test("the terminal going away (tmux server killed) ends the console, and the unsaved draft is on disk")
    func terminalGoneSavesDraft() throws {
        let t = try TmuxSession()
        let id = try #require(try t.intake([IntakeLine.asa]).first)
        try t.launchConsole()
        try t.waitFor("Reply to \(id)")
        try typeReply(t, "Skrivet innan terminalen försvann")
        let pid = try t.consolePID()
        try t.killServer()
        #expect(TmuxSession.waitForExit(of: pid), "the console exits when its terminal is gone (no spinning on a dead tty)")

        try t.launchConsole()
        let s = try t.waitFor("Skrivet innan terminalen försvann")
        #expect(s.contains("draft saved"))
        try t.sendKeys("q")
        #expect(try t.waitForExit() == 0)
    }

    @Test("Ctrl-Z suspends (process stopped, terminal given back); fg redraws the whole screen")
    func controlZSuspendsAndResumes() throws {
        let t = try TmuxSession()
        try t.seedDemo(cases: 40, seed: 3)
        try t.launchConsole()
        let before = try t.waitFor("Reply to C-")
        let pid = try t.consolePID()

        try t.sendKeys("C-z")
        try t.waitForProcessState(pid, "T")
        let shell = try t.waitFor("Stopped")
        #expect(!t.isAlternateScreenOn, "the terminal is given back while suspended")
        #expect(!shell.contains("┌"), "the shell screen shows no console frame:\n\(shell.text)")

        try t.typeShellLine("fg")
        let s = try t.waitUntil("the whole console redrawn after fg") { s in
            s.lines.count == t.height && s.lines[0].hasPrefix("┌") && s.lines[0].hasSuffix("┐")
                && s.lines[t.height - 2].hasPrefix("└") && s.contains("Reply to C-") && s.lastLine.contains("alice")
        }
        #expect(TmuxSession.processState(pid) != "T")
        #expect(s.selectedCaseID == before.selectedCaseID, "selection kept across suspend")
        #expect(s.queueCaseIDs == before.queueCaseIDs, "queue redrawn whole")

        try t.sendKeys("j")
        try t.waitUntil("keys work after resume") { $0.selectedCaseID != nil && $0.selectedCaseID != before.selectedCaseID }
        try t.sendKeys("q")
        try t.waitUntil("the console to exit after fg") { !$0.contains("Reply to C-") && $0.contains("e2e$") }
        #expect(TmuxSession.waitForExit(of: pid), "the console exits on q after fg")
    }
}
