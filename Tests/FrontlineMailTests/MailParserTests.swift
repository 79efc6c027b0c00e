import Foundation
import Testing
import FrontlineMail

@Suite struct MailParserTests {
    @Test func headersAndSimpleBody() throws {
        let m = try MailParser.parse(crlf("""
        From: =?utf-8?q?=C3=85sa?= Lindqvist <asa@example.se>
        To: desk@example.com, "B" <b@example.com>
        Cc: Team: c@example.com;
        Reply-To: r@example.se
        Subject: =?utf-8?B?SGrDpGxw?= with
         folding
        Date: Tue, 1 Jul 2003 10:52:37 +0200
        Message-ID: <1@example.se>
        In-Reply-To: <0@example.com> (comment)
        References: <a@x> <b@x>
         <0@example.com>
        Return-Path: <asa@example.se>
        Content-Language: sv

        Hej!
        Line two
        """))
        #expect(m.from == MailAddress(name: "Åsa Lindqvist", address: "asa@example.se"))
        #expect(m.to.map(\.address) == ["desk@example.com", "b@example.com"])
        #expect(m.cc.map(\.address) == ["c@example.com"])
        #expect(m.replyTo.map(\.address) == ["r@example.se"])
        #expect(m.subject == "Hjälp with folding")
        #expect(m.header("subject") == "=?utf-8?B?SGrDpGxw?= with folding")
        #expect(m.date == Date(timeIntervalSince1970: 1057049557))
        #expect(m.messageID == "<1@example.se>")
        #expect(m.inReplyTo == ["<0@example.com>"])
        #expect(m.references == ["<a@x>", "<b@x>", "<0@example.com>"])
        #expect(m.returnPath == "<asa@example.se>")
        #expect(m.contentLanguage == "sv")
        #expect(m.bodyText == "Hej!\nLine two")
        #expect(m.bodyType == .plain)
        #expect(m.partCount == 1 && m.depth == 1)
    }

    @Test func raw8BitHeaders() throws {
        // UTF-8 as is; Latin-1 bytes in a message that declares ISO-8859-1; else Windows-1252.
        var bytes = Array("Subject: Gr\u{FC}\u{DF}e\nContent-Type: text/plain; charset=iso-8859-2\nFrom: ".utf8)
        bytes += [0xA3, 0xF3, 0x64, 0xBC, 0x20, 0x3C, 0x61, 0x40, 0x62, 0x3E, 0x0A, 0x0A, 0x78]   // "Łódź <a@b>" in 8859-2
        let m = try MailParser.parse(bytes)
        #expect(m.subject == "Grüße")
        #expect(m.from?.name == "Łódź")
        let w = try MailParser.parse([0x53, 0x75, 0x62, 0x6A, 0x65, 0x63, 0x74, 0x3A, 0x20, 0x93, 0x71, 0x94, 0x0A, 0x0A])
        #expect(w.subject == "“q”")
    }

    @Test func mixedLineEndings() throws {
        let m = try MailParser.parse(Array("Subject: x\r\nFrom: a@b\n\r\nOne\r\nTwo\nThree\rFour".utf8))
        #expect(m.subject == "x")
        #expect(m.bodyText == "One\nTwo\nThree\nFour")
    }

    @Test func alternativePrefersPlainAndRelatedImagesAreInlineAttachments() throws {
        let m = try MailParser.parse(crlf("""
        Content-Type: multipart/alternative; boundary="alt"

        --alt
        Content-Type: text/plain; charset=utf-8
        Content-Transfer-Encoding: quoted-printable

        Hej h=C3=A4r
        --alt
        Content-Type: multipart/related; boundary="rel"

        --rel
        Content-Type: text/html; charset=utf-8

        <p>Hej <b>h&auml;r</b><img src="cid:i1"></p>
        --rel
        Content-Type: image/png
        Content-ID: <i1>
        Content-Transfer-Encoding: base64

        iVBORw0KGgo=
        --rel--
        --alt--
        """))
        #expect(m.bodyText == "Hej här")
        #expect(m.bodyType == .plain)
        #expect(m.attachments.count == 1)
        #expect(m.attachments.first?.inline == true)
        #expect(m.attachments.first?.type == "image/png")
        #expect(m.attachments.first?.size == 8)
        #expect(m.attachments.first?.name == "part-5.png")
        #expect(m.partCount == 5 && m.depth == 3)
    }

    @Test func htmlOnlyFallsBack() throws {
        let m = try MailParser.parse(crlf("""
        Content-Type: text/html; charset=windows-1252

        <html><body><p>Price: 5&nbsp;\u{80}</p></body></html>
        """).map { $0 == 0xC2 ? 0x20 : $0 })
        #expect(m.bodyType == .html)
        #expect(m.bodyText.hasPrefix("Price: 5"))
    }

    @Test func attachmentsNamedAndDecoded() throws {
        let m = try MailParser.parse(crlf("""
        Content-Type: multipart/mixed; boundary=b

        --b
        Content-Type: text/plain

        Body
        --b
        Content-Type: application/pdf; name="fallback.pdf"
        Content-Disposition: attachment; filename*=utf-8''%C3%85rsrapport.pdf
        Content-Transfer-Encoding: base64

        JVBERi0=
        --b
        Content-Type: text/plain; name="=?utf-8?q?l=C3=B6g.txt?="
        Content-Disposition: attachment

        log line
        --b
        Content-Type: application/ms-tnef
        Content-Disposition: attachment; filename="winmail.dat"

        xx
        --b
        Content-Type: image/jpeg

        zz
        --b--
        """))
        #expect(m.bodyText == "Body")
        #expect(m.attachments.map(\.name) == ["Årsrapport.pdf", "lög.txt", "winmail.dat", "part-6.jpg"])
        #expect(m.attachments[0].content == Array("%PDF-".utf8))
        #expect(m.attachments[0].type == "application/pdf")
        #expect(m.attachments[1].content == Array("log line".utf8))
        #expect(m.attachments[2].type == "application/ms-tnef")
        #expect(m.attachments.allSatisfy { !$0.inline })
    }

    @Test func forwardedMessageShownInBody() throws {
        let m = try MailParser.parse(crlf("""
        Subject: Fwd: problem
        Content-Type: multipart/mixed; boundary=b

        --b
        Content-Type: text/plain

        See below.
        --b
        Content-Type: message/rfc822

        From: Anne <a@x.com>
        Subject: Printer on fire
        Date: Tue, 1 Jul 2003 10:52:37 +0200
        Content-Type: multipart/mixed; boundary=inner

        --inner
        Content-Type: text/plain

        It burns.
        --inner
        Content-Type: image/gif
        Content-Disposition: attachment; filename=fire.gif

        GIF
        --inner--
        --b--
        """))
        #expect(m.bodyText == """
        See below.

        ---------- Forwarded message ----------
        From: Anne <a@x.com>
        Date: Tue, 1 Jul 2003 10:52:37 +0200
        Subject: Printer on fire

        It burns.
        """)
        #expect(m.attachments.map(\.name) == ["fire.gif"])
        #expect(m.depth == 4)
    }

    @Test func digestPartsDefaultToMessages() throws {
        let m = try MailParser.parse(crlf("""
        Content-Type: multipart/digest; boundary=d

        --d

        From: a@x
        Subject: first

        one
        --d

        From: b@x
        Subject: second

        two
        --d--
        """))
        #expect(m.bodyText.contains("Subject: first\n\none"))
        #expect(m.bodyText.contains("Subject: second\n\ntwo"))
    }

    @Test func malformedStructuresParseWithNotes() throws {
        let unclosed = try MailParser.parse(crlf("""
        Content-Type: multipart/mixed; boundary=b

        --b
        Content-Type: text/plain

        truncated bo
        """))
        #expect(unclosed.bodyText == "truncated bo")
        #expect(unclosed.notes.contains { $0.contains("never closed") })

        let noBoundary = try MailParser.parse(crlf("Content-Type: multipart/mixed\n\nplain after all"))
        #expect(noBoundary.bodyText == "plain after all")
        #expect(!noBoundary.notes.isEmpty)

        let garbage = (0..<20_000).map { UInt8(truncatingIfNeeded: $0 &* 2654435761 >> 7) }
        _ = try MailParser.parse(garbage)
        _ = try MailParser.parse([])
        _ = try MailParser.parse(Array("Content-Type: text/plain; charset=x-nothing\n\nh\u{E4}".utf8))
    }
}
