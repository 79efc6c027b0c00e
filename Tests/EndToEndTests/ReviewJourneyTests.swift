import Foundation
import Testing

// Review as a supervisor and an agent do it, in two consoles on one server: carol scores alice's
// reply with keys and coaches her; alice's console tells her at once, she disputes it, and
// carol's console tells her that at once. The command line and the report see the same.

extension FrontlineEndToEnd {
    @Test("a supervisor coaches in one console, the agent disputes in another, each told at once; the report scores it")
    func aSupervisorCoachesAndTheAgentDisputes() throws {
        let alice = try TmuxSession()
        try alice.writeConfig("""
        [team.users]
        alice = "agent"
        bob = "agent"
        carol = "supervisor"
        [review]
        sample = 3
        """)
        guard let id = try alice.intake([IntakeLine.asa]).first else { throw E2EFailure("intake acknowledged no case") }
        try alice.launchConsole()
        try alice.waitFor("Reply to \(id)")
        let replied = try alice.cli("reply", [id, "--body", "Hej Åsa, vi skickar en ny TV."])
        #expect(replied.status == 0, "\(replied.stderr)")
        let ref = "\(id).2"
        let queued = try alice.cli("review", ["queue"])
        #expect(queued.stdout.contains(ref) && queued.stdout.contains("alice") && queued.stdout.contains("sample"), "\(queued.stdout)")
        let refused = try alice.cli("review", ["score", ref, "--mark", "greeted=y,owned=x,next-step=y,language=y", "--praise"])
        #expect(refused.status != 0 && refused.stderr.contains("only a supervisor can review replies such as \(ref) (alice is an agent)"), "\(refused.stderr)")

        let carol = try TmuxSession(agent: "carol", sharing: alice)
        try carol.launchConsole()
        try carol.waitFor("Pend 1")   // alice answered: the case waits on the customer
        try carol.sendKeys("V")
        try carol.waitFor("1 to review")
        try carol.sendKeys("Enter")
        try carol.waitFor("Scorecard for alice's reply \(ref)")
        try carol.waitFor("Hej Åsa, vi skickar en ny TV.")
        for key in ["y", "x", "n", "y"] { try carol.sendKeys(key) }
        try carol.waitFor("score 0/100")
        try carol.sendKeys("c")
        try carol.waitFor("Coach alice on \(ref)")
        try carol.sendText("säg när den nya TV:n kommer")
        try carol.sendKeys("Enter")
        try carol.waitFor("Action item for alice")
        try carol.sendText("+7d skriv om två svar med ett nästa steg")
        try carol.sendKeys("Enter")
        try carol.waitFor("\(ref) reviewed (0/100): coaching for alice")
        try carol.waitFor("coach 0/100 by carol · not yet answered · action due")

        try alice.waitFor("carol left coaching on your reply \(ref): säg när den nya TV:n kommer")
        try alice.sendKeys("V")
        try alice.waitFor("reviews of alice's replies")
        try alice.waitFor("action item: skriv om två svar med ett nästa steg")
        try alice.sendKeys("D")
        try alice.waitFor("Dispute the review of \(ref) because")
        try alice.sendText("jag skrev att den kommer i morgon")
        try alice.sendKeys("Enter")
        try alice.waitFor("review of \(ref) disputed: carol is told")

        try carol.waitFor("alice disputes your review of \(ref): jag skrev att den kommer i morgon")
        try carol.waitFor("disputed: jag skrev att den kommer i morgon")
        for t in [alice, carol] {
            try t.sendKeys("Escape")
            try t.waitUntil("\(t.agent) back in the queue") { !$0.contains("Review · week of") }
            try t.sendKeys("q")
            #expect(try t.waitForExit() == 0)
        }

        let listed = try carol.cli("review", ["list", "--json"])
        let rows = try #require(try JSONSerialization.jsonObject(with: listed.stdoutData) as? [[String: Any]], "\(listed.stdout)")
        let review = rows.first?["review"] as? [String: Any]
        #expect(rows.first?["reply"] as? String == ref && rows.first?["score"] as? Int == 0, "\(rows)")
        #expect((review?["answer"] as? [String: Any])?["disputed"] as? String == "jag skrev att den kommer i morgon", "\(String(describing: review))")
        #expect((review?["action"] as? [String: Any])?["text"] as? String == "skriv om två svar med ett nästa steg")
        let report = try carol.cli("report", ["--by", "agent", "--format", "json"])
        let doc = try #require(try JSONSerialization.jsonObject(with: report.stdoutData) as? [String: Any])
        let groups = doc["groups"] as? [[String: Any]] ?? []
        let quality = groups.first { $0["group"] as? String == "alice" }?["quality"] as? [String: Any]
        #expect(quality?["reviews"] as? Int == 1 && quality?["coached"] as? Int == 1 && quality?["disputed"] as? Int == 1
                && quality?["criticalMissed"] as? Int == 1 && quality?["score"] as? Double == 0, "\(String(describing: quality))")
        // The queue is empty now: the one reply of the week was reviewed.
        #expect(try carol.cli("review", ["queue"]).stdout.contains("0 to review"))
    }
}
