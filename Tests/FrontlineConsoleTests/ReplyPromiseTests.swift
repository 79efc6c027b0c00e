import Foundation
import FrontlineCore
import FrontlineTUI
import Testing
@testable import FrontlineConsole

/// A reply that makes a promise is offered its follow-up before it goes (key scripts through the
/// real update → effect → store loop; the clock is t0, the agent's zone UTC).
@Suite struct ReplyPromiseTests {
    let clock = ManualClock(t0)
    let text = "Hej Åsa! Jag återkommer i morgon med besked om din tv."

    func writing(_ text: String) throws -> (ConsoleApp, InMemoryCaseService, CaseID) {
        let (app, s, asa) = try appOnAsasCase(clock: clock)
        app.type(.character("r"))
        app.type(text: text)
        return (app, s, asa)
    }

    var tomorrowNine: Date { PromiseInReply.find(in: text, now: t0, timeZone: utc)!.due }

    @Test func aPromiseInTheReplyIsOfferedAndItsFollowUpSetOnceTheReplyIsSent() throws {
        let (app, s, asa) = try writing(text)
        app.type(.control("s"))
        guard case let .picker(p) = app.state.mode, case .promiseInReply = p.purpose else {
            Issue.record("no offer: \(app.state.mode)")
            return
        }
        #expect(app.screen.contains("Jag återkommer i morgon med besked om din tv"))
        #expect(s.desk.cases[asa]?.messages.last?.body != text, "nothing is sent before the agent answers")
        app.type(.enter)
        let c = try #require(s.desk.cases[asa])
        #expect(c.messages.last?.body == text)
        #expect(c.openFollowUps.map(\.due) == [tomorrowNine])
        #expect(c.openFollowUps.first?.note == "promised in the reply: Jag återkommer i morgon med besked om din tv")
        #expect(app.state.status?.text.hasPrefix("reply sent on \(asa) · follow-up set for") == true)
        #expect(app.state.afterReply == nil)
    }

    @Test func sendingWithoutTheFollowUpSendsOnlyTheReply() throws {
        let (app, s, asa) = try writing(text)
        app.type(.control("s"), .character("2"))
        #expect(s.desk.cases[asa]?.messages.last?.body == text)
        #expect(s.desk.cases[asa]?.openFollowUps.isEmpty == true)
    }

    @Test(arguments: [Key.character("3"), Key.escape])
    func goingBackKeepsTheReplyUnsent(key: Key) throws {
        let (app, s, asa) = try writing(text)
        app.type(.control("s"), key)
        #expect(app.state.mode == .normal && app.state.focus == .reply)
        #expect(app.state.editor.text == text)
        #expect(s.desk.cases[asa]?.messages.last?.body != text)
        #expect(s.desk.cases[asa]?.openFollowUps.isEmpty == true)
    }

    @Test func aFollowUpAlreadyDueByThenKeepsThePromiseSoNothingIsAsked() throws {
        let s = try seededService(clock: clock)
        let asa = s.desk.caseOrder[1]
        try s.perform(.scheduleFollowUp(asa, due: t0.addingTimeInterval(3600), note: "call the courier"), actor: "alice", at: nil)
        let (app, _, _) = makeApp(s, clock: clock)
        #expect(app.select(asa))
        app.type(.character("r"))
        app.type(text: text)
        app.type(.control("s"))
        #expect(app.state.mode == .normal)
        #expect(s.desk.cases[asa]?.messages.last?.body == text)
        #expect(s.desk.cases[asa]?.openFollowUps.count == 1)
    }

    @Test func theCommandLineReplyIsOfferedTheSame() throws {
        let (app, s, asa) = try appOnAsasCase(clock: clock)
        app.command("reply I will call you tomorrow about the refund.")
        guard case let .picker(p) = app.state.mode, case .promiseInReply = p.purpose else {
            Issue.record("no offer: \(app.state.mode)")
            return
        }
        app.type(.character("1"))
        #expect(s.desk.cases[asa]?.messages.last?.body == "I will call you tomorrow about the refund.")
        #expect(s.desk.cases[asa]?.openFollowUps.count == 1)
    }

    @Test func aReplyWithoutAPromiseGoesAtOnce() throws {
        let (app, s, asa) = try writing("Hej Åsa! Tack för ditt tålamod.")
        app.type(.control("s"))
        #expect(app.state.mode == .normal)
        #expect(s.desk.cases[asa]?.messages.last?.body == "Hej Åsa! Tack för ditt tålamod.")
    }

    /// Pure: a refused reply leaves no follow-up waiting for it.
    @Test func aRefusedReplyDropsItsFollowUp() {
        var state = ConsoleState(agent: "alice")
        state.afterReply = EffectAfterReply(caseID: "C-1", effect: .perform(.scheduleFollowUp("C-1", due: t0, note: "x"), success: "ok"))
        let more = ConsoleUpdate.receive(.failed(.reply("C-1", body: "x"), reason: "C-1 was solved by bob; reopen it first"), state: &state, now: t0)
        #expect(more.isEmpty)
        #expect(state.afterReply == nil)
        state.afterReply = EffectAfterReply(caseID: "C-1", effect: .perform(.scheduleFollowUp("C-1", due: t0, note: "x"), success: "ok"))
        let after = ConsoleUpdate.receive(.performed(.reply("C-1", body: "x"), success: "reply sent on C-1", events: [], mailDestination: nil),
                                          state: &state, now: t0)
        #expect(after == [.perform(.scheduleFollowUp("C-1", due: t0, note: "x"), success: "ok")])
    }

    @Test func solvingACaseWithAnOpenFollowUpAsksWhyAndRecordsTheAnswer() throws {
        let s = try seededService(clock: clock)
        let (app, _, _) = makeApp(s, clock: clock)
        let tom = s.desk.caseOrder[3]
        #expect(s.desk.cases[tom]?.openFollowUps.count == 1)
        #expect(app.select(tom))
        app.type(.character("s"))
        guard case let .prompt(p) = app.state.mode, case .solveOverFollowUps(tom) = p.purpose else {
            Issue.record("no question: \(app.state.mode)")
            return
        }
        #expect(app.screen.contains("has follow-up #1 open"))
        app.type(.enter)   // no reason: asked again
        guard case let .prompt(again) = app.state.mode else { Issue.record("the question went away"); return }
        #expect(again.hint?.contains("say why") == true)
        app.type(text: "credit note sent by post")
        app.type(.enter)
        let c = try #require(s.desk.cases[tom])
        #expect(c.status == .solved)
        #expect(c.activity.last { $0.text.contains("still open") }?.text == "solved by alice with follow-up #1 still open: credit note sent by post")
        #expect(c.openFollowUps.count == 1)
    }

    @Test func escapeKeepsTheCaseOpen() throws {
        let s = try seededService(clock: clock)
        let (app, _, _) = makeApp(s, clock: clock)
        let tom = s.desk.caseOrder[3]
        #expect(app.select(tom))
        app.type(.character("s"), .escape)
        #expect(app.state.mode == .normal)
        #expect(s.desk.cases[tom]?.status != .solved)
    }

    @Test func untilInTheFollowUpPromptMeansUnlessTheyAnswerFirst() throws {
        let (app, s, asa) = try appOnAsasCase(clock: clock)
        app.type(.character("f"))
        app.type(text: "until +3d")
        app.type(.enter)
        #expect(app.screen.contains("unless they answer first: what"))
        app.type(text: "check the new TV works")
        app.type(.enter)
        let f = try #require(s.desk.cases[asa]?.openFollowUps.first)
        #expect(f.untilAnswer && f.due == t0.addingTimeInterval(3 * 86400))
        #expect(app.state.status?.text.hasSuffix("unless they answer first") == true)
        #expect(app.screen.contains("unless they answer: check the new TV works"))
    }

    @Test func cancelOnTheCommandLineWithdrawsTheNextFollowUpWithItsReason() throws {
        let s = try seededService(clock: clock)
        let (app, _, _) = makeApp(s, clock: clock)
        let tom = s.desk.caseOrder[3]
        #expect(app.select(tom))
        app.command("cancel")   // no reason: asked for one
        guard case let .prompt(p) = app.state.mode, case .followUpCancelReason(tom) = p.purpose else {
            Issue.record("no question: \(app.state.mode)")
            return
        }
        app.type(text: "he will call us")
        app.type(.enter)
        #expect(s.desk.cases[tom]?.followUps.first?.state == .cancelled(reason: "he will call us"))
        // No longer overdue, the case leaves Waiting; its history says what became of the promise.
        let history = CaseReport.lines(desk: s.desk, caseID: tom, now: t0, timeZone: utc, width: 100).joined(separator: "\n")
        #expect(history.contains("✗ follow-up cancelled: confirm credit note → he will call us"), "\(history)")
        #expect(history.contains("promises to them: 1 cancelled"), "\(history)")
        #expect(app.state.selectedCaseID != tom)
    }

    @Test func theQueueShowsTheNextPromiseAsACountdown() throws {
        let s = try seededService(clock: clock)
        let asa = s.desk.caseOrder[1], tom = s.desk.caseOrder[3]
        try s.perform(.scheduleFollowUp(asa, due: t0.addingTimeInterval(2 * 3600 + 600), note: "call back"), actor: "alice", at: nil)
        let (app, _, _) = makeApp(s, clock: clock)
        func row(_ id: CaseID) -> String { app.screen.split(separator: "\n").first { $0.contains(id) }.map(String.init) ?? "" }
        #expect(row(asa).contains("⏰ in 2h10m"), "\(row(asa))")
        #expect(row(tom).contains("⏰ OVERDUE 30m"), "\(row(tom))")
        clock.advance(by: 3 * 3600)
        try s.perform(.breakPromise(tom, id: 1, grace: 3600), actor: "frontline", at: nil)
        #expect(row(tom).contains("⏰ BROKEN 3h30m"), "\(row(tom))")
        #expect(row(asa).contains("⏰ OVERDUE 50m"), "\(row(asa))")
    }

    @Test func aReplyWithAnUnfilledPlaceholderIsStoppedBeforeAnythingIsAsked() throws {
        let body = "Hej {first_name}! Jag återkommer i morgon."
        let (app, s, asa) = try writing(body)
        app.type(.control("s"))
        #expect(app.state.mode == .normal, "no promise offered for a reply that cannot go")
        #expect(app.state.status == StatusMessage("not sent: line 1 still has {first_name} unfilled", kind: .error, at: t0))
        #expect(app.state.editor.text == body && app.state.focus == .reply)
        #expect(s.desk.cases[asa]?.messages.last?.body != body)
    }

    @Test func aRatingGivenOnThePhoneIsRecordedAndABadOneShowsInTheHistory() throws {
        let (app, s, asa) = try appOnAsasCase(clock: clock)
        app.command("feedback 2 it took a week")
        #expect(app.state.status?.text == "\(asa) rated 2/5: reopened with a follow-up to make it right, and a supervisor told")
        let c = try #require(s.desk.cases[asa])
        #expect(c.ratings.map(\.score) == [2] && c.escalation?.level == .supervisor)
        let history = CaseReport.lines(desk: s.desk, caseID: asa, now: t0, timeZone: utc, width: 110).joined(separator: "\n")
        #expect(history.contains("their ratings of us, oldest first: 2"), "\(history)")
        #expect(history.contains("★ rated 2/5"), "\(history)")
        app.command("feedback 9")
        guard case let .prompt(p) = app.state.mode else { Issue.record("no error shown"); return }
        #expect(p.hint?.contains("SCORE 1 (bad) to 5 (good)") == true)
    }
}
