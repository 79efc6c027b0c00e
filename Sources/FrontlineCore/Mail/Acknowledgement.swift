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

/// The bundled acknowledgement per language: the template `acknowledgement`, which a team may
/// replace. Placeholders: {first_name}, {case}, {within} (the first-response target, written out).
public enum AcknowledgementText {
    static func template(_ language: Language) -> String {
        switch language {
        case .en:
            "Hello {first_name},\n\nThank you for writing to us. We have your message as case {case}, and you will hear from us within {within}. To add to it, simply reply to this mail.\n\nThis message was sent automatically."
        case .sv:
            "Hej {first_name},\n\nTack för ditt meddelande. Vi har tagit emot det som ärende {case}, och du får svar från oss inom {within}. Vill du lägga till något svarar du bara på det här mejlet.\n\nDet här meddelandet skickades automatiskt."
        case .fi:
            "Hei {first_name},\n\nKiitos viestistäsi. Olemme kirjanneet sen tapaukseksi {case}, ja vastaamme sinulle {within} kuluessa. Jos haluat lisätä jotain, vastaa vain tähän viestiin.\n\nTämä viesti lähetettiin automaattisesti."
        }
    }

    static var bundled: [ReplyTemplate] { Language.allCases.map { ReplyTemplate(name: "acknowledgement", language: $0, text: template($0)) } }

    public static func render(firstName: String, caseID: CaseID, target: TimeInterval, language: Language,
                              templates: TemplateLibrary = .bundled) -> String {
        let t = templates.named("acknowledgement", language: language)
            ?? ReplyTemplate(name: "acknowledgement", language: language, text: template(language))
        return t.filled(["first_name": firstName, "case": caseID, "within": duration(target, language: language)])
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
        guard !Message.isMachineAddress(to.address) else { return nil }
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
        let body = AcknowledgementText.render(firstName: customer.firstName, caseID: caseID, target: target, language: language,
                                              templates: settings.templates)
        let subject = m.caseSubject.isEmpty ? "(no subject)" : m.caseSubject
        let mail = MailDetails(
            messageID: Self.replyMessageID(caseID: caseID, sequence: lastSequence + 1, now: at, domain: settings.messageIDDomain),
            subject: "Re: \(subject) [\(caseID)]", from: settings.from, to: [to], date: at.roundedToMilliseconds,
            inReplyTo: m.details.messageID, references: Self.cappedReferences(m.details.references + [m.details.messageID]),
            automatic: .autoReply, delivery: MailDelivery(state: .queued))
        return PendingChange(caseID: caseID, change: .acknowledged(body: body, mail: mail), at: m.receivedAt)
    }
}
