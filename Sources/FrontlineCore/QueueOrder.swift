import Foundation

/// Every view of the queue kept sorted, built once and then updated case by case: at 100,000
/// cases a full sort costs ~140 ms, while moving the few cases an action touched costs
/// microseconds. Switching views is a lookup; a search filters the urgency order.
public struct QueueOrder: Sendable {
    public private(set) var sequence: UInt64
    public let agent: String
    public let levels: ServiceLevels
    /// When the order was last brought up to date with the clock.
    public private(set) var asOf: Date
    private var views: [QueueView: SortedCaseIndex]
    /// Each case's key in each view it is in, and its wait, so it can be found and moved.
    private var keysOf: [CaseID: CaseKeys]
    /// Open follow-ups as (due, case), sorted by due: "n overdue", and when Waiting changes.
    private var dues: [(due: Date, caseID: CaseID)]
    /// Wait starts of the customers waiting on us, per view, sorted: the title's "oldest".
    private var waits: [QueueView: [(since: Date, caseID: CaseID)]]
    private var duesOf: [CaseID: [Date]]

    /// All cases in the working views' order (SLA/follow-up deadline, then wait, then id).
    public var ordered: [CaseID] { views[.all]!.ids }
    public var counts: [QueueView: Int] { views.mapValues(\.count) }
    public var openFollowUpDues: [Date] { dues.map(\.due) }
    /// Membership of the Waiting view changes when the next follow-up comes due.
    public var validUntil: Date {
        let i = dues.partitionPoint { $0.due <= asOf }
        return i < dues.count ? dues[i].due : .distantFuture
    }

    public init(desk: HelpDesk, agent: String, levels: ServiceLevels, now: Date) {
        sequence = desk.lastSequence
        self.agent = agent
        self.levels = levels
        asOf = now
        let queries = QueueView.allCases.map { QueueQuery(view: $0, agent: agent, levels: levels) }
        let allKeyQuery = QueueQuery(view: .all, agent: agent, levels: levels)
        // One pass over the cases: each case's keys, the views it is in, and its wait, held in
        // flat arrays by position; then the positions are sorted, not the ids (no string is
        // retained or released per comparison).
        let n = desk.cases.count
        var ids: [CaseID] = [], shared: [SortKey] = [], member: [UInt16] = [], wait: [Date?] = []
        ids.reserveCapacity(n); shared.reserveCapacity(n); member.reserveCapacity(n); wait.reserveCapacity(n)
        var own = [[(key: SortKey, at: Int32)]](repeating: [], count: queries.count)
        var dues: [(Date, CaseID)] = []
        var duesOf: [CaseID: [Date]] = [:]
        var keysOf: [CaseID: CaseKeys] = [:]
        keysOf.reserveCapacity(n)
        desk.cases.forEach { c in
            let at = Int32(ids.count)
            let number = QueueQuery.caseNumber(c.id)
            var keys = CaseKeys(shared: allKeyQuery.sortKey(c, number: number), wait: c.status == .open ? c.waitingSince : nil)
            for (i, q) in queries.enumerated() where q.includes(c, now: now) {
                let key = Self.hasOwnOrder(q.view) ? q.sortKey(c, number: number) : keys.shared
                keys[i] = key
                if Self.hasOwnOrder(q.view) { own[i].append((key, at)) }
            }
            ids.append(c.id); shared.append(keys.shared); member.append(keys.member); wait.append(keys.wait)
            keysOf[c.id] = keys
            let open = c.followUps.filter { !$0.done }.map(\.due)
            if !open.isEmpty {
                duesOf[c.id] = open
                for d in open { dues.append((d, c.id)) }
            }
        }
        // Waiting, Mine, Escalated and Pending share All's key: sort once, split by membership.
        var byShared = (0..<Int32(n)).map { $0 }
        shared.withUnsafeBufferPointer { k in byShared.sort { k[Int($0)] < k[Int($1)] } }
        // The waits likewise: sorted once by (since, id), split by membership.
        var byWait = (0..<Int32(n)).filter { wait[Int($0)] != nil }
        byWait.sort { a, b in
            let x = wait[Int(a)]!, y = wait[Int(b)]!
            return x != y ? x < y : ids[Int(a)] < ids[Int(b)]
        }
        var built: [QueueView: SortedCaseIndex] = [:]
        var waits: [QueueView: [(since: Date, caseID: CaseID)]] = [:]
        for (i, q) in queries.enumerated() {
            let bit = UInt16(1) << UInt16(i)
            if Self.hasOwnOrder(q.view) {
                let sorted = own[i].sorted { $0.key < $1.key }
                built[q.view] = SortedCaseIndex(ids: sorted.map { ids[Int($0.at)] }, keys: sorted.map(\.key))
            } else {
                let inView = byShared.filter { member[Int($0)] & bit != 0 }
                built[q.view] = SortedCaseIndex(ids: inView.map { ids[Int($0)] }, keys: inView.map { shared[Int($0)] })
            }
            waits[q.view] = byWait.filter { member[Int($0)] & bit != 0 }.map { (since: wait[Int($0)]!, caseID: ids[Int($0)]) }
        }
        views = built
        self.keysOf = keysOf
        self.waits = waits
        self.dues = dues.sorted { ($0.0, $0.1) < ($1.0, $1.1) }.map { (due: $0.0, caseID: $0.1) }
        self.duesOf = duesOf
    }

    /// Follow-ups and Solved are ordered by their own keys; the other views by All's.
    static func hasOwnOrder(_ view: QueueView) -> Bool { view == .followups || view == .solved }

    public func isCurrent(desk: HelpDesk, agent: String, levels: ServiceLevels, now: Date) -> Bool {
        sequence == desk.lastSequence && self.agent == agent && self.levels == levels && now < validUntil
    }

    /// Brings the order up to date after the given cases changed (and the clock moved to `now`).
    /// Cases whose follow-up came due since the last update are refreshed too.
    public mutating func update(changed: Set<CaseID>, desk: HelpDesk, now: Date) {
        var touched = changed
        if now > asOf {
            // Follow-ups that came due move their case into Waiting.
            var i = dues.partitionPoint { $0.due <= asOf }
            while i < dues.count, dues[i].due <= now {
                touched.insert(dues[i].caseID)
                i += 1
            }
        }
        asOf = now
        sequence = desk.lastSequence
        let queries = QueueView.allCases.map { QueueQuery(view: $0, agent: agent, levels: levels) }
        for id in touched {
            let c = desk.cases[id]
            var keys = keysOf[id] ?? CaseKeys(shared: SortKey.none, wait: nil)
            let oldWait = keys.wait
            let newWait = c.flatMap { $0.status == .open ? $0.waitingSince : nil }
            keys.wait = newWait
            // The views that sort like All share one key: read the old keys from before any is changed.
            let before = keys
            for (i, q) in queries.enumerated() {
                // Most changes (a note, a reply to a waiting customer) leave a case where it is:
                // moving it anyway is a memmove of the whole view, 100,000 entries.
                let stays = before[i] != nil && oldWait == newWait && c.map { q.includes($0, now: now) && q.sortKey($0, now: now) == before[i] } == true
                if stays { continue }
                if let old = before[i] {
                    views[q.view]!.remove(id, key: old)
                    if let w = oldWait {
                        let at = waits[q.view]!.partitionPoint { ($0.since, $0.caseID) < (w, id) }
                        if at < waits[q.view]!.count, waits[q.view]![at].caseID == id { waits[q.view]!.remove(at: at) }
                    }
                }
                keys[i] = nil
                if let c, q.includes(c, now: now) {
                    let key = q.sortKey(c, now: now)
                    views[q.view]!.insert(id, key: key)
                    keys[i] = key
                    if let w = newWait {
                        let at = waits[q.view]!.partitionPoint { ($0.since, $0.caseID) < (w, id) }
                        waits[q.view]!.insert((since: w, caseID: id), at: at)
                    }
                }
            }
            keysOf[id] = c == nil ? nil : keys
            let open = c?.followUps.filter { !$0.done }.map(\.due) ?? []
            if (duesOf[id] ?? []) == open { continue }
            if let old = duesOf.removeValue(forKey: id) {
                dues.removeAll { $0.caseID == id && old.contains($0.due) }
            }
            if c != nil {
                if !open.isEmpty {
                    duesOf[id] = open
                    for d in open {
                        let at = dues.partitionPoint { ($0.due, $0.caseID) < (d, id) }
                        dues.insert((due: d, caseID: id), at: at)
                    }
                }
            }
        }
    }

    /// The rows of `query`, in the same order `query.run` gives. `matching`: the case numbers a
    /// search index found for the query's search (then no text is scanned here).
    public func rows(for query: QueueQuery, desk: HelpDesk, now: Date, matching: Set<Int>? = nil) -> [CaseID] {
        let needle = query.search.trimmingCharacters(in: .whitespaces).lowercased()
        if needle.isEmpty, query.agent == agent, query.levels == levels, let index = views[query.view] { return index.ids }
        let source = views[query.view].map(\.ids) ?? ordered
        if !needle.isEmpty, let matching {
            // No text is scanned: the view's order is walked with a bit per matching case
            // number (the number is in each sort key), and only matches are looked up.
            guard let highest = matching.max(), highest >= 0 else { return [] }
            var bits = [UInt64](repeating: 0, count: highest / 64 + 1)
            for n in matching where n >= 0 { bits[n >> 6] |= 1 << UInt64(n & 63) }
            let own = views[query.view]
            let index = own ?? views[.all]!
            // This order's own view, kept up to date, holds exactly the query's cases: no lookups.
            let exact = own != nil && query.agent == agent && query.levels == levels && now >= asOf && now < validUntil
            var rows: [CaseID] = []
            rows.reserveCapacity(min(matching.count, index.count))
            for (id, key) in zip(index.ids, index.keys) {
                let n = abs(key.tiebreak)
                guard n <= highest, bits[n >> 6] & (1 << UInt64(n & 63)) != 0 else { continue }
                if !exact { guard let c = desk.cases[id], query.includes(c, now: now) else { continue } }
                rows.append(id)
                if rows.count == matching.count { break }
            }
            return rows
        }
        return source.filter { id in
            guard let c = desk.cases[id], query.includes(c, now: now) else { return false }
            return needle.isEmpty || QueueQuery.matches(c, customer: desk.customer(of: c), needle: needle)
        }
    }

    /// When the longest-waiting customer in `view` started waiting (nil if nobody waits there).
    public func oldestWaitingSince(_ view: QueueView) -> Date? { waits[view]?.first?.since }

    /// The same among the cases whose numbers are in `matching` (a search). The sorted waits
    /// are walked to the first that matches, about waits/matches steps when the matches are
    /// spread out; with fewer matches than the square root of the waits, looking each one up is
    /// cheaper (walking would read most of the view, parsing every case id).
    public func oldestWaitingSince(_ view: QueueView, matching: Set<Int>) -> Date? {
        guard let sorted = waits[view] else { return nil }
        if matching.count * matching.count < sorted.count, let slot = QueueView.allCases.firstIndex(of: view) {
            var oldest: (since: Date, caseID: CaseID)?
            for n in matching {
                let id = "C-\(n)"
                // In this view and waiting: exactly the entries `waits[view]` holds.
                guard let keys = keysOf[id], let since = keys.wait, keys[slot] != nil else { continue }
                if oldest.map({ (since, id) < ($0.since, $0.caseID) }) ?? true { oldest = (since, id) }
            }
            return oldest?.since
        }
        return sorted.first { matching.contains(Int(SearchIndex.caseNumber($0.caseID) ?? -1)) }?.since
    }

    typealias SortKey = QueueQuery.SortKey
}

/// Case ids kept sorted by a key.
struct SortedCaseIndex: Sendable {
    private(set) var ids: [CaseID] = []
    private(set) var keys: [QueueQuery.SortKey] = []

    init(_ entries: [(QueueQuery.SortKey, CaseID)]) {
        let sorted = entries.sorted { $0.0 < $1.0 }
        ids = sorted.map(\.1)
        keys = sorted.map(\.0)
    }

    /// Entries already in key order.
    init(ids: [CaseID], keys: [QueueQuery.SortKey]) {
        self.ids = ids
        self.keys = keys
    }

    var count: Int { ids.count }

    mutating func remove(_ id: CaseID, key: QueueQuery.SortKey) {
        // Keys are unique per case (the case number breaks ties), so the first match is it.
        var i = keys.partitionPoint { $0 < key }
        while i < ids.count, ids[i] != id { i += 1 }
        guard i < ids.count else { return }
        ids.remove(at: i)
        keys.remove(at: i)
    }

    mutating func insert(_ id: CaseID, key: QueueQuery.SortKey) {
        let i = keys.partitionPoint { $0 < key }
        ids.insert(id, at: i)
        keys.insert(key, at: i)
    }
}
