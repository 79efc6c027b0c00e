import Foundation
import FrontlineCore
import FrontlineTUI
import Testing
@testable import FrontlineConsole

/// The console in Swedish and Finnish: every phrase in all three languages with the same
/// values in it, the language chosen by config or locale, dates and numbers the local way, and
/// the screens at 80×24 in each language (golden), long Finnish words included.
@Suite struct LanguageTests {
    /// Phrases that are rightly the same in a language as in English (a loan word, a code).
    static let sameOnPurpose: Set<String> = ["sla", "agent", "normal", "medianValue", "goodwill", "normalShort"]

    static func catalogues() -> [(String, Any)] {
        [("console", Words.console), ("views", Words.views), ("wallboard", Words.wallboard), ("report", Words.report), ("review", Words.review), ("status", Words.status), ("refusals", RefusalWords.shared),
         ("goodwill", Words.goodwill), ("mail", Words.mail), ("messages", Words.messages), ("commandLine", Words.commandLine),
         ("activity", ActivityWords.shared), ("kinds", KindWords.shared)]
    }

    @Test func everyPhraseIsInEveryLanguageWithTheSameValues() {
        var count = 0
        for (catalogue, words) in Self.catalogues() {
            for child in Mirror(reflecting: words).children {
                guard let phrase = child.value as? Phrase, let name = child.label else {
                    Issue.record("\(catalogue).\(child.label ?? "?") is not a Phrase: every word of a catalogue is one")
                    continue
                }
                count += 1
                for l in UILanguage.allCases {
                    #expect(!phrase(l).trimmingCharacters(in: .whitespaces).isEmpty, "\(catalogue).\(name) has no \(l.rawValue) text")
                    #expect(phrase.placeholders(l) == phrase.placeholders(.en), "\(catalogue).\(name) in \(l.rawValue) fills \(phrase.placeholders(l)), English \(phrase.placeholders(.en))")
                }
                let sameOK = Self.sameOnPurpose.contains(name)
                for l in [UILanguage.sv, .fi] where !sameOK {
                    #expect(phrase(l) != phrase.en || phrase.en.allSatisfy({ !$0.isLetter }), "\(catalogue).\(name) is not translated to \(l.rawValue): \"\(phrase.en)\"")
                }
            }
        }
        #expect(count > 150, "the catalogues are read (\(count) phrases)")
    }

    @Test func everyActionHasItsHelpAndItsWordInSwedishAndFinnish() {
        for a in ConsoleActions.all {
            let key = ActionWords.key(of: a)
            #expect(ActionWords.help[key] != nil, "action \(key) has no Swedish or Finnish help line (ActionWords.help)")
            if let word = a.hint?.word { #expect(ActionWords.hint[word] != nil, "the status-line word \"\(word)\" has no translation (ActionWords.hint)") }
        }
        #expect(ActionWords.help.count == ConsoleActions.all.count, "no help line for an action that is gone")
    }

    @Test(arguments: [
        ([:], UILanguage?.none, UILanguage.en),
        (["LANG": "sv_SE.UTF-8"], nil, .sv),
        (["LANG": "fi_FI.UTF-8", "LC_MESSAGES": "sv_SE.UTF-8"], nil, .sv),
        (["LANG": "sv_SE.UTF-8", "LC_ALL": "fi_FI@euro"], nil, .fi),
        (["LANG": "sv_SE.UTF-8", "LC_ALL": "C"], nil, .en),
        (["LANG": "de_DE.UTF-8"], nil, .en),
        (["LANG": "fi_FI.UTF-8"], .en, .en),
        ([:], .fi, .fi),
    ] as [([String: String], UILanguage?, UILanguage)])
    func theConfigThenTheLocaleChoose(environment: [String: String], config: UILanguage?, expected: UILanguage) {
        #expect(UILanguage.chosen(config: config, environment: environment) == expected)
    }

    @Test func datesTimesAndNumbersTheLocalWay() {
        let at = t0.addingTimeInterval(8 * 86400 + 4 * 3600 + 3 * 60)   // Tuesday 1 December 2026, 14:03
        let en = TimeText(timeZone: utc), sv = TimeText(timeZone: utc, language: .sv), fi = TimeText(timeZone: utc, language: .fi)
        let sv2 = TimeText(timeZone: utc, language: .sv, clockSeparator: ".")
        #expect([en.clock(at), sv.clock(at), sv2.clock(at), fi.clock(at)] == ["14:03", "14:03", "14.03", "14.03"])
        #expect([en.fullDate(at), sv.fullDate(at), fi.fullDate(at)] == ["1 Dec 2026", "2026-12-01", "1.12.2026"])
        #expect([en.dayAndTime(at, now: at), sv.dayAndTime(at, now: at), fi.dayAndTime(at, now: at)] == ["today 14:03", "i dag 14:03", "tänään klo 14.03"])
        let later = at.addingTimeInterval(86400)
        #expect([en.dayAndTime(at, now: later), sv.dayAndTime(at, now: later), fi.dayAndTime(at, now: later)] == ["yesterday 14:03", "i går 14:03", "eilen klo 14.03"])
        #expect([en.dayAndTime(t0, now: at), sv.dayAndTime(t0, now: at), fi.dayAndTime(t0, now: at)] == ["23 Nov 10:00", "23 nov 10:00", "23.11. klo 10.00"])
        #expect(fi.clock(t0.addingTimeInterval(-3600)) == "9.00", "Finnish hours have no leading zero")
        #expect([NumberText.percent(0.854, .en), NumberText.percent(0.854, .sv), NumberText.decimal(4.26, .fi)] == ["85%", "85\u{00A0}%", "4,3"])
    }

    @Test func theConfigNamesTheLanguageAndTheClock() throws {
        let config = try FrontlineConfig.parse("language = \"fi\"\nclock = \"14.03\"", source: "config.toml")
        #expect(config.language == .fi && config.clockSeparator == ".")
        #expect(configRefusal("language = \"de\"") == "config.toml:1: language must be \"en\", \"sv\" or \"fi\"")
        #expect(configRefusal("clock = \"2pm\"") == "config.toml:1: clock must be \"14:03\" or \"14.03\" (how times are written)")
    }

    // MARK: - The screens in each language, at 80×24

    func expectGolden(_ name: String, _ grid: Grid) throws {
        let theme = try ThemeLoader.load(name: "dark", userThemeDirectory: nil)
        let problems = GoldenScreens.check(name, grid: grid, theme: theme)
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))\n\nscreen:\n\(grid.lines().joined(separator: "\n"))")
    }

    @Test(arguments: [UILanguage.sv, .fi])
    func theQueueAndTheHistory(language: UILanguage) throws {
        let clock = ManualClock(t0)
        let (app, _, _) = makeApp(try seededService(clock: clock), clock: clock, width: 80, height: 24, language: language)
        try expectGolden("queue-80x24-\(language.rawValue)", app.frame())
        app.type(.character("?"))
        try expectGolden("help-80x24-\(language.rawValue)", app.frame())
    }

    @Test func promptsStatusMessagesAndRefusalsInTheConsolesLanguage() throws {
        let clock = ManualClock(t0)
        let s = try seededService(clock: clock)
        let (app, _, _) = makeApp(s, clock: clock, language: .fi)
        let id = try #require(app.state.selectedCaseID)
        app.type(.character("n"))
        guard case let .prompt(p) = app.state.mode else { Issue.record("no prompt"); return }
        #expect(p.label == "Muistiinpano: \(id)" && p.hint == "sisäinen: asiakas ei koskaan näe muistiinpanoja")
        app.type(text: "soitin asiakkaalle")
        app.type(.enter)
        #expect(app.state.status?.text == "muistiinpano lisätty: \(id)")
        app.type(.character("t"))
        #expect(app.state.status?.text == "\(id) on nyt sinun")
        app.type(.character("t"))
        #expect(app.state.status?.text == "\(id) on jo sinun", "the store's refusal in the console's language")
        app.type(.character("f"))
        app.type(text: "joskus")
        app.type(.enter)
        guard case let .prompt(when) = app.state.mode else { Issue.record("no follow-up prompt"); return }
        #expect(when.hint?.hasPrefix("\"joskus\" ei ole luettava aika") == true, "\(when.hint ?? "")")
        app.type(.escape)
        s.role = .viewer
        let (viewer, _, _) = makeApp(s, clock: clock, language: .sv)
        viewer.type(.character("s"))
        #expect(viewer.state.status?.text == "du är betraktare här: betraktare kan se kön men inte ändra den")
        // The pure update outside a console speaks English.
        var state = ConsoleState(agent: "alice")
        _ = ConsoleUpdate.handle(.character("/"), state: &state, world: try #require(Optional(viewerWorld(s, clock))))
        guard case let .prompt(q) = state.mode else { Issue.record("no search prompt"); return }
        #expect(q.label == "Search")
    }

    func viewerWorld(_ s: InMemoryCaseService, _ clock: ManualClock) -> ConsoleWorld {
        let order = QueueOrder(desk: s.desk, agent: "alice", levels: ServiceLevels(), now: clock.now())
        return ConsoleWorld(desk: s.desk, now: clock.now(), queue: QueueSnapshot(order: order, desk: s.desk, query: QueueQuery(view: .waiting, agent: "alice", levels: ServiceLevels()), now: clock.now()),
                            levels: ServiceLevels(), time: TimeText(timeZone: utc))
    }

    @Test func theReviewScreenInFinnishWithItsScorecard() throws {
        let clock = ManualClock(t0)
        let s = try seededService(clock: clock)
        s.role = .supervisor
        let (app, _, _) = makeApp(s, clock: clock, width: 80, height: 24, agent: "carol", language: .fi)
        app.options.review = ReviewSettings().named(in: .fi)
        app.type(.character("V"), .enter, .character("y"), .character("x"))
        try expectGolden("review-scoring-80x24-fi", app.frame())
        #expect(app.screen.contains("✓ tervehti asiakasta nimeltä (1)") && app.screen.contains("otti virheen omakseen (2, kriittinen)"))
    }

    @Test(arguments: [UILanguage.sv, .fi])
    func theReportsScreenAndTheWallboard(language: UILanguage) throws {
        let clock = ManualClock(t0)
        let s = try seededService(clock: clock)
        let (app, _, _) = makeApp(s, clock: clock, width: 80, height: 24, language: language)
        app.type(.character("R"))
        try expectGolden("reports-80x24-\(language.rawValue)", app.frame())
        let (board, _) = try makeWallboard(s, clock: clock, width: 80, height: 24, language: language)
        try expectGolden("wallboard-80x24-\(language.rawValue)", board.frame())
    }
}
