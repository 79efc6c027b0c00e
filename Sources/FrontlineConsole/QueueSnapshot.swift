import Foundation
import FrontlineCore

/// The ordered rows of the current view plus the counts of every view, computed once per store
/// change (not per keystroke or frame): at 100,000 cases sorting is the expensive part, and
/// moving the selection must not pay for it.
public struct QueueSnapshot: Sendable, Equatable {
    public var rows: [CaseID]
    public var counts: [QueueView: Int]
    /// What it was computed from; recompute when any of it changes.
    public var sequence: UInt64
    public var query: QueueQuery
    /// The next moment a follow-up comes due: membership of the Waiting view changes then.
    public var validUntil: Date
    /// Due times of every open follow-up, sorted: "n overdue" is a binary search per frame.
    public var openFollowUpDues: [Date]
    /// The longest-waiting customer in this view (for the title), without scanning rows per frame.
    public var oldestWaitingSince: Date?
    /// For a search: the search index's generation it was computed with, and whether the index
    /// was ready (until it is, a search shows nothing and says why).
    public var searchGeneration: Int = 0
    public var searchPending = false

    public init(desk: HelpDesk, query: QueueQuery, now: Date) {
        self.init(order: QueueOrder(desk: desk, agent: query.agent, levels: query.levels, now: now), desk: desk, query: query, now: now)
    }

    /// The view as a filter of an already sorted order: cheap enough for a keystroke.
    public init(order: QueueOrder, desk: HelpDesk, query: QueueQuery, now: Date) {
        self.init(order: order, desk: desk, query: query, now: now, matching: nil)
    }

    /// `matching`: what the search index found for `query.search` (nil: scan, as small desks may).
    init(order: QueueOrder, desk: HelpDesk, query: QueueQuery, now: Date, matching: Set<Int>?, searchGeneration: Int = 0, searchPending: Bool = false) {
        self.searchGeneration = searchGeneration
        self.searchPending = searchPending
        rows = searchPending ? [] : order.rows(for: query, desk: desk, now: now, matching: matching)
        counts = order.counts
        sequence = order.sequence
        self.query = query
        openFollowUpDues = order.openFollowUpDues
        validUntil = order.validUntil
        if query.search.trimmingCharacters(in: .whitespaces).isEmpty {
            oldestWaitingSince = order.oldestWaitingSince(query.view)
        } else if let matching {
            oldestWaitingSince = order.oldestWaitingSince(query.view, matching: matching)
        } else {
            var oldest: Date?
            for id in rows {
                if let c = desk.cases[id], c.status == .open, let w = c.waitingSince, oldest == nil || w < oldest! { oldest = w }
            }
            oldestWaitingSince = oldest
        }
    }

    /// Open follow-ups due at or before `now`.
    public func overdueCount(at now: Date) -> Int {
        var lo = 0, hi = openFollowUpDues.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if openFollowUpDues[mid] <= now { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    public func isCurrent(desk: HelpDesk, query: QueueQuery, now: Date, searchGeneration: Int = 0) -> Bool {
        sequence == desk.lastSequence && self.query == query && now < validUntil
            && (query.search.isEmpty || self.searchGeneration == searchGeneration)
    }

    public func index(of id: CaseID?) -> Int? {
        guard let id else { return nil }
        return rows.firstIndex(of: id)
    }
}

/// What update and render read: the store's state, the clock, and the cached queue.
public struct ConsoleWorld: Sendable {
    public var desk: HelpDesk
    public var now: Date
    public var queue: QueueSnapshot
    public var levels: ServiceLevels
    public var timeZone: TimeZone { time.timeZone }
    /// Date formatting in the agent's zone; built once (a Calendar is costly to make per row).
    public var time: TimeText
    public var threadCache: ThreadLayoutCache
    /// Other agents' open cases (from the team server), for "bob is replying".
    public var others: [AgentPresence] = []
    /// The reply templates the console offers (`i`, `:template`, apologies).
    public var templates = TemplateLibrary.bundled
    /// Who may give what (`[authority]`): the picker's room and the status line. The store that
    /// decides (the team server's, on a shared desk) has the final word.
    public var authority = GoodwillAuthority.embedded
    /// The solution articles the reply pane suggests (`u`, `:solution`).
    public var solutions = SolutionLibrary.bundled
    /// The weekly sample and the scorecard (`[review]`).
    public var review = ReviewSettings()

    public init(desk: HelpDesk, now: Date, queue: QueueSnapshot, levels: ServiceLevels, time: TimeText,
                threadCache: ThreadLayoutCache = ThreadLayoutCache()) {
        self.threadCache = threadCache
        self.desk = desk
        self.now = now
        self.queue = queue
        self.levels = levels
        self.time = time
    }

    /// The case under the selection, if the queue is not empty.
    public func selectedCase(_ state: ConsoleState) -> SupportCase? {
        if let pinned = caseBeingAnswered(state) { return pinned }
        let i = queue.index(of: state.selectedCaseID) ?? min(state.selectedIndex, queue.rows.count - 1)
        guard i >= 0, i < queue.rows.count else { return nil }
        return desk.cases[queue.rows[i]]
    }

    /// The case whose reply the agent is writing stays theirs on screen even when it leaves the
    /// view (a colleague answered it, it was solved): the reply and the "changed" prompt need it.
    public func caseBeingAnswered(_ state: ConsoleState) -> SupportCase? {
        guard state.focus == .reply, let id = state.editorCaseID, id == state.selectedCaseID,
              queue.index(of: id) == nil else { return nil }
        return desk.cases[id]
    }
}
