import Foundation

/// Asking "how did we do?" by mail, and reading the answer.
extension HelpDesk {
    func decideFeedbackRequest(on c: SupportCase, cooldown: TimeInterval, expires: TimeInterval, now: Date,
                               outbound: OutboundMailSettings?) throws(CommandError) -> [PendingChange] {
        let w = RefusalWords.shared
        guard c.status == .solved, let solvedAt = c.solvedAt else { throw CommandError(w.feedbackNotSolved, ["case": c.id]) }
        if c.feedbackRequests.contains(where: { $0.at >= solvedAt }) { throw CommandError(w.feedbackAlreadyAsked, ["case": c.id]) }
        if c.ratings.contains(where: { $0.at >= solvedAt }) { throw CommandError(w.alreadyRated, ["case": c.id]) }
        guard let settings = outbound, let customer = customers[c.customerID] else { throw CommandError(w.repliesNotMailed, ["case": c.id]) }
        if let why = Self.notToBeAsked(c, customer: customer, settings: settings) { throw CommandError(why.phrase, why.values) }
        let since = now.addingTimeInterval(-cooldown)
        for id in casesByCustomer[customer.id] ?? [] {
            if let last = cases[id]?.feedbackRequests.last, last.at > since {
                throw CommandError(w.askedRecently, ["when": ISOTime.format(last.at), "case": id, "cooldown": AgeFormat.chosen(cooldown),
                                                     "customer": customer.name])
            }
        }
        guard var mail = replyMail(on: c, settings: settings, now: now) else { throw CommandError(w.caseHasNoAddressToAsk, ["case": c.id]) }
        // Our automatic mail says so (RFC 3834): an out-of-office does not answer it; people do.
        mail.automatic = .autoReply
        let credited = c.repliedBy
        let body = settings.templates.feedbackRequest(on: c, customer: customer, agent: credited.last ?? settings.from.name ?? "Support",
                                                      timeZone: Self.noticeTimeZone)
        return [PendingChange(caseID: c.id, change: .feedbackRequested(body: body, mail: mail, credited: credited,
                                                                      expires: now.addingTimeInterval(expires).roundedToMilliseconds))]
    }

    /// Why this customer is not asked: a machine wrote to us, or there is nowhere to write.
    /// Worded for the refusal ("C-12: no e-mail address to ask"), the case's id as `{case}`.
    static func notToBeAsked(_ c: SupportCase, customer: Customer,
                             settings: OutboundMailSettings) -> (phrase: Phrase, values: KeyValuePairs<String, String>)? {
        let w = RefusalWords.shared
        // Asked by mail when they wrote by mail; on the phone or in chat the agent asks (frontline feedback).
        guard let last = c.messages.last(where: { $0.direction == .inbound })?.mail else { return (w.notWrittenByMail, ["case": c.id]) }
        if let kind = last.automatic { return (w.lastMailAutomatic, ["case": c.id, "kind": kind.rawValue]) }
        let address = (last.answerTo.first?.address ?? customer.email).lowercased()
        guard address.contains("@"), address != settings.from.address.lowercased() else { return (w.noAddressToAsk, ["case": c.id]) }
        if Message.isMachineAddress(address) { return (w.automaticSender, ["case": c.id, "address": address]) }
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
