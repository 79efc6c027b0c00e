import Foundation
import Testing

// "Why did we breach at 10:42?": the queue as it was, replayed from the event log, on the
// store itself and through a running server.

extension FrontlineEndToEnd {
    @Test("frontline queue --at shows the queue as it was, before the reply, on the store and through a server; report reads the same log")
    func theQueueAsItWasThen() throws {
        let t = try TmuxSession()
        let twoHoursAgo = ISO8601DateFormatter().string(from: Date().addingTimeInterval(-7200))
        let line = IntakeLine.make(name: "Åsa Lindqvist", email: "asa@example.se", language: "sv", subject: "TV:n", body: "Hej")
        var json = String(decoding: line, as: UTF8.self)
        json.removeLast()   // "}"
        json += ",\"received_at\":\"\(twoHoursAgo)\"}"
        let id = try #require(try t.intake([Data(json.utf8)]).first)
        #expect(try t.cli("reply", [id, "--body", "Hej Åsa, vi tittar på det."]).status == 0)
        var now = try t.cli("queue", [])
        #expect(!now.stdout.contains(id), "answered, it is not waiting now: \(now.stdout)")
        let then = try t.cli("queue", ["--at", "1h"])
        #expect(then.status == 0, "\(then.stderr)")
        #expect(then.stdout.hasPrefix("As it was at ") && then.stdout.contains(id) && then.stdout.contains("Waiting: 1 case"), "\(then.stdout)")

        // The wallboard as it was, standing still: the oldest wait was one hour then.
        try t.typeShellLine([t.binary, "wallboard", "--at", "1h", "--data-dir", t.dataDir].map(TmuxSession.shellQuote).joined(separator: " ") + "; echo \"E2E-WALL=$?\"")
        let board = try t.waitFor("FRONTLINE WALLBOARD")
        #expect(board.contains("oldest waiting: \(id)") && board.text.range(of: #"<4h +1 █"#, options: .regularExpression) != nil,
                "waiting then, an hour old: \(board.text)")
        try t.sendKeys("q")
        try t.waitFor("E2E-WALL=0")

        // The console as it was, read-only: the case waits, nothing can be done to it.
        try t.launchConsole(extraArguments: ["--at", "1h"])
        var s = try t.waitFor("the desk as it was at")
        #expect(s.queueCaseIDs == [id], "\(s.text)")
        try t.sendKeys("n")
        s = try t.waitFor("viewer")
        try t.sendKeys("q")
        #expect(try t.waitForExit() == 0)

        // The same through a server that owns the data directory.
        try t.runTool("/bin/sh", ["-c", "XDG_CONFIG_HOME='\(t.configDir)' '\(t.binary)' serve --data-dir '\(t.dataDir)' >'\(t.root)/serve.out' 2>&1 &"])
        try t.waitUntilTrue("the server's socket") { FileManager.default.fileExists(atPath: t.dataDir + "/run/frontline.sock") }
        let viaServer = try t.cli("queue", ["--at", "1h", "--json"])
        #expect(viaServer.status == 0 && viaServer.stdout.contains("\"id\":\"\(id)\""), "\(viaServer.stdout) \(viaServer.stderr)")
        now = try t.cli("queue", ["--at", "now"])
        #expect(!now.stdout.contains(id))
        let report = try t.cli("report", ["--since", "1d", "--format", "json"])
        #expect(report.status == 0 && report.stdout.contains("\"received\" : 1"), "\(report.stdout.prefix(400))")
        #expect(try t.cli("serve", ["--stop"]).status == 0)
    }
}

extension FrontlineEndToEnd {
    @Test("frontline solutions lists the articles and the fits for a case; --use records one and prints it filled, as u does")
    func aSolutionIsUsedFromTheCommandLine() throws {
        let t = try TmuxSession()
        let id = try #require(try t.intake([IntakeLine.make(name: "Aino Virtanen", email: "aino@example.fi", language: "fi",
                                                            subject: "Paketti ei ole saapunut", body: "Seuranta sanoo toimitettu.")]).first)
        let all = try t.cli("solutions", [])
        #expect(all.stdout.contains("parcel-missing") && all.stdout.contains("refund-timeline"), "\(all.stdout)")
        let fits = try t.cli("solutions", [id])
        #expect(fits.stdout.hasPrefix("parcel-missing: Paketti ei ole saapunut (Finnish)"), "\(fits.stdout)")
        let used = try t.cli("solutions", [id, "--use", "parcel-missing"])
        #expect(used.status == 0 && used.stdout.hasPrefix("Tarkistin pakettisi kuljetusliikkeeltä."), "\(used.stdout) \(used.stderr)")
        let c = try #require(try t.exportCases()[id])
        #expect((c["solutionsUsed"] as? [[String: Any]])?.first?["name"] as? String == "parcel-missing")
        let unknown = try t.cli("solutions", [id, "--use", "nope"])
        #expect(unknown.status != 0 && unknown.stderr.contains("no solution \"nope\""), "\(unknown.stderr)")
    }
}

extension FrontlineEndToEnd {
    @Test(":at in a running console shows the desk as it was, read-only, and :at now comes back")
    func aRunningConsoleGoesBackAnHour() throws {
        let t = try TmuxSession()
        let twoHoursAgo = ISO8601DateFormatter().string(from: Date().addingTimeInterval(-7200))
        var json = String(decoding: IntakeLine.make(name: "Åsa Lindqvist", email: "asa@example.se", language: "sv", subject: "TV:n", body: "Hej"), as: UTF8.self)
        json.removeLast()
        json += ",\"received_at\":\"\(twoHoursAgo)\"}"
        let old = try #require(try t.intake([Data(json.utf8)]).first)
        #expect(try t.cli("reply", [old, "--body", "Hej Åsa, vi tittar på det."]).status == 0)
        let new = try #require(try t.intake([IntakeLine.matti]).first)
        try t.launchConsole()
        try t.waitFor("Reply to \(new)")
        try t.sendKeys(":")
        try t.sendText("at 1h")
        try t.sendKeys("Enter")
        var s = try t.waitFor("the desk as it was: nothing can be changed in the past")
        #expect(s.lastLine.contains("⏪"), "\(s.lastLine)")
        #expect(s.queueCaseIDs == [old], "an hour ago Åsa waited and Matti had not written: \(s.text)")
        try t.sendKeys("n")
        s = try t.waitFor("nothing can be changed in the past")
        try t.sendKeys(":")
        try t.sendText("at now")
        try t.sendKeys("Enter")
        s = try t.waitUntil("the desk as it is") { $0.queueCaseIDs == [new] && !$0.contains("⏪") }
        try t.sendKeys("q")
        #expect(try t.waitForExit() == 0)
    }
}
