import Foundation

/// The optional "we have your message" mail for a new case: in the customer's language, with the
/// case id and the first-response target of its priority, at most `perAddressPerHour` to one
/// address, never to automatic mail, and itself marked `Auto-Submitted: auto-replied`.
public struct AcknowledgementPolicy: Sendable, Equatable {
    public var perAddressPerHour: Int
    /// First-response targets from config; a supervisor's run-time targets win over them.
    public var levels: ServiceLevels

    public init(perAddressPerHour: Int = 3, levels: ServiceLevels = ServiceLevels()) {
        self.perAddressPerHour = perAddressPerHour
        self.levels = levels
    }
}

public enum AcknowledgementText {
    public static func render(firstName: String, caseID: CaseID, target: TimeInterval, language: Language) -> String {
        let within = duration(target, language: language)
        switch language {
        case .en:
            return """
            Hello \(firstName),

            Thank you for writing to us. We have your message as case \(caseID), and you will hear from us within \(within). To add to it, simply reply to this mail.

            This message was sent automatically.
            """
        case .sv:
            return """
            Hej \(firstName),

            Tack för ditt meddelande. Vi har tagit emot det som ärende \(caseID), och du får svar från oss inom \(within). Vill du lägga till något svarar du bara på det här mejlet.

            Det här meddelandet skickades automatiskt.
            """
        case .fi:
            return """
            Hei \(firstName),

            Kiitos viestistäsi. Olemme kirjanneet sen tapaukseksi \(caseID), ja vastaamme sinulle \(within) kuluessa. Jos haluat lisätä jotain, vastaa vain tähän viestiin.

            Tämä viesti lähetettiin automaattisesti.
            """
        }
    }

    /// "24 hours" / "24 timmar" / "24 tunnin"; whole days from 48 hours up; minutes below an hour.
    static func duration(_ seconds: TimeInterval, language: Language) -> String {
        let minutes = Int((seconds / 60).rounded())
        let (n, unit): (Int, Int) = minutes < 60 ? (minutes, 0) : (minutes < 48 * 60 ? (Int((Double(minutes) / 60).rounded()), 1) : (Int((Double(minutes) / 1440).rounded()), 2))
        switch (language, unit) {
        case (.en, 0): return n == 1 ? "1 minute" : "\(n) minutes"
        case (.en, 1): return n == 1 ? "1 hour" : "\(n) hours"
        case (.en, _): return "\(n) days"
        case (.sv, 0): return n == 1 ? "1 minut" : "\(n) minuter"
        case (.sv, 1): return n == 1 ? "1 timme" : "\(n) timmar"
        case (.sv, _): return "\(n) dagar"
        case (.fi, 0): return "\(n) minuutin"
        case (.fi, 1): return "\(n) tunnin"
        case (.fi, _): return "\(n) päivän"
        }
    }
}

extension HelpDesk {
    /// The acknowledgement for a case about to be opened by `m`, or nil when none is due.
    func acknowledgement(for m: IncomingMail, caseID: CaseID, customer: Customer, settings: OutboundMailSettings,
                         now: Date) -> PendingChange? {
        guard let policy = settings.acknowledge, m.details.automatic == nil, m.details.quarantined == nil,
              let to = m.details.answerTo.first, to.address.contains("@"),
              to.address.lowercased() != settings.from.address.lowercased() else { return nil }
        let local = to.address.split(separator: "@").first.map { $0.lowercased() } ?? ""
        guard !["mailer-daemon", "postmaster", "noreply", "no-reply", "donotreply"].contains(local) else { return nil }
        let at = m.receivedAt ?? now
        let recent = (casesByCustomer[customer.id] ?? []).reduce(0) { sum, id in
            sum + (cases[id]?.messages.filter { msg in
                msg.direction == .outbound && msg.mail?.automatic == .autoReply && at.timeIntervalSince(msg.at) < 3600
                    && msg.mail?.to.contains { $0.address.lowercased() == to.address.lowercased() } == true
            }.count ?? 0)
        }
        guard recent < policy.perAddressPerHour else { return nil }
        let target = serviceLevelTargets[.normal] ?? policy.levels.target(for: .normal)
        let language = Language(code: customer.language)
        let body = AcknowledgementText.render(firstName: customer.firstName, caseID: caseID, target: target, language: language)
        let subject = m.caseSubject.isEmpty ? "(no subject)" : m.caseSubject
        let mail = MailDetails(
            messageID: Self.replyMessageID(caseID: caseID, sequence: lastSequence + 1, now: at, domain: settings.messageIDDomain),
            subject: "Re: \(subject) [\(caseID)]", from: settings.from, to: [to], date: at.roundedToMilliseconds,
            inReplyTo: m.details.messageID, references: Self.cappedReferences(m.details.references + [m.details.messageID]),
            automatic: .autoReply, delivery: MailDelivery(state: .queued))
        return PendingChange(caseID: caseID, change: .acknowledged(body: body, mail: mail), at: m.receivedAt)
    }
}
