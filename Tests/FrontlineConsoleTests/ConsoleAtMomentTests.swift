import Foundation
import FrontlineCore
import FrontlineTUI
import Testing
@testable import FrontlineConsole

/// `:at` in a running console: the desk as it was, read-only and standing still, in place of the
/// store; `:at now` brings back the desk as it is, with what others did meanwhile.
@Suite struct ConsoleAtMomentTests {
    let clock = ManualClock(t0)

    func app() throws -> (ConsoleApp, InMemoryCaseService) {
        let s = try seededService(clock: clock)
        let (app, _, _) = makeApp(s, clock: clock)
        app.options.history = { [s] moment in
            var past = DeskAtMoment(moment)
            for e in s.log { past.fold(e) }
            return past.desk
        }
        return (app, s)
    }

    @Test func theQueueAsItWasAtNineFortyFiveThenBackToNow() throws {
        let (app, s) = try app()
        let mei = try #require(s.desk.caseOrder.last)   // opened at 09:48
        #expect(app.queue.rows.contains(mei))
        app.command("at 09:45")
        #expect(app.state.pastMoment == t0.addingTimeInterval(-15 * 60))
        #expect(!app.queue.rows.contains(mei), "Mei had not written yet at 09:45")
        #expect(app.queue.rows.count == 3)
        #expect(app.state.status?.text == "the desk as it was: nothing can be changed in the past · :at now comes back")
        #expect(app.screen.split(separator: "\n").last?.contains(" ⏪ ") == true, "the sign stays while a message has the line")
        clock.advance(by: 11)
        app.tick()
        #expect(app.state.status == nil)
        #expect(app.screen.split(separator: "\n").last?.contains("⏪ as it was at today 09:45 · read-only") == true)
        #expect(app.screen.contains("09:45"), "the clock stands at the moment")
        app.type(.character("t"))
        #expect(app.state.status?.text == "this is the desk as it was at today 09:45: nothing can be changed in the past (:at now comes back)")
        #expect(s.performed.filter { if case .take = $0 { true } else { false } }.isEmpty)
        // Looking around works: views, the history pane.
        app.type(.character("7"))
        #expect(app.queue.rows.count == 4, "All: Åsa's old case too")
        // A colleague's praise while we look at the past is said once we are back.
        let tom = s.desk.caseOrder[3]
        try s.performElsewhere(.review(tom, ReviewSubmission(message: 1, items: try Scorecard.embedded.scored(
            ["greeted": .met, "owned": .notApplicable, "next-step": .met, "language": .met]), verdict: .praise, note: "bra")), actor: "carol")
        _ = app.screen
        #expect(app.state.status?.text.contains("praised") != true)
        app.command("at now")
        #expect(app.state.pastMoment == nil && app.state.role == nil)
        _ = app.screen
        #expect(app.state.status?.text == "★ carol praised your reply \(tom).2: bra — V shows your reviews")
        app.type(.character("1"))
        #expect(app.queue.rows.contains(mei))
        app.type(.character("t"))
        #expect(app.state.status?.text.hasPrefix("this is the desk as it was") == false)
    }

    @Test func theFutureAndNonsenseAreRefused() throws {
        let (app, _) = try app()
        app.command("at 2026-12-24 10:00")
        #expect(app.state.pastMoment == nil && app.state.status?.text == "2026-12-24T10:00:00.000Z is not in the past")
        app.command("at someday")
        guard case let .prompt(p) = app.state.mode else { Issue.record("no retry"); return }
        #expect(p.hint?.hasPrefix("at WHEN — cannot read \"someday\" as a time") == true)
        app.type(.escape)
        app.command("at now")
        #expect(app.state.status?.text == "the console shows the desk as it is (:at WHEN goes back)")
    }
}
