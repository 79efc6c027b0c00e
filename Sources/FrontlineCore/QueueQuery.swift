import Foundation

/// Which cases a view shows and in what order. Pure: the same desk, view and time give the same list.
public struct QueueQuery: Sendable, Equatable {
    public var view: QueueView
    public var agent: String
    /// Lower-cased search text; empty = no narrowing.
    public var search: String
    public var levels: ServiceLevels

    public init(view: QueueView, agent: String, search: String = "", levels: ServiceLevels = ServiceLevels()) {
        self.view = view
        self.agent = agent
        self.search = search
        self.levels = levels
    }

    /// Case ids in queue order.
    public func run(on desk: HelpDesk, now: Date) -> [CaseID] {
        let needle = search.trimmingCharacters(in: .whitespaces).lowercased()
        var picked: [(id: CaseID, key: SortKey)] = []
        picked.reserveCapacity(desk.cases.count)
        for id in desk.caseOrder {
            guard let c = desk.cases[id], includes(c, now: now) else { continue }
            if !needle.isEmpty, !Self.matches(c, customer: desk.customer(of: c), needle: needle) { continue }
            picked.append((id, sortKey(c, now: now)))
        }
        picked.sort { $0.key < $1.key }
        return picked.map(\.id)
    }

    /// How many cases each view holds (search ignored): the counts in the queue's title.
    public static func counts(on desk: HelpDesk, agent: String, now: Date) -> [QueueView: Int] {
        var counts = [Int](repeating: 0, count: QueueView.allCases.count)
        for c in desk.cases.values {
            for (i, v) in QueueView.allCases.enumerated() where includes(c, view: v, agent: agent, now: now) {
                counts[i] += 1
            }
        }
        return Dictionary(uniqueKeysWithValues: zip(QueueView.allCases, counts))
    }

    public func includes(_ c: SupportCase, now: Date) -> Bool {
        Self.includes(c, view: view, agent: agent, now: now)
    }

    static func includes(_ c: SupportCase, view: QueueView, agent: String, now: Date) -> Bool {
        switch view {
        case .waiting:
            // A due follow-up brings a case back into the working queue whatever its status.
            return c.status == .open || c.followUps.contains { $0.isDue(at: now) }
        case .mine: return c.assignee == agent && c.status != .solved
        case .escalated: return c.escalation != nil && c.status != .solved
        case .followups: return c.followUps.contains { !$0.done }
        case .pending: return c.status == .pending
        case .solved: return c.status == .solved
        case .all: return true
        case .approvals: return c.offers.contains { $0.state == .awaitingApproval }
        case .stock: return c.stockWishes.contains { $0.state == .waiting || $0.state == .reserved }
        }
    }

    /// Most urgent first. In working views: the earliest of the SLA deadline and the next
    /// follow-up due time (so a breached or overdue case sorts by how late it is), then the
    /// longest wait, then case id for a stable order.
    struct SortKey: Comparable {
        var group: Int
        var primary: Double
        var secondary: Double
        var tiebreak: Int

        static func < (a: SortKey, b: SortKey) -> Bool {
            (a.group, a.primary, a.secondary, a.tiebreak) < (b.group, b.primary, b.secondary, b.tiebreak)
        }
    }

    func sortKey(_ c: SupportCase, now: Date) -> SortKey { sortKey(c, number: Self.caseNumber(c.id)) }

    /// "C-1042" → 1042, the sort keys' tie-break (0 for an id of another shape).
    static func caseNumber(_ id: CaseID) -> Int { Int(id.dropFirst(2)) ?? 0 }

    /// The key of a case whose number the caller already has (building every view's order parses it once).
    func sortKey(_ c: SupportCase, number: Int) -> SortKey {
        switch view {
        case .followups:
            let due = c.nextFollowUp()?.due.timeIntervalSince1970 ?? .infinity
            return SortKey(group: 0, primary: due, secondary: 0, tiebreak: number)
        case .solved:
            return SortKey(group: 0, primary: -(c.solvedAt ?? c.lastActivityAt).timeIntervalSince1970, secondary: 0, tiebreak: -number)
        default:
            let sla = levels.deadline(for: c)?.timeIntervalSince1970 ?? .infinity
            let due = c.openFollowUps.map(\.due.timeIntervalSince1970).min() ?? .infinity
            let deadline = min(sla, due)
            let waitStart = (c.waitingSince ?? c.openedAt).timeIntervalSince1970
            let group = c.status == .solved ? 2 : (deadline.isFinite ? 0 : 1)
            return SortKey(group: group, primary: deadline.isFinite ? deadline : 0, secondary: waitStart, tiebreak: number)
        }
    }

    static func matches(_ c: SupportCase, customer: Customer?, needle: String) -> Bool {
        if c.id.lowercased().contains(needle) || c.subject.lowercased().contains(needle) { return true }
        if let k = customer, k.name.lowercased().contains(needle) || k.email.lowercased().contains(needle) { return true }
        if c.tags.contains(where: { $0.contains(needle) }) { return true }
        return c.messages.contains { $0.body.lowercased().contains(needle) }
    }
}

extension SupportCase {
    /// How long the customer has waited for us, or, if they are not waiting, how long the case has been open.
    public func age(at now: Date) -> TimeInterval {
        max(0, now.timeIntervalSince(waitingSince ?? openedAt))
    }
}
