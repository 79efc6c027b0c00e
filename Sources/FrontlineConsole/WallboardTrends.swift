import Foundation
import FrontlineCore
import FrontlineTUI

/// The wallboard's day and its last hours: the oldest wait every 15 minutes over the last four
/// hours (worked out from each recently active case's messages: a customer waits from their
/// message until an agent's reply, or until now while the case is open), received vs solved
/// today, SLA attainment on today's cases, ratings today, approvals waiting, and the share of
/// the week's complaints recovered. Nothing of it names a customer. Pure; the wallboard works
/// it out once a minute, not every second.
public struct WallboardTrends: Sendable, Equatable {
    public static let step: TimeInterval = 15 * 60
    public static let samples = 17   // four hours and now

    /// Oldest wait at each sample, oldest sample first (0: nobody waited).
    public var oldestWait: [TimeInterval] = []
    public var receivedToday = 0
    public var solvedToday = 0
    public var slaToday: SLAFigure?
    public var ratingsToday = 0
    public var ratingAverageToday: Double?
    public var approvalsWaiting = 0
    public var weekRecovered = ShareFigure(0, of: 0)
    /// Today's praise a supervisor put on the wallboard, newest first: "bob: a clear next step,
    /// in the customer's language" — the agent and what they did well, never the customer or the note.
    public var shoutOuts: [String] = []

    /// `weekRecovered`: the week's figure when the caller has it (it reads a week of cases'
    /// threads, so the wallboard works it out less often than the rest).
    public init(desk: HelpDesk, now: Date, levels: ServiceLevels, timeZone: TimeZone, weekRecovered: ShareFigure? = nil) {
        let (midnight, _) = WallboardFigures.day(of: now, in: timeZone)
        let times = (0..<Self.samples).map { now.addingTimeInterval(-Double(Self.samples - 1 - $0) * Self.step) }
        let windowStart = times[0]
        var oldest = [TimeInterval](repeating: 0, count: Self.samples)
        desk.cases.forEach { c in
            if c.openedAt >= midnight { receivedToday += 1 }
            if c.status == .solved, let at = c.solvedAt, at >= midnight { solvedToday += 1 }
            for r in c.ratings where r.at >= midnight { ratingsToday += 1; ratingAverageToday = (ratingAverageToday ?? 0) + Double(r.score) }
            // Only a case active in the window, or waiting now, can have waited in it.
            guard c.lastActivityAt >= windowStart || (c.status == .open && c.waitingSince != nil) else { return }
            for (start, end) in Self.waits(c, now: now) {
                for (i, t) in times.enumerated() where start <= t && t < end { oldest[i] = max(oldest[i], t.timeIntervalSince(start)) }
            }
        }
        oldestWait = oldest
        if ratingsToday > 0 { ratingAverageToday = ratingAverageToday.map { $0 / Double(ratingsToday) } }
        if receivedToday > 0 {
            let report = DeskReporting.report(desk, since: midnight, until: now, now: now, levels: levels)
            let slas = report.groups[0].sla.values
            let met = slas.reduce(0) { $0 + $1.met }, missed = slas.reduce(0) { $0 + $1.missed }
            slaToday = SLAFigure(target: 0, met: met, missed: missed, attainment: met + missed == 0 ? nil : Double(met) / Double(met + missed))
        }
        approvalsWaiting = desk.offersAwaitingApproval.count
        shoutOuts = Self.shoutOuts(desk: desk, since: midnight)
        self.weekRecovered = weekRecovered ?? Self.weekRecovery(desk: desk, now: now, levels: levels)
    }

    static func shoutOuts(desk: HelpDesk, since: Date) -> [String] {
        desk.allReviews().filter { $0.review.shoutOut && $0.review.verdict == .praise && $0.review.at >= since }.map { entry in
            let r = entry.review
            let well = r.items.filter { $0.mark == .met }.map { TextSanitiser.singleLine($0.item.label) }
            return TextSanitiser.singleLine(r.agent) + (well.isEmpty ? "" : ": " + well.joined(separator: ", "))
        }
    }

    /// The share of the last seven days' complaints recovered, as the report defines it.
    public static func weekRecovery(desk: HelpDesk, now: Date, levels: ServiceLevels) -> ShareFigure {
        DeskReporting.report(desk, since: now.addingTimeInterval(-7 * 86400), until: now, now: now, levels: levels).groups[0].complaints.recovered
    }

    /// When the customer waited on `c`: from a message of theirs to the next agent reply (or now).
    static func waits(_ c: SupportCase, now: Date) -> [(Date, Date)] {
        var out: [(Date, Date)] = []
        var since: Date?
        for m in c.messages {
            if m.direction == .inbound, m.mail?.automatic == nil {
                if since == nil { since = m.at }
            } else if m.isHumanReply, let s = since {
                out.append((s, m.at))
                since = nil
            }
        }
        // Still waiting: the wait runs on (through the sample at now).
        if let s = since { out.append((s, c.status == .open ? .distantFuture : (c.solvedAt ?? now))) }
        return out
    }
}
