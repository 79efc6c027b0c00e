import Foundation

/// Asking "how did we do?" by mail, and reading the answer.
extension HelpDesk {
    func decideFeedbackRequest(on c: SupportCase, cooldown: TimeInterval, expires: TimeInterval, now: Date,
                               outbound: OutboundMailSettings?) throws(CommandError) -> [PendingChange] {
        guard c.status == .solved, let solvedAt = c.solvedAt else { throw CommandError("\(c.id) is not solved: feedback is asked once it is") }
        if c.feedbackRequests.contains(where: { $0.at >= solvedAt }) { throw CommandError("\(c.id) was already asked how we did") }
        if c.ratings.contains(where: { $0.at >= solvedAt }) { throw CommandError("\(c.id) is already rated") }
        guard let settings = outbound, let customer = customers[c.customerID] else { throw CommandError("\(c.id): replies are not mailed on this desk") }
        if let why = Self.notToBeAsked(c, customer: customer, settings: settings) { throw CommandError("\(c.id): \(why)") }
        let since = now.addingTimeInterval(-cooldown)
        for id in casesByCustomer[customer.id] ?? [] {
            if let last = cases[id]?.feedbackRequests.last, last.at > since {
                throw CommandError("\(customer.name) was asked on \(ISOTime.format(last.at)) (\(id)): once per \(AgeFormat.chosen(cooldown)) at most")
            }
        }
        guard var mail = replyMail(on: c, settings: settings, now: now) else { throw CommandError("\(c.id) has no e-mail address to ask") }
        // Our automatic mail says so (RFC 3834): an out-of-office does not answer it; people do.
        mail.automatic = .autoReply
        let credited = c.repliedBy
        let body = settings.templates.feedbackRequest(on: c, customer: customer, agent: credited.last ?? settings.from.name ?? "Support",
                                                      timeZone: Self.noticeTimeZone)
        return [PendingChange(caseID: c.id, change: .feedbackRequested(body: body, mail: mail, credited: credited,
                                                                      expires: now.addingTimeInterval(expires).roundedToMilliseconds))]
    }

    /// Why this customer is not asked: a machine wrote to us, or there is nowhere to write.
    static func notToBeAsked(_ c: SupportCase, customer: Customer, settings: OutboundMailSettings) -> String? {
        // Asked by mail when they wrote by mail; on the phone or in chat the agent asks (frontline feedback).
        guard let last = c.messages.last(where: { $0.direction == .inbound })?.mail else { return "they did not write by e-mail: not asked by mail" }
        if let kind = last.automatic { return "the last mail was automatic (\(kind.rawValue)): not asked" }
        let address = (last.answerTo.first?.address ?? customer.email).lowercased()
        guard address.contains("@"), address != settings.from.address.lowercased() else { return "no e-mail address to ask" }
        if Message.isMachineAddress(address) { return "\(address) is an automatic sender: not asked" }
        return nil
    }

    /// The request `m` answers, if it is a person's answer to one still open on `c`.
    func feedbackRequestAnswered(by m: IncomingMail, on c: SupportCase, at: Date) -> FeedbackRequest? {
        guard m.details.automatic == nil else { return nil }
        let refs = Set([m.details.inReplyTo].compactMap { $0 } + m.details.references)
        return c.feedbackRequests.last { refs.contains($0.messageID) && $0.answeredAt == nil && $0.expires > at }
    }

    /// A mailed answer with a rating in it: stored without reopening, rated with the credit fixed
    /// when we asked. Nil when the mail holds no rating (then it is ordinary mail on the case).
    func decideFeedbackAnswer(_ m: IncomingMail, on c: SupportCase, now: Date) -> [PendingChange]? {
        let at = m.receivedAt ?? now
        guard let request = feedbackRequestAnswered(by: m, on: c, at: at), let answer = FeedbackAnswer.read(m.body),
              let rated = try? rating(on: c, score: answer.score, comment: answer.comment, credited: request.credited, now: at) else { return nil }
        return [PendingChange(caseID: c.id, change: .feedbackAnswered(body: m.body, mail: m.details, request: request.messageID), at: m.receivedAt)]
            + rated.map { PendingChange(caseID: $0.caseID, change: $0.change, at: m.receivedAt) }
    }
}
