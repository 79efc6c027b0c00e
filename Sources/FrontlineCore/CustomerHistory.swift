import Foundation

/// What the history pane says about a customer at a glance, so the agent can greet them by name
/// and recall the last contact.
public struct CustomerHistory: Sendable, Equatable {
    public var customer: Customer
    /// Every case of this customer, newest first.
    public var cases: [SupportCase]
    /// The latest message of any kind before now, in any of their cases.
    public var lastContact: Message?
    public var lastContactCase: CaseID?
    /// How the promises made to this customer went, over all their cases.
    public var promises = PromiseRecord()

    public init?(desk: HelpDesk, caseID: CaseID) {
        guard let c = desk.cases[caseID], let customer = desk.customer(of: c) else { return nil }
        self.customer = customer
        let ids = desk.casesByCustomer[customer.id] ?? [caseID]
        cases = ids.reversed().compactMap { desk.cases[$0] }
        var last: (Message, CaseID)?
        for k in cases {
            if let m = k.messages.last(where: { $0.direction != .note }), last == nil || m.at > last!.0.at {
                last = (m, k.id)
            }
        }
        lastContact = last?.0
        lastContactCase = last?.1
        for k in cases { for f in k.followUps { promises.count(f) } }
    }

    /// Promises to one customer, counted by how they ended (a broken one kept late counts in both).
    public struct PromiseRecord: Sendable, Equatable {
        public var kept = 0, late = 0, broken = 0, cancelled = 0, open = 0

        public init() {}

        mutating func count(_ f: FollowUp) {
            switch f.state {
            case .open: open += 1
            case let .kept(onTime):
                kept += 1
                if !onTime { late += 1 }
            case .cancelled: cancelled += 1
            }
            if f.brokenAt != nil { broken += 1 }
        }

        public var isEmpty: Bool { kept + cancelled + open == 0 }

        /// "promises to them: 4 kept (1 late), 1 broken, 1 open" (a count of none is left out), in `language`.
        public func summary(in language: UILanguage = .en) -> String {
            let w = ActivityWords.shared, l = language
            var parts: [String] = []
            if kept > 0 { parts.append(late > 0 ? w.promisesKeptLate(l, ["n": "\(kept)", "late": "\(late)"]) : w.promisesKept(l, ["n": "\(kept)"])) }
            if broken > 0 { parts.append(w.promisesBroken(l, ["n": "\(broken)"])) }
            if cancelled > 0 { parts.append(w.promisesCancelled(l, ["n": "\(cancelled)"])) }
            if open > 0 { parts.append(w.promisesOpen(l, ["n": "\(open)"])) }
            return w.promisesToThem(l, ["parts": parts.joined(separator: ", ")])
        }
    }

    /// "goodwill to them: coupon 15%, refund €50.00": what they have received (given or approved),
    /// newest first, with the total of each currency; nil when nothing.
    public func goodwillSummary(in language: UILanguage = .en) -> String? {
        let given = cases.flatMap(\.offers).filter(\.inEffect).sorted { $0.at > $1.at }
        guard !given.isEmpty else { return nil }
        let w = ActivityWords.shared, written = Language(rawValue: language.rawValue) ?? .en
        var totals: [String: Int64] = [:]
        for o in given { if case let .money(m) = o.value { totals[m.currency, default: 0] += m.minorUnits } }
        let sums = totals.keys.sorted().map { Money(minorUnits: totals[$0]!, currency: $0).written(in: written) }
        let listed = given.prefix(4).map { $0.said(in: language) }.joined(separator: ", ") + (given.count > 4 ? ", …" : "")
        return w.goodwillToThem(language, ["listed": listed]) + (sums.isEmpty ? "" : w.moneyInAll(language, ["sums": sums.joined(separator: ", ")]))
    }

    /// Cases before the given one.
    public func earlierCaseCount(than caseID: CaseID) -> Int {
        cases.filter { $0.id != caseID }.count
    }
}
