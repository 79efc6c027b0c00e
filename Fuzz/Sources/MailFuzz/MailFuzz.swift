import FrontlineMail
import Foundation

// libFuzzer entry point (libFuzzer supplies `main`). One input = one message's bytes:
// parse it with the standard limits, run the helpers the desk runs on what it parsed, then
// compose a reply from the parsed (attacker-controlled) fields and check the rendered bytes.
// A violated invariant traps (`fatalError`) so libFuzzer reports it as a crash and saves the input.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let mail: ParsedMail
    do {
        mail = try MailParser.parse(bytes, limits: .standard)
    } catch {
        return 0  // refused (over a limit): a valid outcome
    }

    _ = QuotedText.blocks(mail.bodyText)
    let subject = mail.subject ?? ""
    let stripped = SubjectLine.stripReplyPrefixes(subject)
    let tag = SubjectLine.caseTag(subject)
    _ = SubjectLine.removingCaseTag(stripped)

    // A reply as the desk would write one, every text field straight from the parsed message.
    let customer = mail.replyTo.first ?? mail.from ?? MailAddress(name: nil, address: "unknown@invalid")
    var quoted = "Hej!\n\nTack för ditt meddelande.\n\n"
    for line in mail.bodyText.split(separator: "\n", omittingEmptySubsequences: false) {
        quoted += "> " + line + "\n"
    }
    let extra = [
        MailHeader(name: "Auto-Submitted", rawValue: "auto-replied"),
        MailHeader(name: "X-Frontline-Original-Subject", rawValue: subject),
        MailHeader(name: "X-Frontline-Customer", rawValue: customer.name ?? customer.address),
    ]
    let reply = OutgoingMail(
        from: MailAddress(name: mail.to.first?.name ?? "Kundtjänst", address: "desk@desk.example.se"),
        to: [customer] + mail.replyTo.dropFirst(),
        cc: mail.cc,
        subject: "Re: " + stripped + " [" + (tag ?? "C-1") + "]",
        messageID: mail.messageID ?? "<c-1.1@desk.example.se>",
        inReplyTo: mail.messageID ?? mail.inReplyTo.first,
        references: mail.references + mail.inReplyTo,
        date: mail.date ?? Date(timeIntervalSince1970: 1_790_000_000),
        contentLanguage: mail.contentLanguage,
        body: quoted,
        extraHeaders: extra)
    let rendered = MailComposer.render(reply)
    check(rendered, reply: reply)
    return 0
}

/// The rendered message: no CR at all (LF line ends, so any CR would be a bare one); a header
/// section of `Name: value` lines and folded continuations, exactly the fields the composer
/// should write in its order (so no customer text added a header); no whitespace-only line
/// in it and no line over 998 bytes; a blank line, then a body.
func check(_ rendered: [UInt8], reply: OutgoingMail) {
    if let at = rendered.firstIndex(of: 0x0D) {
        fail("bare CR at byte \(at)", rendered)
    }
    var names: [String] = []
    var start = 0
    var endOfHeaders: Int? = nil
    while start < rendered.count {
        let end = rendered[start...].firstIndex(of: 0x0A) ?? rendered.count
        let line = rendered[start..<end]
        if line.isEmpty { endOfHeaders = end; break }
        if line.count > 998 { fail("header line of \(line.count) bytes", rendered) }
        if line.first == 0x20 || line.first == 0x09 {
            if names.isEmpty { fail("continuation before the first header", rendered) }
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { fail("whitespace-only folded line", rendered) }
        } else {
            guard let colon = line.firstIndex(of: 0x3A), colon > line.startIndex,
                  line[line.startIndex..<colon].allSatisfy({ $0 >= 0x21 && $0 <= 0x7E }) else {
                fail("not a header line: \(String(decoding: line, as: UTF8.self).debugDescription)", rendered)
            }
            let after = colon + 1
            if after < line.endIndex && line[after] != 0x20 { fail("no space after the colon", rendered) }
            names.append(String(decoding: line[line.startIndex..<colon], as: UTF8.self))
        }
        if line.contains(where: { ($0 < 0x20 && $0 != 0x09) || $0 == 0x7F }) {
            fail("control character in a header line", rendered)
        }
        start = end + 1
    }
    guard endOfHeaders != nil else { fail("no blank line after the headers", rendered) }

    // Exactly the fields the composer writes, in its order; To and Cc (an address too long for
    // a line is dropped, and with it perhaps the field), the ids and the language at most once.
    let optional: Set<String> = ["To", "Cc", "Message-ID", "In-Reply-To", "References", "Content-Language"]
    let expected = ["Date", "From", "Subject"] + reply.extraHeaders.map(\.name)
        + ["MIME-Version", "Content-Type", "Content-Transfer-Encoding"]
    if names.filter({ !optional.contains($0) }) != expected {
        fail("header fields \(names), expected \(expected) plus optional \(optional.sorted())", rendered)
    }
    for name in optional where names.filter({ $0 == name }).count > 1 {
        fail("\(name) twice", rendered)
    }
    if reply.cc.isEmpty && names.contains("Cc") { fail("Cc without addresses", rendered) }
}

func fail(_ why: String, _ rendered: [UInt8]) -> Never {
    let head = String(decoding: rendered.prefix(4000), as: UTF8.self)
    fatalError("MailComposer invariant: \(why)\n--- rendered (first 4000 bytes) ---\n\(head)")
}
