import Foundation
import FrontlineCore
import FrontlineTUI
import Testing
@testable import FrontlineConsole

/// The Review screen (V) as a supervisor and an agent use it: score with keys, praise or coach,
/// acknowledge, dispute and do the action item; reviews and answers from other consoles said at once.
@Suite struct ReviewConsoleTests {
    let clock = ManualClock(t0)

    /// The seeded desk plus bob's reply to Jyrki this morning: this week alice answered Tom and bob Jyrki.
    func desk() throws -> (InMemoryCaseService, tom: ReplyReference, jyrki: ReplyReference) {
        let s = try seededService(clock: clock)
        let jyrki = s.desk.caseOrder[2], tom = s.desk.caseOrder[3]
        try s.perform(.reply(jyrki, body: "Hei Jyrki, selvitän paketin."), actor: "bob", at: t0.addingTimeInterval(-600))
        let tomReply = try #require(s.desk.cases[tom]?.messages.firstIndex { $0.isHumanReply })
        let jyrkiReply = try #require(s.desk.cases[jyrki]?.messages.lastIndex { $0.isHumanReply })
        return (s, ReplyReference(caseID: tom, message: tomReply), ReplyReference(caseID: jyrki, message: jyrkiReply))
    }

    func console(_ s: InMemoryCaseService, agent: String, role: TeamRole, width: Int = 120, height: Int = 32) -> ConsoleApp {
        s.role = role
        return makeApp(s, clock: clock, width: width, height: height, agent: agent).0
    }

    static func praise(_ ref: ReplyReference, shoutOut: Bool = false, note: String? = "Lovely and clear") throws -> Command {
        .review(ref.caseID, ReviewSubmission(message: ref.message, items: try Scorecard.embedded.scored(
            ["greeted": .met, "owned": .notApplicable, "next-step": .met, "language": .met]), verdict: .praise, note: note, shoutOut: shoutOut))
    }

    static func coach(_ ref: ReplyReference, due: Date) throws -> Command {
        .review(ref.caseID, ReviewSubmission(message: ref.message, items: try Scorecard.embedded.scored(
            ["greeted": .met, "owned": .notApplicable, "next-step": .missed, "language": .met]), verdict: .coach,
            note: "say when it happens", action: "rewrite it with a date", due: due))
    }

    @Test func aSupervisorScoresWithKeysAndCoachesWithAnActionItem() throws {
        let (s, tom, jyrki) = try desk()
        let app = console(s, agent: "carol", role: .supervisor)
        app.type(.character("V"))
        #expect(app.state.mode == .review)
        #expect(app.state.reviewBoard?.candidates.map(\.reply) == [tom, jyrki], "each agent's sample, by agent")
        #expect(app.screen.contains("Review · week of 23 Nov · 2 to review"))
        #expect(app.screen.contains("○ \(jyrki)"))
        app.type(.character("j"), .enter)
        #expect(app.screen.contains("Jyrki Mäkinen wrote"), "the customer's message the reply answered")
        #expect(app.screen.contains("Hei Jyrki, selvitän paketin."))
        app.type(.character("p"))
        #expect(app.state.status?.text == "mark every item first: y met, n missed, x does not apply")
        app.type(.character("y"), .character("x"), .character("n"), .character("y"))
        #expect(app.screen.contains("Scorecard for bob's reply \(jyrki) · score 0/100"), "the next step is critical")
        #expect(app.screen.contains("✗ a clear next step (2, critical)"))
        app.type(.character("c"), .enter)
        guard case let .prompt(p) = app.state.mode else { Issue.record("no prompt"); return }
        #expect(p.hint == "say what to work on: bob reads it")
        app.type(text: "say when the parcel comes")
        app.type(.enter)
        app.type(text: "+7d")
        app.type(.enter)
        guard case let .prompt(q) = app.state.mode else { Issue.record("no action prompt"); return }
        #expect(q.hint == "say what bob is to do after the time")
        app.type(text: " rewrite it with a date")
        app.type(.enter)
        let r = try #require(s.desk.cases[jyrki.caseID]?.review(of: jyrki.message))
        #expect(r.by == "carol" && r.agent == "bob" && r.verdict == .coach && r.score == 0 && r.note == "say when the parcel comes")
        #expect(r.action == CoachingAction(text: "rewrite it with a date", due: t0.addingTimeInterval(7 * 86400)))
        #expect(app.state.status?.text == "\(jyrki) reviewed (0/100): coaching for bob")
        #expect(app.state.mode == .review && app.state.reviewBoard?.scoring == nil, "back on the list")
        #expect(app.screen.contains("✎ \(jyrki)") && app.screen.contains("coach 0/100 by carol · not yet answered · action due"))
        #expect(app.screen.contains("1 to review"))
        app.type(.escape)
        #expect(app.state.mode == .normal && app.state.reviewBoard == nil)
    }

    @Test func praiseGoesOnTheWallboardWithoutTheCustomer() throws {
        let (s, tom, _) = try desk()
        let app = console(s, agent: "carol", role: .supervisor)
        app.type(.character("V"), .enter)
        app.type(.character("y"), .character("x"), .character("y"), .character("y"), .character("P"))
        app.type(text: "Tom will love this")
        app.type(.enter)
        let r = try #require(s.desk.cases[tom.caseID]?.review(of: tom.message))
        #expect(r.verdict == .praise && r.shoutOut && r.score == 100 && r.note == "Tom will love this")
        let trends = WallboardTrends(desk: s.desk, now: clock.now(), levels: ServiceLevels(), timeZone: utc)
        #expect(trends.shoutOuts == ["alice: greeted the customer by name, a clear next step, in the customer's language"])
        let board = WallboardRenderer.render(figures: WallboardFigures(desk: s.desk, now: clock.now(), levels: ServiceLevels(), timeZone: utc, redact: true),
                                             theme: try ThemeLoader.load(name: "dark", userThemeDirectory: nil), time: TimeText(timeZone: utc),
                                             redact: true, width: 120, height: 40, trends: trends).lines().joined(separator: "\n")
        #expect(board.contains("★ Well done, alice: greeted the customer by name"))
        #expect(!board.contains("Tom"), "no customer and no note on a redacted wallboard")
    }

    @Test func aSupervisorDoesNotScoreTheirOwnReply() throws {
        let (s, _, jyrki) = try desk()
        try s.perform(.reply(jyrki.caseID, body: "Carol here."), actor: "carol", at: t0.addingTimeInterval(-60))
        let app = console(s, agent: "carol", role: .supervisor)
        app.type(.character("V"))
        let mine = try #require(app.state.reviewBoard?.rows(in: s.desk).firstIndex {
            if case let .candidate(c) = $0 { c.agent == "carol" } else { false } })
        for _ in 0..<mine { app.type(.character("j")) }
        app.type(.enter)
        #expect(app.state.status?.text == "that is your own reply: another supervisor reviews it")
        #expect(app.state.reviewBoard?.scoring == nil)
    }

    @Test func anAgentAcknowledgesDisputesAndDoesTheActionItem() throws {
        let (s, tom, jyrki) = try desk()
        try s.perform(try Self.praise(tom), actor: "carol", at: nil)
        try s.perform(.reply(tom.caseID, body: "Tom, the credit note is on its way."), actor: "alice", at: nil)
        let second = ReplyReference(caseID: tom.caseID, message: try #require(s.desk.cases[tom.caseID]?.messages.count) - 1)
        try s.perform(try Self.coach(second, due: t0.addingTimeInterval(86400)), actor: "carol", at: nil)
        try s.perform(try Self.praise(jyrki), actor: "carol", at: nil)
        let app = console(s, agent: "alice", role: .agent)
        app.type(.character("V"))
        let board = try #require(app.state.reviewBoard)
        #expect(board.candidates.isEmpty && board.reviewsOf == "alice")
        #expect(board.rows(in: s.desk).count == 2, "only the reviews of alice's replies")
        #expect(app.screen.contains("reviews of alice's replies"))
        #expect(app.screen.split(separator: "\n").last?.contains("acknowledge") == true)
        // The newest first: the coaching.
        app.type(.character("D"), .enter)
        guard case let .prompt(p) = app.state.mode else { Issue.record("no prompt"); return }
        #expect(p.hint == "say why you dispute it, or Esc")
        app.type(text: "I gave the date")
        app.type(.enter)
        #expect(s.desk.cases[tom.caseID]?.review(of: second.message)?.answer?.disputed == "I gave the date")
        #expect(app.state.status?.text == "review of \(second) disputed: carol is told")
        app.type(.character("F"))
        app.type(text: "rewrote two")
        app.type(.enter)
        #expect(s.desk.cases[tom.caseID]?.review(of: second.message)?.action?.outcome == "rewrote two")
        app.type(.character("a"))
        #expect(app.state.status?.text == "you already disputed this review")
        app.type(.character("j"), .character("a"))
        #expect(s.desk.cases[tom.caseID]?.review(of: tom.message)?.answer == ReviewAnswer(at: t0, disputed: nil))
        #expect(app.screen.contains("praise 100/100 by carol · acknowledged"))
    }

    @Test func anAgentCannotScoreAndAViewerOnlyLooks() throws {
        let (s, _, _) = try desk()
        let app = console(s, agent: "bob", role: .agent)
        app.type(.character("V"))
        #expect(app.screen.contains("no reviews of your replies yet"))
        app.type(.enter)
        #expect(app.state.reviewBoard?.scoring == nil)
    }

    @Test func praiseReachesTheAgentAtOnce() throws {
        let (s, tom, _) = try desk()
        let app = console(s, agent: "alice", role: .agent)
        try s.performElsewhere(try Self.praise(tom, shoutOut: true), actor: "carol")
        app.tick()
        _ = app.screen   // the next frame polls the desk
        #expect(app.state.status?.text == "★ carol praised your reply \(tom): Lovely and clear (on the wallboard) — V shows your reviews")
    }

    @Test func theSupervisorSeesTheDisputeAtOnce() throws {
        let (s, tom, _) = try desk()
        try s.perform(try Self.coach(tom, due: t0.addingTimeInterval(86400)), actor: "carol", at: nil)
        let app = console(s, agent: "carol", role: .supervisor)
        try s.performElsewhere(.answerReview(tom.caseID, message: tom.message, dispute: "the customer\u{1B}[2J asked for it"), actor: "alice")
        app.tick()
        _ = app.screen
        #expect(app.state.status?.text.hasPrefix("alice disputes your review of \(tom): the customer") == true)
        #expect(app.state.status?.text.contains("\u{1B}") == false, "customer-facing text never reaches the terminal raw")
        #expect(app.state.status?.kind == .error)
    }
}
