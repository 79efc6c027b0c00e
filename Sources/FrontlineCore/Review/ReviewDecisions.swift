import Foundation

/// The review commands' rules: who may review which reply, and the agent's answer to it.
extension HelpDesk {
    func decideReview(on c: SupportCase, message: Int, items: [ScoredItem], verdict: ReviewVerdict, note: String?, shoutOut: Bool,
                      action: String?, due: Date?, actor: String, now: Date) throws(CommandError) -> [PendingChange] {
        let ref = Review.reference(c.id, message)
        let messages = c.messages
        guard messages.indices.contains(message) else { throw CommandError(RefusalWords.shared.noSuchMessage, ["case": c.id, "n": "\(messages.count)", "reply": ref]) }
        let m = messages[message]
        guard m.isHumanReply else { throw CommandError(RefusalWords.shared.notAReply, ["reply": ref]) }
        if let done = c.review(of: message) { throw CommandError(RefusalWords.shared.alreadyReviewed, ["reply": ref, "when": ISOTime.format(done.at), "agent": done.by]) }
        guard m.author != actor else { throw CommandError(RefusalWords.shared.ownReply, ["reply": ref, "agent": actor]) }
        guard !items.isEmpty else { throw CommandError(RefusalWords.shared.reviewNeedsAnItem) }
        if let bad = items.first(where: { $0.item.weight < 0 || $0.item.name.isEmpty }) {
            throw CommandError(RefusalWords.shared.badScorecardItem, ["item": bad.item.name])
        }
        let said = note?.trimmingCharacters(in: .whitespacesAndNewlines)
        let words = said?.isEmpty == false ? said : nil
        var coaching: CoachingAction?
        switch verdict {
        case .praise:
            guard action == nil else { throw CommandError(RefusalWords.shared.praiseHasNoAction) }
        case .coach:
            guard words != nil else { throw CommandError(RefusalWords.shared.coachNeedsNote, ["agent": m.author]) }
            guard let text = action?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty else {
                throw CommandError(RefusalWords.shared.coachNeedsAction, ["agent": m.author])
            }
            guard let due, due > now else { throw CommandError(RefusalWords.shared.actionDueInTheFuture) }
            guard !shoutOut else { throw CommandError(RefusalWords.shared.shoutOutIsForPraise) }
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
        if let a = review.answer {
            let w = RefusalWords.shared
            throw CommandError(a.disputed == nil ? w.reviewAlreadyAcknowledged : w.reviewAlreadyDisputed, ["reply": ref, "when": ISOTime.format(a.at)])
        }
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
        guard let action = review.action else { throw CommandError(RefusalWords.shared.noActionItem, ["reply": ref]) }
        guard actor == review.agent || actor == review.by else { throw CommandError(RefusalWords.shared.actionIsTheAgents, ["reply": ref, "agent": review.agent]) }
        if let at = action.doneAt { throw CommandError(RefusalWords.shared.actionAlreadyDone, ["reply": ref, "when": ISOTime.format(at)]) }
        let said = outcome?.trimmingCharacters(in: .whitespacesAndNewlines)
        return [PendingChange(caseID: c.id, change: .coachingDone(message: message, outcome: said?.isEmpty == false ? said : nil))]
    }

    private func existingReview(on c: SupportCase, message: Int) throws(CommandError) -> Review {
        guard let r = c.review(of: message) else { throw CommandError(RefusalWords.shared.notReviewed, ["reply": Review.reference(c.id, message)]) }
        return r
    }
}
