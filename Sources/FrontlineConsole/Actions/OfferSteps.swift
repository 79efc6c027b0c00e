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
        let options = OfferKind.allCases.map { world.authority.remainingText($0, by: state.agent, for: c.customerID, now: world.now, ledger: ledger) }
        // The room is beside each kind; more than it becomes a request to the supervisors.
        state.mode = .picker(Picker(.offer(c.id), title: "Goodwill for \(ConsoleUpdate.customerName(c, world))",
                                    options: options))
        return []
    }

    /// After the kind: its value (a percentage, an amount, what is replaced), or straight to the reason.
    static func offerKindChosen(_ kind: OfferKind, on id: CaseID, state: inout ConsoleState, world: ConsoleWorld) -> [ConsoleEffect] {
        guard kind.measure != .none else {
            state.mode = .prompt(Prompt(.offerReason(id, kind, .none), label: "Why \(kind.label) for \(id)", hint: "recorded on the case; the supervisors see it"))
            return []
        }
        let example: String
        switch kind.measure {
        case .percent: example = "a percentage, like 10%"
        case .money: example = "an amount in \(world.authority.currency), like 125.50 (or \"EUR 12.50\")"
        default: example = "what is sent, like \"a new kettle\""
        }
        state.mode = .prompt(Prompt(.offerValue(id, kind), label: "\(kind.label.capitalized) for \(id)", hint: example))
        return []
    }

    static func offerValue(_ text: String, kind: OfferKind, on id: CaseID, world: ConsoleWorld) -> OfferValue? {
        OfferValue.parse(text, kind: kind, currency: world.authority.currency)
    }

    static func offer(_ id: CaseID, _ kind: OfferKind, _ value: OfferValue, reason: String, recovery: Bool = false) -> ConsoleEffect {
        .perform(.offer(id, kind: kind, value: value, reason: reason, recovery: recovery), success: "\(kind.label) on \(id)")
    }

    /// `:offer KIND [VALUE] REASON…`.
    static func offerLine(_ args: [String], on c: SupportCase, world: ConsoleWorld) throws(ConsoleCommandLine.Problem) -> [ConsoleEffect] {
        let kinds = OfferKind.allCases.map(\.rawValue).joined(separator: ", ")
        guard let first = args.first, let kind = OfferKind(name: first) else { throw .init("offer KIND [VALUE] REASON — kinds: \(kinds)") }
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
                throw .init("offer \(kind.rawValue) VALUE REASON — VALUE \(kind.measure == .percent ? "like 10%" : "an amount like 125.50")")
            }
        }
        let reason = rest.joined(separator: " ")
        guard !reason.trimmingCharacters(in: .whitespaces).isEmpty else { throw .init("offer \(kind.rawValue) needs a reason: the case and the supervisors keep it") }
        return [offer(c.id, kind, value, reason: reason)]
    }

    static func isCurrencyWord(_ word: String, _ world: ConsoleWorld) -> Bool { Money.isCurrencyWord(word, deskCurrency: world.authority.currency) }

    /// Once an offer is durable: given, its sentence goes into the reply; asked for, the
    /// status line says who must answer and by when.
    static func offerDecided(_ events: [Event], state: inout ConsoleState, world: ConsoleWorld) -> [ConsoleEffect] {
        for e in events {
            switch e.change {
            case let .offerGiven(offer):
                let effects = putOfferInReply(offer, on: e.caseID, focusing: true, state: &state, world: world)
                let ledger = GoodwillLedger(desk: world.desk, currency: world.authority.currency)
                let left = world.desk.cases[e.caseID].map { world.authority.remainingText(offer.kind, by: state.agent, for: $0.customerID, now: world.now, ledger: ledger) } ?? ""
                let code = offer.coupon.map { " (code \($0.code))" } ?? ""
                state.status = StatusMessage("given: \(offer.summary())\(code), in the reply · room now: \(left)", at: world.now)
                return effects
            case let .offerRequested(offer):
                let due = offer.approval.map { world.time.dayAndTime($0.due, now: world.now) } ?? "soon"
                state.status = StatusMessage("asked a supervisor: \(Offer.requestName(e.caseID, offer.id)), \(offer.summary()), answer due \(due) · \(offer.approval?.over ?? "beyond your authority")",
                                             at: world.now)
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
        for e in events where e.actor != state.agent {
            guard case let .offerAnswered(id, approved, note, _) = e.change,
                  let offer = world.desk.cases[e.caseID]?.offers.first(where: { $0.id == id }), offer.by == state.agent else { continue }
            let who = TextSanitiser.singleLine(e.actor), name = Offer.requestName(e.caseID, id)
            let said = note.map { ": " + TextSanitiser.singleLine($0) } ?? ""
            if approved {
                effects += putOfferInReply(offer, on: e.caseID, focusing: false, state: &state, world: world)
                state.status = StatusMessage("\(who) approved \(name), \(offer.summary())\(said) — it is in your reply to \(e.caseID)", at: world.now)
            } else {
                state.status = StatusMessage("\(who) declined \(name), \(offer.summary())\(said)", kind: .error, at: world.now)
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
        guard let o = request(on: c) else {
            state.status = StatusMessage("\(c.id) has no request waiting for approval (view 8 lists them)", kind: .error, at: world.now)
            return []
        }
        // The store refuses it too; said before a note is typed for nothing.
        guard o.by != state.agent else {
            state.status = StatusMessage("nobody approves their own request: \(Offer.requestName(c.id, o.id)) is yours; another supervisor answers it",
                                         kind: .error, at: world.now)
            return []
        }
        let what = "\(Offer.requestName(c.id, o.id)): \(o.summary()) for \(TextSanitiser.singleLine(o.by))"
        state.mode = .prompt(Prompt(.answerOffer(c.id, offer: o.id, approve: approve),
                                    label: approve ? "Approve \(what) — note" : "Decline \(what) because",
                                    hint: approve ? "optional; Enter approves · \(TextSanitiser.singleLine(o.reason))" : "required: \(TextSanitiser.singleLine(o.by)) reads it"))
        return []
    }

    static func answer(_ id: CaseID, offer: Int, approve: Bool, note: String?) -> ConsoleEffect {
        .perform(.answerOffer(id, offer: offer, approve: approve, note: note),
                 success: "\(Offer.requestName(id, offer)) \(approve ? "approved" : "declined"); the agent sees it now")
    }
}

// MARK: - Make it right

extension ActionSteps {
    static func makeItRight(_ id: CaseID, _ kind: ApologyKind) -> ConsoleEffect {
        .perform(.makeItRight(id, apology: kind), success: "made it right on \(id)")
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
        let given = offer.map { o in o.summary() + (o.coupon.map { " (code \($0.code))" } ?? "") }
            ?? "no \(world.authority.makeItRight.kind.label) (no room left: $ asks a supervisor)"
        state.status = StatusMessage("made it right on \(c.id): apology, \(given), check-in \(world.time.dayAndTime(due, now: world.now)) — in the reply", at: world.now)
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
