import Foundation
import FrontlineCore
import FrontlineTUI

/// Goodwill from the console: `$` (or `:offer`) chooses a kind, with what the agent may still
/// give this customer beside each; then the value and the reason. The store decides whether it
/// is within authority. Given, its sentence goes into the reply in the customer's language;
/// beyond authority, it goes to the supervisors, whose answer comes back to this console.
extension ActionSteps {
    /// The kinds, each with the agent's room for this customer ("refund up to €50.00").
    static func offerPicker(_ c: SupportCase, state: inout ConsoleState, world: ConsoleWorld) -> [ConsoleEffect] {
        let ledger = GoodwillLedger(desk: world.desk, currency: world.authority.currency)
        let l = UILanguage.current
        let options = OfferKind.allCases.map { world.authority.remainingText($0, by: state.agent, for: c.customerID, now: world.now, ledger: ledger, in: l) }
        // The room is beside each kind; more than it becomes a request to the supervisors.
        state.mode = .picker(Picker(.offer(c.id), title: Words.goodwill.goodwillFor(l, ["name": ConsoleUpdate.customerName(c, world)]),
                                    options: options))
        return []
    }

    /// After the kind: its value (a percentage, an amount, what is replaced), or straight to the reason.
    static func offerKindChosen(_ kind: OfferKind, on id: CaseID, state: inout ConsoleState, world: ConsoleWorld) -> [ConsoleEffect] {
        let l = UILanguage.current, w = Words.goodwill, name = kind.label(in: l)
        guard kind.measure != .none else {
            state.mode = .prompt(Prompt(.offerReason(id, kind, .none), label: w.whyKind(l, ["kind": name, "case": id]), hint: w.reasonHint(l)))
            return []
        }
        let example: String
        switch kind.measure {
        case .percent: example = w.percentExample(l)
        case .money: example = w.moneyExample(l, ["currency": world.authority.currency])
        default: example = w.itemExample(l)
        }
        // "Refund for C-1001", "Korvaava tuote tapaukselle C-1001": only the first letter is raised.
        let title = name.prefix(1).uppercased() + name.dropFirst()
        state.mode = .prompt(Prompt(.offerValue(id, kind), label: w.kindFor(l, ["kind": title, "case": id]), hint: example))
        return []
    }

    static func offerValue(_ text: String, kind: OfferKind, on id: CaseID, world: ConsoleWorld) -> OfferValue? {
        OfferValue.parse(text, kind: kind, currency: world.authority.currency)
    }

    static func offer(_ id: CaseID, _ kind: OfferKind, _ value: OfferValue, reason: String, recovery: Bool = false) -> ConsoleEffect {
        .perform(.offer(id, kind: kind, value: value, reason: reason, recovery: recovery), success: Words.goodwill.offered(UILanguage.current, ["kind": kind.label(in: UILanguage.current), "case": id]))
    }

    /// `:offer KIND [VALUE] REASON…`.
    static func offerLine(_ args: [String], on c: SupportCase, world: ConsoleWorld) throws(ConsoleCommandLine.Problem) -> [ConsoleEffect] {
        let l = UILanguage.current, w = Words.goodwill
        let kinds = OfferKind.allCases.map(\.rawValue).joined(separator: ", ")
        guard let first = args.first, let kind = OfferKind(name: first) else { throw .init(w.offerKinds(l, ["kinds": kinds])) }
        var rest = Array(args.dropFirst())
        var value = OfferValue.none
        if kind.measure == .item {
            // "replacement "a new kettle" because …": the item is the first (quoted) word.
            guard let what = rest.first else { throw .init("offer replacement ITEM REASON") }
            value = .item(what)
            rest.removeFirst()
        } else if kind.measure != .none {
            // An amount may be written in two words ("125 kr", "EUR 12.50").
            if rest.count >= 2, isCurrencyWord(rest[0], world) || isCurrencyWord(rest[1], world),
               let v = offerValue(rest.prefix(2).joined(separator: " "), kind: kind, on: c.id, world: world) {
                value = v
                rest.removeFirst(2)
            } else if let word = rest.first, let v = offerValue(word, kind: kind, on: c.id, world: world) {
                value = v
                rest.removeFirst()
            } else {
                throw .init((kind.measure == .percent ? w.offerPercent : w.offerMoney)(l, ["kind": kind.rawValue]))
            }
        }
        let reason = rest.joined(separator: " ")
        guard !reason.trimmingCharacters(in: .whitespaces).isEmpty else { throw .init(w.offerNeedsReason(l, ["kind": kind.rawValue])) }
        return [offer(c.id, kind, value, reason: reason)]
    }

    static func isCurrencyWord(_ word: String, _ world: ConsoleWorld) -> Bool { Money.isCurrencyWord(word, deskCurrency: world.authority.currency) }

    /// Once an offer is durable: given, its sentence goes into the reply; asked for, the
    /// status line says who must answer and by when.
    static func offerDecided(_ events: [Event], state: inout ConsoleState, world: ConsoleWorld) -> [ConsoleEffect] {
        let l = UILanguage.current, w = Words.goodwill
        for e in events {
            switch e.change {
            case let .offerGiven(offer):
                let effects = putOfferInReply(offer, on: e.caseID, focusing: true, state: &state, world: world)
                let ledger = GoodwillLedger(desk: world.desk, currency: world.authority.currency)
                let left = world.desk.cases[e.caseID].map { world.authority.remainingText(offer.kind, by: state.agent, for: $0.customerID, now: world.now, ledger: ledger, in: l) } ?? ""
                let code = offer.coupon.map { ActivityWords.shared.code(l, ["code": $0.code]) } ?? ""
                state.status = StatusMessage(w.given(l, ["left": left, "code": code, "offer": offer.said(in: l)]), at: world.now)
                return effects
            case let .offerRequested(offer):
                let due = offer.approval.map { world.time.dayAndTime($0.due, now: world.now) } ?? w.soon(l)
                state.status = StatusMessage(w.askedSupervisor(l, ["request": Offer.requestName(e.caseID, offer.id), "due": due, "offer": offer.said(in: l),
                                                                   "over": offer.approval?.over ?? w.beyondAuthority(l)]), at: world.now)
                return []
            default: continue
            }
        }
        return []
    }

    /// A supervisor answered this agent's request in another console: said at once, and an
    /// approved offer's sentence goes into the reply (or the draft of that case, if another is open).
    static func noticeAnswers(_ events: [Event], state: inout ConsoleState, world: ConsoleWorld) -> [ConsoleEffect] {
        var effects: [ConsoleEffect] = []
        let l = UILanguage.current, w = Words.goodwill
        for e in events where e.actor != state.agent {
            guard case let .offerAnswered(id, approved, note, _) = e.change,
                  let offer = world.desk.cases[e.caseID]?.offers.first(where: { $0.id == id }), offer.by == state.agent else { continue }
            let who = TextSanitiser.singleLine(e.actor), name = Offer.requestName(e.caseID, id)
            let said = note.map { ": " + TextSanitiser.singleLine($0) } ?? ""
            if approved {
                effects += putOfferInReply(offer, on: e.caseID, focusing: false, state: &state, world: world)
                state.status = StatusMessage(w.approvedYours(l, ["who": who, "request": name, "case": e.caseID, "offer": offer.said(in: l), "said": said]), at: world.now)
            } else {
                state.status = StatusMessage(w.declinedYours(l, ["who": who, "request": name, "offer": offer.said(in: l), "said": said]), kind: .error, at: world.now)
            }
        }
        return effects
    }

    /// The offer's sentence at the end of the case's reply: in the editor when it holds that
    /// case, otherwise saved into that case's draft so it is there when the agent opens it.
    /// `focusing`: the agent just made the offer and goes on writing (an answer arriving from a
    /// supervisor does not take the keyboard from whatever they are doing).
    static func putOfferInReply(_ offer: Offer, on id: CaseID, focusing: Bool, state: inout ConsoleState, world: ConsoleWorld) -> [ConsoleEffect] {
        guard let c = world.desk.cases[id], let customer = world.desk.customer(of: c) else { return [] }
        let text = world.templates.offerText(offer, on: c, customer: customer, agent: state.agent, timeZone: world.timeZone)
        if state.editorCaseID == id {
            putAtEndOfReply(text, on: id, focusing: focusing, state: &state, world: world)
            return []
        }
        let draft = world.desk.draft(caseID: id, agent: state.agent) ?? ""
        return [.saveDraft(id, draft.isEmpty ? text : draft + "\n\n" + text)]
    }

    // MARK: - Approvals

    /// The request a supervisor answers on the selected case: the one due first.
    static func request(on c: SupportCase) -> Offer? {
        c.offersAwaitingApproval.min { ($0.approval?.due ?? .distantFuture) < ($1.approval?.due ?? .distantFuture) }
    }

    static func answerPrompt(_ c: SupportCase, approve: Bool, state: inout ConsoleState, world: ConsoleWorld) -> [ConsoleEffect] {
        let l = UILanguage.current, w = Words.goodwill
        guard let o = request(on: c) else {
            state.status = StatusMessage(w.noRequestView(l, ["case": c.id]), kind: .error, at: world.now)
            return []
        }
        // The store refuses it too; said before a note is typed for nothing.
        guard o.by != state.agent else {
            state.status = StatusMessage(w.ownRequest(l, ["request": Offer.requestName(c.id, o.id)]), kind: .error, at: world.now)
            return []
        }
        let by = TextSanitiser.singleLine(o.by)
        let what = w.requestBy(l, ["request": Offer.requestName(c.id, o.id), "agent": by, "offer": o.said(in: l)])
        state.mode = .prompt(Prompt(.answerOffer(c.id, offer: o.id, approve: approve),
                                    label: (approve ? w.approvePrompt : w.declinePrompt)(l, ["what": what]),
                                    hint: approve ? w.approveHint(l, ["reason": TextSanitiser.singleLine(o.reason)]) : w.declineHint(l, ["agent": by])))
        return []
    }

    static func answer(_ id: CaseID, offer: Int, approve: Bool, note: String?) -> ConsoleEffect {
        .perform(.answerOffer(id, offer: offer, approve: approve, note: note),
                 success: (approve ? Words.goodwill.approvedDone : Words.goodwill.declinedDone)(UILanguage.current, ["request": Offer.requestName(id, offer)]))
    }
}

// MARK: - Make it right

extension ActionSteps {
    static func makeItRight(_ id: CaseID, _ kind: ApologyKind) -> ConsoleEffect {
        .perform(.makeItRight(id, apology: kind), success: Words.goodwill.madeItRight(UILanguage.current, ["case": id]))
    }

    /// Once it is durable: the whole reply (apology, thanks, the offer given, the check-in) at
    /// the top of the reply pane, and the status line says what was given and when the check is.
    static func madeItRight(_ events: [Event], state: inout ConsoleState, world: ConsoleWorld) -> [ConsoleEffect] {
        guard let made = events.first(where: { if case .recoveryMade = $0.change { true } else { false } }),
              case let .recoveryMade(kind, offerID, followUp) = made.change,
              let c = world.desk.cases[made.caseID], let customer = world.desk.customer(of: c) else { return [] }
        let offer = offerID.flatMap { n in c.offers.first { $0.id == n } }
        let due = c.followUps.first { $0.id == followUp }?.due ?? world.now
        let text = world.templates.makeItRight(kind, offer: offer, due: due, on: c, customer: customer,
                                               history: CustomerHistory(desk: world.desk, caseID: c.id), agent: state.agent, timeZone: world.timeZone)
        putAtTopOfReply(text, on: c.id, state: &state, world: world)
        let l = UILanguage.current, w = Words.goodwill
        let given = offer.map { o in o.said(in: l) + (o.coupon.map { ActivityWords.shared.code(l, ["code": $0.code]) } ?? "") }
            ?? w.noRoom(l, ["kind": world.authority.makeItRight.kind.label(in: l)])
        state.status = StatusMessage(w.madeItRightWith(l, ["case": c.id, "when": world.time.dayAndTime(due, now: world.now), "given": given]), at: world.now)
        return []
    }
}

extension Command {
    /// What the console does after these depends on what the store decided (a coupon's code,
    /// the size of the goodwill): it reads the desk once they are durable.
    var needsTheDeskAfterwards: Bool {
        switch self {
        case .offer, .makeItRight: true
        default: false
        }
    }
}
