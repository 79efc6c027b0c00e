import Foundation

/// The review commands' rules: who may review which reply, and the agent's answer to it.
extension HelpDesk {
    func decideReview(on c: SupportCase, message: Int, items: [ScoredItem], verdict: ReviewVerdict, note: String?, shoutOut: Bool,
                      action: String?, due: Date?, actor: String, now: Date) throws(CommandError) -> [PendingChange] {
        let ref = Review.reference(c.id, message)
        let messages = c.messages
        guard messages.indices.contains(message) else { throw CommandError("\(c.id) has \(messages.count) messages; there is no \(ref)") }
        let m = messages[message]
        guard m.isHumanReply else { throw CommandError(RefusalWords.shared.notAReply, ["reply": ref]) }
        if let done = c.review(of: message) { throw CommandError("\(ref) was already reviewed by \(done.by) (\(ISOTime.format(done.at)))") }
        guard m.author != actor else { throw CommandError(RefusalWords.shared.ownReply, ["reply": ref, "agent": actor]) }
        guard !items.isEmpty else { throw CommandError("a review scores at least one item of the scorecard") }
        if let bad = items.first(where: { $0.item.weight < 0 || $0.item.name.isEmpty }) {
            throw CommandError("scorecard item \"\(bad.item.name)\" needs a name and a weight of 0 or more")
        }
        let said = note?.trimmingCharacters(in: .whitespacesAndNewlines)
        let words = said?.isEmpty == false ? said : nil
        var coaching: CoachingAction?
        switch verdict {
        case .praise:
            guard action == nil else { throw CommandError("praise has no action item: coach instead") }
        case .coach:
            guard words != nil else { throw CommandError(RefusalWords.shared.coachNeedsNote, ["agent": m.author]) }
            guard let text = action?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty else {
                throw CommandError("coaching needs an action item for \(m.author), with a due date")
            }
            guard let due, due > now else { throw CommandError("the action item's due date must be in the future") }
            guard !shoutOut else { throw CommandError("a shout-out on the wallboard is for praise") }
            coaching = CoachingAction(text: text, due: due.roundedToMilliseconds)
        }
        let review = Review(message: message, agent: m.author, by: actor, at: now, items: items, verdict: verdict, note: words,
                            shoutOut: shoutOut, action: coaching, flags: ReviewQueue.flags(on: c, agent: m.author, since: .distantPast))
        return [PendingChange(caseID: c.id, change: .replyReviewed(review: review))]
    }

    func decideReviewAnswer(on c: SupportCase, message: Int, dispute: String?, actor: String) throws(CommandError) -> [PendingChange] {
        let review = try existingReview(on: c, message: message)
        let ref = Review.reference(c.id, message)
        guard review.agent == actor else { throw CommandError(RefusalWords.shared.onlyAgentAnswers, ["agent": review.agent, "reply": ref]) }
        if let a = review.answer { throw CommandError("\(ref)'s review was already \(a.disputed == nil ? "acknowledged" : "disputed") (\(ISOTime.format(a.at)))") }
        var why: String?
        if let dispute {
            why = dispute.trimmingCharacters(in: .whitespacesAndNewlines)
            guard why?.isEmpty == false else { throw CommandError(RefusalWords.shared.sayWhyDispute, ["agent": review.by]) }
        }
        return [PendingChange(caseID: c.id, change: .reviewAnswered(message: message, disputed: why))]
    }

    func decideCoachingDone(on c: SupportCase, message: Int, outcome: String?, actor: String) throws(CommandError) -> [PendingChange] {
        let review = try existingReview(on: c, message: message)
        let ref = Review.reference(c.id, message)
        guard let action = review.action else { throw CommandError("\(ref)'s review has no action item (it was praise)") }
        guard actor == review.agent || actor == review.by else { throw CommandError("\(ref)'s action item is \(review.agent)'s to mark done") }
        if let at = action.doneAt { throw CommandError("\(ref)'s action item was already done (\(ISOTime.format(at)))") }
        let said = outcome?.trimmingCharacters(in: .whitespacesAndNewlines)
        return [PendingChange(caseID: c.id, change: .coachingDone(message: message, outcome: said?.isEmpty == false ? said : nil))]
    }

    private func existingReview(on c: SupportCase, message: Int) throws(CommandError) -> Review {
        guard let r = c.review(of: message) else { throw CommandError("\(Review.reference(c.id, message)) has not been reviewed") }
        return r
    }
}
