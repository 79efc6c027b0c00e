import Testing
import FrontlineMail

@Suite struct AutomaticTests {
    private func auto(_ headers: String) throws -> MailAutomatic? {
        try MailParser.parse(Array((headers + "\n\nbody").utf8)).automatic
    }

    @Test func rules() throws {
        #expect(try auto("From: a@b.c") == nil)
        #expect(try auto("From: MAILER-DAEMON@b.c") == .bounce)
        #expect(try auto("From: postmaster@b.c") == .bounce)
        #expect(try auto("From: a@b.c\nAuto-Submitted: auto-replied") == .autoReply)
        #expect(try auto("From: a@b.c\nAuto-Submitted: auto-generated") == .autoReply)
        #expect(try auto("From: a@b.c\nAuto-Submitted: no") == nil)
        #expect(try auto("From: a@b.c\nX-Autoreply: yes") == .autoReply)
        #expect(try auto("From: a@b.c\nX-Autorespond: yes") == .autoReply)
        #expect(try auto("From: a@b.c\nX-Auto-Response-Suppress: All") == .autoReply)
        #expect(try auto("From: a@b.c\nReturn-Path: <>") == .autoReply)
        #expect(try auto("From: a@b.c\nPrecedence: bulk") == .bulk)
        #expect(try auto("From: a@b.c\nPrecedence: list\nReturn-Path: <>") == .bulk)
        #expect(try auto("From: a@b.c\nPrecedence: junk\nAuto-Submitted: auto-generated") == .bulk)
        #expect(try auto("From: a@b.c\nPrecedence: bulk\nAuto-Submitted: auto-replied") == .autoReply)
    }

    @Test func deliveryStatusReport() throws {
        let m = try MailParser.parse(crlf("""
        From: Mail Delivery System <mailer-daemon@mx.example>
        Content-Type: multipart/report; report-type=delivery-status; boundary=r

        --r
        Content-Type: text/plain

        Your message could not be delivered.
        --r
        Content-Type: message/delivery-status

        Reporting-MTA: dns; mx.example

        Final-Recipient: rfc822; nobody@example.com
        Action: failed
        Status: 5.1.1
        Diagnostic-Code: smtp; 550 5.1.1 user unknown

        Final-Recipient: rfc822; later@example.com
        Action: delayed
        Status: 4.4.1
        --r
        Content-Type: text/rfc822-headers

        Message-ID: <ours-42@desk.example>
        Subject: Your case
        --r--
        """))
        #expect(m.automatic == .bounce)
        let r = try #require(m.deliveryReport)
        #expect(r.originalMessageID == "<ours-42@desk.example>")
        #expect(r.failedRecipients == ["nobody@example.com: 550 5.1.1 user unknown"])
        #expect(r.action == "failed")
        #expect(r.status == "5.1.1")
        #expect(r.diagnostic == "550 5.1.1 user unknown")
        #expect(m.bodyText == "Your message could not be delivered.")
    }

    @Test func originalMessageIDFromReturnedMessage() throws {
        let m = try MailParser.parse(crlf("""
        Content-Type: multipart/report; report-type=delivery-status; boundary=r

        --r
        Content-Type: message/delivery-status

        Final-Recipient: rfc822; x@y
        Action: failed
        Status: 5.0.0
        --r
        Content-Type: message/rfc822

        Message-ID: <sent-1@desk>
        Subject: hi

        text
        --r--
        """))
        #expect(m.deliveryReport?.originalMessageID == "<sent-1@desk>")
        #expect(m.deliveryReport?.failedRecipients == ["x@y: 5.0.0"])
    }

    @Test func authenticationResults() throws {
        func verdict(_ h: String) throws -> Bool { try MailParser.parse(Array((h + "\n\nx").utf8)).senderNotVerified }
        #expect(try verdict("Authentication-Results: mx; spf=pass; dkim=pass; dmarc=pass") == false)
        #expect(try verdict("Authentication-Results: mx; spf=pass\nAuthentication-Results: mx2; dmarc=fail (p=reject)") == true)
        #expect(try verdict("Authentication-Results: mx; SPF = fail smtp.mailfrom=x") == true)
        #expect(try verdict("Authentication-Results: mx; spf=softfail; dmarc=none") == false)
        #expect(try verdict("Authentication-Results: mx; xspf=fail") == false)
        #expect(try verdict("From: a@b") == false)
    }
}
