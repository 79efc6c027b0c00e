import Foundation
import Testing
import FrontlineCore
import FrontlineMail
@testable import FrontlineMailDesk

/// From the bytes an MTA hands over to what the desk is asked to do.
@Suite struct MailIntakeTests {
    let settings = MailIntake.Settings(limits: MailLimits(maxMessageBytes: 4096), defaultLanguage: "fi", loopMarker: "frontline@shop.example")

    func take(_ text: String, sender: String? = nil) throws -> IncomingMail {
        guard case let .take(m) = MailIntake.read(Array(text.utf8), envelopeSender: sender, settings: settings) else {
            throw CommandError("not taken")
        }
        return m
    }

    @Test func aCustomerMailBecomesAnIncomingMailWithItsThreadingFields() throws {
        let m = try take("""
        From "root@mx"  Tue Dec  1 06:33:52 2026
        Return-Path: <asa@example.se>
        From: =?utf-8?q?=C3=85sa?= Lindqvist <asa@example.se>
        Reply-To: asa@example.se
        Subject: SV: Re: TV:n luktar bränt [C-1042]
        Message-ID: <m2@example.se>
        In-Reply-To: <C-1042.1.5@shop.example>
        References: <m1@example.se> <C-1042.1.5@shop.example>
        Content-Language: sv-SE

        Tack!
        """)
        #expect(m.details.messageID == "<m2@example.se>")
        #expect(m.details.from == MailParty(name: "Åsa Lindqvist", address: "asa@example.se"))
        #expect(m.details.replyTo.isEmpty)   // the same as From: says nothing
        #expect(m.subjectTag == "C-1042")
        #expect(m.caseSubject == "TV:n luktar bränt")
        #expect(m.details.subject == "SV: Re: TV:n luktar bränt [C-1042]")
        #expect(m.details.inReplyTo == "<C-1042.1.5@shop.example>")
        #expect(m.details.references == ["<m1@example.se>", "<C-1042.1.5@shop.example>"])
        #expect(m.language == "sv")
        #expect(m.body.hasPrefix("Tack!"))
        // The envelope line is the MTA's, not the customer's: not kept, not hashed.
        #expect(String(decoding: m.rawBytes, as: UTF8.self).hasPrefix("Return-Path:"))
    }

    @Test func theSameMessageDeliveredTwiceGetsTheSameSynthesisedID() throws {
        let body = "From: a@b.example\nSubject: no id\n\nhello\n"
        let one = try take("From x  Tue Dec  1 06:00:00 2026\n" + body)
        let two = try take("From x  Tue Dec  1 06:05:00 2026\n" + body)
        #expect(one.details.messageID == two.details.messageID)
        #expect(one.details.messageID.hasSuffix("@synthesised.invalid>"))
        #expect(try take("From: a@b.example\nSubject: no id\n\nhello!\n").details.messageID != one.details.messageID)
    }

    @Test func ourOwnMailComingBackIsIgnored() {
        let ours = "From: support@shop.example\nX-Frontline-Loop: frontline@shop.example\nMessage-ID: <x@shop.example>\n\nhi\n"
        guard case let .ignore(why) = MailIntake.read(Array(ours.utf8), envelopeSender: nil, settings: settings) else {
            Issue.record("our own mail must be ignored"); return
        }
        #expect(why.contains("X-Frontline-Loop"))
        // Another desk's marker is a real customer's mail.
        let theirs = ours.replacingOccurrences(of: "frontline@shop.example", with: "frontline@other.example")
        guard case .take = MailIntake.read(Array(theirs.utf8), envelopeSender: nil, settings: settings) else {
            Issue.record("another desk's mail is taken"); return
        }
    }

    @Test func aMessageOverTheLimitIsQuarantinedWithItsBytesKept() throws {
        let big = "From: a@b.example\nSubject: huge\n\n" + String(repeating: "x", count: 5000)
        let m = try take(big, sender: "<a@b.example>")
        #expect(m.details.quarantined?.contains("over the") == true)
        #expect(m.rawBytes.count == big.utf8.count)
        #expect(m.details.from.address == "a@b.example")
        #expect(m.caseSubject == "Quarantined mail from a@b.example")
        #expect(m.body.contains("quarantined"))
    }

    @Test func aBounceNamesTheMessageItIsAbout() throws {
        let dsn = """
        From: Mail Delivery System <MAILER-DAEMON@mx.example>
        To: support@shop.example
        Subject: Undelivered Mail Returned to Sender
        Message-ID: <bounce1@mx.example>
        Content-Type: multipart/report; report-type=delivery-status; boundary="B"

        --B
        Content-Type: text/plain

        I'm sorry to have to inform you that your message could not be delivered.
        --B
        Content-Type: message/delivery-status

        Reporting-MTA: dns; mx.example

        Final-Recipient: rfc822; nosuch@example.se
        Action: failed
        Status: 5.1.1
        Diagnostic-Code: x-unix; user unknown

        --B
        Content-Type: text/rfc822-headers

        From: support@shop.example
        Message-ID: <C-1000.17.3@shop.example>
        Subject: Re: x [C-1000]

        --B--
        """
        let m = try take(dsn)
        #expect(m.details.automatic == .bounce)
        #expect(m.bounceOf == "<C-1000.17.3@shop.example>")
        #expect(m.bounceReason?.contains("5.1.1") == true)
        #expect(m.bounceReason?.contains("user unknown") == true)
    }

    @Test func anAutoReplyIsMarkedAutomatic() throws {
        let m = try take("From: a@b.example\nAuto-Submitted: auto-replied\nSubject: Out of office\nMessage-ID: <o@b>\n\naway\n")
        #expect(m.details.automatic == .autoReply)
        #expect(m.language == "fi")   // none named: the configured default
    }
}

@Suite struct MailConfigValueTests {
    @Test func durationsTakeSecondsToDaysAndRefuseTheRest() {
        #expect(MailConfig.duration("90s") == 90)
        #expect(MailConfig.duration("5m") == 300)
        #expect(MailConfig.duration("1h30m") == 5400)
        #expect(MailConfig.duration(" 2D ") == 172_800)
        for bad in ["", "5", "m", "5x", "-5m", "0s", "1.5h", "1h 30m"] { #expect(MailConfig.duration(bad) == nil, "\(bad)") }
    }

    @Test func fromAndSendmailAreReadLikeAPersonWritesThem() {
        #expect(MailConfig.parseAddress("Åsa's Shop <support@shop.example>") == MailParty(name: "Åsa's Shop", address: "support@shop.example"))
        #expect(MailConfig.parseAddress("\"Support, Team\" <s@x.example>") == MailParty(name: "Support, Team", address: "s@x.example"))
        #expect(MailConfig.parseAddress("s@x.example") == MailParty(name: nil, address: "s@x.example"))
        #expect(MailConfig.parseAddress("Support") == nil)
        #expect(MailConfig.commandWords("/usr/sbin/sendmail -t -oi") == ["/usr/sbin/sendmail", "-t", "-oi"])
        #expect(MailConfig.commandWords("'/opt/my mail/sendmail' -t") == ["/opt/my mail/sendmail", "-t"])
        #expect(MailConfig.commandWords("sendmail 'unclosed") == nil)
    }
}
