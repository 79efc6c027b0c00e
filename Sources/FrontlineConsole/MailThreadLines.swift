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
    static func visibleBody(_ body: String, showQuoted: Bool) -> (text: String, folded: [String]) {
        guard !showQuoted else { return (body, []) }
        var shown: [String] = []
        var folded: [String] = []
        for block in QuotedText.blocks(body) {
            switch block.kind {
            case .text: shown += block.lines
            case .quoted: folded.append("⋯ \(block.lines.count) quoted line\(block.lines.count == 1 ? "" : "s")")
            case .signature: folded.append("⋯ signature, \(block.lines.count) line\(block.lines.count == 1 ? "" : "s")")
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
    static func inbound(_ mail: MailDetails, width: Int, firstNumber: Int = 1) -> [StyledLine] {
        var out: [StyledLine] = []
        var who = "from " + TextSanitiser.singleLine(mail.from.display)
        if !mail.replyTo.isEmpty { who += " · reply-to " + mail.replyTo.map { TextSanitiser.singleLine($0.address) }.joined(separator: ", ") }
        if !mail.cc.isEmpty { who += " · cc " + mail.cc.map { TextSanitiser.singleLine($0.address) }.joined(separator: ", ") }
        out += wrapped(who, width: width, firstPrefix: "  ", indent: 4, role: .dim, prefixRole: .dim)
        for (i, a) in mail.attachments.enumerated() {
            let line = "\(firstNumber + i). \(TextSanitiser.singleLine(a.name)) · \(TextSanitiser.singleLine(a.type)) · \(byteSize(a.size))"
            out += wrapped(line, width: width, firstPrefix: "  ▪ ", indent: 4, role: .dim, prefixRole: .accent)
        }
        if let q = mail.quarantined {
            out += wrapped("quarantined: \(TextSanitiser.singleLine(q)) (raw bytes kept: frontline raw)", width: width, firstPrefix: "  ⛔ ", indent: 4, role: .slaBreached, prefixRole: .slaBreached)
        }
        switch mail.automatic {
        case .autoReply?: out.append(StyledLine("  ⚙ automatic reply: never answered automatically", .dim))
        case .bounce?: out.append(StyledLine("  ⚠ delivery report (bounce)", .slaAtRisk))
        case .bulk?: out.append(StyledLine("  ⚙ bulk / list mail", .dim))
        case nil: break
        }
        if mail.senderNotVerified {
            out.append(StyledLine("  ⚠ sender not verified (DMARC/SPF failed at our mail server)", .slaAtRisk))
        }
        return out
    }

    /// The line under one of our mailed replies.
    static func outbound(_ mail: MailDetails, width: Int, time: TimeText, now: Date) -> [StyledLine] {
        let to = mail.to.map { TextSanitiser.singleLine($0.address) }.joined(separator: ", ")
        let cc = mail.cc.isEmpty ? "" : " · cc " + mail.cc.map { TextSanitiser.singleLine($0.address) }.joined(separator: ", ")
        guard let d = mail.delivery else { return [] }
        let text: String, role: ThemeRole
        switch d.state {
        case .queued:
            (text, role) = ("✉ to \(to)\(cc) · queued", .dim)
        case .delivered:
            (text, role) = ("✉ to \(to)\(cc) · delivered \(d.at.map { time.stamp($0, now: now) } ?? "")", .dim)
        case .retrying:
            let next = d.nextAttempt.map { " · retry \(time.stamp($0, now: now))" } ?? ""
            (text, role) = ("✉ to \(to)\(cc) · not delivered yet (\(d.attempts)×): \(TextSanitiser.singleLine(d.error ?? "?"))\(next)", .slaAtRisk)
        case .failed:
            (text, role) = ("✉ to \(to)\(cc) · NOT DELIVERED: \(TextSanitiser.singleLine(d.error ?? "?")) — reply again or call the customer", .slaBreached)
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
