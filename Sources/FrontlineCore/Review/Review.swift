import Foundation

/// A supervisor's review of one reply: the scorecard as marked, then praise or coaching, and
/// the agent's answer to it. Kept on the reply's case (`SupportCase.reviews`), one per reply.
public struct Review: Codable, Sendable, Equatable {
    /// The reply's place in the case's messages.
    public var message: Int
    /// Who wrote the reply.
    public var agent: String
    public var by: String
    public var at: Date
    public var items: [ScoredItem]
    public var verdict: ReviewVerdict
    /// What the supervisor tells the agent (required to coach).
    public var note: String?
    /// Praise also shown on the wallboard, with the agent's name and the items met only.
    public var shoutOut: Bool
    /// Coaching's action item: a promise the agent makes.
    public var action: CoachingAction?
    /// Why the reply called for a look, as the desk saw it when reviewed.
    public var flags: [ReviewFlag]
    public var answer: ReviewAnswer?

    public init(message: Int, agent: String, by: String, at: Date, items: [ScoredItem], verdict: ReviewVerdict, note: String?,
                shoutOut: Bool = false, action: CoachingAction? = nil, flags: [ReviewFlag] = [], answer: ReviewAnswer? = nil) {
        self.message = message
        self.agent = agent
        self.by = by
        self.at = at
        self.items = items
        self.verdict = verdict
        self.note = note
        self.shoutOut = shoutOut
        self.action = action
        self.flags = flags
        self.answer = answer
    }

    public var score: Int? { Scorecard.score(items) }
    public var criticalMissed: Bool { items.contains { $0.item.critical && $0.mark == .missed } }

    /// How a review is named on the command line and in messages: the reply it is about.
    public static func reference(_ caseID: CaseID, _ message: Int) -> String { ReplyReference(caseID: caseID, message: message).description }

    enum CodingKeys: String, CodingKey { case message, agent, by, at, items, verdict, note, shoutOut = "shout_out", action, flags, answer }
}

public enum ReviewVerdict: String, Codable, Sendable, CaseIterable {
    case praise, coach
}

/// What the agent is to do after coaching, by when. Done by the agent (or the reviewer).
public struct CoachingAction: Codable, Sendable, Equatable {
    public var text: String
    public var due: Date
    public var doneAt: Date?
    public var outcome: String?

    public init(text: String, due: Date, doneAt: Date? = nil, outcome: String? = nil) {
        self.text = text
        self.due = due
        self.doneAt = doneAt
        self.outcome = outcome
    }

    public func isOverdue(now: Date) -> Bool { doneAt == nil && due < now }
    public var keptOnTime: Bool { doneAt.map { $0 <= due } ?? false }

    enum CodingKeys: String, CodingKey { case text, due, doneAt = "done_at", outcome }
}

/// The agent's word on a review: seen and taken (acknowledged), or disputed with why.
public struct ReviewAnswer: Codable, Sendable, Equatable {
    public var at: Date
    /// Nil: acknowledged.
    public var disputed: String?

    public init(at: Date, disputed: String?) {
        self.at = at
        self.disputed = disputed
    }
}

/// Why a reply is in the review queue besides the weekly sample.
public enum ReviewFlag: String, Codable, Sendable, CaseIterable {
    /// The customer rated the case 2 or less, crediting this agent.
    case badRating = "bad-rating"
    /// A promise this agent made on the case was broken.
    case brokenPromise = "broken-promise"
    /// This agent asked for goodwill beyond their allowance.
    case overAllowance = "over-allowance"
    /// The case came back after it was solved (since the period began).
    case reopened

    public var label: String {
        switch self {
        case .badRating: "bad rating"
        case .brokenPromise: "broken promise"
        case .overAllowance: "approval over allowance"
        case .reopened: "reopened"
        }
    }
}

/// "C-1012.4": the fourth message of case C-1012 (as the history counts them, from 1).
public struct ReplyReference: Sendable, Equatable, Hashable, CustomStringConvertible {
    public var caseID: CaseID
    /// The index in the case's messages (from 0).
    public var message: Int

    public init(caseID: CaseID, message: Int) {
        self.caseID = caseID
        self.message = message
    }

    public init?(_ text: String) {
        let t = text.trimmingCharacters(in: .whitespaces)
        guard let dot = t.lastIndex(of: "."), let n = Int(t[t.index(after: dot)...]), n >= 1, dot > t.startIndex else { return nil }
        self.init(caseID: String(t[..<dot]), message: n - 1)
    }

    public var description: String { "\(caseID).\(message + 1)" }
}

extension Review {
    func write(into w: inout BinaryWriter) {
        w.int(message); w.string(agent); w.string(by); w.date(at)
        w.uint(UInt64(items.count))
        for s in items {
            w.string(s.item.name); w.string(s.item.label); w.int(s.item.weight); w.bool(s.item.critical); w.code(s.mark)
        }
        w.code(verdict); w.optionalString(note); w.bool(shoutOut)
        w.bool(action != nil)
        if let a = action { w.string(a.text); w.date(a.due); w.optionalDate(a.doneAt); w.optionalString(a.outcome) }
        w.uint(UInt64(flags.count)); for f in flags { w.code(f) }
        w.bool(answer != nil)
        if let a = answer { w.date(a.at); w.optionalString(a.disputed) }
    }

    static func read(_ r: inout BinaryReader) throws -> Review {
        let message = try r.int(), agent = try r.string(), by = try r.string(), at = try r.date()
        var items: [ScoredItem] = []
        for _ in 0..<(try r.count()) {
            let item = ScorecardItem(name: try r.string(), label: try r.string(), weight: try r.int(), critical: try r.bool())
            items.append(ScoredItem(item, try r.code(ReviewMark.self)))
        }
        var review = Review(message: message, agent: agent, by: by, at: at, items: items, verdict: try r.code(ReviewVerdict.self),
                            note: try r.optionalString(), shoutOut: try r.bool())
        if try r.bool() {
            review.action = CoachingAction(text: try r.string(), due: try r.date(), doneAt: try r.optionalDate(), outcome: try r.optionalString())
        }
        for _ in 0..<(try r.count()) { review.flags.append(try r.code(ReviewFlag.self)) }
        if try r.bool() { review.answer = ReviewAnswer(at: try r.date(), disputed: try r.optionalString()) }
        return review
    }
}

/// What a supervisor submits for a reply (`Command.review`): the marks, praise or coaching.
public struct ReviewSubmission: Codable, Sendable, Equatable {
    public var message: Int
    public var items: [ScoredItem]
    public var verdict: ReviewVerdict
    public var note: String?
    public var shoutOut: Bool
    /// Coaching: the action item and when it is due.
    public var action: String?
    public var due: Date?

    public init(message: Int, items: [ScoredItem], verdict: ReviewVerdict, note: String?, shoutOut: Bool = false,
                action: String? = nil, due: Date? = nil) {
        self.message = message
        self.items = items
        self.verdict = verdict
        self.note = note
        self.shoutOut = shoutOut
        self.action = action
        self.due = due
    }

    enum CodingKeys: String, CodingKey { case message, items, verdict, note, shoutOut = "shout_out", action, due }
}
