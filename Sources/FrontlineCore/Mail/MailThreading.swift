import Foundation

/// Where an incoming e-mail belongs. In order: our subject tag `[C-123]`, but only from that
/// case's own customer (nobody appends to a stranger's case by typing its number, as osTicket
/// holds); then In-Reply-To / References against every Message-ID we sent or received; else a
/// new case. The same Message-ID twice is stored once; a bounce of our reply marks that reply.
extension HelpDesk {
    func decideMail(_ m: IncomingMail, now: Date, outbound: OutboundMailSettings? = nil) throws(CommandError) -> [PendingChange] {
        let id = m.details.messageID
        guard !id.isEmpty else { throw CommandError("the mail has no Message-ID (intake synthesises one)") }
        if caseID(forMessageID: id) != nil { return [] }   // the same message again: stored once already
        let at = m.receivedAt
        let body = m.body
        if m.details.automatic == .bounce, let ours = m.bounceOf, let caseID = caseID(forMessageID: ours),
           cases[caseID]?.messages.contains(where: { $0.direction == .outbound && $0.mail?.messageID == ours }) == true {
            return [
                PendingChange(caseID: caseID, change: .mailReceived(body: body, mail: m.details), at: at),
                PendingChange(caseID: caseID, change: .deliveryFailed(messageID: ours, error: m.bounceReason ?? "bounced", retryAt: nil), at: at),
            ]
        }
        var notes: [String] = []
        if let target = threadTarget(m, notes: &notes) {
            let c = cases[target]!
            // "5, quick and kind": the answer to our feedback request, however long after solving.
            if let answered = decideFeedbackAnswer(m, on: c, now: now) { return answered }
            let solvedLongAgo = c.status == .solved && (c.solvedAt ?? now).addingTimeInterval(m.reopenWithin) < (at ?? now)
            if !solvedLongAgo || m.details.automatic != nil {
                return [PendingChange(caseID: target, change: .mailReceived(body: body, mail: m.details), at: at)]
            }
            notes.append("follows \(target), solved \(AgeFormat.compact((at ?? now).timeIntervalSince(c.solvedAt ?? now))) ago: a reply after the reopen window opens a new case")
        }
        return newMailCase(m, notes: notes, now: now, outbound: outbound)
    }

    /// The case this mail answers, if any; `notes` collects why a tag was not followed.
    private func threadTarget(_ m: IncomingMail, notes: inout [String]) -> CaseID? {
        if let tag = m.subjectTag, let c = cases[tag] {
            let customer = customers[c.customerID]?.email.lowercased() ?? ""
            if !customer.isEmpty, customer == m.details.from.address.lowercased() { return tag }
            notes.append("the subject names \(tag), but \(m.details.from.address) is not that case's customer, so it was not added there")
        }
        let ids = [m.details.inReplyTo].compactMap { $0 } + m.details.references.reversed()
        for ref in ids {
            if let found = caseID(forMessageID: ref) { return found }
        }
        return nil
    }

    private func newMailCase(_ m: IncomingMail, notes: [String], now: Date, outbound: OutboundMailSettings?) -> [PendingChange] {
        let address = m.details.from.address.trimmingCharacters(in: .whitespaces)
        let known = customerID(forEmail: address).flatMap { address.isEmpty ? nil : $0 }
        let customerID = known ?? nextCustomerID
        let existing = customers[customerID]
        let name = Self.displayName(m.details.from, fallback: existing?.name)
        let since = (existing?.since ?? (m.receivedAt ?? now)).roundedToMilliseconds
        let customer = Customer(id: customerID, name: name, email: address, language: existing?.language ?? m.language, since: since)
        let caseID = nextCaseID
        let subject = m.caseSubject.trimmingCharacters(in: .whitespacesAndNewlines)
        var changes = [
            PendingChange(caseID: caseID, change: .caseOpened(customer: customer, subject: subject.isEmpty ? "(no subject)" : subject,
                                                              channel: .email, priority: .normal), at: m.receivedAt),
            PendingChange(caseID: caseID, change: .mailReceived(body: m.body, mail: m.details), at: m.receivedAt),
        ]
        for note in notes { changes.append(PendingChange(caseID: caseID, change: .noteAdded(body: note), at: m.receivedAt)) }
        if let settings = outbound, let ack = acknowledgement(for: m, caseID: caseID, customer: customer, settings: settings, now: now) {
            changes.append(ack)
        }
        return changes
    }

    /// The sender's display name, else what we already call them, else the address's local part.
    static func displayName(_ party: MailParty, fallback: String?) -> String {
        if let n = party.name?.trimmingCharacters(in: .whitespacesAndNewlines), !n.isEmpty { return n }
        if let fallback, !fallback.isEmpty { return fallback }
        let local = party.address.split(separator: "@").first.map(String.init) ?? ""
        return local.isEmpty ? "(unknown sender)" : local
    }
}
