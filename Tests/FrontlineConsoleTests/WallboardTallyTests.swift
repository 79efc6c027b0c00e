import Foundation
import FrontlineCore
import FrontlineTUI
import Testing
@testable import FrontlineConsole

/// A store with colleagues: what they do reaches this client through the change feed, as a
/// team server's events reach a wallboard.
final class ColleaguesCaseService: CaseService {
    let inner: InMemoryCaseService
    private var feed: [Event] = []
    init(_ inner: InMemoryCaseService) { self.inner = inner }

    var desk: HelpDesk { inner.desk }
    var recoveryNotes: [String] { [] }
    var backgroundProblem: String? { nil }
    func perform(_ command: Command, actor: String, at: Date?) throws -> [Event] { try inner.perform(command, actor: actor, at: at) }
    /// A colleague's action: in the desk now, and in the next poll of the feed.
    func colleague(_ command: Command, actor: String, at: Date? = nil) throws {
        feed += try inner.perform(command, actor: actor, at: at)
    }
    func pollChanges() -> [Event] { defer { feed = [] }; return feed }
    func close() {}
}

@Suite struct WallboardTallyTests {
    /// The moments each step is checked at: across every bucket bound, the breach window, the
    /// follow-ups' dues and the supervisor's midnight.
    static let offsets: [TimeInterval] = [0, 60, 14 * 60 + 59.999, 15 * 60, 29 * 60, 59 * 60, 2 * 3600, 4 * 3600 + 1, 13 * 3600 + 59 * 60,
                                          14 * 3600 + 0.001, 26 * 3600, 3 * 86400]

    /// Random work on the wallboard desk, 400 actions: after each, the tally updated from the
    /// action's events equals the full pass at every checked moment, and it was never rebuilt.
    @Test func equalsTheFullPassAfterEveryAction() throws {
        let clock = ManualClock(t0)
        let desk = try wallboardDesk(clock: clock)
        let s = desk.service
        let stockholm = TimeZone(identifier: "Europe/Stockholm")!
        var tally = WallboardTally(desk: s.desk, levels: ServiceLevels())
        var rng = SeededRandom(seed: 7)
        let agents = ["alice", "bob", "chen", "Ødegård\u{1B}[31m"]
        var ids = [desk.a, desk.b, desk.c, desk.d, desk.e, desk.f, desk.g, desk.h]
        var checked = 0
        for step in 0..<400 {
            clock.advance(by: Double(Int.random(in: 0...600, using: &rng)))
            let id = ids[Int.random(in: 0..<ids.count, using: &rng)]
            let agent = agents[Int.random(in: 0..<agents.count, using: &rng)]
            let now = clock.now()
            let command: Command = switch Int.random(in: 0..<13, using: &rng) {
            case 0: .receive(IncomingMessage(customerName: "New \(step)", customerEmail: "n\(step % 5)@example.com", language: "sv",
                                             subject: "Case \(step)", body: "Hej", receivedAt: now,
                                             priority: [.low, .normal, .high, .urgent][step % 4]))
            case 1: .receive(IncomingMessage(customerName: "", customerEmail: "", language: "", subject: "", body: "Any news?", appendTo: id))
            case 2: .reply(id, body: "On it")
            case 3: .note(id, body: "checked")
            case 4: .assign(id, agent: step % 3 == 0 ? nil : agent)
            case 5: .escalate(id, level: step % 2 == 0 ? .tier2 : .supervisor, reason: "why")
            case 6: .deescalate(id, reason: "done")
            case 7: .scheduleFollowUp(id, due: now.addingTimeInterval(Double(Int.random(in: -3600...100_000, using: &rng))), note: "call")
            case 8: .completeFollowUp(id, id: nil, outcome: "ok")
            case 9: .solve(id)
            case 10: .reopen(id)
            case 11: .setPending(id)
            default: .setPriority(id, [.low, .normal, .high, .urgent][step % 4])
            }
            guard let events = try? s.perform(command, actor: agent) else { continue }   // refused by the rules: nothing changed
            if case .receive = command, let opened = events.first(where: { if case .caseOpened = $0.change { true } else { false } }) {
                ids.append(opened.caseID)
            }
            tally.update(desk: s.desk, events: events, levels: ServiceLevels())
            for offset in Self.offsets {
                let at = now.addingTimeInterval(offset)
                #expect(tally.figures(desk: s.desk, now: at, timeZone: stockholm) ==
                        WallboardFigures(desk: s.desk, now: at, levels: ServiceLevels(), timeZone: stockholm),
                        "after step \(step) (\(command)), at +\(offset) s")
                checked += 1
            }
        }
        #expect(checked > 300 * Self.offsets.count, "most of the random actions were allowed")
        #expect(tally.rebuilds == 1, "events that account for every sequence never force a rebuild")
    }

    @Test func eventsThatLeaveAGapRebuildFromTheDesk() throws {
        let clock = ManualClock(t0)
        let desk = try wallboardDesk(clock: clock)
        let s = desk.service
        var tally = WallboardTally(desk: s.desk, levels: ServiceLevels())
        _ = try s.perform(.solve(desk.b), actor: "alice")
        let second = try s.perform(.assign(desk.e, agent: "chen"), actor: "chen")
        tally.update(desk: s.desk, events: second, levels: ServiceLevels())   // the solve went missing
        #expect(tally.rebuilds == 2)
        #expect(tally.figures(desk: s.desk, now: t0, timeZone: utc) == WallboardFigures(desk: s.desk, now: t0, levels: ServiceLevels(), timeZone: utc))
        #expect(tally.figures(desk: s.desk, now: t0, timeZone: utc).escalations[.tier2] == 1, "B's escalation ended with the solve")
    }

    @Test func aChangedServiceLevelRebuildsWithTheNewTargets() throws {
        let clock = ManualClock(t0)
        let desk = try wallboardDesk(clock: clock)
        let s = desk.service
        var tally = WallboardTally(desk: s.desk, levels: ServiceLevels())
        let events = try s.perform(.setServiceLevel(.normal, target: 300), actor: "sam")
        let levels = s.desk.serviceLevels(base: ServiceLevels())
        tally.update(desk: s.desk, events: events, levels: levels)
        #expect(tally.rebuilds == 2)
        let full = WallboardFigures(desk: s.desk, now: t0, levels: levels, timeZone: utc)
        #expect(tally.figures(desk: s.desk, now: t0, timeZone: utc) == full)
        #expect(full.breached == 3, "A (10 m, normal) breaches a 5-minute target too")
    }

    /// What "proportional to changes" means on a screen: ticks with nothing new look at no case;
    /// a colleague's action looks at the one case it touched, however large the desk.
    @Test func aWallboardTickCostsTheCasesThatChanged() throws {
        let clock = ManualClock(t0)
        let desk = try wallboardDesk(clock: clock)
        for i in 0..<300 {
            _ = try desk.service.open("Customer \(i)", subject: "Order \(i)", body: "Where is it?", minutesAgo: Double(i))
        }
        let service = ColleaguesCaseService(desk.service)
        let (app, _) = try makeWallboard(service, clock: clock)
        _ = app.frame()
        let afterFirst = try #require(app.tally).casesExamined
        #expect(afterFirst == 308)
        for _ in 0..<5 {
            clock.advance(by: 1)
            _ = app.frame()
        }
        #expect(app.tally?.casesExamined == afterFirst, "idle ticks look at no case")
        try service.colleague(.reply(desk.a, body: "Sorted."), actor: "bob")
        let figures = app.figures()
        #expect(app.tally?.casesExamined == afterFirst + 1)
        #expect(app.tally?.rebuilds == 1)
        #expect(figures == WallboardFigures(desk: service.desk, now: clock.now(), levels: ServiceLevels(), timeZone: utc))
        #expect(figures.agent("bob")?.repliesToday == 2, "G earlier, A now")
    }
}
