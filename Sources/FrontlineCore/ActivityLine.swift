import Foundation

/// One line of a case's history as data: which sentence (`ActivityWords`) and its values, kept
/// beside the English record so each console words it in its own language. Values are the
/// facts (names, ids, the agent's words); kinds are kept by their raw names and named in the
/// language when said.
public struct ActivityLine: Codable, Sendable, Equatable {
    public enum Sentence: String, Codable, Sendable, CaseIterable {
        case notDelivered, apologised, escalated, deescalated, followUpSet, followUpBroken, followUpCancelled, followUpDone,
             followUpKept, assigned, unassigned, prioritySet, tagged, statusChanged, rated, solvedOver, offerGiven,
             offerRequested, offerAnswered, wants, back, lapsed, madeItRight
    }

    public let sentence: Sentence
    public let values: [String: String]

    public init(_ sentence: Sentence, _ values: [String: String]) {
        self.sentence = sentence
        self.values = values
    }

    /// The line in `language`.
    public func text(in language: UILanguage) -> String {
        let w = ActivityWords.shared, k = KindWords.shared, l = language
        var v = values
        func part(_ name: String, _ phrase: Phrase, _ key: String) -> String { values[name].map { phrase(l, [key: $0]) } ?? "" }
        func offer() -> String {
            guard let kind = values["kind"].flatMap(OfferKind.init(rawValue:)) else { return values["offer"] ?? "" }
            return offerValue(kind).map { Offer.said(kind, $0, in: l) } ?? "\(kind.label(in: l)) \(values["value"] ?? "")"
        }
        if let a = values["apology"].flatMap(ApologyKind.init(rawValue:)) { v["apology"] = k.apology(a)(l) }
        if let e = values["level"].flatMap(EscalationLevel.init(rawValue:)) { v["level"] = k.level(e)(l) }
        if let p = values["priority"].flatMap(Priority.init(rawValue:)) { v["priority"] = k.priority(p)(l) }
        if values["kind"] != nil { v["offer"] = offer() }
        v["code"] = part("code", w.code, "code")
        switch sentence {
        case .notDelivered: return w.notDelivered(l, v)
        case .apologised: return w.apologised(l, v)
        case .escalated: return w.escalated(l, v)
        case .deescalated: return (values["level"] == nil ? w.deescalatedUnknown : w.deescalated)(l, v)
        case .followUpSet:
            v["kind"] = (values["untilAnswer"] != nil ? w.untilAnswer(l) : "") + part("party", w.waitingOn, "party")
            return w.followUpSet(l, v)
        case .followUpBroken: return w.followUpBroken(l, v)
        case .followUpCancelled: return w.followUpCancelled(l, v)
        case .followUpDone: return (values["outcome"] == nil ? w.followUpDone : w.followUpDoneWith)(l, v)
        case .followUpKept: return w.followUpKept(l, v)
        case .assigned: return w.assigned(l, v)
        case .unassigned: return w.unassigned(l, v)
        case .prioritySet: return w.prioritySet(l, v)
        case .tagged: return w.tagged(l, v)
        case .statusChanged:
            switch values["status"].flatMap(CaseStatus.init(rawValue:)) {
            case .open: return w.reopened(l, v)
            case .pending: return w.setPending(l, v)
            default: return w.solved(l, v)
            }
        case .rated:
            v["credit"] = part("credited", w.creditedTo, "agents")
            v["comment"] = values["comment"].map { ": \($0)" } ?? ""
            return w.rated(l, v)
        case .solvedOver: return (values["ids"]?.contains(",") == true ? w.solvedOverMany : w.solvedOverOne)(l, v)
        case .offerGiven: return w.offerGiven(l, v)
        case .offerRequested:
            v["over"] = values["over"] ?? w.beyondAuthority(l)
            return w.offerRequested(l, v)
        case .offerAnswered:
            v["note"] = values["note"].map { ": \($0)" } ?? ""
            return (values["approved"] != nil ? w.offerApproved : w.offerDeclined)(l, v)
        case .wants:
            v["hold"] = part("hold", w.toBeHeld, "hold")
            return w.wants(l, v)
        case .back:
            v["reserved"] = part("until", w.reservedUntil, "until")
            return (values["noMail"] != nil ? w.backCallThem : w.backTold)(l, v)
        case .lapsed: return w.lapsed(l, v)
        case .madeItRight:
            v["offer"] = values["kind"] != nil ? offer() : w.noGoodwillLeft(l)
            return w.madeItRight(l, v)
        }
    }
}

extension ActivityLine {
    /// The offer's value as the line keeps it (the raw amount, else the English as written).
    private func offerValue(_ kind: OfferKind) -> OfferValue? {
        switch kind.measure {
        case .none: return OfferValue.none
        case .item: return .item(values["value"] ?? "")
        case .percent: return values["percent"].flatMap(Int.init).map(OfferValue.percent)
        case .money:
            guard let a = values["amount"].flatMap(Int64.init), let c = values["currency"] else { return nil }
            return .money(Money(minorUnits: a, currency: c))
        }
    }

    /// An offer's kind and value as the line keeps them.
    static func offer(_ o: Offer, _ more: [String: String] = [:]) -> [String: String] {
        var v = more
        v["kind"] = o.kind.rawValue
        if o.value != .none { v["value"] = o.value.written(in: .en) }
        // The raw value too, so each language writes it its own way ("50,00 €", "15 %").
        switch o.value {
        case let .percent(p): v["percent"] = "\(p)"
        case let .money(m): v["amount"] = "\(m.minorUnits)"; v["currency"] = m.currency
        case .item, .none: break
        }
        return v
    }
}

extension CaseActivity {
    /// A history line worded from `line`: the English is the record.
    init(at: Date, actor: String, _ line: ActivityLine) {
        self.init(at: at, actor: actor, text: line.text(in: .en), line: line)
    }

    /// The line as `language` says it; lines recorded before wording was kept stay as written.
    public func text(in language: UILanguage) -> String { line?.text(in: language) ?? text }
}
