import Foundation
import FrontlineCore
import FrontlineTUI
import Testing
@testable import FrontlineConsole

@Suite struct ConsoleGoldenTests {
    func expectGolden(_ name: String, _ app: ConsoleApp) throws {
        let theme = try ThemeLoader.load(name: "dark", userThemeDirectory: nil)
        let problems = GoldenScreens.check(name, grid: app.frame(), theme: theme)
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))\n\nscreen:\n\(app.screen)")
    }

    @Test func theQueueOnOpening() throws {
        let clock = ManualClock(t0)
        let (app, _, _) = makeApp(try seededService(clock: clock), clock: clock)
        try expectGolden("queue-waiting", app)
    }

    @Test func apologyPickerOverTheHistory() throws {
        let clock = ManualClock(t0)
        let (app, _, _) = makeApp(try seededService(clock: clock), clock: clock)
        app.type(.character("a"))
        try expectGolden("apology-picker", app)
    }

    @Test func replyEditorWithASwedishApology() throws {
        let clock = ManualClock(t0)
        let (app, _, _) = makeApp(try seededService(clock: clock), clock: clock)
        app.type(.character("a"), .character("2"))
        try expectGolden("reply-editor", app)
    }

    /// R: the last seven days' figures, sparklines of cases received and solved, SLA bars.
    @Test func theReportsScreen() throws {
        let clock = ManualClock(t0)
        let (app, _, _) = makeApp(try seededService(clock: clock), clock: clock)
        app.type(.character("R"))
        try expectGolden("reports", app)
        app.type(.character("x"))
        #expect(app.state.mode == .normal, "any key closes it")
    }

    @Test func theReviewScreenScoringAReplyAt80x24() throws {
        let clock = ManualClock(t0)
        let s = try seededService(clock: clock)
        s.role = .supervisor
        let (app, _, _) = makeApp(s, clock: clock, width: 80, height: 24, agent: "carol")
        app.type(.character("V"), .enter, .character("y"), .character("x"))
        try expectGolden("review-scoring", app)
    }

    @Test func escalatedView() throws {
        let clock = ManualClock(t0)
        let (app, _, _) = makeApp(try seededService(clock: clock), clock: clock)
        app.type(.character("3"))
        try expectGolden("escalated-view", app)
    }

    @Test func helpScreen() throws {
        let clock = ManualClock(t0)
        let (app, _, _) = makeApp(try seededService(clock: clock), clock: clock)
        app.type(.character("?"))
        try expectGolden("help", app)
    }

    @Test func followUpPrompt() throws {
        let clock = ManualClock(t0)
        let (app, _, _) = makeApp(try seededService(clock: clock), clock: clock)
        app.type(.character("f"))
        app.type(text: "tomorrow 9")
        try expectGolden("follow-up-prompt", app)
    }

    @Test func tooSmall() throws {
        let clock = ManualClock(t0)
        let (app, _, _) = makeApp(try seededService(clock: clock), clock: clock, width: 40, height: 10)
        try expectGolden("too-small", app)
    }
}
