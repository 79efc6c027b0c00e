import Foundation
import Testing

// Goodwill as the desk uses it: an agent settles a complaint within their authority on the
// spot, and asks a supervisor (in another console) for more.

extension FrontlineEndToEnd {
    /// alice an agent, carol a supervisor; the desk's allowances in SEK: agents up to 15 % in a
    /// coupon and 500 kr in a refund.
    func goodwillDesk() throws -> TmuxSession {
        let t = try TmuxSession()
        try t.writeConfig("""
        [team.users]
        alice = "agent"
        carol = "supervisor"
        [authority]
        currency = "SEK"
        approval_due = "30m"
        [authority.agent]
        coupon = { most = "15%", customer_30_days = 1, agent_week = 10 }
        refund = { most = "500", customer_30_days = "1000", agent_week = "5000" }
        """)
        return t
    }

    @Test("an agent offers a coupon within authority: $ shows the room, the Swedish sentence with its code goes into the reply and out with it")
    func anAgentOffersWithinAuthority() throws {
        let t = try goodwillDesk()
        let id = try t.consoleOnOneNewCase(IntakeLine.asa)
        try t.sendKeys("$")
        try t.waitUntil("the offer picker with alice's room") { $0.contains("coupon up to 15%") && $0.contains("refund up to SEK 500.00") }
        try t.sendKeys("2")
        try t.waitFor("Coupon for \(id)")
        try t.sendText("10%")
        try t.sendKeys("Enter")
        try t.waitFor("Why coupon 10%")
        try t.sendText("TV:n luktade bränt")
        try t.sendKeys("Enter")
        let s = try t.waitFor("given: coupon 10%")
        let code = try #require(s.replyText.firstMatch(of: /FL-[0-9A-Z]{4}-[0-9A-Z]{4}/).map { String($0.output) }, "a code in the reply: \(s.replyText)")
        #expect(Screen.collapse(s.replyText).contains("Här är en rabattkod på 10\u{00A0}%: \(code)"), "reply: \(s.replyText)")
        #expect(s.lastLine.contains("room now: coupon: needs approval"), "status: \(s.lastLine)")
        try t.sendKeys("C-s")
        try t.waitFor("reply sent on \(id)")
        try t.sendKeys("q")
        #expect(try t.waitForExit() == 0)

        let c = try #require(try t.exportCases()[id])
        let offers = c["offers"] as? [[String: Any]] ?? []
        #expect(offers.count == 1 && offers.first?["kind"] as? String == "coupon" && offers.first?["approval"] == nil, "\(offers)")
        #expect((offers.first?["coupon"] as? [String: Any])?["code"] as? String == code)
        let sent = (c["messages"] as? [[String: Any]] ?? []).compactMap { $0["body"] as? String }
        #expect(sent.contains { $0.contains(code) }, "the code went out with the reply: \(sent)")
        // The same from a script: a second coupon to Åsa this month is beyond an agent's room.
        let again = try t.cli("offer", [id, "coupon", "10%", "--reason", "again"])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stdout.contains("beyond your authority (Åsa Lindqvist has had once in coupons in 30 days"), "\(again.stdout)")
        let free = try t.cli("offer", [id, "free_shipping", "--reason", "for the trouble"])
        #expect(free.stdout.contains("Din nästa beställning skickas fraktfritt."), "\(free.stdout)")
    }

    @Test("beyond authority: alice asks, carol approves in her console from the Approvals view, alice sees it at once with the sentence in her reply")
    func aSupervisorApprovesInAnotherConsole() throws {
        let alice = try goodwillDesk()
        let id = try alice.consoleOnOneNewCase(IntakeLine.asa)
        let carol = try TmuxSession(agent: "carol", sharing: alice)
        try alice.sendKeys(":")
        try alice.sendText("offer refund 900 hela köpet, tredje gången")
        try alice.sendKeys("Enter")
        var s = try alice.waitFor("asked a supervisor: \(id)/1, refund SEK 900.00")
        // An agent cannot answer it, not even from the command line.
        let refused = try alice.cli("approve", ["\(id)/1"])
        #expect(refused.status != 0 && refused.stderr.contains("only a supervisor can approve \(id)/1 (alice is an agent)"), "\(refused.stderr)")
        let listed = try carol.cli("approvals", [])
        #expect(listed.stdout.contains("\(id)/1") && listed.stdout.contains("refund SEK 900.00") && listed.stdout.contains("alice"), "\(listed.stdout)")

        try carol.launchConsole()
        try carol.sendKeys("8")
        try carol.waitUntil("the request in carol's Approvals view") { $0.queueTitle.contains("Approvals") && $0.queueCaseIDs == [id] }
        try carol.waitFor("awaiting approval as")
        try carol.sendKeys("y")
        try carol.waitFor("Approve \(id)/1")
        try carol.sendText("ok, tredje gången")
        try carol.sendKeys("Enter")
        try carol.waitFor("\(id)/1 approved")
        try carol.waitUntil("the Approvals view empty") { $0.queueCaseIDs.isEmpty }

        s = try alice.waitFor("carol approved \(id)/1")
        #expect(s.lastLine.contains("it is in your reply"), "\(s.lastLine)")
        try alice.sendKeys("r")
        s = try alice.waitFor("Vi betalar tillbaka 900,00")
        try alice.sendKeys("Escape")
        try alice.waitUntil("alice back in the queue") { !$0.contains("Esc back to queue") }
        try alice.sendKeys("q")
        try carol.sendKeys("q")
        #expect(try alice.waitForExit() == 0)
        #expect(try carol.waitForExit() == 0)
        let c = try #require(try alice.exportCases()[id])
        let offer = try #require((c["offers"] as? [[String: Any]])?.first)
        let answer = (offer["approval"] as? [String: Any])?["answer"] as? [String: Any]
        #expect(answer?["by"] as? String == "carol" && answer?["approved"] as? Bool == true, "\(offer)")
        let done = (c["followUps"] as? [[String: Any]] ?? []).first
        #expect(done?["done"] as? Bool == true && done?["outcome"] as? String == "approved by carol: ok, tredje gången", "the request's promise kept: \(String(describing: done))")
    }
}
