import Foundation
import FrontlineCore
import FrontlineMail
import FrontlineTUI

/// What the history pane shows of a message's e-mail side: new text first with quoted history
/// and signature folded ("⋯ 14 quoted lines"), who sent it (and Reply-To/Cc when they matter),
/// attachments, automatic-mail and trust markers, and how our reply is getting on.
enum MailThreadLines {
    /// The body to show: with `showQuoted` off, quoted blocks and the signature become one
    /// folded line each; returns the text and the folded-line notes.
    static func visibleBody(_ body: String, showQuoted: Bool, _ l: UILanguage = UILanguage.current) -> (text: String, folded: [String]) {
        guard !showQuoted else { return (body, []) }
        let w = Words.mail
        var shown: [String] = []
        var folded: [String] = []
        for block in QuotedText.blocks(body) {
            switch block.kind {
            case .text: shown += block.lines
            case .quoted: folded.append((block.lines.count == 1 ? w.quotedLine : w.quotedLines)(l, ["n": "\(block.lines.count)"]))
            case .signature: folded.append((block.lines.count == 1 ? w.signatureLine : w.signatureLines)(l, ["n": "\(block.lines.count)"]))
            }
        }
        while shown.last?.trimmingCharacters(in: .whitespaces).isEmpty == true { shown.removeLast() }
        return (shown.joined(separator: "\n"), folded)
    }

    /// Every attachment of the case, in the order the pane numbers them (from 1).
    static func attachments(_ c: SupportCase) -> [(message: Int, index: Int, info: MailAttachmentInfo)] {
        var out: [(Int, Int, MailAttachmentInfo)] = []
        for (m, message) in c.messages.enumerated() where message.direction == .inbound {
            for (i, a) in (message.mail?.attachments ?? []).enumerated() { out.append((m, i, a)) }
        }
        return out
    }

    /// The dim lines under a customer's mail; its attachments are numbered from `firstNumber`.
    static func inbound(_ mail: MailDetails, width: Int, firstNumber: Int = 1, _ l: UILanguage = UILanguage.current) -> [StyledLine] {
        let w = Words.mail
        var out: [StyledLine] = []
        var who = w.from(l, ["who": TextSanitiser.singleLine(mail.from.display)])
        if !mail.replyTo.isEmpty { who += w.replyTo(l, ["addresses": mail.replyTo.map { TextSanitiser.singleLine($0.address) }.joined(separator: ", ")]) }
        if !mail.cc.isEmpty { who += " · cc " + mail.cc.map { TextSanitiser.singleLine($0.address) }.joined(separator: ", ") }
        out += wrapped(who, width: width, firstPrefix: "  ", indent: 4, role: .dim, prefixRole: .dim)
        for (i, a) in mail.attachments.enumerated() {
            let line = "\(firstNumber + i). \(TextSanitiser.singleLine(a.name)) · \(TextSanitiser.singleLine(a.type)) · \(byteSize(a.size))"
            out += wrapped(line, width: width, firstPrefix: "  ▪ ", indent: 4, role: .dim, prefixRole: .accent)
        }
        if let q = mail.quarantined {
            out += wrapped(w.quarantined(l, ["why": TextSanitiser.singleLine(q)]), width: width, firstPrefix: "  ⛔ ", indent: 4, role: .slaBreached, prefixRole: .slaBreached)
        }
        switch mail.automatic {
        case .autoReply?: out.append(StyledLine(w.autoReply(l), .dim))
        case .bounce?: out.append(StyledLine(w.bounce(l), .slaAtRisk))
        case .bulk?: out.append(StyledLine(w.bulk(l), .dim))
        case nil: break
        }
        if mail.senderNotVerified {
            out.append(StyledLine(w.notVerified(l), .slaAtRisk))
        }
        return out
    }

    /// The line under one of our mailed replies.
    static func outbound(_ mail: MailDetails, width: Int, time: TimeText, now: Date, _ l: UILanguage = UILanguage.current) -> [StyledLine] {
        let w = Words.mail
        let to = mail.to.map { TextSanitiser.singleLine($0.address) }.joined(separator: ", ")
        let cc = mail.cc.isEmpty ? "" : " · cc " + mail.cc.map { TextSanitiser.singleLine($0.address) }.joined(separator: ", ")
        guard let d = mail.delivery else { return [] }
        let text: String, role: ThemeRole
        switch d.state {
        // The server's error is filled in last: a "{name}" in it stays as it came.
        case .queued:
            (text, role) = (w.queued(l, ["to": to + cc]), .dim)
        case .delivered:
            (text, role) = (w.delivered(l, ["when": d.at.map { time.stamp($0, now: now) } ?? "", "to": to + cc]), .dim)
        case .retrying:
            let next = d.nextAttempt.map { w.retryAt(l, ["when": time.stamp($0, now: now)]) } ?? ""
            (text, role) = (w.retrying(l, ["n": "\(d.attempts)", "next": next, "to": to + cc, "error": TextSanitiser.singleLine(d.error ?? "?")]), .slaAtRisk)
        case .failed:
            (text, role) = (w.failed(l, ["to": to + cc, "error": TextSanitiser.singleLine(d.error ?? "?")]), .slaBreached)
        }
        return wrapped(text, width: width, firstPrefix: "  ", indent: 4, role: role, prefixRole: role)
    }

    /// 1,234 B · 12 KB · 3.4 MB
    static func byteSize(_ n: Int) -> String {
        if n < 1024 { return "\(n) B" }
        if n < 1024 * 1024 { return "\((n + 512) / 1024) KB" }
        return String(format: "%.1f MB", Double(n) / 1_048_576)
    }

    /// Changes whenever a delivery state does: part of the thread layout's cache key.
    static func deliveryStamp(_ c: SupportCase) -> Int {
        c.messages.reduce(0) { $0 + ($1.mail?.delivery?.attempts ?? 0) }
    }
}
