import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

// Real mail both ways through a real Postfix: a customer writes to support@, the case appears
// live in the console, the agent answers from it, the answer reaches the customer's Maildir as
// proper threaded mail, and the customer's answers land back on the same case.

extension FrontlineEndToEnd {
    /// The desk wired to a private Postfix: the pipe runs as `nobody` (as Postfix runs root's
    /// aliases) through the team server, which knows it by its kernel uid as role `intake`.
    final class MailDesk {
        let t: TmuxSession
        let postfix: PostfixSandbox
        let binary: String

        init() throws {
            t = try TmuxSession(width: 130, height: 40)
            // nobody must reach the socket (run/ is shared with the group nogroup) and the binary.
            chmod(t.root, 0o711)
            binary = t.root + "/bin/frontline"
            try FileManager.default.createDirectory(atPath: t.root + "/bin", withIntermediateDirectories: true)
            try FileManager.default.copyItem(atPath: t.binary, toPath: binary)
            chmod(t.root + "/bin", 0o755)
            chmod(binary, 0o755)
            postfix = try PostfixSandbox(session: t, pipe: "\(binary) intake --mail --data-dir \(t.dataDir)")
            try writeConfig(sendmail: postfix.sendmail.joined(separator: " "))
        }

        func writeConfig(sendmail: String, extra: String = "") throws {
            let dir = t.configDir + "/frontline"
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
            try """
            [team]
            group = "nogroup"
            [team.users]
            nobody = "intake"
            [mail]
            from = "Åsa's Shop Support <support@example.test>"
            sendmail = "\(sendmail)"
            signature = "{agent}, Åsa's Shop"
            \(extra)
            """.write(toFile: dir + "/config.toml", atomically: true, encoding: .utf8)
        }

        /// Customer mail through Postfix to support@, piped to intake.
        func customerWrites(_ headers: [String], body: String, from: String = "customer@example.test") throws {
            let message = (["From: \"Åsa Lindqvist\" <\(from)>", "To: support@example.test"] + headers + ["", body, ""]).joined(separator: "\n")
            try postfix.submit(message, envelopeFrom: from)
        }

        func export() throws -> [String: [String: Any]] { try t.exportCases() }

        func messages(_ id: String) throws -> [[String: Any]] {
            (try export()[id]?["messages"] as? [[String: Any]]) ?? []
        }

        func waitForExport(_ what: String, timeout: Double = 20, _ ok: ([String: [String: Any]]) -> Bool) throws -> [String: [String: Any]] {
            let deadline = Date().addingTimeInterval(timeout)
            while true {
                let e = try export()
                if ok(e) { return e }
                if Date() > deadline {
                    throw E2EFailure("timed out after \(timeout) s waiting for \(what); queue: \(try postfix.queue()); log tail: \(postfix.log.suffix(2000))")
                }
                usleep(100_000)
            }
        }

        func waitForCustomerMail(count: Int, timeout: Double = 20) throws -> [String] {
            let deadline = Date().addingTimeInterval(timeout)
            while postfix.customerMail().count < count {
                if Date() > deadline { throw E2EFailure("customer@ got \(postfix.customerMail().count) of \(count) messages; log: \(postfix.log.suffix(2000))") }
                usleep(100_000)
            }
            return postfix.customerMail()
        }
    }

    @Test("mail both ways through Postfix: a customer's mail shows live, the console's reply arrives threaded, and three kinds of answer land on the same case")
    func mailFlowsBothWaysThroughPostfix() throws {
        let d = try MailDesk()
        let t = d.t
        try d.writeConfig(sendmail: d.postfix.sendmail.joined(separator: " "), extra: "acknowledge = true")
        try t.launchConsole()
        try d.customerWrites(["Subject: TV:n luktar =?utf-8?q?br=C3=A4nt?=", "Message-ID: <first@example.test>",
                              "Date: Tue, 01 Dec 2026 10:02:00 +0100", "Content-Language: sv"],
                             body: "Hej,\nmin nya TV luktar bränt.\n\nÅsa")
        // Live: the pipe's case shows in the console without a key press.
        try t.waitFor("TV:n luktar bränt", timeout: 30)
        try t.waitFor("Reply to C-1000")
        var e = try d.export()
        let first = try #require(e["C-1000"])
        #expect((first["customer"] as? [String: Any])?["email"] as? String == "customer@example.test")
        #expect((first["customer"] as? [String: Any])?["language"] as? String == "sv")
        // The acknowledgement: in Swedish, with the case id and the target, marked automatic.
        let ack = try d.waitForCustomerMail(count: 1)[0]
        #expect(headerValue("Auto-Submitted", in: ack) == "auto-replied")
        #expect(headerValue("In-Reply-To", in: ack) == "<first@example.test>")
        #expect(ack.contains("C-1000") && ack.contains("inom 24 timmar"), "\(ack)")

        // The agent answers from the console.
        try t.sendKeys("r")
        try t.waitFor("Ctrl-S send")
        try t.sendText("Hej Åsa, vi skickar en ny TV i morgon.")
        try t.sendKeys("C-s")
        try t.waitFor("mailing to customer@example.test")
        try t.sendKeys("7")   // answered, the case waits on her: it is in All, not Waiting
        let inbox = try d.waitForCustomerMail(count: 2)
        let reply = try #require(inbox.first { headerValue("Auto-Submitted", in: $0) == nil })
        let ourID = try #require(headerValue("Message-ID", in: reply))
        #expect(headerValue("In-Reply-To", in: reply) == "<first@example.test>")
        #expect(headerValue("References", in: reply) == "<first@example.test>")
        #expect(headerValue("To", in: reply)?.contains("<customer@example.test>") == true)
        #expect(headerValue("From", in: reply)?.contains("<support@example.test>") == true)
        #expect(headerValue("Subject", in: reply)?.contains("[C-1000]") == true)
        #expect(headerValue("X-Frontline-Loop", in: reply) == "frontline@example.test")
        #expect(headerValue("Content-Language", in: reply) == "sv")
        #expect(reply.contains("Hej =C3=85sa, vi skickar en ny TV i morgon."))   // quoted-printable UTF-8
        #expect(reply.contains("> min nya TV luktar br=C3=A4nt."))               // her mail quoted below
        e = try d.waitForExport("the reply recorded delivered") { e in
            let m = (e["C-1000"]?["messages"] as? [[String: Any]])?.last
            return ((m?["mail"] as? [String: Any])?["delivery"] as? [String: Any])?["state"] as? String == "delivered"
        }
        try t.waitFor("delivered")

        // She answers three ways; every one lands on C-1000.
        try d.customerWrites(["Subject: Another question", "Message-ID: <a1@example.test>", "References: \(ourID)"], body: "References only")
        try d.customerWrites(["Subject: Re: TV [C-1000]", "Message-ID: <a2@example.test>"], body: "The tag only")
        try d.customerWrites(["Subject: Something else entirely", "Message-ID: <a3@example.test>", "In-Reply-To: \(ourID)",
                              "References: <first@example.test> \(ourID)"], body: "Changed subject, with References")
        e = try d.waitForExport("three answers on C-1000") { e in
            // her mail, our acknowledgement, our reply, and her three answers
            ((e["C-1000"]?["messages"] as? [[String: Any]]) ?? []).count == 6
        }
        #expect(e.count == 1, "no new case: \(e.keys.sorted())")
        let bodies = try d.messages("C-1000").compactMap { $0["body"] as? String }
        #expect(bodies.contains("References only") && bodies.contains("The tag only") && bodies.contains("Changed subject, with References"))
        // Live in the console too: the history's summary names her latest message.
        let latest = try #require(try d.messages("C-1000").last?["body"] as? String)
        try t.waitFor("Last (C-1000) Åsa: \(latest)")

        // A stranger quoting the tag gets a case of their own.
        try d.customerWrites(["Subject: Re: [C-1000] let me in", "Message-ID: <x1@elsewhere.test>"], body: "Not her", from: "mallory@elsewhere.test")
        e = try d.waitForExport("the stranger's own case") { $0["C-1001"] != nil }
        #expect(try d.messages("C-1000").count == 6)

        // The same message delivered twice is stored once.
        try d.customerWrites(["Subject: Another question", "Message-ID: <a1@example.test>", "References: \(ourID)"], body: "References only")
        try t.waitUntilTrue("Postfix to deliver the duplicate", timeout: 20) {
            d.postfix.log.components(separatedBy: "delivered to command").count - 1 >= 6
        }
        #expect(try d.messages("C-1000").count == 6)

        // An auto-reply is stored and marked, and reopens nothing.
        #expect(try t.cli("solve", ["C-1000"]).status == 0)
        try d.customerWrites(["Subject: Out of office", "Message-ID: <ooo@example.test>", "Auto-Submitted: auto-replied",
                              "In-Reply-To: \(ourID)"], body: "I am away until Monday.")
        e = try d.waitForExport("the auto-reply stored") { e in ((e["C-1000"]?["messages"] as? [[String: Any]]) ?? []).count == 7 }
        #expect(e["C-1000"]?["status"] as? String == "solved")
        #expect((try d.messages("C-1000").last?["mail"] as? [String: Any])?["automatic"] as? String == "auto-reply")
        // An out-of-office that starts a thread of its own opens a case but gets no acknowledgement.
        try d.customerWrites(["Subject: Autosvar: Borta", "Message-ID: <ooo2@example.test>", "Auto-Submitted: auto-replied"], body: "Jag är borta.")
        e = try d.waitForExport("the out-of-office's case") { $0.count == 3 }
        // The acknowledgement is decided in the same journal record as the case: none was.
        let ooo = try #require(e.values.first { ($0["subject"] as? String)?.contains("Borta") == true })
        #expect(((ooo["messages"] as? [[String: Any]]) ?? []).allSatisfy { $0["direction"] as? String != "outbound" })
        #expect(d.postfix.customerMail().count == 2, "no acknowledgement of automatic mail: \(d.postfix.customerMail().count) messages")

        try t.sendKeys("q")
        #expect(try t.waitForExit() == 0)
    }

    @Test("through Postfix: a bounce marks the reply it bounces; with the store unable to take mail Postfix defers it and later delivers it exactly once")
    func bouncesAndDeferralsThroughPostfix() throws {
        let d = try MailDesk()
        let t = d.t
        try t.launchConsole()
        // A customer at an address that does not exist: our answer bounces back to support@.
        try d.customerWrites(["Subject: Where is my order?", "Message-ID: <nobody1@example.test>"], body: "Order 5512", from: "nosuchuser@example.test")
        try t.waitFor("Where is my order?", timeout: 30)
        let sent = try t.cli("reply", ["C-1000", "--body", "It left our warehouse today."])
        #expect(sent.status == 0, "\(sent.stderr)")
        try t.sendKeys("7")
        let e = try d.waitForExport("the bounce to mark the reply failed", timeout: 30) { e in
            let m = (e["C-1000"]?["messages"] as? [[String: Any]])?.first { $0["direction"] as? String == "outbound" }
            return ((m?["mail"] as? [String: Any])?["delivery"] as? [String: Any])?["state"] as? String == "failed"
        }
        #expect(e.count == 1, "the bounce opened no case: \(e.keys.sorted())")
        let reply = try #require((e["C-1000"]?["messages"] as? [[String: Any]])?.first { $0["direction"] as? String == "outbound" })
        let error = (((reply["mail"] as? [String: Any])?["delivery"] as? [String: Any])?["error"] as? String) ?? ""
        #expect(error.contains("5.1.1") || error.lowercased().contains("unknown"), "the reason is kept: \(error)")
        try t.waitFor("✉ FAILED")
        try t.waitFor("NOT DELIVERED")

        // No store to take mail: the console quits and its server stops when idle.
        try t.sendKeys("q")
        #expect(try t.waitForExit() == 0)
        try t.waitUntilTrue("the idle server to exit", timeout: 20) { t.serverPIDs().isEmpty }
        try d.customerWrites(["Subject: Later", "Message-ID: <later@example.test>"], body: "Sent while nobody listened")
        try t.waitUntilTrue("Postfix to defer the message", timeout: 30) { d.postfix.log.contains("status=deferred") }
        #expect(try d.postfix.queue().contains("customer@example.test"))
        #expect(try d.export()["C-1001"] == nil)

        // The desk is back: a flush delivers it, exactly once.
        try t.launchConsole()
        try d.postfix.flush()
        _ = try d.waitForExport("the deferred mail after the flush", timeout: 30) { $0["C-1001"] != nil }
        try d.postfix.flush()
        try t.waitUntilTrue("the queue to empty", timeout: 20) { !((try? d.postfix.queue()) ?? "").contains("customer@example.test") }
        let all = try d.export()
        let copies = all.values.flatMap { ($0["messages"] as? [[String: Any]]) ?? [] }
            .filter { ($0["mail"] as? [String: Any])?["messageId"] as? String == "<later@example.test>" }
        #expect(copies.count == 1)
        try t.sendKeys("q")
        #expect(try t.waitForExit() == 0)
    }

    @Test("a failing sendmail is retried with backoff, then shown as failed on the case and in the queue")
    func aFailingSendmailIsRetriedThenShownFailed() throws {
        let t = try TmuxSession(width: 130, height: 40)
        let failing = t.root + "/failing-sendmail"
        try "#!/bin/sh\ncat >/dev/null\necho >>\(t.root)/attempts\necho 'mail queue is full' >&2\nexit 75\n".write(toFile: failing, atomically: true, encoding: .utf8)
        chmod(failing, 0o755)
        try FileManager.default.createDirectory(atPath: t.configDir + "/frontline", withIntermediateDirectories: true)
        try """
        [mail]
        from = "Support <support@example.test>"
        sendmail = "\(failing)"
        retry_after = ["1s"]
        retry_for = "3s"
        """.write(toFile: t.configDir + "/frontline/config.toml", atomically: true, encoding: .utf8)
        let id = try #require(try t.intake([IntakeLine.asa]).first)
        try t.launchConsole()
        try t.waitFor("Reply to \(id)")
        try t.sendKeys("r")
        try t.waitFor("Ctrl-S send")
        try t.sendText("Hej Åsa")
        try t.sendKeys("C-s")
        try t.waitFor("mailing to")
        try t.sendKeys("7")
        try t.waitFor("not delivered yet", timeout: 15)
        try t.waitFor("NOT DELIVERED", timeout: 20)
        let s = try t.waitFor("✉ FAILED")
        #expect(s.contains("gave up after"), "\(s.text)")
        let attempts = ((try? String(contentsOfFile: t.root + "/attempts", encoding: .utf8)) ?? "").filter { $0 == "\n" }.count
        #expect(attempts >= 3 && attempts <= 5, "1 s apart for 3 s: \(attempts) attempts")
        try t.sendKeys("q")
        #expect(try t.waitForExit() == 0)
    }
}
