import Foundation

/// The shapes of a report's figures: what `frontline report --format json` prints (field names
/// are stable; every figure is defined in the README under "Reports").
public struct DurationFigure: Codable, Sendable, Equatable {
    public var count: Int
    /// Seconds, nearest rank (the value at rank ⌈p·n⌉ of the sorted durations); nil with no data.
    public var median: Double?
    public var p90: Double?

    public init(_ seconds: [TimeInterval]) {
        let sorted = seconds.sorted()
        count = sorted.count
        median = Self.rank(0.5, sorted)
        p90 = Self.rank(0.9, sorted)
    }

    static func rank(_ p: Double, _ sorted: [TimeInterval]) -> Double? {
        guard !sorted.isEmpty else { return nil }
        let r = Int((p * Double(sorted.count)).rounded(.up))
        return sorted[max(1, min(sorted.count, r)) - 1]
    }
}

public struct ShareFigure: Codable, Sendable, Equatable {
    public var count: Int
    public var of: Int
    /// `count / of`, nil when `of` is 0.
    public var share: Double?

    public init(_ count: Int, of: Int) {
        self.count = count
        self.of = of
        share = of == 0 ? nil : Double(count) / Double(of)
    }
}

public struct SLAFigure: Codable, Sendable, Equatable {
    public var target: TimeInterval
    public var met: Int
    public var missed: Int
    public var attainment: Double?

    public init(target: TimeInterval, met: Int, missed: Int, attainment: Double?) {
        self.target = target
        self.met = met
        self.missed = missed
        self.attainment = attainment
    }
}

public struct PromiseFigures: Codable, Sendable, Equatable {
    public var keptOnTime = 0, keptLate = 0, broken = 0, cancelled = 0, open = 0
}

public struct ComplaintFigures: Codable, Sendable, Equatable {
    public var complaints = 0
    /// Complaints whose customer rated us 4 or 5 afterwards, or came back within 90 days with no new complaint.
    public var recovered: ShareFigure = ShareFigure(0, of: 0)
    /// From the case's opening to the first apology, offer or recovery.
    public var timeToFirstRecoveryAction = DurationFigure([])
    /// The line the rate is read against: seven customers in ten.
    public var target = 0.7
}

public struct GoodwillFigures: Codable, Sendable, Equatable {
    /// Given or approved, by kind: how many, and the money by currency (minor units).
    public var given: [String: Int] = [:]
    public var value: [String: Int64] = [:]
    public var approvalsAsked = 0, approvalsGranted = 0, approvalsDeclined = 0, approvalsOpen = 0
    /// From asking to the answer, for the answered ones.
    public var approvalWait = DurationFigure([])
}

public struct RatingFigures: Codable, Sendable, Equatable {
    public var count = 0
    public var average: Double?
    /// Rated 4 or 5.
    public var good: ShareFigure = ShareFigure(0, of: 0)
    /// Feedback requests mailed in the period, and how many were answered.
    public var requests: ShareFigure = ShareFigure(0, of: 0)
}

/// Supervisors' reviews made in the period (by agent: credited to the agent whose reply was
/// reviewed), and coaching's action items due in it.
public struct QualityFigures: Codable, Sendable, Equatable {
    public var reviews = 0
    /// The mean of the reviews' scores (0–100; a missed critical item scores 0); nil with none scored.
    public var score: Double?
    public var criticalMissed = 0
    public var praised = 0, coached = 0
    public var acknowledged = 0, disputed = 0, unanswered = 0
    /// Action items due in the period: done by the due date, done after it, not done and past due, not yet due.
    public var actionsOnTime = 0, actionsLate = 0, actionsOverdue = 0, actionsOpen = 0
}

/// One group's figures ("all", or one agent, priority, channel or tag).
public struct GroupFigures: Codable, Sendable, Equatable {
    public var group: String
    public var received = 0
    public var solved = 0
    public var firstResponse = DurationFigure([])
    public var sla: [String: SLAFigure] = [:]
    public var resolution = DurationFigure([])
    public var oneTouch: ShareFigure = ShareFigure(0, of: 0)
    public var reopened: ShareFigure = ShareFigure(0, of: 0)
    /// Open or pending now, by how long since they were opened.
    public var backlog: [String: Int] = [:]
    public var promises = PromiseFigures()
    public var complaints = ComplaintFigures()
    public var apologies: [String: Int] = [:]
    public var escalations: [String: Int] = [:]
    public var goodwill = GoodwillFigures()
    public var ratings = RatingFigures()
    public var quality = QualityFigures()

    public init(group: String) { self.group = group }
}

public struct DeskReport: Codable, Sendable, Equatable {
    public var since: Date
    public var until: Date
    public var by: String?
    /// "all" first, then each group by name.
    public var groups: [GroupFigures]
}
