import Foundation

/// Which solved cases are due their "how did we do?": kept by the server beside the desk (not
/// in it: nothing of it needs to be durable, and a million solved cases need no index). It is
/// seeded once from the recently solved cases and then follows the events; a case leaves it
/// when it is asked, rated, reopened, or passed over (`FeedbackRules.notOlderThan`).
public struct FeedbackScheduler: Sendable {
    public private(set) var waiting: [CaseID: Date] = [:]
    public let rules: FeedbackRules

    public init(rules: FeedbackRules, desk: HelpDesk, now: Date) {
        self.rules = rules
        let since = now.addingTimeInterval(-rules.notOlderThan)
        desk.cases.forEach { c in
            if let at = c.solvedAt, at > since, Self.needsAsking(c) { waiting[c.id] = at }
        }
    }

    static func needsAsking(_ c: SupportCase) -> Bool {
        guard c.status == .solved, let at = c.solvedAt else { return false }
        return !c.feedbackRequests.contains { $0.at >= at } && !c.ratings.contains { $0.at >= at }
    }

    /// The cases these events touched, as they stand now.
    public mutating func note(_ events: [Event], desk: HelpDesk) {
        for id in Set(events.map(\.caseID)) {
            guard let c = desk.cases[id], Self.needsAsking(c), let at = c.solvedAt else { waiting[id] = nil; continue }
            waiting[id] = at
        }
    }

    /// At most this many requests a round: deciding one reads its case's thread, and the loop
    /// that asks serves the consoles too (the rest wait for the next rounds).
    public static let perRound = 50

    /// The requests due now, oldest solve first, at most `perRound`; cases too old to ask are let go.
    public mutating func due(now: Date, desk: HelpDesk) -> [Command] {
        var ready: [(Date, CaseID)] = []
        for (id, solvedAt) in waiting {
            if solvedAt < now.addingTimeInterval(-rules.notOlderThan) { waiting[id] = nil; continue }
            if solvedAt.addingTimeInterval(rules.after) <= now { ready.append((solvedAt, id)) }
        }
        ready.sort { ($0.0, $0.1) < ($1.0, $1.1) }
        return ready.prefix(Self.perRound).map { solvedAt, id in
            // Asked or refused, the case is done with: a refusal (cooldown, an automatic sender) is final.
            waiting[id] = nil
            return .requestFeedback(id, cooldown: rules.cooldown, expires: rules.expires)
        }
    }
}
