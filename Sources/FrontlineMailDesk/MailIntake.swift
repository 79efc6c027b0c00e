import Foundation
import FrontlineCore
import FrontlineMail

/// Turns the bytes of one incoming message into what the desk is asked to do with it. Pure:
/// the same bytes always give the same answer, so a re-run after a crash changes nothing.
public enum MailIntake {
    public struct Settings: Sendable, Equatable {
        public var limits: MailLimits
        public var reopenWithin: TimeInterval
        /// A new customer's language when the mail names none.
        public var defaultLanguage: String
        /// Our loop marker (`X-Frontline-Loop` value): mail that carries it is our own, come back.
        public var loopMarker: String

        public init(limits: MailLimits = .standard, reopenWithin: TimeInterval = 30 * 86400,
                    defaultLanguage: String = "en", loopMarker: String) {
            self.limits = limits
            self.reopenWithin = reopenWithin
            self.defaultLanguage = defaultLanguage
            self.loopMarker = loopMarker
        }
    }

    public enum Decision: Sendable, Equatable {
        /// Give it to the desk (threaded, deduplicated and stored there).
        case take(IncomingMail)
        /// Deliberately not taken (our own mail coming back); exit 0 so the MTA forgets it.
        case ignore(String)
    }

    /// `envelopeSender` is the MTA's idea of the sender (Postfix's $SENDER), used when the
    /// message itself cannot be read.
    public static func read(_ delivered: [UInt8], envelopeSender: String?, settings: Settings) -> Decision {
        let raw = withoutEnvelopeLine(delivered)
        let parsed: ParsedMail
        do {
            parsed = try MailParser.parse(raw, limits: settings.limits)
        } catch {
            return .take(quarantined(raw, reason: error.description, envelopeSender: envelopeSender, settings: settings))
        }
        if let marker = parsed.header(ReplyRendering.loopHeader)?.trimmingCharacters(in: .whitespaces),
           marker.caseInsensitiveCompare(settings.loopMarker) == .orderedSame {
            return .ignore("our own mail came back (\(ReplyRendering.loopHeader): \(marker))")
        }
        let subject = parsed.subject ?? ""
        let from = parsed.from.map(party) ?? MailParty(name: nil, address: envelopeAddress(envelopeSender))
        var details = MailDetails(
            messageID: parsed.messageID ?? ContentDigest.synthesisedMessageID(for: raw),
            subject: subject, from: from, to: parsed.to.map(party), cc: parsed.cc.map(party),
            replyTo: parsed.replyTo.map(party), date: parsed.date,
            inReplyTo: parsed.inReplyTo.last, references: parsed.references,
            attachments: parsed.attachments.map { MailAttachmentInfo(name: $0.name, type: $0.type, size: $0.size) },
            automatic: parsed.automatic.flatMap { AutomaticMail(rawValue: $0.rawValue) },
            senderNotVerified: parsed.senderNotVerified)
        // An empty Reply-To equal to From says nothing; keep it only where it changes the answer.
        if details.replyTo.map({ $0.address.lowercased() }) == [from.address.lowercased()] { details.replyTo = [] }
        var bounceReason: String?
        if let report = parsed.deliveryReport {
            bounceReason = [report.status, report.diagnostic ?? report.action].compactMap { $0 }.joined(separator: " ")
            if bounceReason?.isEmpty == true { bounceReason = "bounced" }
        }
        let caseSubject = SubjectLine.removingCaseTag(SubjectLine.stripReplyPrefixes(subject)).trimmingCharacters(in: .whitespaces)
        return .take(IncomingMail(
            details: details, body: parsed.bodyText, caseSubject: caseSubject.isEmpty ? "(no subject)" : caseSubject,
            subjectTag: SubjectLine.caseTag(subject), bounceOf: parsed.deliveryReport?.originalMessageID,
            bounceReason: bounceReason, language: language(parsed.contentLanguage) ?? settings.defaultLanguage,
            reopenWithin: settings.reopenWithin, rawBytes: raw))
    }

    /// A message we cannot read is still a customer's: a case says so and the bytes are kept.
    static func quarantined(_ raw: [UInt8], reason: String, envelopeSender: String?, settings: Settings) -> IncomingMail {
        let sender = envelopeAddress(envelopeSender)
        let details = MailDetails(messageID: ContentDigest.synthesisedMessageID(for: raw), subject: "(quarantined)",
                                  from: MailParty(name: nil, address: sender), quarantined: reason)
        let body = "This message could not be read and is quarantined: \(reason). Its raw bytes are kept; `frontline raw CASE 1` prints them."
        return IncomingMail(details: details, body: body, caseSubject: "Quarantined mail from \(sender)",
                            language: settings.defaultLanguage, reopenWithin: settings.reopenWithin, rawBytes: raw)
    }

    /// A local delivery agent's pipe (Postfix local(8), procmail) starts the message with the
    /// mbox envelope line "From sender date": not part of the message, and it differs per
    /// delivery, so it goes before the bytes are kept and hashed.
    static func withoutEnvelopeLine(_ bytes: [UInt8]) -> [UInt8] {
        guard bytes.count > 5, bytes.starts(with: Array("From ".utf8)), let nl = bytes.firstIndex(of: 10) else { return bytes }
        return Array(bytes[(nl + 1)...])
    }

    static func party(_ a: MailAddress) -> MailParty { MailParty(name: a.name, address: a.address) }

    static func envelopeAddress(_ sender: String?) -> String {
        let s = (sender ?? "").trimmingCharacters(in: CharacterSet(charactersIn: "<> \t"))
        return s.isEmpty ? "unknown-sender" : s
    }

    /// "sv-SE, en" → "sv": the primary subtag of the first language, when it looks like one.
    static func language(_ header: String?) -> String? {
        guard let first = header?.split(separator: ",").first else { return nil }
        let tag = first.split(separator: "-").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
        guard (2...3).contains(tag.count), tag.allSatisfy({ $0.isASCII && $0.isLetter }) else { return nil }
        return tag
    }
}
