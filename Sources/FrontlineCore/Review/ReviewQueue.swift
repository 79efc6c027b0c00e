import Foundation

/// A reply waiting for a supervisor's review: in the week's sample of its agent's replies, or
/// flagged because its case calls for a look (or both).
public struct ReviewCandidate: Sendable, Equatable {
    public var reply: ReplyReference
    public var agent: String
    public var at: Date
    public var flags: [ReviewFlag]
    public var sampled: Bool

    public init(reply: ReplyReference, agent: String, at: Date, flags: [ReviewFlag], sampled: Bool) {
        self.reply = reply
        self.agent = agent
        self.at = at
        self.flags = flags
        self.sampled = sampled
    }
}

/// The review queue of a period (a week): for each agent, `sample` of their replies drawn at
/// random, plus the last reply of each agent on every case that calls for a look; the replies
/// already reviewed leave it. Pure and reproducible: the draw is seeded by the agent and the
/// week, so every console and `frontline review queue` see the same sample all week, and a
/// reply coming in later displaces one already drawn only when it ranks lower.
public enum ReviewQueue {
    /// The week (Monday 00:00 to the next, in `timeZone`) that holds `date`.
    public static func week(containing date: Date, timeZone: TimeZone) -> DateInterval {
        var calendar = Calendar(identifier: .iso8601)
        calendar.timeZone = timeZone
        let start = calendar.dateInterval(of: .weekOfYear, for: date)?.start ?? calendar.startOfDay(for: date)
        let end = calendar.date(byAdding: .day, value: 7, to: start) ?? start.addingTimeInterval(7 * 86400)
        return DateInterval(start: start, end: end)
    }

    public static func candidates(in desk: HelpDesk, period: DateInterval, sample: Int) -> [ReviewCandidate] {
        var drawn: [String: [(rank: UInt64, reply: ReplyReference, at: Date)]] = [:]
        var flagged: [ReplyReference: ReviewCandidate] = [:]
        let inPeriod = { (d: Date) in d >= period.start && d < period.end }
        for id in desk.caseOrder {
            // A reply in the period made the case active then: older cases are not decoded.
            guard let c = desk.cases[id], c.lastActivityAt >= period.start else { continue }
            let messages = c.messages
            var lastByAgent: [String: Int] = [:]
            for (i, m) in messages.enumerated() where m.isHumanReply && inPeriod(m.at) {
                drawn[m.author, default: []].append((rank(m.author, period.start, id, i), ReplyReference(caseID: id, message: i), m.at))
                lastByAgent[m.author] = i
            }
            for (agent, i) in lastByAgent where c.review(of: i) == nil {
                let flags = flags(on: c, agent: agent, since: period.start)
                guard !flags.isEmpty else { continue }
                let ref = ReplyReference(caseID: id, message: i)
                flagged[ref] = ReviewCandidate(reply: ref, agent: agent, at: messages[i].at, flags: flags, sampled: false)
            }
        }
        var sampled: [ReviewCandidate] = []
        for (agent, replies) in drawn.sorted(by: { $0.key < $1.key }) {
            // Reviewed replies count toward the sample: reviewing it empties the queue, not refills it.
            for r in replies.sorted(by: { $0.rank < $1.rank }).prefix(max(0, sample)) {
                if flagged[r.reply] != nil { flagged[r.reply]?.sampled = true; continue }
                guard desk.cases[r.reply.caseID]?.review(of: r.reply.message) == nil else { continue }
                sampled.append(ReviewCandidate(reply: r.reply, agent: agent, at: r.at, flags: [], sampled: true))
            }
        }
        // The most reasons first, then the oldest; the rest by agent and time (ties by the reply, so the order is stable).
        let first = flagged.values.sorted { a, b in
            a.flags.count != b.flags.count ? a.flags.count > b.flags.count : (a.at, a.reply.caseID, a.reply.message) < (b.at, b.reply.caseID, b.reply.message)
        }
        return first + sampled.sorted { ($0.agent, $0.at, $0.reply.caseID, $0.reply.message) < ($1.agent, $1.at, $1.reply.caseID, $1.reply.message) }
    }

    /// What about `agent`'s part in the case calls for a look, counting what happened since `since`.
    public static func flags(on c: SupportCase, agent: String, since: Date) -> [ReviewFlag] {
        var out: [ReviewFlag] = []
        if c.ratings.contains(where: { $0.isBad && $0.at >= since && $0.credited.contains(agent) }) { out.append(.badRating) }
        if c.followUps.contains(where: { $0.by == agent && ($0.brokenAt.map { $0 >= since } ?? false) }) { out.append(.brokenPromise) }
        if c.offers.contains(where: { $0.by == agent && $0.approval != nil && $0.at >= since }) { out.append(.overAllowance) }
        if let at = c.reopenedAt, at >= since { out.append(.reopened) }
        return out
    }

    /// FNV-1a over the reply's names: stable across runs and machines (Swift's `Hasher` is not).
    static func rank(_ agent: String, _ week: Date, _ caseID: CaseID, _ message: Int) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in "\(agent)|\(Int64(week.timeIntervalSince1970))|\(caseID)|\(message)".utf8 {
            h ^= UInt64(byte)
            h = h &* 0x100_0000_01b3
        }
        // FNV's low bits mix poorly for names that differ only at the end: one SplitMix step evens them.
        var g = SeededRandom(seed: h)
        return g.next()
    }
}

extension SupportCase {
    /// The review of message `index`, if it has one.
    public func review(of index: Int) -> Review? { reviews.first { $0.message == index } }
}

extension HelpDesk {
    /// Every review on the desk with its case, newest first (the Review screen, `frontline review list`).
    public func allReviews() -> [(caseID: CaseID, review: Review)] {
        var all: [(caseID: CaseID, review: Review)] = []
        for id in casesWithReviews { for r in cases[id]?.reviews ?? [] { all.append((id, r)) } }
        return all.sorted { ($0.review.at, $0.caseID, $0.review.message) > ($1.review.at, $1.caseID, $1.review.message) }
    }
}
