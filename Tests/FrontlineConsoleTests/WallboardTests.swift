import Foundation
import FrontlineCore
import FrontlineStore
import FrontlineTUI
import Testing
@testable import FrontlineConsole

/// Case ids of the wallboard desk, by what each is there to test.
struct WallboardDesk {
    var service: InMemoryCaseService
    var a, b, c, d, e, f, g, h: CaseID
}

/// A desk where every wallboard figure has a known value at t0 (Monday 10:00 UTC):
/// A 10m normal (<15m), B 45m urgent (<1h, breaches in 15m), C 200m high (<4h, 40m left),
/// D 90m urgent (<4h, breached), E 30h normal (older, breached, the oldest), F 5h low (<1d),
/// G replied to by bob 30m ago (pending), H solved (escalated, replies yesterday and 23:30 UTC).
func wallboardDesk(clock: ManualClock) throws -> WallboardDesk {
    let s = InMemoryCaseService(clock: clock)
    func ago(_ minutes: Double) -> Date { clock.now().addingTimeInterval(-minutes * 60) }
    let a = try s.open("Ada Lovelace", email: "ada@example.com", subject: "Flamingo teapot catastrophe", body: "It whistles.", minutesAgo: 10)
    let b = try s.open("Brünhilde Okonkwo-Smith", email: "b@example.com", subject: "Quixotic zeppelin refund", body: "Where?", priority: .urgent, minutesAgo: 45)
    let c = try s.open("Cyprian Vexley", email: "c@example.com", subject: "Marmalade hovercraft", body: "Eels.", priority: .high, minutesAgo: 200)
    let d = try s.open("Dagny Thorvaldsdóttir", email: "d@example.com", subject: "Xylophone shipment lost", body: "Gone.", priority: .urgent, minutesAgo: 90)
    let e = try s.open("Zebulon Quartz-Farnsworth", email: "z@example.com", subject: "Obsidian umbrella broken", body: "Snapped.", minutesAgo: 30 * 60)
    let f = try s.open("Ferdinand Plumtree", email: "f@example.com", subject: "Gazebo instructions", body: "Missing.", priority: .low, minutesAgo: 5 * 60)
    let g = try s.open("Gwendolyn Haverbrook", email: "g@example.com", subject: "Accordion voucher", body: "Expired.", minutesAgo: 120)
    let h = try s.open("Hieronymus Blatherwick", email: "h@example.com", subject: "Periwinkle invoice", body: "Wrong.", minutesAgo: 24 * 60)

    _ = try s.perform(.reply(g, body: "Sent a new voucher."), actor: "bob", at: ago(30))   // a reply assigns G to bob
    _ = try s.perform(.reply(h, body: "Looking into it."), actor: "bob", at: ago(20 * 60))          // Sunday 14:00 UTC
    _ = try s.perform(.reply(h, body: "Corrected invoice attached."), actor: "chen", at: ago(10.5 * 60)) // Sunday 23:30 UTC
    _ = try s.perform(.escalate(h, level: .supervisor, reason: "credit"), actor: "chen", at: ago(10 * 60))
    _ = try s.perform(.solve(h), actor: "chen", at: ago(9 * 60))

    _ = try s.perform(.escalate(b, level: .tier2, reason: "payment provider"), actor: "alice", at: ago(5))
    _ = try s.perform(.escalate(d, level: .supervisor, reason: "carrier"), actor: "alice", at: ago(5))
    _ = try s.perform(.escalate(e, level: .tier2, reason: "warranty"), actor: "alice", at: ago(5))

    _ = try s.perform(.scheduleFollowUp(g, due: ago(10), note: "check voucher works"), actor: "bob", at: ago(30))
    _ = try s.perform(.scheduleFollowUp(f, due: ago(-120), note: "call back"), actor: "bob", at: ago(60))        // today 12:00
    _ = try s.perform(.scheduleFollowUp(a, due: ago(-20 * 60), note: "tomorrow"), actor: "bob", at: ago(5))     // tomorrow 06:00
    _ = try s.perform(.scheduleFollowUp(c, due: ago(-30), note: "done already"), actor: "bob", at: ago(60))
    _ = try s.perform(.completeFollowUp(c, id: nil, outcome: "sorted"), actor: "bob", at: ago(2))

    _ = try s.perform(.assign(a, agent: "alice"), actor: "alice", at: ago(1))
    _ = try s.perform(.assign(d, agent: "alice"), actor: "alice", at: ago(1))
    _ = try s.perform(.assign(c, agent: "bob"), actor: "bob", at: ago(1))
    return WallboardDesk(service: s, a: a, b: b, c: c, d: d, e: e, f: f, g: g, h: h)
}

/// Names and subjects of the wallboard desk: none may appear on a redacted board.
let wallboardCustomerText = [
    "Ada", "Lovelace", "Brünhilde", "Okonkwo", "Cyprian", "Vexley", "Dagny", "Thorvald", "Zebulon", "Quartz", "Farnsworth",
    "Ferdinand", "Plumtree", "Gwendolyn", "Haverbrook", "Hieronymus", "Blatherwick",
    "Flamingo", "teapot", "Quixotic", "zeppelin", "Marmalade", "hovercraft", "Xylophone", "Obsidian", "umbrella",
    "Gazebo", "Accordion", "voucher", "Periwinkle", "invoice",
]

func wallboardTheme() throws -> Theme { try ThemeLoader.load(name: "dark", userThemeDirectory: nil) }

func makeWallboard(_ service: CaseService, clock: WallClock, width: Int = 120, height: Int = 40, redact: Bool = false,
                   backend: TerminalBackend? = nil, language: UILanguage = .en) throws -> (WallboardApp, FakeHost) {
    let host = FakeHost()
    var options = WallboardApp.Options(timeZone: utc, redact: redact)
    options.language = language
    let app = WallboardApp(service: service, backend: backend ?? TestBackend(width: width, height: height), host: host, clock: clock,
                           theme: try wallboardTheme(), options: options)
    return (app, host)
}

extension Grid {
    var text: String { lines().joined(separator: "\n") }
}

@Suite struct WallboardFigureTests {
    @Test func everyFigureOfTheDeskIsExact() throws {
        let clock = ManualClock(t0)
        let desk = try wallboardDesk(clock: clock)
        let f = WallboardFigures(desk: desk.service.desk, now: t0, levels: ServiceLevels(), timeZone: utc)

        #expect(f.waiting == 6)
        #expect(f.oldestWait == TimeInterval(30 * 3600))
        #expect(f.oldestCaseID == desk.e)
        #expect(f.oldestCustomer == "Zebulon Q.")
        #expect(f.oldestSLA == .breached)
        #expect(f.buckets.map(\.label) == ["<15m", "<1h", "<4h", "<1d", "older"])
        #expect(f.buckets.map(\.count) == [1, 1, 2, 1, 1])
        #expect(f.breached == 2)          // D (urgent, 90m) and E (normal, 30h)
        #expect(f.breachingSoon == 1)     // B: 15 min left; C has 40 min left
        #expect(f.escalations[.tier2] == 2)       // B, E
        #expect(f.escalations[.supervisor] == 1)  // D; H is solved
        #expect(f.followUpsOverdue == 1)   // G
        #expect(f.followUpsDueToday == 1)  // F at 12:00; A's is tomorrow, C's is done
        #expect(f.agents.map(\.name) == ["alice", "bob"])
        #expect(f.agent("alice") == .init(name: "alice", openCases: 2, oldestWait: 90 * 60, repliesToday: 0))
        #expect(f.agent("bob") == .init(name: "bob", openCases: 2, oldestWait: 200 * 60, repliesToday: 1))
        #expect(f.agent("chen") == nil)   // replied 23:30 UTC yesterday, nothing open
    }

    @Test func repliesTodayCountFromLocalMidnight() throws {
        let clock = ManualClock(t0)
        let desk = try wallboardDesk(clock: clock)
        // In Stockholm (UTC+1) it is 11:00: chen's 23:30 UTC reply was at 00:30 today, bob's 14:00 UTC one yesterday.
        let f = WallboardFigures(desk: desk.service.desk, now: t0, levels: ServiceLevels(), timeZone: TimeZone(identifier: "Europe/Stockholm")!)
        #expect(f.agent("chen")?.repliesToday == 1)
        #expect(f.agent("chen")?.openCases == 0)
        #expect(f.agent("chen")?.oldestWait == nil)
        #expect(f.agent("bob")?.repliesToday == 1)
    }

    @Test func timePassingMovesCasesBetweenBucketsAndIntoBreach() throws {
        let clock = ManualClock(t0)
        let desk = try wallboardDesk(clock: clock)
        // 20 minutes on: A (30m) leaves <15m, B (65m) leaves <1h and breaches, C (220m) is 20 min from breach.
        let later = t0.addingTimeInterval(20 * 60)
        let f = WallboardFigures(desk: desk.service.desk, now: later, levels: ServiceLevels(), timeZone: utc)
        #expect(f.buckets.map(\.count) == [0, 1, 3, 1, 1])
        #expect(f.breached == 3)
        #expect(f.breachingSoon == 1)
        #expect(f.followUpsOverdue == 1)
        #expect(f.oldestWait == TimeInterval(30 * 3600 + 20 * 60))
    }

    @Test func anEmptyDeskHasNothingWaiting() {
        let f = WallboardFigures(desk: HelpDesk(), now: t0, levels: ServiceLevels(), timeZone: utc)
        #expect(f.waiting == 0)
        #expect(f.oldestWait == nil)
        #expect(f.oldestCaseID == nil)
        #expect(f.buckets.map(\.count) == [0, 0, 0, 0, 0])
        #expect(f.agents.isEmpty)
        let g = WallboardRenderer.render(figures: f, theme: Theme.fallbackMonochrome, time: TimeText(timeZone: utc), redact: false, width: 80, height: 24)
        #expect(g.text.contains("nobody is waiting"))
        #expect(!g.text.contains("⚠"))
        // When the desk stores nothing (its server's database lost), the bottom row says so.
        let troubled = WallboardRenderer.render(figures: f, theme: Theme.fallbackMonochrome, time: TimeText(timeZone: utc), redact: false, width: 80, height: 24,
                                                problem: "the frontline server stores nothing now: the desk's database\u{1B}[2J cannot be reached")
        #expect(troubled.lines()[23].hasPrefix("⚠ the frontline server stores nothing now: the desk's database"), "\(troubled.lines()[23])")
        #expect(!troubled.text.contains("\u{1B}"))
        #expect(troubled.lines()[0] == g.lines()[0], "the rest of the board as it was")
    }

    @Test func shortNamesAreSanitised() {
        #expect(WallboardFigures.shortName("Åsa Lindqvist") == "Åsa L.")
        #expect(WallboardFigures.shortName("Cher") == "Cher")
        let hostile = WallboardFigures.shortName("\u{1B}[31mEvil\u{7} Per\u{202E}son")
        #expect(!hostile.unicodeScalars.contains { $0.value < 32 || $0 == "\u{202E}" })
    }
}

@Suite struct WallboardScreenTests {
    @Test func theOldestLineNamesTheCustomerUnlessRedacted() throws {
        let clock = ManualClock(t0)
        let desk = try wallboardDesk(clock: clock)
        let (plain, _) = try makeWallboard(desk.service, clock: clock)
        #expect(plain.frame().text.contains("oldest waiting: \(desk.e) Zebulon Q."))
        let (redacted, _) = try makeWallboard(desk.service, clock: clock, redact: true)
        #expect(redacted.frame().text.contains("oldest waiting: \(desk.e)"))
    }

    @Test func redactedBoardShowsNoCustomerNamesOrSubjects() throws {
        let clock = ManualClock(t0)
        let desk = try wallboardDesk(clock: clock)
        for (w, h) in [(200, 60), (120, 40), (80, 24), (40, 12), (10, 5)] {
            let (app, _) = try makeWallboard(desk.service, clock: clock, width: w, height: h, redact: true)
            let screen = app.frame().text
            for word in wallboardCustomerText {
                #expect(!screen.localizedCaseInsensitiveContains(word), "\(word) on the \(w)x\(h) redacted board:\n\(screen)")
            }
        }
    }

    @Test func everySizeRendersWithoutTrapping() throws {
        let clock = ManualClock(t0)
        let desk = try wallboardDesk(clock: clock)
        for (w, h) in [(200, 60), (120, 40), (80, 24), (40, 12), (10, 5), (1, 1), (0, 0), (24, 6), (69, 19), (70, 20)] {
            let (app, _) = try makeWallboard(desk.service, clock: clock, width: w, height: h)
            let g = app.frame()
            #expect(g.width == w && g.height == h)
        }
        let (big, _) = try makeWallboard(desk.service, clock: clock, width: 200, height: 60)
        let screen = big.frame().text
        for row in BigDigits.rows(of: "1d06h") {
            #expect(screen.contains(row.replacingOccurrences(of: " +$", with: "", options: .regularExpression)))
        }
        #expect(screen.contains("AGENTS") && screen.contains("QUEUE AGE"))
        let (small, _) = try makeWallboard(desk.service, clock: clock, width: 40, height: 12)
        #expect(small.frame().text.contains("OLDEST 1d06h · 6 waiting"))
        let (tiny, _) = try makeWallboard(desk.service, clock: clock, width: 10, height: 5)
        #expect(tiny.frame().text.contains("too small"))
    }

    @Test func bigDigitsCoverEveryAgeCharacter() {
        for text in ["0123456789", "3h12m", "2d04h", "45s", "15d", "--"] {
            let rows = BigDigits.rows(of: text)
            #expect(rows.count == BigDigits.height)
            #expect(rows.allSatisfy { DisplayWidth.of($0) == BigDigits.width(of: text) })
        }
        #expect(BigDigits.rows(of: "5") != BigDigits.rows(of: "s"))
    }

    @Test func goldenBoards() throws {
        let clock = ManualClock(t0)
        let desk = try wallboardDesk(clock: clock)
        let theme = try wallboardTheme()
        let (large, _) = try makeWallboard(desk.service, clock: clock, width: 120, height: 40)
        let p1 = GoldenScreens.check("wallboard-120x40", grid: large.frame(), theme: theme)
        #expect(p1.isEmpty, "\(p1.joined(separator: "\n"))\n\(large.frame().text)")
        let (small, _) = try makeWallboard(desk.service, clock: clock, width: 80, height: 24, redact: true)
        let p2 = GoldenScreens.check("wallboard-80x24-redacted", grid: small.frame(), theme: theme)
        #expect(p2.isEmpty, "\(p2.joined(separator: "\n"))\n\(small.frame().text)")
    }
}

/// A terminal whose idle waits move a manual clock one second, then press q.
final class TickingBackend: TerminalBackend {
    let size: (width: Int, height: Int)
    let clock: ManualClock
    var ticksLeft: Int
    var frames: [Grid] = []
    init(width: Int, height: Int, clock: ManualClock, ticks: Int) {
        size = (width, height)
        self.clock = clock
        ticksLeft = ticks
    }
    func present(_ grid: Grid) { frames.append(grid) }
    func nextKey(timeoutMilliseconds: Int) -> Key? {
        #expect(timeoutMilliseconds == 1000)
        guard ticksLeft > 0 else { return .character("q") }
        ticksLeft -= 1
        clock.advance(by: 1)
        return nil
    }
}

@Suite struct WallboardAppTests {
    @Test func onlyQDoesAnything() throws {
        let clock = ManualClock(t0)
        let desk = try wallboardDesk(clock: clock)
        let before = desk.service.desk
        let performed = desk.service.performed.count
        let backend = TestBackend(width: 120, height: 40)
        backend.pendingKeys = [.character("a"), .character("e"), .character("s"), .character("j"), .enter, .character("r"), .character("q"), .character("s")]
        let (app, _) = try makeWallboard(desk.service, clock: clock, backend: backend)
        #expect(app.run() == nil)
        #expect(app.ignoredKeys == 6)
        #expect(backend.pendingKeys == [.character("s")])   // q ended the loop
        #expect(desk.service.desk == before)
        #expect(desk.service.performed.count == performed)
        #expect(backend.framesPresented == 7)
    }

    @Test func ctrlCQuitsAndTheHostCanStopIt() throws {
        let clock = ManualClock(t0)
        let desk = try wallboardDesk(clock: clock)
        let backend = TestBackend(width: 80, height: 24)
        backend.pendingKeys = [.control("c")]
        let (app, _) = try makeWallboard(desk.service, clock: clock, backend: backend)
        #expect(app.run() == nil)

        let (stopped, host) = try makeWallboard(desk.service, clock: clock, backend: TestBackend(width: 80, height: 24))
        host.exitReason = "SIGTERM"
        #expect(stopped.run() == "SIGTERM")
    }

    @Test func theOldestWaitTicksEverySecondWithoutAKey() throws {
        let clock = ManualClock(t0)
        let service = InMemoryCaseService(clock: clock)
        try service.open("Åsa Lindqvist", subject: "Laddare", body: "Varm.", minutesAgo: 0.5)
        let backend = TickingBackend(width: 120, height: 40, clock: clock, ticks: 2)
        let (app, _) = try makeWallboard(service, clock: clock, backend: backend)
        #expect(app.run() == nil)
        #expect(backend.frames.count == 3)
        func shows(_ frame: Grid, _ age: String) -> Bool {
            BigDigits.rows(of: age).allSatisfy { frame.text.contains($0.replacingOccurrences(of: " +$", with: "", options: .regularExpression)) }
        }
        #expect(shows(backend.frames[0], "30s"))
        #expect(shows(backend.frames[1], "31s"))
        #expect(shows(backend.frames[2], "32s"))
        #expect(!shows(backend.frames[1], "30s"))
        #expect(backend.frames[0] != backend.frames[1])
    }
}
