import Foundation

/// Every case in urgency order, computed once per store change, so switching views or searching
/// is a filter of this list rather than a fresh sort of 100,000 cases.
public struct QueueOrder: Sendable {
    public let sequence: UInt64
    public let agent: String
    public let levels: ServiceLevels
    /// All cases in the working views' order (SLA/follow-up deadline, then wait, then id).
    public let ordered: [CaseID]
    public let counts: [QueueView: Int]
    /// Each view's rows without a search, filled in the same pass: switching views is a lookup.
    let viewRows: [QueueView: [CaseID]]
    /// Per view, the longest-waiting customer's wait start (for the pane title).
    public let oldestWaitingSince: [QueueView: Date]
    /// Due times of every open follow-up, sorted.
    public let openFollowUpDues: [Date]
    /// Membership of the Waiting view changes when the next follow-up comes due.
    public let validUntil: Date

    public init(desk: HelpDesk, agent: String, levels: ServiceLevels, now: Date) {
        sequence = desk.lastSequence
        self.agent = agent
        self.levels = levels
        let all = QueueQuery(view: .all, agent: agent, levels: levels)
        var keyed: [(CaseID, QueueQuery.SortKey)] = []
        keyed.reserveCapacity(desk.cases.count)
        var dues: [Date] = []
        for id in desk.caseOrder {
            guard let c = desk.cases[id] else { continue }
            keyed.append((id, all.sortKey(c, now: now)))
            for f in c.followUps where !f.done { dues.append(f.due) }
        }
        keyed.sort { $0.1 < $1.1 }
        ordered = keyed.map(\.0)
        var lists = [[CaseID]](repeating: [], count: QueueView.allCases.count)
        var oldest = [Date?](repeating: nil, count: QueueView.allCases.count)
        for id in ordered {
            guard let c = desk.cases[id] else { continue }
            for (i, v) in QueueView.allCases.enumerated() where QueueQuery.includes(c, view: v, agent: agent, now: now) {
                lists[i].append(id)
                if c.status == .open, let w = c.waitingSince, oldest[i] == nil || w < oldest[i]! { oldest[i] = w }
            }
        }
        var rowsByView: [QueueView: [CaseID]] = [:]
        var oldestByView: [QueueView: Date] = [:]
        for (i, v) in QueueView.allCases.enumerated() {
            switch v {
            case .followups, .solved:
                // These views have their own order.
                let q = QueueQuery(view: v, agent: agent, levels: levels)
                rowsByView[v] = lists[i].compactMap { id in desk.cases[id].map { (id, q.sortKey($0, now: now)) } }.sorted { $0.1 < $1.1 }.map(\.0)
            default:
                rowsByView[v] = lists[i]
            }
            oldestByView[v] = oldest[i]
        }
        viewRows = rowsByView
        counts = Dictionary(uniqueKeysWithValues: zip(QueueView.allCases, lists.map(\.count)))
        oldestWaitingSince = oldestByView
        dues.sort()
        openFollowUpDues = dues
        validUntil = dues.first { $0 > now } ?? .distantFuture
    }

    public func isCurrent(desk: HelpDesk, agent: String, levels: ServiceLevels, now: Date) -> Bool {
        sequence == desk.lastSequence && self.agent == agent && self.levels == levels && now < validUntil
    }

    /// The rows of `query`, in the same order `query.run` gives.
    public func rows(for query: QueueQuery, desk: HelpDesk, now: Date) -> [CaseID] {
        let needle = query.search.trimmingCharacters(in: .whitespaces).lowercased()
        if needle.isEmpty, query.agent == agent, query.levels == levels, let rows = viewRows[query.view] { return rows }
        let picked = ordered.filter { id in
            guard let c = desk.cases[id], query.includes(c, now: now) else { return false }
            return needle.isEmpty || QueueQuery.matches(c, customer: desk.customer(of: c), needle: needle)
        }
        switch query.view {
        case .followups, .solved:
            // These views have their own order; sort the (smaller) subset.
            return picked.compactMap { id in desk.cases[id].map { (id, query.sortKey($0, now: now)) } }
                .sorted { $0.1 < $1.1 }.map(\.0)
        default:
            return picked
        }
    }
}
