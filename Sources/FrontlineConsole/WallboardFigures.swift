import Foundation
import FrontlineCore
import FrontlineTUI

/// Every number the wallboard shows, computed from the desk, the time, the SLA targets and the
/// supervisor's time zone. Pure, so tests can assert each figure exactly with a manual clock.
///
/// Definitions:
/// - waiting: open cases whose customer is waiting for us (`waitingSince` set);
/// - oldest wait: the longest of those waits, and its case;
/// - histogram: the waiting cases by wait, `<15m`, `<1h`, `<4h`, `<1d`, `older`;
/// - breached / breaching soon: waiting cases past their first-response deadline, and those whose
///   deadline falls in the next 30 minutes;
/// - escalations: escalated cases not solved, by level;
/// - follow-ups: open follow-ups due at or before now (overdue), and those due later today;
/// - per agent: cases assigned and not solved, the longest customer wait among them, and
///   replies (outbound messages by that agent) since local midnight.
public struct WallboardFigures: Sendable, Equatable {
    public struct Bucket: Sendable, Equatable {
        public var label: String
        /// Waits below this many seconds (nil: the open-ended last bucket).
        public var below: TimeInterval?
        public var count: Int
    }

    public struct AgentLine: Sendable, Equatable {
        /// Sanitised for one line.
        public var name: String
        public var openCases: Int
        /// The longest customer wait among the agent's open cases; nil when none is waiting.
        public var oldestWait: TimeInterval?
        public var repliesToday: Int
    }

    public static let breachWindow: TimeInterval = 30 * 60
    public static let bucketBounds: [(String, TimeInterval?)] = [
        ("<15m", 15 * 60), ("<1h", 3600), ("<4h", 4 * 3600), ("<1d", 86400), ("older", nil),
    ]

    public var now: Date
    public var waiting = 0
    public var oldestWait: TimeInterval?
    public var oldestCaseID: CaseID?
    /// "Åsa L.": first name and last initial, sanitised; nil when redacted or unknown.
    public var oldestCustomer: String?
    public var oldestSLA: SLAState = .none
    public var buckets: [Bucket]
    public var breached = 0
    public var breachingSoon = 0
    public var escalations: [EscalationLevel: Int] = [:]
    public var followUpsOverdue = 0
    public var followUpsDueToday = 0
    /// Sorted by name.
    public var agents: [AgentLine] = []

    /// Nothing counted yet: every bucket and escalation level at zero.
    init(now: Date) {
        self.now = now
        buckets = Self.bucketBounds.map { Bucket(label: $0.0, below: $0.1, count: 0) }
        for level in EscalationLevel.allCases { escalations[level] = 0 }
    }

    /// The full pass over the desk: the definition of every figure (`WallboardTally` keeps the
    /// same numbers incrementally).
    public init(desk: HelpDesk, now: Date, levels: ServiceLevels, timeZone: TimeZone, redact: Bool = false) {
        self.init(now: now)
        let (midnight, tomorrow) = Self.day(of: now, in: timeZone)

        var perAgent: [String: AgentLine] = [:]
        var oldestSince: Date?
        var oldestCase: SupportCase?

        for id in desk.caseOrder {
            guard let c = desk.cases[id] else { continue }
            let waitingSince = c.status == .open ? c.waitingSince : nil
            if let since = waitingSince {
                waiting += 1
                let wait = Self.wait(since, now)
                let i = buckets.firstIndex { $0.below.map { wait < $0 } ?? true } ?? buckets.count - 1
                buckets[i].count += 1
                // Ties go to the case opened first (caseOrder), so the figure is stable.
                if oldestSince == nil || since < oldestSince! {
                    oldestSince = since
                    oldestCase = c
                }
                if let deadline = levels.deadline(for: c) {
                    let left = deadline.timeIntervalSince(now)
                    if left < 0 { breached += 1 } else if left <= Self.breachWindow { breachingSoon += 1 }
                }
            }
            if let e = c.escalation, c.status != .solved { escalations[e.level, default: 0] += 1 }
            for f in c.followUps where !f.done {
                if f.due <= now { followUpsOverdue += 1 } else if f.due < tomorrow { followUpsDueToday += 1 }
            }
            if let agent = c.assignee, c.status != .solved {
                var line = perAgent[agent] ?? AgentLine(name: agent, openCases: 0, oldestWait: nil, repliesToday: 0)
                line.openCases += 1
                if let since = waitingSince {
                    let wait = Self.wait(since, now)
                    line.oldestWait = max(line.oldestWait ?? 0, wait)
                }
                perAgent[agent] = line
            }
            for m in c.messages where m.direction == .outbound && m.at >= midnight && m.at <= now {
                perAgent[m.author, default: AgentLine(name: m.author, openCases: 0, oldestWait: nil, repliesToday: 0)].repliesToday += 1
            }
        }
        if let c = oldestCase, let since = oldestSince {
            oldestWait = Self.wait(since, now)
            oldestCaseID = c.id
            oldestSLA = levels.state(of: c, at: now)
            if !redact, let name = desk.customer(of: c)?.name {
                oldestCustomer = Self.shortName(name)
            }
        }
        agents = perAgent.keys.sorted().map { key in
            var line = perAgent[key]!
            line.name = TextSanitiser.singleLine(line.name)
            return line
        }
    }

    /// The supervisor's local day around `now`: "replies today", "due today".
    static func day(of now: Date, in timeZone: TimeZone) -> (midnight: Date, tomorrow: Date) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let midnight = calendar.startOfDay(for: now)
        return (midnight, calendar.date(byAdding: .day, value: 1, to: midnight) ?? midnight.addingTimeInterval(86400))
    }

    /// Whole milliseconds, as the journal keeps times, so a wait is exact (no floating-point dust).
    static func wait(_ since: Date, _ now: Date) -> TimeInterval {
        max(0, (now.timeIntervalSince(since) * 1000).rounded() / 1000)
    }

    /// "Åsa Lindqvist" → "Åsa L."; a single name stays as it is. Sanitised first.
    public static func shortName(_ name: String) -> String {
        let words = TextSanitiser.singleLine(name).split(separator: " ")
        guard let first = words.first else { return "" }
        guard words.count > 1, let initial = words.last?.first else { return String(first) }
        return "\(first) \(initial)."
    }

    public func bucketCount(_ label: String) -> Int? { buckets.first { $0.label == label }?.count }
    public func agent(_ name: String) -> AgentLine? { agents.first { $0.name == name } }
}
