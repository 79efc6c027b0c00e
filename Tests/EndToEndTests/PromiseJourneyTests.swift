import Foundation
import Testing

extension FrontlineEndToEnd {
    // MARK: Promises

    @Test("a reply that promises tomorrow is offered its follow-up; s then asks why before solving; the CLI refuses without --force")
    func aPromiseInAReplyIsKept() throws {
        let t = try TmuxSession()
        let id = try t.replyingToOneNewCase(IntakeLine.asa)
        try t.sendText("Hej Åsa! Jag återkommer i morgon med besked.")
        try t.sendKeys("C-s")
        try t.waitFor("follow up tomorrow")
        try t.sendKeys("Enter")
        var s = try t.waitFor("follow-up set for")
        #expect(s.lastLine.contains("as promised"), "status: \(s.lastLine)")

        // The Follow-ups view holds the case now; solving it asks first.
        try t.sendKeys("4")
        s = try t.waitUntil("the Follow-ups view with the case") { $0.queueTitle.contains("Follow-ups") && $0.queueCaseIDs == [id] }
        try t.sendKeys("s")
        try t.waitFor("has follow-up #1 open")
        try t.sendKeys("Escape")
        try t.waitUntil("the question gone, the case still open") { !$0.contains("has follow-up #1 open") && $0.queueCaseIDs == [id] }
        try t.sendKeys("q")
        #expect(try t.waitForExit() == 0)

        let refused = try t.cli("solve", [id])
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("open follow-up") && refused.stderr.contains("--force"), "stderr: \(refused.stderr)")
        let forced = try t.cli("solve", [id, "--force", "solved on the phone"])
        #expect(forced.status == 0, "stderr: \(forced.stderr)")
        let c = try #require(try t.exportCases()[id])
        #expect(c["status"] as? String == "solved")
        let shown = try t.cli("show", [id]).stdout
        #expect(Screen.collapse(shown).contains("with follow-up #1 still open: solved on the phone"), "show: \(shown)")
        let followUps = c["followUps"] as? [[String: Any]] ?? []
        #expect(followUps.count == 1 && followUps.first?["done"] as? Bool == false, "the promise stays open: \(followUps)")
        #expect((followUps.first?["note"] as? String)?.hasPrefix("promised in the reply: Jag återkommer i morgon") == true)
    }
}

extension FrontlineEndToEnd {
    // MARK: Templates

    @Test("a team's template file is offered by i, narrowed as typed and put in the reply filled; a broken one stops the console with file and line")
    func aTeamsTemplateGoesIntoTheReply() throws {
        let t = try TmuxSession()
        let templates = t.configDir + "/frontline/templates"
        try FileManager.default.createDirectory(atPath: templates, withIntermediateDirectories: true)
        try "Hej {first_name}! Återbetalningen för {case} är på väg.\n".write(toFile: templates + "/refund-sent.sv.txt", atomically: true, encoding: .utf8)
        let id = try t.consoleOnOneNewCase(IntakeLine.asa)
        try t.sendKeys("i")
        try t.waitFor("refund-sent")
        try t.sendText("refund")
        try t.waitFor("Enter: refund-sent (Swedish)")
        try t.sendKeys("Enter")
        let s = try t.waitFor("Återbetalningen för \(id) är på väg.")
        #expect(s.replyText.contains("Hej Åsa!"), "reply: \(s.replyText)")
        try t.sendKeys("Escape")
        try t.waitUntil("back in the queue") { !$0.contains("Ctrl-S send") || $0.lastLine.contains("a apologise") }
        try t.sendKeys("q")
        #expect(try t.waitForExit() == 0)

        try "Hej {frist_name}!\n".write(toFile: templates + "/typo.sv.txt", atomically: true, encoding: .utf8)
        let refused = try t.cli("console", [])
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("typo.sv.txt:1: unknown placeholder {frist_name}"), "stderr: \(refused.stderr)")
    }
}
