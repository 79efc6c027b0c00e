import Foundation

/// What a report is grouped by.
public enum ReportGrouping: String, Sendable, CaseIterable {
    case agent, priority, channel, tag
}

/// Computes a report over [since, until) from the desk as it stands: each figure counts what
/// happened in the period (a case received in it, solved in it, a promise due in it, an offer
/// or rating made in it). Pure; the README's "Reports" defines every figure.
public enum DeskReporting {
    public static let backlogBuckets: [(name: String, below: TimeInterval)] = [
        ("<1h", 3600), ("1-4h", 4 * 3600), ("4-24h", 86400), ("1-3d", 3 * 86400), (">3d", .infinity),
    ]

    /// One group's raw values while the cases are counted; the figures are made from them at the end.
    struct Tally {
        var figures: GroupFigures
        var firstResponses: [TimeInterval] = []
        var resolutions: [TimeInterval] = []
        var recoveryTimes: [TimeInterval] = []
        var approvalWaits: [TimeInterval] = []
        var ratings: [Rating] = []
        var reviewScores: [Int] = []
        var requestsSent = 0, requestsAnswered = 0
        var oneTouch = 0, solvedForOneTouch = 0, reopened = 0, receivedForReopen = 0, recovered = 0

        init(_ group: String) { figures = GroupFigures(group: group) }

        func finished() -> GroupFigures {
            var f = figures
            f.firstResponse = DurationFigure(firstResponses)
            f.resolution = DurationFigure(resolutions)
            f.complaints.timeToFirstRecoveryAction = DurationFigure(recoveryTimes)
            f.complaints.recovered = ShareFigure(recovered, of: f.complaints.complaints)
            f.goodwill.approvalWait = DurationFigure(approvalWaits)
            f.oneTouch = ShareFigure(oneTouch, of: solvedForOneTouch)
            f.reopened = ShareFigure(reopened, of: receivedForReopen)
            f.ratings = DeskReporting.ratingFigures(ratings, requests: ShareFigure(requestsAnswered, of: requestsSent))
            f.quality.score = reviewScores.isEmpty ? nil : Double(reviewScores.reduce(0, +)) / Double(reviewScores.count)
            for (p, sla) in f.sla {
                f.sla[p]?.attainment = sla.met + sla.missed == 0 ? nil : Double(sla.met) / Double(sla.met + sla.missed)
            }
            return f
        }
    }

    public static func report(_ desk: HelpDesk, since: Date, until: Date, now: Date, levels: ServiceLevels,
                              by grouping: ReportGrouping? = nil) -> DeskReport {
        var tallies: [String: Tally] = ["all": Tally("all")]
        let inPeriod = { (d: Date) in d >= since && d < until }
        for id in desk.caseOrder {
            guard let c = desk.cases[id] else { continue }
            for key in ["all"] + groups(of: c, by: grouping) {
                var t = tallies[key] ?? Tally(key)
                count(c, into: &t, desk: desk, until: until, now: now, levels: levels, inPeriod: inPeriod, ratings: grouping != .agent || key == "all")
                tallies[key] = t
            }
        }
        // By agent, a rating counts for each agent it credits, not for who holds the case now.
        if grouping == .agent {
            for id in desk.caseOrder {
                guard let c = desk.cases[id] else { continue }
                for r in c.ratings where inPeriod(r.at) {
                    for agent in r.credited { tallies[agent, default: Tally(agent)].ratings.append(r) }
                }
            }
        }
        // Reviews count for the agent whose reply was reviewed (by agent), or the case's group.
        for id in desk.casesWithReviews {
            guard let c = desk.cases[id] else { continue }
            let keys = grouping == .agent ? [] : groups(of: c, by: grouping)
            for r in c.reviews {
                for key in ["all"] + (grouping == .agent ? [r.agent] : keys) {
                    countReview(r, into: &tallies[key, default: Tally(key)], now: now, inPeriod: inPeriod)
                }
            }
        }
        let ordered = ["all"] + tallies.keys.filter { $0 != "all" }.sorted()
        return DeskReport(since: since, until: until, by: grouping?.rawValue, groups: ordered.map { tallies[$0]!.finished() })
    }

    /// Cases received and solved on each of the `days` days up to `until` (oldest first), from
    /// the cases' heads only: the sparklines of the Reports screen.
    public static func daily(_ desk: HelpDesk, days: Int, until: Date, timeZone: TimeZone) -> (received: [Int], solved: [Int]) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let lastDay = calendar.startOfDay(for: until)
        let first = calendar.date(byAdding: .day, value: -(days - 1), to: lastDay)!
        var received = [Int](repeating: 0, count: days), solved = received
        func day(_ d: Date) -> Int? {
            guard d >= first, d < until else { return nil }
            let n = calendar.dateComponents([.day], from: first, to: calendar.startOfDay(for: d)).day ?? -1
            return (0..<days).contains(n) ? n : nil
        }
        desk.cases.forEach { c in
            if let i = day(c.openedAt) { received[i] += 1 }
            if c.status == .solved, let at = c.solvedAt, let i = day(at) { solved[i] += 1 }
        }
        return (received, solved)
    }

    static func groups(of c: SupportCase, by grouping: ReportGrouping?) -> [String] {
        guard let grouping else { return [] }
        switch grouping {
        case .agent: return [c.assignee ?? "unassigned"]
        case .priority: return [c.priority.rawValue]
        case .channel: return [(c.messages.first?.channel ?? .email).rawValue]
        case .tag: return c.tags.isEmpty ? ["untagged"] : c.tags
        }
    }

    static func count(_ c: SupportCase, into t: inout Tally, desk: HelpDesk, until: Date, now: Date, levels: ServiceLevels,
                      inPeriod: (Date) -> Bool, ratings countRatings: Bool) {
        // A stored thread is decoded only for the cases whose figures need their messages.
        if inPeriod(c.openedAt) {
            let messages = c.messages
            t.figures.received += 1
            let target = levels.target(for: c.priority)
            let deadline = c.openedAt.addingTimeInterval(target)
            var sla = t.figures.sla[c.priority.rawValue] ?? SLAFigure(target: target, met: 0, missed: 0, attainment: nil)
            if let reply = messages.first(where: { $0.isHumanReply }), reply.at < until {
                t.firstResponses.append(reply.at.timeIntervalSince(c.openedAt))
                if reply.at <= deadline { sla.met += 1 } else { sla.missed += 1 }
            } else if deadline < min(until, now) {
                sla.missed += 1   // still unanswered past its target
            }
            t.figures.sla[c.priority.rawValue] = sla
            t.receivedForReopen += 1
            if c.reopens > 0 { t.reopened += 1 }
            countComplaint(c, into: &t, desk: desk)
        }
        if c.status == .solved, let solved = c.solvedAt, inPeriod(solved) {
            t.figures.solved += 1
            t.resolutions.append(solved.timeIntervalSince(c.openedAt))
            t.solvedForOneTouch += 1
            if c.reopens == 0 && c.messages.filter(\.isHumanReply).count == 1 { t.oneTouch += 1 }
        }
        if c.status != .solved {
            let age = now.timeIntervalSince(c.openedAt)
            if let bucket = backlogBuckets.first(where: { age < $0.below }) { t.figures.backlog[bucket.name, default: 0] += 1 }
        }
        for f in c.followUps where inPeriod(f.due) {
            switch f.state {
            case .open: t.figures.promises.open += 1
            case let .kept(onTime): if onTime { t.figures.promises.keptOnTime += 1 } else { t.figures.promises.keptLate += 1 }
            case .cancelled: t.figures.promises.cancelled += 1
            }
            if f.brokenAt != nil { t.figures.promises.broken += 1 }
        }
        for a in c.apologies where inPeriod(a.at) { t.figures.apologies[a.kind.rawValue, default: 0] += 1 }
        for e in escalations(of: c) where inPeriod(e.at) { t.figures.escalations[e.level.rawValue, default: 0] += 1 }
        for o in c.offers where inPeriod(o.at) {
            if o.inEffect {
                t.figures.goodwill.given[o.kind.rawValue, default: 0] += 1
                if case let .money(m) = o.value { t.figures.goodwill.value[m.currency, default: 0] += m.minorUnits }
            }
            guard let a = o.approval else { continue }
            t.figures.goodwill.approvalsAsked += 1
            switch o.state {
            case .approved: t.figures.goodwill.approvalsGranted += 1
            case .declined: t.figures.goodwill.approvalsDeclined += 1
            default: t.figures.goodwill.approvalsOpen += 1
            }
            if let answer = a.answer { t.approvalWaits.append(answer.at.timeIntervalSince(o.at)) }
        }
        if countRatings { t.ratings += c.ratings.filter { inPeriod($0.at) } }
        for r in c.feedbackRequests where inPeriod(r.at) {
            t.requestsSent += 1
            if r.answeredAt != nil { t.requestsAnswered += 1 }
        }
    }

    static func countReview(_ r: Review, into t: inout Tally, now: Date, inPeriod: (Date) -> Bool) {
        if inPeriod(r.at) {
            var q = t.figures.quality
            q.reviews += 1
            if let score = r.score { t.reviewScores.append(score) }
            if r.criticalMissed { q.criticalMissed += 1 }
            if r.verdict == .praise { q.praised += 1 } else { q.coached += 1 }
            switch r.answer?.disputed {
            case .some: q.disputed += 1
            case .none: if r.answer == nil { q.unanswered += 1 } else { q.acknowledged += 1 }
            }
            t.figures.quality = q
        }
        guard let a = r.action, inPeriod(a.due) else { return }
        if a.doneAt != nil {
            if a.keptOnTime { t.figures.quality.actionsOnTime += 1 } else { t.figures.quality.actionsLate += 1 }
        } else if a.due < now {
            t.figures.quality.actionsOverdue += 1
        } else {
            t.figures.quality.actionsOpen += 1
        }
    }

    /// A complaint: an apology, a recovery, an escalation, a bad rating, or the tag "complaint".
    /// Recovered: rated 4–5 after it started, or the customer opened another case within 90 days
    /// of this one that shows no complaint.
    static func countComplaint(_ c: SupportCase, into t: inout Tally, desk: HelpDesk) {
        guard let start = complaintStart(c) else { return }
        t.figures.complaints.complaints += 1
        let actions = c.apologies.map(\.at) + c.offers.map(\.at) + c.recoveries.map(\.at)
        if let first = actions.min() { t.recoveryTimes.append(first.timeIntervalSince(c.openedAt)) }
        let goodAfter = c.ratings.contains { $0.at >= start && $0.score >= 4 }
        let cameBack = (desk.casesByCustomer[c.customerID] ?? []).contains { id in
            guard id != c.id, let k = desk.cases[id], k.openedAt > c.openedAt,
                  k.openedAt.timeIntervalSince(c.openedAt) <= 90 * 86400 else { return false }
            return complaintStart(k) == nil
        }
        if goodAfter || cameBack { t.recovered += 1 }
    }

    static func complaintStart(_ c: SupportCase) -> Date? {
        var starts = c.apologies.map(\.at) + c.recoveries.map(\.at) + c.ratings.filter(\.isBad).map(\.at) + escalations(of: c).map(\.at)
        if c.tags.contains("complaint") { starts.append(c.openedAt) }
        return starts.min()
    }

    /// Every escalation a case has had, the standing one and those taken back (its history).
    static func escalations(of c: SupportCase) -> [(level: EscalationLevel, at: Date)] {
        c.activity.compactMap { a -> (EscalationLevel, Date)? in
            guard a.text.hasPrefix("escalated to ") else { return nil }
            return (a.text.hasPrefix("escalated to \(EscalationLevel.supervisor.label)") ? .supervisor : .tier2, a.at)
        }
    }

    static func ratingFigures(_ ratings: [Rating], requests: ShareFigure) -> RatingFigures {
        var f = RatingFigures()
        f.count = ratings.count
        f.average = ratings.isEmpty ? nil : Double(ratings.map(\.score).reduce(0, +)) / Double(ratings.count)
        f.good = ShareFigure(ratings.filter { $0.score >= 4 }.count, of: ratings.count)
        f.requests = requests
        return f
    }
}
