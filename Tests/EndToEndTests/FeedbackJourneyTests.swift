import Foundation
import Testing

// "How did we do?" through the real mail path: the case is solved in the console, the server
// mails the question through Postfix, the customer answers by mail, and the rating lands on the
// case credited to the agent who answered her.

extension FrontlineEndToEnd {
    @Test("solved in the console, the server mails the feedback question through Postfix; her mailed answer is the case's rating, credited to alice")
    func aMailedFeedbackAnswerIsRecordedAndCredited() throws {
        let d = try MailDesk()
        let t = d.t
        // Asked three seconds after solving, looked for every second (the defaults are 2 h and 30 s).
        try d.writeConfig(sendmail: d.postfix.sendmail.joined(separator: " "), extra: "[feedback]\nafter = \"0.05m\"")
        try t.runTool("/bin/sh", ["-c", "XDG_CONFIG_HOME='\(t.configDir)' '\(t.binary)' serve --data-dir '\(t.dataDir)' --promise-check-seconds 1 >'\(t.root)/serve.out' 2>&1 &"])
        try t.waitUntilTrue("the server's socket") { FileManager.default.fileExists(atPath: t.dataDir + "/run/frontline.sock") }
        try t.launchConsole()
        try d.customerWrites(["Subject: Fjärrkontrollen", "Message-ID: <remote@example.test>", "Content-Language: sv"],
                             body: "Hej! Fjärrkontrollen fungerar inte.\n\nÅsa")
        try t.waitFor("Reply to C-1000", timeout: 30)
        try t.sendKeys("r")
        try t.waitFor("Ctrl-S send")
        try t.sendText("Hej Åsa, byt batterierna så fungerar den.")
        try t.sendKeys("C-s")
        try t.waitFor("reply sent on C-1000")
        try t.sendKeys("7")
        try t.waitUntil("C-1000 in All") { $0.queueCaseIDs == ["C-1000"] }
        try t.sendKeys("s")
        try t.waitFor("C-1000 solved")

        let inbox = try d.waitForCustomerMail(count: 2, timeout: 30)
        let question = try #require(inbox.first { ($0.contains("Hur gjorde vi?")) }, "the feedback request: \(inbox)")
        let asked = try #require(headerValue("Message-ID", in: question))
        #expect(headerValue("Auto-Submitted", in: question) == "auto-replied")
        #expect(headerValue("Subject", in: question)?.contains("[C-1000]") == true)

        try d.customerWrites(["Subject: Re: Fjärrkontrollen [C-1000]", "Message-ID: <answer@example.test>", "In-Reply-To: \(asked)",
                              "References: <remote@example.test> \(asked)"],
                             body: "5 Tack, det fungerar nu!\n\nDen 1 dec. 2026 skrev Support:\n> Hur gjorde vi?")
        let e = try d.waitForExport("the rating recorded") { e in !((e["C-1000"]?["ratings"] as? [[String: Any]]) ?? []).isEmpty }
        let rating = try #require((e["C-1000"]?["ratings"] as? [[String: Any]])?.first)
        #expect(rating["score"] as? Int == 5 && rating["credited"] as? [String] == ["alice"], "\(rating)")
        #expect(rating["comment"] as? String == "Tack, det fungerar nu!")
        #expect(e["C-1000"]?["status"] as? String == "solved", "a good rating reopens nothing")
        try t.waitFor("rated 5/5")
        try t.sendKeys("q")
        #expect(try t.waitForExit() == 0)
    }
}
