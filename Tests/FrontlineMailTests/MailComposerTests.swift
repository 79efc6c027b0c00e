import Foundation
import Testing
@testable import FrontlineMail

// MARK: - Fixtures and small decoders (independent of the composer's own code)

private let desk = MailAddress(name: "Frontline Support", address: "support@desk.example.se")
private let asa = MailAddress(name: "Åsa Lindqvist", address: "asa@example.se")
private let fixedDate = Date(timeIntervalSince1970: 1_796_121_720)  // Tue, 01 Dec 2026 10:42:00 UTC

private func mail(subject: String = "Re: TV:n luktar bränt [C-1042]", body: String = "Hej Åsa!\n\nVi skickar en ny TV.\n",
                  from: MailAddress = desk, to: [MailAddress] = [asa], cc: [MailAddress] = [],
                  references: [String] = ["<root@example.se>", "<m2@example.se>"],
                  extra: [MailHeader] = [], language: String? = "sv") -> OutgoingMail {
    OutgoingMail(from: from, to: to, cc: cc, subject: subject, messageID: "<c-1042.3@desk.example.se>",
                 inReplyTo: "<m2@example.se>", references: references, date: fixedDate,
                 contentLanguage: language, body: body, extraHeaders: extra)
}

private struct Rendered {
    let text: String
    var lines: [Substring] { text.split(separator: "\n", omittingEmptySubsequences: false) }
    /// Header lines as written (folded), up to the blank line.
    var headerLines: [Substring] { Array(lines.prefix { !$0.isEmpty }) }
    var body: String {
        guard let range = text.range(of: "\n\n") else { return "" }
        return String(text[range.upperBound...])
    }
    /// (name, unfolded value) in order.
    var headers: [(name: String, value: String)] {
        var out: [(String, String)] = []
        for line in headerLines {
            if line.first == " " || line.first == "\t" {
                out[out.count - 1].1 += "\n" + line
            } else if let colon = line.firstIndex(of: ":") {
                out.append((String(line[..<colon]), String(line[line.index(after: colon)...])))
            } else {
                out.append((String(line), ""))
            }
        }
        return out.map { ($0.0, unfold($0.1)) }
    }
    func header(_ name: String) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }
    init(_ mail: OutgoingMail) { text = String(decoding: MailComposer.render(mail), as: UTF8.self) }
}

/// RFC 5322 unfolding: drop the line break before a folding space, then the one space after the colon.
private func unfold(_ value: String) -> String {
    var text = value.replacingOccurrences(of: "\n", with: "")
    if text.hasPrefix(" ") { text.removeFirst() }
    return text
}

/// RFC 2047 decoding of an unstructured value (whitespace between adjacent encoded words dropped).
/// Returns nil when an encoded word is malformed or its bytes are not UTF-8 on their own.
private func decode2047(_ text: String) -> String? {
    var out = ""
    var gap = ""
    var previousEncoded = false
    for (index, token) in text.split(separator: " ", omittingEmptySubsequences: false).enumerated() {
        if index > 0 { gap += " " }
        if token.isEmpty { continue }
        let isEncoded = token.hasPrefix("=?") && token.hasSuffix("?=")
        if isEncoded {
            guard let decoded = decodeEncodedWord(String(token)) else { return nil }
            if !previousEncoded { out += gap }
            out += decoded
        } else {
            out += gap + token
        }
        gap = ""
        previousEncoded = isEncoded
    }
    return out + gap
}

private func decodeEncodedWord(_ word: String) -> String? {
    let parts = word.dropFirst(2).dropLast(2).split(separator: "?", omittingEmptySubsequences: false)
    guard parts.count == 3, parts[0].lowercased() == "utf-8" else { return nil }
    let bytes: [UInt8]
    switch parts[1].uppercased() {
    case "B":
        guard let data = Data(base64Encoded: String(parts[2])) else { return nil }
        bytes = Array(data)
    case "Q":
        var raw: [UInt8] = []
        var iterator = Array(parts[2].utf8).makeIterator()
        while let byte = iterator.next() {
            if byte == UInt8(ascii: "_") { raw.append(0x20) }
            else if byte == UInt8(ascii: "=") {
                guard let high = iterator.next(), let low = iterator.next(),
                      let value = UInt8(String(decoding: [high, low], as: UTF8.self), radix: 16) else { return nil }
                raw.append(value)
            } else { raw.append(byte) }
        }
        bytes = raw
    default:
        return nil
    }
    return String(validating: bytes, as: UTF8.self)
}

private func encodedWords(in text: String) -> [String] {
    text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "<" || $0 == ">" || $0 == "," })
        .map(String.init).filter { $0.hasPrefix("=?") && $0.hasSuffix("?=") }
}

/// Quoted-printable decoding, strict: fails on a bad escape or an illegal literal.
private func decodeQP(_ text: String) -> [UInt8]? {
    var out: [UInt8] = []
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    for (index, line) in lines.enumerated() {
        var bytes = Array(line.utf8)
        var soft = false
        if bytes.last == UInt8(ascii: "=") { soft = true; bytes.removeLast() }
        var i = 0
        while i < bytes.count {
            let byte = bytes[i]
            if byte == UInt8(ascii: "=") {
                guard i + 2 < bytes.count,
                      let value = UInt8(String(decoding: bytes[(i + 1)...(i + 2)], as: UTF8.self), radix: 16) else { return nil }
                out.append(value)
                i += 3
            } else {
                guard byte == 0x20 || byte == 0x09 || (0x21...0x7E).contains(byte) else { return nil }
                out.append(byte)
                i += 1
            }
        }
        if !soft && index < lines.count - 1 { out.append(0x0A) }
    }
    return out
}

// MARK: - Message shape

@Suite("MailComposer")
struct MailComposerTests {
    @Test func rendersACompleteMessageWithLFLineEnds() {
        let bytes = MailComposer.render(mail())
        #expect(!bytes.contains(0x0D))
        let r = Rendered(mail())
        #expect(r.headers.map(\.name) == ["Date", "From", "To", "Subject", "Message-ID", "In-Reply-To", "References",
                                          "MIME-Version", "Content-Type", "Content-Transfer-Encoding", "Content-Language"])
        #expect(r.header("Date") == "Tue, 01 Dec 2026 10:42:00 +0000")
        #expect(r.header("From") == "Frontline Support <support@desk.example.se>")
        #expect(r.header("To") == "=?UTF-8?Q?=C3=85sa?= Lindqvist <asa@example.se>")
        #expect(r.header("Subject") == "Re: TV:n luktar =?UTF-8?Q?br=C3=A4nt?= [C-1042]")
        #expect(r.header("Message-ID") == "<c-1042.3@desk.example.se>")
        #expect(r.header("In-Reply-To") == "<m2@example.se>")
        #expect(r.header("References") == "<root@example.se> <m2@example.se>")
        #expect(r.header("MIME-Version") == "1.0")
        #expect(r.header("Content-Type") == "text/plain; charset=utf-8")
        #expect(r.header("Content-Transfer-Encoding") == "quoted-printable")
        #expect(r.header("Content-Language") == "sv")
        #expect(r.body == "Hej =C3=85sa!\n\nVi skickar en ny TV.\n")
    }

    @Test func asciiBodyIsSevenBitAndVerbatim() {
        let r = Rendered(mail(subject: "Hello", body: "Hi Asa,\r\nline two  \rline three", to: [MailAddress(name: nil, address: "a@b.test")]))
        #expect(r.header("Content-Transfer-Encoding") == "7bit")
        #expect(r.body == "Hi Asa,\nline two  \nline three\n")
        #expect(r.header("To") == "a@b.test")
        #expect(r.header("Subject") == "Hello")
    }

    @Test func optionalHeadersAreLeftOut() {
        var m = mail(references: [], language: nil)
        m.inReplyTo = nil
        let r = Rendered(m)
        #expect(r.header("In-Reply-To") == nil)
        #expect(r.header("References") == nil)
        #expect(r.header("Content-Language") == nil)
        #expect(r.header("Cc") == nil)
    }

    @Test(arguments: [
        (1_796_121_720.0, 0, "Tue, 01 Dec 2026 10:42:00 +0000"),
        (1_796_121_720.9, 0, "Tue, 01 Dec 2026 10:42:00 +0000"),
        (-14_182_940.0, 0, "Sun, 20 Jul 1969 20:17:40 +0000"),
        (1_709_251_199.0, 3600, "Fri, 01 Mar 2024 00:59:59 +0100"),
        (1_709_251_199.0, -19_800, "Thu, 29 Feb 2024 18:29:59 -0530"),
        (0.0, 0, "Thu, 01 Jan 1970 00:00:00 +0000"),
    ])
    func dateIsRFC5322(seconds: Double, offset: Int, expected: String) {
        let zone = TimeZone(secondsFromGMT: offset)!
        #expect(MailComposer.formatDate(Date(timeIntervalSince1970: seconds), timeZone: zone) == expected)
    }

    @Test func dateAgreesWithFoundationForManyDays() {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(secondsFromGMT: 0)
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss Z"
        var seconds = -3_000_000_000.0
        while seconds < 5_000_000_000 {
            let date = Date(timeIntervalSince1970: seconds)
            #expect(MailComposer.formatDate(date) == formatter.string(from: date))
            seconds += 7_777_777.25
        }
    }

    // MARK: - Injection

    @Test(arguments: ["subject", "name", "address", "messageID", "reference", "language", "extraValue", "extraName"])
    func crAndLFInCustomerTextNeverMakeAHeader(field: String) {
        let evil = "Hej\r\nBcc: evil@attacker.test\nX-Injected: 1\r\n\r\nbody"
        var m = mail()
        switch field {
        case "subject": m.subject = evil
        case "name": m.to = [MailAddress(name: evil, address: "asa@example.se")]
        case "address": m.to = [MailAddress(name: "Åsa", address: "asa@example.se>\nBcc: evil@attacker.test")]
        case "messageID": m.messageID = "<a@b>\nBcc: evil@attacker.test"
        case "reference": m.references = ["<a@b>\r\nBcc: evil@attacker.test"]
        case "language": m.contentLanguage = "sv\nBcc: evil@attacker.test"
        case "extraValue": m.extraHeaders = [MailHeader(name: "X-Frontline-Loop", rawValue: evil)]
        case "extraName": m.extraHeaders = [MailHeader(name: "X-A\nBcc", rawValue: "evil@attacker.test")]
        default: Issue.record("unknown field")
        }
        let r = Rendered(m)
        for line in r.headerLines {
            #expect(!line.lowercased().hasPrefix("bcc"), "\(field): \(line)")
            #expect(!line.lowercased().hasPrefix("x-injected"), "\(field): \(line)")
            #expect(line.first == " " || line.contains(":"), "\(field): \(line)")
        }
        #expect(r.header("Bcc") == nil)
        #expect(r.body == "Hej =C3=85sa!\n\nVi skickar en ny TV.\n", "\(field): the body must not move")
        #expect(!MailComposer.render(m).contains(0x0D))
    }

    @Test func injectedSubjectStaysInTheSubject() {
        let r = Rendered(mail(subject: "Hej\nBcc: x@evil.test"))
        #expect(r.header("Subject") == "Hej Bcc: x@evil.test")
        #expect(r.headers.filter { $0.name == "Subject" }.count == 1)
    }

    @Test func otherControlCharactersBecomeSpaces() {
        #expect(MailComposer.sanitizeHeaderValue("a\tb\u{0}c\u{1B}[2Jd\u{7F}e\u{85}f\u{2028}g") == "a b c [2Jd e f g")
        #expect(MailComposer.sanitizeHeaderValue("  x\r\n y  ") == "x  y")
    }

    @Test func aCommaInABrokenAddressDoesNotAddARecipient() {
        #expect(MailComposer.formatAddrSpec("a@x.test, b@y.test") == "\"a@x.test, b\"@y.test")
        #expect(MailComposer.formatAddrSpec("<asa@example.se>") == "asa@example.se")
        #expect(MailComposer.formatAddrSpec("\"john doe\"@example.se") == "\"john doe\"@example.se")
        #expect(MailComposer.formatAddrSpec("john doe@example.se") == "\"john doe\"@example.se")
        #expect(MailComposer.formatAddrSpec("o'brien+c-1042@example.ie") == "o'brien+c-1042@example.ie")
    }

    // MARK: - Display names

    @Test(arguments: [
        ("Frontline Support", "Frontline Support"),
        ("Lindqvist, Asa", "\"Lindqvist, Asa\""),
        ("John Q. Public", "\"John Q. Public\""),
        ("Say \"hi\" \\o/", "\"Say \\\"hi\\\" \\\\o/\""),
        ("Åsa Lindqvist", "=?UTF-8?Q?=C3=85sa?= Lindqvist"),
        ("Lindqvist, Åsa", "=?UTF-8?Q?Lindqvist=2C_=C3=85sa?="),
        ("Kund 3 Östlund", "Kund 3 =?UTF-8?Q?=C3=96stlund?="),
        ("=?utf-8?q?fake?=", "=?UTF-8?Q?=3D=3Futf-8=3Fq=3Ffake=3F=3D?="),
        ("", ""),
        ("  ", ""),
    ])
    func displayNames(name: String, expected: String) {
        #expect(MailComposer.encodeDisplayName(name) == expected)
    }

    @Test func addressWithoutNameIsBare() {
        #expect(MailComposer.formatAddress(MailAddress(name: nil, address: "a@b.test")) == "a@b.test")
        #expect(MailComposer.formatAddress(MailAddress(name: "", address: "a@b.test")) == "a@b.test")
        #expect(MailComposer.formatAddress(MailAddress(name: "A B", address: "a@b.test")) == "A B <a@b.test>")
    }

    // MARK: - Encoded words and folding

    static let hardTexts: [String] = [
        "Re: TV:n luktar bränt [C-1042]",
        "Ärende: ÅÄÖ åäö — “citat” och €, ünïcödé",
        "テレビから焦げた匂いがします、交換をお願いします（至急）",
        "Телевизор пахнет горелым, пожалуйста замените его как можно скорее",
        "👨‍👩‍👧‍👦👨‍👩‍👧‍👦👨‍👩‍👧‍👦 family 🇸🇪🇸🇪 flags e\u{301}\u{301}\u{301} combining",
        String(repeating: "å", count: 200),
        String(repeating: "x", count: 300),
        "a  b   å  ä   c",
        "=?UTF-8?Q?not_an_encoded_word?= really",
        "mixed: https://example.se/" + String(repeating: "path/", count: 30) + " ö",
        "trailing spaces  ",
    ]

    @Test(arguments: hardTexts)
    func encodedWordsAreShortAndWholeCharacters(text: String) {
        for word in MailComposer.encodedWords(text) {
            #expect(word.utf8.count <= 75, "\(word)")
            #expect(decodeEncodedWord(word) != nil, "not UTF-8 on its own: \(word)")
        }
        // Whole grapheme clusters per word whenever one fits in a word.
        let decoded = MailComposer.encodedWords(text).compactMap(decodeEncodedWord)
        #expect(decoded.joined() == text)
        if !text.contains("👨‍👩‍👧‍👦") {
            #expect(decoded.reduce(0) { $0 + $1.count } == text.count, "a character was split")
        }
    }

    @Test(arguments: hardTexts)
    func subjectsFoldAndDecodeBack(text: String) {
        let r = Rendered(mail(subject: text))
        for line in r.headerLines { #expect(line.utf8.count <= 78, "\(line)") }
        for line in r.headerLines { #expect(!line.allSatisfy { $0 == " " }, "whitespace-only line") }
        let value = try! #require(r.header("Subject"))
        #expect(value.utf8.allSatisfy { $0 < 0x80 })
        let expected = MailComposer.sanitizeHeaderValue(text)
        #expect(decode2047(value) == expected, "\(value)")
        for word in encodedWords(in: value) { #expect(word.utf8.count <= 75) }
    }

    @Test func plainWordsStayReadable() {
        let value = MailComposer.encodeHeaderText("Re: TV:n luktar bränt [C-1042]")
        #expect(value.hasPrefix("Re: TV:n luktar "))
        #expect(value.hasSuffix(" [C-1042]"))
        // Spaces between encoded words vanish on decoding, so neighbours are encoded together.
        #expect(MailComposer.encodeHeaderText("öl  är") == "=?UTF-8?Q?=C3=B6l__=C3=A4r?=")
        #expect(MailComposer.encodeHeaderText("ö  bra") == "=?UTF-8?Q?=C3=B6?=  bra")
        #expect(MailComposer.encodeHeaderText("Hello") == "Hello")
        #expect(MailComposer.encodeHeaderText("") == "")
    }

    @Test func bOrQWhicheverIsShorter() {
        #expect(MailComposer.encodedWords("bränt") == ["=?UTF-8?Q?br=C3=A4nt?="])
        #expect(MailComposer.encodedWords("テレビ") == ["=?UTF-8?B?44OG44Os44OT?="])
    }

    @Test func longRecipientListsFoldBetweenAddresses() {
        let many = (1...12).map { MailAddress(name: "Kund \($0) Svensson", address: "kund\($0)@example.se") }
        let r = Rendered(mail(to: many, cc: [asa, desk]))
        for line in r.headerLines { #expect(line.utf8.count <= 78, "\(line)") }
        #expect(r.header("To") == many.map { "Kund \($0.address.dropFirst(4).prefix { $0 != "@" }) Svensson <\($0.address)>" }.joined(separator: ", "))
        #expect(r.headerLines.filter { $0.hasPrefix(" ") }.count >= 3)
    }

    @Test func foldingRules() {
        #expect(MailComposer.foldHeader(name: "Subject", value: "") == "Subject:")
        #expect(MailComposer.foldHeader(name: "Subject", pieces: MailComposer.headerTextPieces(" \r\n ")) == "Subject:")
        #expect(MailComposer.foldHeader(name: "Subject", value: "short") == "Subject: short")
        let long = String(repeating: "y", count: 100)
        #expect(MailComposer.foldHeader(name: "X-Long", value: long) == "X-Long: " + long, "never fold right after the colon")
        let folded = MailComposer.foldHeader(name: "Subject", value: (1...30).map { "w\($0)" }.joined(separator: " "))
        #expect(folded.split(separator: "\n").allSatisfy { $0.utf8.count <= 78 })
        #expect(unfold(String(folded.dropFirst("Subject:".count))) == (1...30).map { "w\($0)" }.joined(separator: " "))
    }

    // MARK: - Body encodings

    static let bodies: [String] = [
        "Hej Åsa!\n\nVi skickar en ny TV.\n",
        String(repeating: "ö", count: 200) + "\n",
        "equals = sign and =41 text é\n",
        "trailing space é \ntrailing tab\t\nlast  ",
        "From the desk: é\nFrom here\n.\n",
        "\u{0}nul é",
        String(repeating: "a", count: 74) + "é" + String(repeating: "b", count: 200),
        "👨‍👩‍👧‍👦 " + String(repeating: "🇸🇪", count: 40),
        "windows\r\nline\rends é\r\n",
        "",
    ]

    @Test(arguments: bodies)
    func quotedPrintableIsCorrect(body: String) throws {
        let r = Rendered(mail(body: body))
        let encoding = try #require(r.header("Content-Transfer-Encoding"))
        var expected = body.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        if !expected.isEmpty && !expected.hasSuffix("\n") { expected += "\n" }
        if encoding == "7bit" {
            #expect(r.body == expected)
            #expect(body.utf8.allSatisfy { $0 < 0x80 })
            return
        }
        #expect(encoding == "quoted-printable")
        for line in r.body.split(separator: "\n", omittingEmptySubsequences: false) {
            #expect(line.utf8.count <= 76, "\(line)")
            #expect(line.last != " " && line.last != "\t", "trailing whitespace: \(line)")
            #expect(!line.hasPrefix("From "), "\(line)")
        }
        #expect(decodeQP(r.body) == Array(expected.utf8))
    }

    @Test func sevenBitOnlyWhenSafe() {
        #expect(MailComposer.encodeBody("plain ascii\n").encoding == "7bit")
        #expect(MailComposer.encodeBody(String(repeating: "a", count: 998)).encoding == "7bit")
        #expect(MailComposer.encodeBody(String(repeating: "a", count: 999)).encoding == "quoted-printable")
        #expect(MailComposer.encodeBody("nul\u{0}").encoding == "quoted-printable")
        #expect(MailComposer.encodeBody("é").encoding == "quoted-printable")
    }

    @Test func quotedPrintableDetails() {
        let qp = { (text: String) in String(decoding: MailComposer.quotedPrintable(Array(text.utf8)), as: UTF8.self) }
        #expect(qp("a=b") == "a=3Db")
        #expect(qp("end \nx") == "end=20\nx")
        #expect(qp("tab\t") == "tab=09")
        #expect(qp("From me") == "=46rom me")
        #expect(qp("Fromage") == "Fromage")
        #expect(qp("ä") == "=C3=A4")
        // A soft break never lands inside a character: 25 × "ä" is 150 encoded characters.
        let lines = qp(String(repeating: "ä", count: 25)).split(separator: "\n")
        #expect(lines.map(\.count) == [73, 73, 6])
        #expect(lines.dropLast().allSatisfy { $0.hasSuffix("=") })
        // Exactly 76 characters fit on a final line without a soft break.
        #expect(qp(String(repeating: "a", count: 76)) == String(repeating: "a", count: 76))
        #expect(qp(String(repeating: "a", count: 77)) == String(repeating: "a", count: 75) + "=\naa")
    }

    // MARK: - References and extra headers

    @Test func referencesAreCapped() {
        let refs = (1...25).map { "<r\($0)@example.se>" }
        let capped = MailComposer.cappedReferences(refs)
        #expect(capped.count == 20)
        #expect(capped.first == "<r1@example.se>")
        #expect(Array(capped.dropFirst()) == Array(refs.suffix(19)))
        #expect(MailComposer.cappedReferences(Array(refs.prefix(20))) == Array(refs.prefix(20)))
        #expect(MailComposer.cappedReferences(refs, max: 1) == ["<r1@example.se>"])
        #expect(MailComposer.cappedReferences(refs, max: 0) == [])
        #expect(MailComposer.cappedReferences([], max: 3) == [])
        let r = Rendered(mail(references: refs))
        #expect(r.header("References")?.split(separator: " ").count == 20)
        for line in r.headerLines { #expect(line.utf8.count <= 78, "\(line)") }
    }

    @Test func messageIDsAreSanitised() {
        #expect(MailComposer.sanitizedMessageID("abc@x") == "<abc@x>")
        #expect(MailComposer.sanitizedMessageID("<abc@x>") == "<abc@x>")
        #expect(MailComposer.sanitizedMessageID("< a b@x >") == "<ab@x>")
        #expect(MailComposer.sanitizedMessageID("  ") == nil)
        #expect(MailComposer.sanitizedMessageID("<" + String(repeating: "a", count: 1000) + "@x>") == nil)
    }

    @Test func extraHeaders() {
        let r = Rendered(mail(extra: [
            MailHeader(name: "Auto-Submitted", rawValue: "auto-replied"),
            MailHeader(name: "X-Frontline-Loop", rawValue: "C-1042 ärende"),
            MailHeader(name: "Content-Type", rawValue: "text/html"),
            MailHeader(name: "bcc", rawValue: "x@evil.test"),
            MailHeader(name: "Bad Name", rawValue: "x"),
            MailHeader(name: "", rawValue: "x"),
        ]))
        #expect(r.header("Auto-Submitted") == "auto-replied")
        #expect(r.header("X-Frontline-Loop") == "C-1042 =?UTF-8?Q?=C3=A4rende?=")
        #expect(r.headers.filter { $0.name.lowercased() == "content-type" }.map(\.value) == ["text/plain; charset=utf-8"])
        #expect(r.header("Bcc") == nil)
        #expect(r.header("Bad Name") == nil)
    }

    @Test func contentLanguageIsSanitised() {
        #expect(MailComposer.sanitizedLanguage("sv") == "sv")
        #expect(MailComposer.sanitizedLanguage("sv-SE,en") == "sv-SE, en")
        #expect(MailComposer.sanitizedLanguage("\n") == nil)
    }

    // MARK: - Interoperability: Python's email package reads what we write

    static let interopMails: [OutgoingMail] = [
        mail(),
        mail(subject: "Hej\nBcc: evil@attacker.test", body: "ascii only\n"),
        mail(subject: "", body: "no subject, no final newline", references: [], language: nil),
        mail(subject: hardTexts[2], body: "テレビ\n" + String(repeating: "長い行", count: 100) + "\n"),
        mail(subject: hardTexts[4], body: hardTexts[4] + "\n= =3D \t\nFrom here\n"),
        mail(subject: hardTexts[9], body: String(repeating: "x", count: 1200) + "\n",
             to: [MailAddress(name: "Lindqvist, Åsa \"Boss\"", address: "asa@example.se"),
                  MailAddress(name: "Say \"hi\" \\o/", address: "o'brien+c-1042@example.ie"),
                  MailAddress(name: nil, address: "bare@example.se")],
             cc: (1...8).map { MailAddress(name: "Kund \($0) Östlund", address: "kund\($0)@example.se") }),
        mail(subject: String(repeating: "Ärendet gäller en trasig TV-apparat ", count: 6), body: "", from: asa,
             references: (1...30).map { "<ref\($0).\(String(repeating: "z", count: 20))@example.se>" },
             extra: [MailHeader(name: "Auto-Submitted", rawValue: "auto-replied")]),
    ]

    @Test(arguments: 0..<interopMails.count)
    func pythonReadsWhatWeWrite(index: Int) throws {
        let m = Self.interopMails[index]
        let parsed = try pythonParse(MailComposer.render(m))
        #expect(parsed.defects.isEmpty, "Python found defects: \(parsed.defects)")
        #expect(parsed.subject == MailComposer.sanitizeHeaderValue(m.subject))
        #expect(parsed.from == [[m.from.name ?? "", m.from.address]])
        #expect(parsed.to == m.to.map { [$0.name ?? "", $0.address] })
        #expect(parsed.cc == m.cc.map { [$0.name ?? "", $0.address] })
        #expect(parsed.messageID == m.messageID)
        #expect(parsed.inReplyTo == m.inReplyTo)
        let references = MailComposer.cappedReferences(m.references).joined(separator: " ")
        #expect(parsed.references == (references.isEmpty ? nil : references))
        #expect(parsed.date == Int(m.date.timeIntervalSince1970))
        #expect(parsed.contentType == "text/plain")
        #expect(parsed.charset == "utf-8")
        #expect(parsed.contentLanguage == m.contentLanguage)
        var body = m.body
        if !body.isEmpty && !body.hasSuffix("\n") { body += "\n" }
        #expect(parsed.body == body)
        #expect(!parsed.headerNames.contains { $0.lowercased() == "bcc" })
        #expect(parsed.maxLineLength <= 998)
    }
}

// MARK: - Python oracle

private struct PythonView: Decodable {
    let subject: String
    let from: [[String]]
    let to: [[String]]
    let cc: [[String]]
    let messageID: String?
    let inReplyTo: String?
    let references: String?
    let date: Int
    let contentType: String
    let charset: String?
    let contentLanguage: String?
    let body: String
    let headerNames: [String]
    let defects: [String]
    let maxLineLength: Int
}

private let pythonScript = #"""
import email, email.policy, json, sys
raw = open(sys.argv[1], "rb").read()
msg = email.message_from_bytes(raw, policy=email.policy.default)
def addrs(name):
    h = msg[name]
    return [] if h is None else [[a.display_name, a.addr_spec] for a in h.addresses]
def plain(name):
    h = msg[name]
    return None if h is None else str(h)
defects = [repr(d) for d in msg.defects]
for k in msg.keys():
    defects += ["%s: %r" % (k, d) for d in getattr(msg[k], "defects", ())]
print(json.dumps({
    "subject": str(msg["subject"]),
    "from": addrs("from"), "to": addrs("to"), "cc": addrs("cc"),
    "messageID": plain("message-id"), "inReplyTo": plain("in-reply-to"), "references": plain("references"),
    "date": int(msg["date"].datetime.timestamp()),
    "contentType": msg.get_content_type(), "charset": msg.get_content_charset(),
    "contentLanguage": plain("content-language"),
    "body": msg.get_content(),
    "headerNames": list(msg.keys()),
    "defects": defects,
    "maxLineLength": max(len(l) for l in raw.split(b"\n")),
}))
"""#

/// Runs python3's `email` package on the message. Fails (never skips) when python3 is missing.
private func pythonParse(_ message: [UInt8]) throws -> PythonView {
    let file = FileManager.default.temporaryDirectory.appendingPathComponent("composer-\(UUID().uuidString).eml")
    try Data(message).write(to: file)
    defer { try? FileManager.default.removeItem(at: file) }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", "-c", pythonScript, file.path]
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    let errors = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    if process.terminationStatus == 127 {
        Issue.record("python3 is required for the interoperability tests (install python3): \(errors)")
    }
    try #require(process.terminationStatus == 0, "python3 failed: \(errors)")
    return try JSONDecoder().decode(PythonView.self, from: data)
}
