import Foundation

/// How a reply goes back to the customer as mail: to the Reply-To (else From) of their last
/// mail, keeping its Cc, "Re: subject [C-123]" with the tag exactly once, threaded under their
/// last message. Pure, so the same reply always gets the same headers.
extension HelpDesk {
    /// Nil when the case has no address to write to (a phone case without e-mail).
    func replyMail(on c: SupportCase, settings: OutboundMailSettings, now: Date) -> MailDetails? {
        let lastMail = c.messages.last { $0.direction == .inbound && $0.mail != nil && $0.mail?.automatic == nil }?.mail
        let customerAddress = customers[c.customerID]?.email ?? ""
        var to = lastMail?.answerTo ?? []
        if to.isEmpty {
            guard !customerAddress.isEmpty else { return nil }
            to = [MailParty(name: customers[c.customerID]?.name, address: customerAddress)]
        }
        let ours = settings.from.address.lowercased()
        let toAddresses = Set(to.map { $0.address.lowercased() })
        let cc = (lastMail?.cc ?? []).filter { let a = $0.address.lowercased(); return a != ours && !toAddresses.contains(a) && !a.isEmpty }
        var references = lastMail?.references ?? []
        if let parent = lastMail?.messageID { references.append(parent) }
        return MailDetails(
            messageID: Self.replyMessageID(caseID: c.id, sequence: lastSequence + 1, now: now, domain: settings.messageIDDomain),
            subject: "Re: \(c.subject) [\(c.id)]", from: settings.from, to: to, cc: cc,
            date: now.roundedToMilliseconds, inReplyTo: lastMail?.messageID, references: Self.cappedReferences(references),
            delivery: MailDelivery(state: .queued))
    }

    /// `<C-1042.1764584400123.5012@example.com>`: unique on this desk (the sequence number) and
    /// recognisably ours (the domain) when a customer's client quotes it back.
    static func replyMessageID(caseID: CaseID, sequence: UInt64, now: Date, domain: String) -> String {
        let ms = Int64((now.timeIntervalSince1970 * 1000).rounded())
        return "<\(caseID).\(ms).\(sequence)@\(domain)>"
    }

    /// RFC 5322 §3.6.4 practice for long threads: keep the first reference and the newest ones.
    public static func cappedReferences(_ refs: [String], max: Int = 20) -> [String] {
        var seen = Set<String>()
        let unique = refs.filter { seen.insert($0).inserted }
        guard unique.count > max, max >= 2 else { return unique }
        return [unique[0]] + unique.suffix(max - 1)
    }
}
