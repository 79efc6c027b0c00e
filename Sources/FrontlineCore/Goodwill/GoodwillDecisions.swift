import Foundation

/// Deciding offers and answers to requests for approval: one definition for the console, the
/// command line and the team server.
extension HelpDesk {
    func decideOffer(on c: SupportCase, kind: OfferKind, value: OfferValue, reason: String, recovery: Bool,
                     actor: String, now: Date, authority: GoodwillAuthority) throws(CommandError) -> [PendingChange] {
        let why = try required(reason, "reason for the \(kind.label)")
        guard let customer = customers[c.customerID] else { throw CommandError(RefusalWords.shared.noCustomerOnRecord, ["case": c.id]) }
        switch (kind.measure, value) {
        case (.percent, .percent(1...100)), (.money, .money), (.item, .item), (.none, .none): break
        // Worded per kind ("a refund is an amount, …"): each kind's own measure.
        case (.percent, _), (.money, _), (.item, _), (.none, _): throw CommandError(RefusalWords.shared.valueOf(kind))
        }
        if case let .money(m) = value, m.minorUnits <= 0 {
            throw RefusalWords.shared.moreThanNothing(kind).map { CommandError($0) } ?? CommandError("a \(kind.label) must be more than nothing")
        }
        let ledger = GoodwillLedger(desk: self, currency: authority.currency)
        var offer = Offer(id: (c.offers.map(\.id).max() ?? 0) + 1, kind: kind, value: value, reason: why, by: actor,
                          at: now.roundedToMilliseconds, customerID: customer.id, recovery: recovery)
        switch authority.verdict(on: kind, value, by: actor, for: customer, now: now, ledger: ledger) {
        case .within:
            if kind == .coupon { offer.coupon = try newCoupon(authority, ledger: ledger, caseID: c.id, offerID: offer.id, now: now) }
            return [PendingChange(caseID: c.id, change: .offerGiven(offer: offer))]
        case let .beyond(over):
            let followUp = (c.followUps.map(\.id).max() ?? 0) + 1
            let due = now.addingTimeInterval(authority.approvalDue).roundedToMilliseconds
            offer.approval = ApprovalRequest(followUp: followUp, due: due, over: over)
            return [PendingChange(caseID: c.id, change: .offerRequested(offer: offer)),
                    PendingChange(caseID: c.id, change: .followUpScheduled(
                        id: followUp, due: due, note: "approval asked for \(offer.summary()) (\(Offer.requestName(c.id, offer.id))): \(over)"))]
        }
    }

    func decideAnswer(on c: SupportCase, offer id: Int, approve: Bool, note: String?, actor: String, now: Date,
                      authority: GoodwillAuthority) throws(CommandError) -> [PendingChange] {
        let name = Offer.requestName(c.id, id)
        guard let offer = c.offers.first(where: { $0.id == id }) else { throw CommandError(RefusalWords.shared.noOffer, ["case": c.id, "id": "\(id)"]) }
        switch offer.state {
        case .given: throw CommandError(RefusalWords.shared.nothingToApprove, ["request": name, "agent": offer.by])
        case .approved, .declined:
            let answer = offer.approval?.answer
            throw CommandError(answer?.approved == true ? RefusalWords.shared.alreadyApproved : RefusalWords.shared.alreadyDeclined,
                               ["request": name, "agent": answer?.by ?? "someone"])
        case .awaitingApproval: break
        }
        guard actor != offer.by else { throw CommandError(RefusalWords.shared.ownRequest, ["request": name, "agent": actor]) }
        let said = note?.trimmingCharacters(in: .whitespacesAndNewlines)
        let words = said?.isEmpty == false ? said : nil
        if !approve && words == nil { throw CommandError(RefusalWords.shared.sayWhyDeclined, ["request": name, "agent": offer.by]) }
        var coupon: Coupon?
        if approve && offer.kind == .coupon {
            coupon = try newCoupon(authority, ledger: GoodwillLedger(desk: self, currency: authority.currency), caseID: c.id, offerID: id, now: now)
        }
        var changes = [PendingChange(caseID: c.id, change: .offerAnswered(id: id, approved: approve, note: words, coupon: coupon))]
        if let f = offer.approval?.followUp, c.openFollowUps.contains(where: { $0.id == f }) {
            let outcome = (approve ? "approved by \(actor)" : "declined by \(actor)") + (words.map { ": \($0)" } ?? "")
            changes.append(PendingChange(caseID: c.id, change: .followUpDone(id: f, outcome: outcome)))
        }
        return changes
    }

    private func newCoupon(_ authority: GoodwillAuthority, ledger: GoodwillLedger, caseID: CaseID, offerID: Int,
                           now: Date) throws(CommandError) -> Coupon {
        guard let code = authority.nextCouponCode(used: ledger.couponCodes, caseID: caseID, offerID: offerID) else {
            throw CommandError(RefusalWords.shared.noCouponLeft)
        }
        return Coupon(code: code, expires: now.addingTimeInterval(authority.couponValidity).roundedToMilliseconds)
    }

    /// Every offer waiting for a supervisor, the one due first first.
    public var offersAwaitingApproval: [(caseID: CaseID, offer: Offer)] {
        casesWithOffers.flatMap { id in (cases[id]?.offersAwaitingApproval ?? []).map { (id, $0) } }
            .sorted { ($0.offer.approval?.due ?? .distantFuture, $0.caseID) < ($1.offer.approval?.due ?? .distantFuture, $1.caseID) }
    }
}

extension HelpDesk {
    /// Make it right: the apology, the configured goodwill cut down to what the actor may still
    /// give this customer (none when nothing is left: the rest still stands), and a follow-up to
    /// check the remedy worked. One journal record, so it lands whole or not at all.
    func decideRecovery(on c: SupportCase, apology: ApologyKind, actor: String, now: Date,
                        authority: GoodwillAuthority) throws(CommandError) -> [PendingChange] {
        guard let customer = customers[c.customerID] else { throw CommandError(RefusalWords.shared.noCustomerOnRecord, ["case": c.id]) }
        var changes = [PendingChange(caseID: c.id, change: .apologised(kind: apology))]
        let ledger = GoodwillLedger(desk: self, currency: authority.currency)
        let (kind, most) = authority.makeItRight
        var sized: OfferValue?
        switch (most, authority.remaining(kind, by: actor, for: customer.id, now: now, ledger: ledger)) {
        case (_, 0?): sized = nil
        case let (.percent(p), left): sized = .percent(left.map { min(p, Int($0)) } ?? p)
        case let (.money(m), left): sized = .money(Money(minorUnits: left.map { min(m.minorUnits, $0) } ?? m.minorUnits, currency: m.currency))
        case (let other, _): sized = other
        }
        var offerID: Int?
        if let value = sized, authority.verdict(on: kind, value, by: actor, for: customer, now: now, ledger: ledger) == .within {
            let given = try decideOffer(on: c, kind: kind, value: value, reason: "made it right: \(apology.label)", recovery: true,
                                        actor: actor, now: now, authority: authority)
            changes += given
            if case let .offerGiven(offer) = given.first?.change { offerID = offer.id }
        }
        let followUp = (c.followUps.map(\.id).max() ?? 0) + 1
        let what = offerID.map { _ in "the \(kind.label) reached them" } ?? "the apology put it right"
        changes.append(PendingChange(caseID: c.id, change: .followUpScheduled(
            id: followUp, due: now.addingTimeInterval(authority.checkAfter).roundedToMilliseconds,
            note: "check that the remedy worked (\(what))")))
        changes.append(PendingChange(caseID: c.id, change: .recoveryMade(apology: apology, offer: offerID, followUp: followUp)))
        return changes
    }
}
