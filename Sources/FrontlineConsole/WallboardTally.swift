import Foundation
import FrontlineCore
import FrontlineTUI

/// The wallboard's figures kept current case by case. `WallboardFigures(desk:)` reads every
/// case and message each second (at 100,000 cases and 500,000 messages, tens of milliseconds a
/// tick on a shared supervisor screen); this keeps what each case adds to the figures, and the
/// times the figures hold against the clock in sorted lists, so a tick costs the cases that
/// changed plus a few binary searches. `WallboardFigures(desk:)` stays the definition: the
/// tests hold the two equal, event by event and minute by minute.
public struct WallboardTally {
    public private(set) var sequence: UInt64 = 0
    public let levels: ServiceLevels
    /// Cases looked at since the tally was made (a rebuild looks at all): what a tick cost.
    public private(set) var casesExamined = 0
    /// Times the tally was built afresh from the whole desk.
    public private(set) var rebuilds = 0

    /// A customer waiting on us; ties go to the case opened first, as in the full pass.
    struct Wait: Comparable {
        var since: Double
        var order: Int
        var caseID: CaseID
        static func < (a: Wait, b: Wait) -> Bool { (a.since, a.order) < (b.since, b.order) }
        static func == (a: Wait, b: Wait) -> Bool { a.since == b.since && a.order == b.order }
    }

    struct AgentPart {
        var openCases = 0
        var waits = SortedList<Double>()
        var replies = SortedList<Double>()
        var isEmpty: Bool { openCases == 0 && replies.isEmpty }
    }

    /// The desk as last taken in: what a changed case added before is read from it (a copy
    /// that shares the desk's structure, not a second table of parts).
    private var desk = HelpDesk()
    private var order: [CaseID: Int] = [:]
    private var waits = SortedList<Wait>()
    private var deadlines = SortedList<Double>()
    private var dues = SortedList<Double>()
    private var escalations: [EscalationLevel: Int] = [:]
    private var agents: [String: AgentPart] = [:]

    public init(desk: HelpDesk, levels: ServiceLevels) {
        self.levels = levels
        rebuild(from: desk)
    }

    /// Brings the tally to `desk`, given the events folded into it since the last call (the
    /// change feed). When they do not account for every sequence since (a store that changed
    /// underneath, a resync) or the SLA changed, the tally is built afresh.
    public mutating func update(desk: HelpDesk, events: [Event], levels: ServiceLevels) {
        if levels != self.levels {
            let examined = casesExamined, rebuilt = rebuilds
            self = WallboardTally(desk: desk, levels: levels)
            casesExamined += examined
            rebuilds += rebuilt
            return
        }
        guard desk.lastSequence != sequence else { return }
        let fresh = events.filter { $0.sequence > sequence }.sorted { $0.sequence < $1.sequence }
        let accountedFor = desk.lastSequence > sequence
            && fresh.count == Int(desk.lastSequence - sequence)
            && zip(fresh, (sequence + 1)...).allSatisfy { $0.sequence == $1 }
        guard accountedFor else {
            rebuild(from: desk)
            return
        }
        // In sequence order, so cases opened together get their places as the desk's order has them.
        var seen: Set<CaseID> = []
        for e in fresh where e.caseID != HelpDesk.deskWide && seen.insert(e.caseID).inserted {
            replace(e.caseID, with: desk.cases[e.caseID])
        }
        self.desk = desk
        sequence = desk.lastSequence
    }

    private mutating func rebuild(from desk: HelpDesk) {
        rebuilds += 1
        order = [:]
        order.reserveCapacity(desk.caseOrder.count)
        waits = SortedList()
        deadlines = SortedList()
        dues = SortedList()
        escalations = [:]
        agents = [:]
        for (index, id) in desk.caseOrder.enumerated() {
            order[id] = index
            guard let c = desk.cases[id] else { continue }
            casesExamined += 1
            count(c, order: index, as: .bulk)
        }
        waits.sort()
        deadlines.sort()
        dues.sort()
        for name in agents.keys {
            agents[name]!.waits.sort()
            agents[name]!.replies.sort()
        }
        self.desk = desk
        sequence = desk.lastSequence
    }

    private mutating func replace(_ id: CaseID, with c: SupportCase?) {
        casesExamined += 1
        let place = order[id] ?? order.count
        order[id] = place
        if let old = desk.cases[id] { count(old, order: place, as: .removed) }
        if let c { count(c, order: place, as: .added) }
    }

    /// A case's part of every figure (none of it depends on the clock), counted in or out.
    /// `.bulk` appends, for a rebuild that sorts every list once at the end.
    private enum Counting { case added, removed, bulk }

    private mutating func count(_ c: SupportCase, order: Int, as how: Counting) {
        func put<E: Comparable>(_ e: E, _ list: inout SortedList<E>) {
            switch how {
            case .added: list.add(e, sorting: true)
            case .bulk: list.add(e, sorting: false)
            case .removed: list.remove(e)
            }
        }
        let step = how == .removed ? -1 : 1
        let live = c.status != .solved
        let wait = (c.status == .open ? c.waitingSince : nil).map {
            Wait(since: $0.timeIntervalSinceReferenceDate, order: order, caseID: c.id)
        }
        if let wait {
            put(wait, &waits)
            if let deadline = levels.deadline(for: c) { put(deadline.timeIntervalSinceReferenceDate, &deadlines) }
        }
        if live, let e = c.escalation?.level { escalations[e, default: 0] += step }
        for f in c.followUps where !f.done { put(f.due.timeIntervalSinceReferenceDate, &dues) }
        var named: [String] = []
        if live, let agent = c.assignee {
            agents[agent, default: AgentPart()].openCases += step
            if let wait { put(wait.since, &agents[agent]!.waits) }
            named.append(agent)
        }
        for m in c.messages where m.direction == .outbound {
            put(m.at.timeIntervalSinceReferenceDate, &agents[m.author, default: AgentPart()].replies)
            if how == .removed { named.append(m.author) }
        }
        if how == .removed {
            for name in named where agents[name]?.isEmpty == true { agents[name] = nil }
        }
    }

    /// The figures at `now`: the same numbers `WallboardFigures(desk:now:…)` computes.
    public func figures(desk: HelpDesk, now: Date, timeZone: TimeZone, redact: Bool = false) -> WallboardFigures {
        var f = WallboardFigures(now: now)
        let day = WallboardFigures.day(of: now, in: timeZone)
        func date(_ t: Double) -> Date { Date(timeIntervalSinceReferenceDate: t) }
        func wait(_ since: Double) -> TimeInterval { WallboardFigures.wait(date(since), now) }

        f.waiting = waits.count
        // Oldest first, so "waited at least this long" is a prefix: count below each bound.
        var counted = 0
        for i in f.buckets.indices {
            let below = f.buckets[i].below.map { bound in waits.count - waits.prefixCount { wait($0.since) >= bound } } ?? waits.count
            f.buckets[i].count = below - counted
            counted = below
        }
        f.breached = deadlines.prefixCount { date($0).timeIntervalSince(now) < 0 }
        f.breachingSoon = deadlines.prefixCount { date($0).timeIntervalSince(now) <= WallboardFigures.breachWindow } - f.breached
        for (level, n) in escalations { f.escalations[level] = n }
        f.followUpsOverdue = dues.prefixCount { date($0) <= now }
        f.followUpsDueToday = dues.prefixCount { date($0) < day.tomorrow } - f.followUpsOverdue

        f.agents = agents.keys.sorted().compactMap { name in
            let a = agents[name]!
            let today = a.replies.prefixCount { date($0) <= now } - a.replies.prefixCount { date($0) < day.midnight }
            guard a.openCases > 0 || today > 0 else { return nil }
            return WallboardFigures.AgentLine(name: TextSanitiser.singleLine(name), openCases: a.openCases,
                                              oldestWait: a.waits.first.map(wait), repliesToday: today)
        }
        if let oldest = waits.first, let c = desk.cases[oldest.caseID] {
            f.oldestWait = wait(oldest.since)
            f.oldestCaseID = c.id
            f.oldestSLA = levels.state(of: c, at: now)
            if !redact, let name = desk.customer(of: c)?.name { f.oldestCustomer = WallboardFigures.shortName(name) }
        }
        return f
    }
}

/// A sorted array: binary search to find, a memmove to insert or remove (a few microseconds at
/// 100,000 elements; the tally changes a handful per tick).
struct SortedList<Element: Comparable> {
    private(set) var elements: [Element] = []
    var count: Int { elements.count }
    var isEmpty: Bool { elements.isEmpty }
    var first: Element? { elements.first }

    mutating func add(_ e: Element, sorting: Bool) {
        if sorting { elements.insert(e, at: elements.partitionPoint { $0 <= e }) } else { elements.append(e) }
    }

    mutating func sort() { elements.sort() }

    mutating func remove(_ e: Element) {
        let i = elements.partitionPoint { $0 < e }
        assert(i < elements.count && elements[i] == e, "the tally removes only what it added")
        if i < elements.count && elements[i] == e { elements.remove(at: i) }
    }

    /// How many leading elements satisfy `holds` (true for a prefix, then false).
    func prefixCount(_ holds: (Element) -> Bool) -> Int { elements.partitionPoint(holds) }
}
