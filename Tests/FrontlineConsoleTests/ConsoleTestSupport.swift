import Foundation
import Testing
import FrontlineCore
import FrontlineStore
import FrontlineTUI
@testable import FrontlineConsole

/// Monday 2026-11-23 10:00 UTC: every console test runs at this moment in UTC.
let t0 = Date(timeIntervalSince1970: 1_795_428_000)
let utc = TimeZone(identifier: "UTC")!

/// A CaseService without a disk, so screen tests run the real update/effect loop quickly.
final class InMemoryCaseService: CaseService {
    var desk = HelpDesk()
    let clock: WallClock
    var recoveryNotes: [String] = []
    var backgroundProblem: String?
    var performed: [Command] = []
    /// Every event, in order: the log `:at` folds.
    var log: [Event] = []
    var presence: [AgentPresence] = []
    var announced: [AgentPresence] = []
    /// Set to mail replies, as a store with `[mail]` does.
    var outbound: OutboundMailSettings?
    /// Who may give what, as the deciding store's `[authority]`.
    var authority = GoodwillAuthority.embedded
    /// Events others made (another console on the team desk), handed out by the next poll.
    var fromOthers: [Event] = []
    /// The role a team server would give this console (nil: its own store).
    var role: TeamRole?
    var assignedRole: TeamRole? { role }
    func announce(_ presence: AgentPresence) { if announced.last != presence { announced.append(presence) } }

    init(clock: WallClock) { self.clock = clock }

    @discardableResult
    func perform(_ command: Command, actor: String, at: Date?) throws -> [Event] {
        let now = at ?? clock.now()
        let events = desk.stamp(try desk.decide(command, actor: actor, now: now, outbound: outbound, authority: authority), actor: actor, now: now)
        performed.append(command)
        log += events
        for e in events { desk.apply(e) }
        return events
    }

    func pollChanges() -> [Event] {
        defer { fromOthers = [] }
        return fromOthers
    }

    /// What another console on the desk does: performed now, seen by this console's next poll.
    @discardableResult
    func performElsewhere(_ command: Command, actor: String) throws -> [Event] {
        let events = try perform(command, actor: actor, at: nil)
        fromOthers += events
        return events
    }
    func close() {}

    @discardableResult
    func open(_ name: String, email: String = "", language: String = "en", subject: String, body: String,
              priority: Priority = .normal, minutesAgo: Double) throws -> CaseID {
        try perform(.receive(IncomingMessage(customerName: name, customerEmail: email, language: language, subject: subject,
                                             body: body, receivedAt: clock.now().addingTimeInterval(-minutesAgo * 60),
                                             priority: priority)), actor: "intake", at: clock.now().addingTimeInterval(-minutesAgo * 60)).first!.caseID
    }
}

final class FakeHost: ConsoleHost {
    var exitReason: String?
    var suspended = 0
    func runOutsideFullScreen(_ body: () -> Void) { body() }
    func suspend() { suspended += 1 }
}

/// A small, fixed help desk: Swedish, Finnish and English customers, one returning.
func seededService(clock: ManualClock) throws -> InMemoryCaseService {
    let s = InMemoryCaseService(clock: clock)
    let asa1 = try s.open("Åsa Lindqvist", email: "asa@example.se", language: "sv", subject: "Trasig laddare", body: "Laddaren blev varm.", minutesAgo: 60 * 24 * 40)
    try s.perform(.reply(asa1, body: "Hej Åsa, vi skickar en ny laddare."), actor: "bob", at: clock.now().addingTimeInterval(-60 * 60 * 24 * 39))
    try s.perform(.solve(asa1), actor: "bob", at: clock.now().addingTimeInterval(-60 * 60 * 24 * 39))
    try s.open("Åsa Lindqvist", email: "asa@example.se", language: "sv", subject: "TV:n luktar bränt", body: "TV:n luktar bränt och låter konstigt.", priority: .urgent, minutesAgo: 192)
    let jyrki = try s.open("Jyrki Mäkinen", email: "jyrki@example.fi", language: "fi", subject: "Toimitus myöhässä", body: "Paketti ei ole tullut.", priority: .high, minutesAgo: 125)
    try s.perform(.escalate(jyrki, level: .supervisor, reason: "carrier lost parcel"), actor: "alice", at: clock.now().addingTimeInterval(-3600))
    let tom = try s.open("Tom O'Brien", email: "tom@example.com", subject: "Missing coupon", body: "The coupon was not applied.", minutesAgo: 100)
    try s.perform(.reply(tom, body: "Checking with the team."), actor: "alice", at: clock.now().addingTimeInterval(-90 * 60))
    try s.perform(.scheduleFollowUp(tom, due: clock.now().addingTimeInterval(-30 * 60), note: "confirm credit note"), actor: "alice", at: clock.now().addingTimeInterval(-90 * 60))
    try s.open("Mei Nakamura", email: "mei@example.com", subject: "Refund for order 5512", body: "Still no refund.", priority: .low, minutesAgo: 12)
    return s
}

struct SetupFailure: Error, CustomStringConvertible {
    let description: String
    init(_ d: String) { description = d }
}

/// The seeded desk in a console, Åsa's TV case (her second) selected: where most journeys start.
func appOnAsasCase(clock: ManualClock) throws -> (ConsoleApp, InMemoryCaseService, CaseID) {
    let s = try seededService(clock: clock)
    let (app, _, _) = makeApp(s, clock: clock)
    let asa = s.desk.caseOrder[1]
    guard app.select(asa) else { throw SetupFailure("Åsa's case \(asa) is not in the Waiting view") }
    return (app, s, asa)
}

func makeApp(_ service: InMemoryCaseService, clock: ManualClock, width: Int = 120, height: Int = 32, agent: String = "alice",
             language: UILanguage = .en) -> (ConsoleApp, TestBackend, FakeHost) {
    let backend = TestBackend(width: width, height: height)
    let host = FakeHost()
    var options = ConsoleApp.Options(agent: agent, timeZone: utc, environment: [:])
    options.language = language
    options.searchIndexInBackground = false   // the index is there for the first keystroke of a test
    let app = ConsoleApp(service: service, backend: backend, host: host, clock: clock, theme: try! ThemeLoader.load(name: "dark", userThemeDirectory: nil),
                         options: options)
    return (app, backend, host)
}

extension ConsoleApp {
    func type(_ keys: Key...) { for k in keys { handle(k) } }
    func type(text: String) { for c in text { handle(.character(c)) } }
    var screen: String { frame().lines().joined(separator: "\n") }

    /// Types `:`, the line, and Enter: the console's command line.
    func command(_ line: String) {
        type(.character(":"))
        type(text: line)
        type(.enter)
    }

    /// Moves the selection to `id` with g and j, as an agent would; false if it is not in the view.
    @discardableResult
    func select(_ id: CaseID) -> Bool {
        handle(.character("g"))
        for _ in 0...queue.rows.count {
            if state.selectedCaseID == id { return true }
            handle(.character("j"))
        }
        return false
    }
}

/// The config's refusal of `text`, as a person reads it; nil (and an issue recorded) when it is accepted.
func configRefusal(_ text: String) -> String? {
    do {
        _ = try FrontlineConfig.parse(text, source: "config.toml")
        Issue.record("accepted a broken config: \(text)")
        return nil
    } catch {
        return "\(error)"
    }
}

/// Tests use it from one thread; `:at`'s history closure reads its log.
extension InMemoryCaseService: @unchecked Sendable {}
