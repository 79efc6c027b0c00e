import Foundation
import FrontlineCore

/// The Review screen's state (`V`, `:review`): this week's replies to review (for supervisors)
/// and the reviews already made (a supervisor sees all, an agent those of their own replies).
/// The queue is drawn when the screen opens; the reviews are read live, so an agent's answer
/// shows on the supervisor's screen as it comes in.
public struct ReviewBoard: Sendable, Equatable {
    public var period: DateInterval
    /// Drawn when opened; a candidate reviewed since leaves the rows (`rows`).
    public var candidates: [ReviewCandidate]
    /// Whose reviews the screen lists: nil for everyone's (a supervisor's screen).
    public var reviewsOf: String?
    public var selected = 0
    /// Scoring the selected candidate: the marks so far and the item under the cursor.
    public var scoring: Scoring?

    public struct Scoring: Sendable, Equatable {
        public var candidate: ReviewCandidate
        public var marks: [ReviewMark?]
        public var cursor = 0
    }

    public enum Row: Sendable, Equatable {
        case candidate(ReviewCandidate)
        case review(CaseID, Review)
    }

    /// A supervisor reviews; an agent sees their reviews. Without a role from the server (a
    /// console of the server's owner, or on its own store) the team config says, as the server
    /// decides for its owner: a name it does not list may do anything.
    public static func make(state: ConsoleState, world: ConsoleWorld) -> ReviewBoard {
        let period = ReviewQueue.week(containing: world.now, timeZone: world.timeZone)
        let role = state.role ?? world.authority.team.role(of: state.agent, isOwner: true)
        let reviews = role == nil || role == .supervisor
        return ReviewBoard(period: period,
                           candidates: reviews ? ReviewQueue.candidates(in: world.desk, period: period, sample: world.review.sample) : [],
                           reviewsOf: reviews ? nil : state.agent)
    }

    public func rows(in desk: HelpDesk) -> [Row] {
        let waiting = candidates.filter { desk.cases[$0.reply.caseID]?.review(of: $0.reply.message) == nil }.map(Row.candidate)
        let made = desk.allReviews().filter { reviewsOf == nil || $0.review.agent == reviewsOf }.map { Row.review($0.caseID, $0.review) }
        return waiting + made
    }

    public func selectedRow(in desk: HelpDesk) -> Row? {
        let rows = rows(in: desk)
        guard !rows.isEmpty else { return nil }
        return rows[min(max(0, selected), rows.count - 1)]
    }
}

/// A scored reply on its way to praise or coaching, while the note and action item are asked.
public struct ReviewDraft: Sendable, Equatable {
    public var reply: ReplyReference
    public var agent: String
    public var items: [ScoredItem]
}
