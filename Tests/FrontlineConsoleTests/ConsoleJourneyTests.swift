import Foundation
import FrontlineCore
import FrontlineStore
import FrontlineTUI
import Testing
@testable import FrontlineConsole

/// Key scripts through the real update → effect → store loop, read back from the screen and the store.
@Suite struct ConsoleJourneyTests {
    let clock = ManualClock(t0)

    @Test func movingThroughTheQueueAndTheHistoryFollows() throws {
        let s = try seededService(clock: clock)
        let (app, _, _) = makeApp(s, clock: clock)
        let rows = app.queue.rows
        #expect(app.state.selectedCaseID == rows[0])
        app.type(.character("j"))
        #expect(app.state.selectedCaseID == rows[1])
        let name = s.desk.customer(of: s.desk.cases[rows[1]]!)!.name
        #expect(app.screen.contains(name + " · "))
        app.type(.character("G"))
        #expect(app.state.selectedCaseID == rows.last)
        app.type(.character("g"), .down, .down, .up)
        #expect(app.state.selectedCaseID == rows[1])
        app.type(.pageDown)
        #expect(app.state.selectedCaseID == rows.last, "a page down on a short queue lands on the last case")
        app.type(.character("k"), .home)
        #expect(app.state.selectedCaseID == rows[0])
    }

    @Test func theHistoryGreetsAReturningCustomerWithTheirPast() throws {
        let s = try seededService(clock: clock)
        let (app, _, _) = makeApp(s, clock: clock)
        let asa = s.desk.caseOrder[1]
        #expect(app.select(asa))
        let screen = app.screen
        #expect(screen.contains("Åsa Lindqvist · sv · customer since 2026"))
        #expect(screen.contains("2 cases (1 earlier)"))
        #expect(screen.contains("Earlier cases"))
        #expect(screen.contains("Trasig laddare"))
        #expect(screen.contains("Åsa ▸ TV:n luktar bränt"))
    }

    @Test func apologisingInsertsTheTemplateInTheirLanguageAndRecordsIt() throws {
        let s = try seededService(clock: clock)
        let (app, _, _) = makeApp(s, clock: clock)
        let asa = s.desk.caseOrder[1]
        #expect(app.select(asa))
        app.type(.character("a"), .character("1"))
        #expect(app.state.focus == .reply)
        #expect(app.state.editor.text.hasPrefix("Hej Åsa, jag beklagar"))
        #expect(app.state.editor.text.contains(asa))
        #expect(app.state.editor.text.hasSuffix("Vänliga hälsningar,\nalice"))
        #expect(s.desk.cases[asa]?.apologies.map(\.kind) == [.delay])
        #expect(app.screen.contains("Reply to \(asa) · Åsa · Swedish"))
    }

    @Test func aFinnishCustomerGetsFinnishAndAnUnknownLanguageEnglish() throws {
        let s = try seededService(clock: clock)
        let odd = try s.open("Hans Müller", language: "de", subject: "Hallo", body: "Guten Tag", minutesAgo: 5000)
        let (app, _, _) = makeApp(s, clock: clock)
        let jyrki = s.desk.caseOrder[2]
        #expect(app.select(jyrki))
        app.type(.character("a"), .character("3"))
        #expect(app.state.editor.text.hasPrefix("Hei Jyrki, tämä oli meidän virheemme"))
        app.type(.escape)
        #expect(app.select(odd))
        app.type(.character("a"), .character("4"))
        #expect(app.state.editor.text.hasPrefix("Hi Hans, I am sorry that your experience"))
    }

    @Test func escalationNeedsAReasonThenShowsEverywhere() throws {
        let s = try seededService(clock: clock)
        let (app, _, _) = makeApp(s, clock: clock)
        let target = app.state.selectedCaseID!
        app.type(.character("e"), .character("1"), .enter)
        guard case let .prompt(p) = app.state.mode else { Issue.record("expected the reason prompt to stay open"); return }
        #expect(p.hint?.contains("reason is required") == true)
        app.type(text: "needs a refund over my limit")
        app.type(.enter)
        #expect(s.desk.cases[target]?.escalation?.level == .tier2)
        #expect(app.screen.contains("⚑ T2"))
        #expect(app.screen.contains("escalated to tier 2 by alice"))
        app.type(.character("3"))
        #expect(app.queue.rows.contains(target))
        #expect(app.screen.contains("Escalated 2"))
    }

    @Test func followUpComesDueAndIsImpossibleToMissUntilDone() throws {
        let s = try seededService(clock: clock)
        let (app, _, _) = makeApp(s, clock: clock)
        let target = s.desk.caseOrder.last!   // Mei, waiting 12 minutes
        #expect(app.select(target))
        app.type(.character("r"))
        app.type(text: "We will call you.")
        app.type(.control("s"))
        #expect(s.desk.cases[target]?.status == .pending)
        #expect(!app.queue.rows.contains(target), "a replied case leaves Waiting")
        app.type(.character("7"))
        #expect(app.select(target))
        app.type(.character("f"))
        app.type(text: "+2h")
        app.type(.enter)
        app.type(text: "call about the refund")
        app.type(.enter)
        #expect(s.desk.cases[target]?.followUps.first?.due == t0.addingTimeInterval(7200))
        app.type(.character("1"))
        #expect(!app.queue.rows.contains(target))
        clock.advance(by: 7200 + 60)   // time passes, no key pressed
        let screen = app.screen
        #expect(app.queue.rows.contains(target), "due follow-up brings the case back into Waiting")
        #expect(screen.contains("⏰ OVERDUE 1m"))
        #expect(screen.contains("⏰ 2 overdue"))
        #expect(app.select(target))
        app.type(.character("F"))
        app.type(text: "called, refund confirmed")
        app.type(.enter)
        let f = s.desk.cases[target]!.followUps.first!
        #expect(f.done && f.outcome == "called, refund confirmed")
        #expect(app.screen.contains("⏰ 1 overdue"))
    }

    @Test func aFollowUpThatWaitsOnAThirdPartySaysWho() throws {
        let (app, s, asa) = try appOnAsasCase(clock: clock)
        app.type(.character("f"))
        app.type(text: "+1d")
        app.type(.enter)
        app.type(text: "waiting on DHL: trace the parcel")
        app.type(.enter)
        let f = try #require(s.desk.cases[asa]?.followUps.first)
        #expect(f.waitingOn == "DHL" && f.note == "trace the parcel")
        #expect(app.state.status?.text == "follow-up on \(asa) set for tomorrow 10:00, waiting on DHL")
        #expect(app.screen.contains("⏰ due tomorrow 10:00, waiting on DHL: trace the parcel"))
    }

    @Test func unreadableFollowUpTimeKeepsThePromptWithAHint() throws {
        let s = try seededService(clock: clock)
        let (app, _, _) = makeApp(s, clock: clock)
        app.type(.character("f"))
        app.type(text: "someday")
        app.type(.enter)
        guard case let .prompt(p) = app.state.mode else { Issue.record("prompt closed on a bad time"); return }
        #expect(p.hint?.contains("cannot read \"someday\"") == true)
        app.type(.escape)
        #expect(app.state.mode == .normal)
    }

    @Test func replyEditorEditsAndSends() throws {
        let s = try seededService(clock: clock)
        let (app, _, _) = makeApp(s, clock: clock)
        let target = app.state.selectedCaseID!
        app.type(.character("r"))
        app.type(text: "Hej Åsa")
        app.type(.enter)
        app.type(text: "漢字 och ö fel ord")
        app.type(.control("w"))
        app.type(text: "rätt")
        #expect(app.state.editor.text == "Hej Åsa\n漢字 och ö fel rätt")
        app.type(.control("s"))
        let sent = s.desk.cases[target]!.messages.last!
        #expect(sent.direction == .outbound && sent.body == "Hej Åsa\n漢字 och ö fel rätt" && sent.author == "alice")
        #expect(app.state.editor.text.isEmpty && app.state.focus == .queue)
    }

    @Test func anEmptyReplyIsNotSent() throws {
        let s = try seededService(clock: clock)
        let (app, _, _) = makeApp(s, clock: clock)
        let before = s.performed.count
        app.type(.character("r"), .control("s"))
        #expect(app.state.status?.kind == .error)
        #expect(s.performed.count == before)
    }

    @Test func aDraftIsSavedAfterAPauseAndWhenLeavingTheCase() throws {
        let s = try seededService(clock: clock)
        let (app, _, _) = makeApp(s, clock: clock)
        let target = app.state.selectedCaseID!
        app.type(.character("r"))
        app.type(text: "Half a thought")
        #expect(s.desk.draft(caseID: target, agent: "alice") == nil)
        clock.advance(by: 0.5)
        app.tick()
        #expect(s.desk.draft(caseID: target, agent: "alice") == nil, "not while still typing")
        clock.advance(by: 1)
        app.tick()
        #expect(s.desk.draft(caseID: target, agent: "alice") == "Half a thought")
        app.type(text: " more")
        app.type(.escape, .character("j"))
        #expect(s.desk.draft(caseID: target, agent: "alice") == "Half a thought more")
        app.type(.character("k"))
        #expect(app.screen.contains("Half a thought more"), "the draft comes back with the case")
    }

    @Test func selectionStaysOnItsCaseWhenANewCaseArrives() throws {
        let s = try seededService(clock: clock)
        let (app, _, _) = makeApp(s, clock: clock)
        app.type(.character("j"), .character("j"))
        let before = app.state.selectedCaseID
        // An urgent, long-waiting case sorts above the selection.
        try s.open("New Person", subject: "Fire", body: "smoke", priority: .urgent, minutesAgo: 600)
        _ = app.frame()
        #expect(app.state.selectedCaseID == before)
    }

    @Test func searchNarrowsAndEscapeClears() throws {
        let s = try seededService(clock: clock)
        let (app, _, _) = makeApp(s, clock: clock)
        app.type(.character("7"), .character("/"))
        app.type(text: "åsa")
        #expect(app.queue.rows.count == 2)
        app.type(.enter)
        #expect(app.screen.contains("search \"åsa\""))
        app.type(.escape)
        #expect(app.state.search.isEmpty)
        #expect(app.queue.rows.count == 5)
    }

    @Test func commandLineRunsActionsByName() throws {
        let s = try seededService(clock: clock)
        let (app, _, _) = makeApp(s, clock: clock)
        let target = app.state.selectedCaseID!
        let run = app.command
        run("escalate supervisor \"refund over limit\"")
        #expect(s.desk.cases[target]?.escalation?.reason == "refund over limit")
        run("followup +2d call back about delivery")
        #expect(s.desk.cases[target]?.followUps.last?.note == "call back about delivery")
        #expect(s.desk.cases[target]?.followUps.last?.due == t0.addingTimeInterval(2 * 86400))
        run("followup tomorrow 9:00 ring them")
        #expect(s.desk.cases[target]?.followUps.last?.note == "ring them")
        run("assign bob")
        #expect(s.desk.cases[target]?.assignee == "bob")
        run("priority high")
        #expect(s.desk.cases[target]?.priority == .high)
        run("tag vip refund")
        #expect(s.desk.cases[target]?.tags == ["vip", "refund"])
        run("frobnicate")
        guard case let .prompt(p) = app.state.mode else { Issue.record("an unknown command should keep the prompt with a hint"); return }
        #expect(p.hint?.contains("unknown command \"frobnicate\"") == true)
    }

    @Test func supervisorsCommandsTakeBackAnEscalationAndMoveTheSLAForEveryone() throws {
        let s = try seededService(clock: clock)
        let (app, _, _) = makeApp(s, clock: clock)
        let target = app.state.selectedCaseID!
        let run = app.command
        run("escalate tier2 billing")
        run("deescalate approved at tier 1")
        #expect(s.desk.cases[target]?.escalation == nil)
        #expect(s.desk.cases[target]?.activity.last?.text == "de-escalated from tier 2 by alice: approved at tier 1")
        #expect(app.refreshWorld().levels.target(for: .normal) == 24 * 3600)
        run("sla normal 30m")
        #expect(s.desk.serviceLevelTargets[.normal] == 1800)
        // The queue and panes judge breaches by the new target at once.
        #expect(app.refreshWorld().levels.target(for: .normal) == 1800)
        #expect(app.screen.contains("normal SLA target is now 30m for everyone"))
        run("sla normal soon")
        guard case let .prompt(p) = app.state.mode else { Issue.record("a bad target should keep the prompt with a hint"); return }
        #expect(p.hint == "sla PRIORITY TARGET, e.g. :sla urgent 30m")
    }

    @Test func quittingSavesTheDraft() throws {
        let s = try seededService(clock: clock)
        let (app, _, _) = makeApp(s, clock: clock)
        let target = app.state.selectedCaseID!
        app.type(.character("r"))
        app.type(text: "unsent words")
        app.type(.escape)
        #expect(app.handle(.character("q")))
        #expect(s.desk.draft(caseID: target, agent: "alice") == "unsent words")
    }

    @Test func aHangupSavesTheDraftAndEndsTheLoop() throws {
        let s = try seededService(clock: clock)
        let (app, backend, host) = makeApp(s, clock: clock)
        let target = app.state.selectedCaseID!
        app.type(.character("r"))
        app.type(text: "typed before the ssh drop")
        host.exitReason = "hangup (SIGHUP)"
        backend.pendingKeys = []
        #expect(app.run() == "hangup (SIGHUP)")
        #expect(s.desk.draft(caseID: target, agent: "alice") == "typed before the ssh drop")
    }

    @Test func solvingReopeningTakingAndPriority() throws {
        let s = try seededService(clock: clock)
        let (app, _, _) = makeApp(s, clock: clock)
        let target = app.state.selectedCaseID!
        app.type(.character("t"))
        #expect(s.desk.cases[target]?.assignee == "alice")
        app.type(.character("p"), .character("1"))
        #expect(s.desk.cases[target]?.priority == .low)
        app.type(.character("s"))
        #expect(s.desk.cases[target]?.status == .solved)
        app.type(.character("6"))
        #expect(app.state.selectedCaseID == target)
        app.type(.character("o"))
        #expect(s.desk.cases[target]?.status == .open)
        app.type(.character("s"), .character("s"))
        #expect(app.state.status?.kind == .error, "solving twice is refused with a message")
    }

    @Test func agesTickWithoutAKey() throws {
        let s = try seededService(clock: clock)
        let (app, _, _) = makeApp(s, clock: clock)
        #expect(app.screen.contains("12m"))
        clock.advance(by: 3600)
        #expect(app.screen.contains(" 1h12m"))
    }

    @Test func aReplyToACaseThatChangedMeanwhileAsksFirst() throws {
        let s = try seededService(clock: clock)
        let (app, _, _) = makeApp(s, clock: clock)
        let target = app.state.selectedCaseID!
        app.type(.character("r"))
        app.type(text: "Hej, jag kollar")
        // While alice writes, bob answers and the customer writes again (through the store).
        try s.perform(.reply(target, body: "Bob here, on it"), actor: "bob")
        try s.perform(.receive(IncomingMessage(customerName: "", customerEmail: "", language: "", subject: "", body: "Hallå?", appendTo: target)), actor: "intake")
        let before = s.desk.cases[target]!.messages.count
        app.type(.control("s"))
        guard case .picker = app.state.mode else { Issue.record("expected the send-anyway question"); return }
        #expect(app.screen.contains("changed while you wrote: Åsa wrote again; bob replied"))
        #expect(s.desk.cases[target]!.messages.count == before, "nothing sent yet")
        app.type(.character("2"))   // review first
        #expect(s.desk.cases[target]!.messages.count == before)
        #expect(app.state.focus == .reply && app.state.editor.text == "Hej, jag kollar")
        app.type(.control("s"))     // now it has been seen: sends
        #expect(s.desk.cases[target]!.messages.last?.body == "Hej, jag kollar")
    }

    @Test func theCaseBeingAnsweredStaysOpenWhenAColleaguesReplyMovesItOutOfTheView() throws {
        let s = try seededService(clock: clock)
        let (app, _, _) = makeApp(s, clock: clock)
        let target = app.state.selectedCaseID!
        app.type(.character("r"))
        app.type(text: "Hej, jag kollar")
        try s.perform(.reply(target, body: "Bob here, on it"), actor: "bob")
        // Pending now, so no longer in Waiting: alice's reply and its case stay on screen.
        #expect(app.screen.contains("Reply to \(target)"))
        #expect(!app.queue.rows.contains(target))
        #expect(app.screen.contains("Hej, jag kollar"))
        #expect(app.screen.contains("Bob here, on it"))
        app.type(.control("s"))
        guard case .picker = app.state.mode else { Issue.record("expected the send-anyway question"); return }
        #expect(app.screen.contains("bob replied"))
        app.type(.character("2"))
        app.type(.escape)
        // Back in the queue, the selection goes to a case that is in the view.
        #expect(app.state.selectedCaseID.map { app.queue.rows.contains($0) } == true)
    }

    @Test func sendAnywaySendsAtOnce() throws {
        let s = try seededService(clock: clock)
        let (app, _, _) = makeApp(s, clock: clock)
        let target = app.state.selectedCaseID!
        app.type(.character("r"))
        app.type(text: "Svar")
        try s.perform(.take(target), actor: "bob")
        app.type(.control("s"))
        #expect(app.screen.contains("taken by bob"))
        app.type(.character("1"))
        #expect(s.desk.cases[target]!.messages.last?.body == "Svar")
    }

    @Test func anotherAgentOnTheSameCaseIsShownAndOwnPresenceAnnounced() throws {
        let s = try seededService(clock: clock)
        let (app, backend, _) = makeApp(s, clock: clock)
        let target = app.state.selectedCaseID!
        s.presence = [AgentPresence(agent: "bob", caseID: target, replying: true), AgentPresence(agent: "chen", caseID: target, replying: false),
                      AgentPresence(agent: "dana", caseID: "C-9999", replying: true), AgentPresence(agent: "alice", caseID: target, replying: true)]
        #expect(app.screen.contains("⚠ bob is replying · chen viewing"))
        #expect(!app.screen.contains("dana"), "only agents on this case")
        backend.pendingKeys = [.character("r"), .escape, .character("q")]
        app.run()
        #expect(s.announced.contains(AgentPresence(agent: "alice", caseID: target, replying: false)))
        #expect(s.announced.contains(AgentPresence(agent: "alice", caseID: target, replying: true)))
    }

    @Test func aLostServerIsShownAndTakenDownWhenItIsBack() throws {
        let s = try seededService(clock: clock)
        let (app, _, _) = makeApp(s, clock: clock)
        s.backgroundProblem = "lost the frontline server (closed); reconnecting…"
        app.tick()
        #expect(app.screen.contains("lost the frontline server (closed); reconnecting…"))
        s.backgroundProblem = nil
        app.tick()
        #expect(!app.screen.contains("reconnecting…"))
        #expect(app.screen.contains("connected again"))
    }

    @Test func movingTheSelectionRedrawsOnlyWhatChanged() throws {
        let s = try seededService(clock: clock)
        let (app, backend, _) = makeApp(s, clock: clock)
        backend.present(app.frame())
        let full = backend.cellsWritten
        app.type(.character("j"))
        backend.present(app.frame())
        let moved = backend.cellsWritten - full
        #expect(moved > 0 && moved < full / 2, "moved \(moved) of \(full) cells")
    }
}
