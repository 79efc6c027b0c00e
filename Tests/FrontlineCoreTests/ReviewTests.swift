import Foundation
import Testing
@testable import FrontlineCore

/// Review: the scorecard's score, who may review, praise or coach, the agent's answer, the
/// week's queue (sample and flags) and the quality figures — exactly, on an injected clock.
@Suite struct ReviewTests {
    static let h: TimeInterval = 3600
    static let card = Scorecard.embedded

    static func marks(_ m: [String: ReviewMark]) throws -> [ScoredItem] { try card.scored(m) }
    static let allMet: [String: ReviewMark] = ["greeted": .met, "owned": .met, "next-step": .met, "language": .met]

    /// bob and eve answered Aino (message 1 is bob's reply, 3 is eve's); t0 is Monday 10:00 UTC.
    func answered() throws -> (DeskBuilder, CaseID) {
        var b = DeskBuilder()
        let id = try b.open("Aino Virtanen", email: "aino@example.fi", language: "fi", subject: "Rikki")
        try b.run(.reply(id, body: "Hei Aino, lähetämme uuden."), actor: "bob")
        b.advance(Self.h)
        try b.run(.receive(IncomingMessage(customerName: "Aino Virtanen", customerEmail: "aino@example.fi", language: "fi",
                                           subject: "", body: "Kiitos", appendTo: id)), actor: "intake")
        try b.run(.reply(id, body: "Ole hyvä!"), actor: "eve")
        b.advance(Self.h)
        return (b, id)
    }

    func praise(_ message: Int, note: String? = "warm and clear", shoutOut: Bool = false) throws -> ReviewSubmission {
        ReviewSubmission(message: message, items: try Self.marks(Self.allMet), verdict: .praise, note: note, shoutOut: shoutOut)
    }

    // MARK: - The score

    @Test func theScoreWeighsTheItemsThatApplyAndACriticalMissScoresZero() throws {
        #expect(Scorecard.score(try Self.marks(Self.allMet)) == 100)
        // greeted (1) missed, owned not applicable, next step (2) and language (1) met: 3 of 4.
        #expect(Scorecard.score(try Self.marks(["greeted": .missed, "owned": .notApplicable, "next-step": .met, "language": .met])) == 75)
        // the language is critical: missing it fails the reply whatever else was met
        #expect(Scorecard.score(try Self.marks(["greeted": .met, "owned": .met, "next-step": .met, "language": .missed])) == 0)
        #expect(Scorecard.score(try Self.marks(["greeted": .notApplicable, "owned": .notApplicable, "next-step": .notApplicable, "language": .notApplicable])) == nil)
        // 2 of 3 rounds to 67
        #expect(Scorecard.score([ScoredItem(ScorecardItem(name: "a", label: "a", weight: 2), .met),
                                 ScoredItem(ScorecardItem(name: "b", label: "b", weight: 1), .missed)]) == 67)
    }

    @Test func everyItemMustBeMarkedAndNoneInvented() throws {
        #expect(throws: CommandError("mark every item of the scorecard; not marked: owned, language")) {
            try Self.card.scored(["greeted": .met, "next-step": .met])
        }
        #expect(throws: CommandError("the scorecard has no item \"speed\"; items: greeted, owned, next-step, language")) {
            try Self.card.scored(Self.allMet.merging(["speed": .met]) { a, _ in a })
        }
        #expect(ReviewMark(word: "y") == .met && ReviewMark(word: "N") == .missed && ReviewMark(word: "x") == .notApplicable && ReviewMark(word: "maybe") == nil)
    }

    // MARK: - Reviewing

    @Test func praiseIsRecordedOnTheCaseAndSurvivesTheJournalAndSnapshot() throws {
        var (b, id) = try answered()
        let before = try #require(b.desk.cases[id])
        let events = try b.run(.review(id, try praise(1, shoutOut: true)), actor: "carol")
        #expect(events.map(\.change.typeName) == ["reply_reviewed"])
        let c = try #require(b.desk.cases[id])
        let r = try #require(c.review(of: 1))
        #expect(r.agent == "bob" && r.by == "carol" && r.at == b.now && r.verdict == .praise && r.shoutOut && r.score == 100)
        #expect(r.note == "warm and clear" && r.action == nil && r.flags.isEmpty)
        #expect(c.lastActivityAt == before.lastActivityAt)   // a look at the work is not work on the case
        #expect(b.desk.casesWithReviews == [id])
        #expect(Review.reference(id, 1) == "\(id).2")
        #expect(ReplyReference("\(id).2") == ReplyReference(caseID: id, message: 1))
        for e in events { #expect(try JournalCodec.decode(try JournalCodec.encode(e)) == e) }
        let copy = try HelpDesk(snapshotBytes: b.desk.snapshotBytes())
        #expect(copy == b.desk)
        #expect(copy.casesWithReviews == [id])
    }

    @Test func onlyAnAgentsReplyIsReviewedOnceAndNeverByItsAuthor() throws {
        var (b, id) = try answered()
        #expect(throws: CommandError("\(id).1 is not an agent's reply (only replies are reviewed)")) { try b.run(.review(id, try praise(0)), actor: "carol") }
        #expect(throws: CommandError("\(id) has 4 messages; there is no \(id).9")) { try b.run(.review(id, try praise(8)), actor: "carol") }
        #expect(throws: CommandError("nobody reviews their own reply: \(id).2 is bob's")) { try b.run(.review(id, try praise(1)), actor: "bob") }
        do {
            try b.run(.review(id, try praise(1)), actor: "bob")
        } catch let e as CommandError {
            #expect(e.text(in: .sv) == "ingen granskar sitt eget svar: \(id).2 är bobs" && e.text(in: .fi) == "omaa vastausta ei arvioida: \(id).2 on henkilön bob")
        }
        try b.run(.review(id, try praise(1)), actor: "carol")
        #expect(throws: CommandError.self) { try b.run(.review(id, try praise(1)), actor: "dave") }
        #expect(b.desk.cases[id]?.reviews.count == 1)
        // an agent may not review at all on a team desk
        #expect(AccessPolicy.refusal(of: .review(id, try praise(3)), by: "bob", role: .agent, on: b.desk)
                == "only a supervisor can review replies such as \(id).4 (bob is an agent)")
        #expect(AccessPolicy.refusal(of: .answerReview(id, message: 1, dispute: nil), by: "bob", role: .agent, on: b.desk) == nil)
    }

    @Test func coachingNeedsANoteAndAnActionItemDueInTheFuture() throws {
        var (b, id) = try answered()
        let items = try Self.marks(["greeted": .missed, "owned": .notApplicable, "next-step": .missed, "language": .met])
        func coach(_ note: String?, _ action: String?, _ due: Date?, shoutOut: Bool = false) -> Command {
            .review(id, ReviewSubmission(message: 3, items: items, verdict: .coach, note: note, shoutOut: shoutOut, action: action, due: due))
        }
        #expect(throws: CommandError("say what to work on: coaching needs a note for eve")) { try b.run(coach(" ", "read it", b.now + 86400), actor: "carol") }
        #expect(throws: CommandError("coaching needs an action item for eve, with a due date")) { try b.run(coach("next step", nil, b.now + 86400), actor: "carol") }
        #expect(throws: CommandError("the action item's due date must be in the future")) { try b.run(coach("next step", "read it", b.now), actor: "carol") }
        #expect(throws: CommandError("a shout-out on the wallboard is for praise")) { try b.run(coach("next step", "read it", b.now + 86400, shoutOut: true), actor: "carol") }
        #expect(throws: CommandError("praise has no action item: coach instead")) {
            try b.run(.review(id, ReviewSubmission(message: 3, items: items, verdict: .praise, note: nil, action: "x", due: b.now + 60)), actor: "carol")
        }
        try b.run(coach("say what happens next and when", "rewrite two replies with a next step", b.now + 7 * 86400), actor: "carol")
        let r = try #require(b.desk.cases[id]?.review(of: 3))
        #expect(r.verdict == .coach && r.score == 0 && r.criticalMissed)
        #expect(r.action == CoachingAction(text: "rewrite two replies with a next step", due: b.now + 7 * 86400))
    }

    @Test func theAgentAcknowledgesOrDisputesOnceAndMarksTheActionItemDone() throws {
        var (b, id) = try answered()
        try b.run(.review(id, try praise(1)), actor: "carol")
        try b.run(.review(id, ReviewSubmission(message: 3, items: try Self.marks(Self.allMet), verdict: .coach, note: "shorter",
                                               action: "read the style guide", due: b.now + 2 * 86400)), actor: "carol")
        #expect(throws: CommandError("only bob can answer the review of their reply \(id).2")) { try b.run(.answerReview(id, message: 1, dispute: nil), actor: "eve") }
        #expect(throws: CommandError("\(id).1 has not been reviewed")) { try b.run(.answerReview(id, message: 0, dispute: nil), actor: "bob") }
        b.advance(60)
        try b.run(.answerReview(id, message: 1, dispute: nil), actor: "bob")
        #expect(b.desk.cases[id]?.review(of: 1)?.answer == ReviewAnswer(at: b.now, disputed: nil))
        #expect(throws: CommandError.self) { try b.run(.answerReview(id, message: 1, dispute: "no"), actor: "bob") }
        #expect(throws: CommandError("say why you dispute the review: carol reads it")) { try b.run(.answerReview(id, message: 3, dispute: "  "), actor: "eve") }
        try b.run(.answerReview(id, message: 3, dispute: "the customer asked for short answers"), actor: "eve")
        #expect(b.desk.cases[id]?.review(of: 3)?.answer?.disputed == "the customer asked for short answers")
        #expect(throws: CommandError("\(id).2's review has no action item (it was praise)")) { try b.run(.completeCoaching(id, message: 1, outcome: nil), actor: "bob") }
        #expect(throws: CommandError("\(id).4's action item is eve's to mark done")) { try b.run(.completeCoaching(id, message: 3, outcome: nil), actor: "bob") }
        b.advance(86400)
        let events = try b.run(.completeCoaching(id, message: 3, outcome: " read it "), actor: "eve")
        let action = try #require(b.desk.cases[id]?.review(of: 3)?.action)
        #expect(action.doneAt == b.now && action.outcome == "read it" && action.keptOnTime)
        #expect(throws: CommandError.self) { try b.run(.completeCoaching(id, message: 3, outcome: nil), actor: "eve") }
        for e in events { #expect(try JournalCodec.decode(try JournalCodec.encode(e)) == e) }
        #expect(try HelpDesk(snapshotBytes: b.desk.snapshotBytes()) == b.desk)
        let command = Command.review(id, ReviewSubmission(message: 3, items: try Self.marks(Self.allMet), verdict: .coach,
                                                          note: "n", action: "a", due: b.now))
        #expect(try JSONDecoder().decode(Command.self, from: JSONEncoder().encode(command)) == command)
    }

    @Test func aFormat6SnapshotStillReadsWithoutReviews() throws {
        var (b, id) = try answered()
        try b.run(.review(id, try praise(1)), actor: "carol")
        let copy = try HelpDesk(snapshotBytes: b.desk.snapshotBytes(format: 6))
        #expect(copy.cases[id]?.reviews == [] && copy.cases[id]?.messages == b.desk.cases[id]?.messages)
    }

    // MARK: - The week's queue

    /// Each of bob's and eve's `n` replies on a case of its own during the week of t0.
    func busyWeek(_ n: Int) throws -> DeskBuilder {
        var b = DeskBuilder()
        for i in 0..<n {
            for agent in ["bob", "eve"] {
                let id = try b.open("Customer \(agent) \(i)")
                try b.run(.reply(id, body: "Hello \(i)"), actor: agent)
                b.advance(60)
            }
        }
        return b
    }

    @Test func theSampleIsEachAgentsShareDrawnTheSameWayEveryTime() throws {
        let b = try busyWeek(10)
        let week = ReviewQueue.week(containing: b.now, timeZone: TimeZone(identifier: "UTC")!)
        #expect(week.start == t0.addingTimeInterval(-10 * Self.h) && week.duration == 7 * 86400)
        let queue = ReviewQueue.candidates(in: b.desk, period: week, sample: 3)
        #expect(queue.count == 6 && queue.allSatisfy { $0.sampled && $0.flags.isEmpty })
        #expect(queue.filter { $0.agent == "bob" }.count == 3 && queue.filter { $0.agent == "eve" }.count == 3)
        #expect(ReviewQueue.candidates(in: b.desk, period: week, sample: 3) == queue)
        // a different week draws differently (the seed is the week), and more than there are is all
        let next = DateInterval(start: week.start.addingTimeInterval(-7 * 86400), duration: 14 * 86400)
        #expect(ReviewQueue.candidates(in: b.desk, period: next, sample: 3).map(\.reply) != queue.map(\.reply))
        #expect(ReviewQueue.candidates(in: b.desk, period: week, sample: 50).count == 20)
        #expect(ReviewQueue.candidates(in: b.desk, period: week, sample: 0).isEmpty)
    }

    @Test func aReviewedSampleLeavesTheQueueAndIsNotReplaced() throws {
        var b = try busyWeek(10)
        let week = ReviewQueue.week(containing: b.now, timeZone: TimeZone(identifier: "UTC")!)
        let first = try #require(ReviewQueue.candidates(in: b.desk, period: week, sample: 3).first)
        try b.run(.review(first.reply.caseID, try praise(first.reply.message)), actor: "carol")
        let after = ReviewQueue.candidates(in: b.desk, period: week, sample: 3)
        #expect(after.count == 5 && !after.contains { $0.reply == first.reply })
    }

    @Test func theWeekIsHalfOpenInTheSupervisorsZone() throws {
        var b = DeskBuilder()
        let stockholm = TimeZone(identifier: "Europe/Stockholm")!
        let week = ReviewQueue.week(containing: t0, timeZone: stockholm)
        #expect(week.start == t0.addingTimeInterval(-11 * Self.h))   // Monday 00:00 CET is Sunday 23:00 UTC
        let id = try b.open("Åsa", at: week.start.addingTimeInterval(-5))
        b.now = week.start.addingTimeInterval(-0.001)
        try b.run(.reply(id, body: "before"), actor: "bob")
        b.now = week.start
        try b.run(.reply(id, body: "at the start"), actor: "bob")
        b.now = week.end
        try b.run(.reply(id, body: "next week"), actor: "bob")
        let queue = ReviewQueue.candidates(in: b.desk, period: week, sample: 5)
        #expect(queue.map(\.reply.message) == [2])
    }

    @Test func repliesThatCallForALookAreFlaggedWhateverTheSample() throws {
        var b = DeskBuilder()
        b.authority = GoodwillTests.authority()
        let rated = try b.open("Rated")
        try b.run(.reply(rated, body: "first"), actor: "bob")
        try b.run(.reply(rated, body: "second"), actor: "bob")
        try b.run(.solve(rated), actor: "bob")
        try b.run(.rate(rated, score: 1, comment: "no"), actor: "carol")   // reopens it, too
        let promised = try b.open("Promised")
        try b.run(.reply(promised, body: "I will call"), actor: "eve")
        try b.run(.scheduleFollowUp(promised, due: b.now + 60, note: "call"), actor: "eve")
        // Reopened before the week began: not a reason this week.
        let old = try b.open("Old", at: t0.addingTimeInterval(-20 * 86400))
        b.now = t0.addingTimeInterval(-20 * 86400)
        try b.run(.solve(old), actor: "bob")
        try b.run(.reopen(old), actor: "bob")
        b.now = t0
        try b.run(.reply(old, body: "back again"), actor: "bob")
        let asked = try b.open("Asked", email: "asked@example.fi")
        try b.run(.reply(asked, body: "let me ask"), actor: "bob")
        try b.run(.offer(asked, kind: .refund, value: GoodwillTests.euros(9_000), reason: "broken twice"), actor: "bob")
        b.advance(3 * Self.h)
        try b.run(.breakPromise(promised, id: 1, grace: Self.h), actor: "frontline")
        let week = ReviewQueue.week(containing: b.now, timeZone: TimeZone(identifier: "UTC")!)
        let queue = ReviewQueue.candidates(in: b.desk, period: week, sample: 0)
        #expect(queue.map(\.reply) == [ReplyReference(caseID: rated, message: 2), ReplyReference(caseID: promised, message: 1),
                                       ReplyReference(caseID: asked, message: 1)])
        #expect(queue.map(\.flags) == [[.badRating, .reopened], [.brokenPromise], [.overAllowance]])
        #expect(queue.allSatisfy { !$0.sampled })
        // flagged and drawn: one entry, marked both ways
        let both = ReviewQueue.candidates(in: b.desk, period: week, sample: 5)
        #expect(both.count == 5 && both.filter { !$0.flags.isEmpty }.allSatisfy(\.sampled))
        // the review keeps why it was looked at
        try b.run(.review(rated, try praise(2)), actor: "carol")
        #expect(b.desk.cases[rated]?.review(of: 2)?.flags == [.badRating, .reopened])
        #expect(ReviewQueue.candidates(in: b.desk, period: week, sample: 0).count == 2)
    }

    // MARK: - Quality in the report

    @Test func qualityIsCreditedToTheReviewedAgentWithActionItemsByDueDate() throws {
        var b = try busyWeek(3)
        let week = ReviewQueue.week(containing: b.now, timeZone: TimeZone(identifier: "UTC")!)
        let replies = ReviewQueue.candidates(in: b.desk, period: week, sample: 3)
        let bobs = replies.filter { $0.agent == "bob" }, eves = replies.filter { $0.agent == "eve" }
        try b.run(.review(bobs[0].reply.caseID, try praise(bobs[0].reply.message)), actor: "carol")
        try b.run(.review(bobs[1].reply.caseID, ReviewSubmission(message: bobs[1].reply.message,
                          items: try Self.marks(["greeted": .missed, "owned": .notApplicable, "next-step": .met, "language": .met]),
                          verdict: .coach, note: "greet them", action: "greet by name", due: b.now + 86400)), actor: "carol")
        try b.run(.review(eves[0].reply.caseID, ReviewSubmission(message: eves[0].reply.message,
                          items: try Self.marks(["greeted": .met, "owned": .met, "next-step": .missed, "language": .met]),
                          verdict: .coach, note: "next step", action: "say what happens next", due: b.now + 2 * Self.h)), actor: "carol")
        try b.run(.review(eves[1].reply.caseID, ReviewSubmission(message: eves[1].reply.message, items: try Self.marks(Self.allMet),
                          verdict: .coach, note: "fine, one thing", action: "link the article", due: b.now + 3 * Self.h)), actor: "carol")
        try b.run(.answerReview(bobs[0].reply.caseID, message: bobs[0].reply.message, dispute: nil), actor: "bob")
        try b.run(.answerReview(eves[0].reply.caseID, message: eves[0].reply.message, dispute: "it had one"), actor: "eve")
        b.advance(Self.h)
        try b.run(.completeCoaching(eves[0].reply.caseID, message: eves[0].reply.message, outcome: nil), actor: "eve")
        b.advance(3 * Self.h)   // eve's second is now overdue by an hour; bob's is not yet due
        try b.run(.completeCoaching(eves[1].reply.caseID, message: eves[1].reply.message, outcome: nil), actor: "eve")   // late
        let levels = ServiceLevels()
        let report = DeskReporting.report(b.desk, since: week.start, until: week.end, now: b.now, levels: levels, by: .agent)
        let all = try #require(report.groups.first { $0.group == "all" }).quality
        #expect(all.reviews == 4 && all.praised == 1 && all.coached == 3 && all.criticalMissed == 1)
        #expect(all.score == Double(100 + 75 + 0 + 100) / 4)
        #expect(all.acknowledged == 1 && all.disputed == 1 && all.unanswered == 2)
        #expect(all.actionsOnTime == 1 && all.actionsLate == 1 && all.actionsOverdue == 0 && all.actionsOpen == 1)
        let bob = try #require(report.groups.first { $0.group == "bob" }).quality
        #expect(bob.reviews == 2 && bob.score == 87.5 && bob.actionsOpen == 1)
        let eve = try #require(report.groups.first { $0.group == "eve" }).quality
        #expect(eve.reviews == 2 && eve.score == 50 && eve.actionsOnTime == 1 && eve.actionsLate == 1)
        // reviews made after the period do not count in it
        let before = DeskReporting.report(b.desk, since: week.start, until: t0, now: b.now, levels: levels)
        #expect(before.groups[0].quality.reviews == 0)
    }
}
