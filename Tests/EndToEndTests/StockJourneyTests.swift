import Foundation
import Testing

// Back in stock through the real outbound path: the agent notes the wish in the console, the
// stock system says the item is back, and the notice reaches the customer's Maildir through
// Postfix, threaded under her mail and in her language.

extension FrontlineEndToEnd {
    @Test("w notes a wish in the console; frontline stock --available mails the notice through Postfix to her Maildir, in Swedish, threaded, and brings the case back")
    func aBackInStockNoticeReachesTheCustomer() throws {
        let d = try MailDesk()
        let t = d.t
        try t.launchConsole()
        try d.customerWrites(["Subject: Slutsåld TV", "Message-ID: <sold-out@example.test>", "Content-Language: sv"],
                             body: "Hej! Säg till när TV-55X finns igen, jag vill ha en.\n\nÅsa")
        try t.waitFor("Reply to C-1000", timeout: 30)
        try t.sendKeys("w")
        try t.waitFor("wants, when it is back")
        try t.sendText("TV-55X 1 hold 2d")
        try t.sendKeys("Enter")
        try t.waitFor("C-1000 waits for TV-55X (held 2d once back)")
        try t.sendKeys("9")
        try t.waitUntil("the Stock view with her case") { $0.queueTitle.contains("Stock") && $0.queueCaseIDs == ["C-1000"] }

        let listed = try t.cli("stock", [])
        #expect(listed.stdout.contains("C-1000") && listed.stdout.contains("TV-55X") && listed.stdout.contains("waiting since"), "\(listed.stdout)")
        let told = try t.cli("stock", ["TV-55X", "--available", "1"])
        #expect(told.status == 0, "\(told.stderr)")
        #expect(told.stdout.contains("C-1000: told Åsa Lindqvist by e-mail, 1 reserved until"), "\(told.stdout)")

        let notice = try #require(try d.waitForCustomerMail(count: 1).first)
        #expect(headerValue("In-Reply-To", in: notice) == "<sold-out@example.test>")
        #expect(headerValue("Auto-Submitted", in: notice) == "auto-replied")
        #expect(headerValue("Subject", in: notice)?.contains("[C-1000]") == true)
        #expect(headerValue("Content-Language", in: notice) == "sv")
        #expect(notice.contains("Goda nyheter: TV-55X finns i lager igen"), "\(notice)")
        // The case is back with its promise: the reservation, due when it lapses.
        try t.waitFor("customer notified: TV-55X back; reserved until")
        _ = try d.waitForExport("the notice recorded delivered") { e in
            let m = (e["C-1000"]?["messages"] as? [[String: Any]])?.last
            return m?["author"] as? String == "back-in-stock notice"
                && ((m?["mail"] as? [String: Any])?["delivery"] as? [String: Any])?["state"] as? String == "delivered"
        }
        try t.sendKeys("q")
        #expect(try t.waitForExit() == 0)
    }
}
