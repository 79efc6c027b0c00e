import Foundation
import FrontlineCore
import FrontlineMail

/// Turns one of our journaled replies into the exact bytes that go to the customer. Pure and
/// deterministic: a retry after a crash sends the same message with the same Message-ID.
public struct ReplyRendering: Sendable {
    public var signature: String?
    public var quote: Bool
    /// Every message we send carries this header, so our own mail coming back is recognised.
    public static let loopHeader = "X-Frontline-Loop"

    public init(signature: String? = nil, quote: Bool = true) {
        self.signature = signature
        self.quote = quote
    }

    /// The loop marker's value for a desk: its Message-ID domain.
    public static func loopMarker(domain: String) -> String { "frontline@\(domain)" }

    /// The message for the reply with `messageID` on case `c`; nil when there is no such mailed reply.
    public func render(messageID: String, on c: SupportCase, desk: HelpDesk) -> [UInt8]? {
        guard let index = c.messages.lastIndex(where: { $0.direction == .outbound && $0.mail?.messageID == messageID }),
              let mail = c.messages[index].mail else { return nil }
        let reply = c.messages[index]
        var body = reply.body
        // Our automatic mail (an acknowledgement) says so (RFC 3834), with no signature or quote.
        let automatic = mail.automatic != nil
        if !automatic, let signature, !signature.isEmpty {
            body += "\n\n-- \n" + signature.replacingOccurrences(of: "{agent}", with: reply.author)
        }
        if quote, !automatic, let original = c.messages[..<index].last(where: { $0.direction == .inbound && $0.mail?.automatic == nil }) {
            body += "\n\n" + Self.attribution(original) + "\n" + Self.quoted(Self.quotable(original.body))
        }
        let language = desk.customer(of: c)?.language
        let domain = mail.from.address.split(separator: "@").last.map(String.init) ?? "localhost"
        let outgoing = OutgoingMail(
            from: MailAddress(name: mail.from.name, address: mail.from.address),
            to: mail.to.map { MailAddress(name: $0.name, address: $0.address) },
            cc: mail.cc.map { MailAddress(name: $0.name, address: $0.address) },
            subject: mail.subject, messageID: mail.messageID, inReplyTo: mail.inReplyTo, references: mail.references,
            date: mail.date ?? reply.at, contentLanguage: language, body: body,
            extraHeaders: [MailHeader(name: Self.loopHeader, rawValue: Self.loopMarker(domain: domain))]
                + (automatic ? [MailHeader(name: "Auto-Submitted", rawValue: "auto-replied"), MailHeader(name: "X-Auto-Response-Suppress", rawValue: "All")] : []))
        return MailComposer.render(outgoing)
    }

    /// "On 12 Nov 2026 10:02, Åsa Lindqvist wrote:" (English whatever the language: it is a
    /// quotation header, and every mail client folds it).
    static func attribution(_ m: Message) -> String {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "UTC")
        f.dateFormat = "d MMM yyyy HH:mm 'UTC'"
        let who = m.mail.map { $0.from.name.map { "\($0) <\(m.mail!.from.address)>" } ?? $0.from.address } ?? m.author
        return "On \(f.string(from: m.at)), \(who) wrote:"
    }

    /// At most the first 200 lines (or 64 KiB) of the customer's message go below a reply: a
    /// quote is a reminder, and a megabyte of it would be mailed back with every answer.
    static func quotable(_ text: String) -> String {
        var lines = text.split(separator: "\n", maxSplits: 200, omittingEmptySubsequences: false)
        var cut = lines.count > 200
        if cut { lines = Array(lines.prefix(200)) }
        var kept = lines.joined(separator: "\n")
        if kept.utf8.count > 65_536 { kept = String(kept.prefix(65_536)); cut = true }
        return cut ? kept + "\n[…]" : kept
    }

    static func quoted(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.isEmpty ? ">" : "> " + $0 }
            .joined(separator: "\n")
    }
}
