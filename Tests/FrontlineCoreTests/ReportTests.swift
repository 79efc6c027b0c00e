import Foundation
import Testing
@testable import FrontlineCore

/// The report's figures, computed exactly on a scripted desk (Monday 2026-11-23 10:00 UTC on):
/// each boundary is tested on both sides.
@Suite struct ReportTests {
    static let levels = ServiceLevels(targets: [.urgent: 3600, .high: 4 * 3600, .normal: 4 * 3600, .low: 72 * 3600])
    static let h: TimeInterval = 3600

    /// C-1000 normal: answered after 1 h by bob, solved at 2 h (one touch).
    /// C-1001 urgent: answered exactly at its 1 h target by alice. C-1002 urgent: answered 1 s late by alice, twice.
    /// C-1003 normal: never answered. C-1004: apologised, solved, reopened by the customer, solved, rated 5.
    /// C-0999 (opened the day before) is solved in the period. Now is 10 h after the start.
    func desk() throws -> (DeskBuilder, [CaseID]) {
        var b = DeskBuilder()
        var ids: [CaseID] = []
        b.now = t0.addingTimeInterval(-86400)
        let before = try b.open("Tom O'Brien", email: "tom@example.com", subject: "Old", at: b.now)
        func at(_ hours: Double) { b.now = t0.addingTimeInterval(hours * Self.h) }
        at(0); ids.append(try b.open("Åsa Lindqvist", email: "asa@example.se", language: "sv", subject: "TV", at: b.now))
        at(0.5); ids.append(try b.open("Aino Virtanen", email: "aino@example.fi", language: "fi", subject: "Paketti", priority: .urgent, at: b.now))
        ids.append(try b.open("Matti Mäkinen", email: "matti@example.fi", language: "fi", subject: "Lasku", priority: .urgent, at: b.now))
        at(1); ids.append(try b.open("Mei Nakamura", email: "mei@example.com", subject: "Refund", at: b.now))
        at(2); ids.append(try b.open("Tom O'Brien", email: "tom@example.com", subject: "Broken", at: b.now))
        at(1); try b.run(.reply(ids[0], body: "On it."), actor: "bob")
        at(1.5); try b.run(.reply(ids[1], body: "Tarkistan."), actor: "alice")
        b.now = t0.addingTimeInterval(1.5 * Self.h + 1); try b.run(.reply(ids[2], body: "Katson."), actor: "alice")
        at(1.6); try b.run(.reply(ids[2], body: "Ja vielä."), actor: "alice")
        at(2); try b.run(.solve(ids[0]), actor: "bob")
        at(2); try b.run(.solve(before), actor: "bob")
        at(2.5); try b.run(.apologise(ids[4], kind: .faulty), actor: "carol")
        try b.run(.reply(ids[4], body: "Sorry, a new one is on its way."), actor: "carol")
        try b.run(.solve(ids[4]), actor: "carol")
        at(3); try b.run(.receive(IncomingMessage(customerName: "Tom O'Brien", customerEmail: "tom@example.com", language: "en",
                                                  subject: "", body: "Still broken", receivedAt: b.now, appendTo: ids[4])), actor: "intake")
        at(4); try b.run(.reply(ids[4], body: "Another one."), actor: "carol")
        try b.run(.solve(ids[4]), actor: "carol")
        at(5); try b.run(.rate(ids[4], score: 5, comment: "fixed"), actor: "carol")
        b.now = t0.addingTimeInterval(10 * Self.h)
        return (b, ids)
    }

    func report(_ b: DeskBuilder, by: ReportGrouping? = nil, until: Date? = nil) -> DeskReport {
        DeskReporting.report(b.desk, since: t0, until: until ?? t0.addingTimeInterval(86400), now: b.now, levels: Self.levels, by: by)
    }

    @Test func volumesResponseAndTheSLAOnBothSidesOfTheTarget() throws {
        let (b, _) = try desk()
        let all = try #require(report(b).groups.first)
        #expect(all.group == "all" && all.received == 5 && all.solved == 3)
        // First responses: 1h (C-1000), 1h (C-1001), 1h00m01s (C-1002), 30m (C-1004); nearest rank:
        // the median is the 2nd of 4, the p90 the 4th.
        #expect(all.firstResponse == DurationFigure([0.5 * Self.h, Self.h, Self.h, Self.h + 1]))
        #expect(all.firstResponse.median == Self.h && all.firstResponse.p90 == Self.h + 1)
        // Urgent: exactly at the target is met, a second late is not.
        #expect(all.sla["urgent"] == SLAFigure(target: Self.h, met: 1, missed: 1, attainment: 0.5))
        // Normal: C-1000 and C-1004 met; C-1003, unanswered, is past its 4 h by now.
        #expect(all.sla["normal"] == SLAFigure(target: 4 * Self.h, met: 2, missed: 1, attainment: 2.0 / 3))
        // Resolution: C-0999 26h, C-1000 2h, C-1004 2h (from opening at 2 h to its last solve at 4 h).
        #expect(all.resolution == DurationFigure([26 * Self.h, 2 * Self.h, 2 * Self.h]))
        #expect(all.resolution.median == 2 * Self.h && all.resolution.p90 == 26 * Self.h)
        #expect(all.oneTouch == ShareFigure(1, of: 3), "C-1000 only: C-0999 had no reply, C-1004 two and a reopen")
        #expect(all.reopened == ShareFigure(1, of: 5))
        // Open now (10 h on): C-1001, C-1002 (pending after a reply) and C-1003, all 4–24 h old.
        #expect(all.backlog == ["4-24h": 3])
    }

    @Test func anUnansweredCaseIsNotMissedBeforeItsTargetHasPassed() throws {
        let (b, ids) = try desk()
        var early = b
        early.now = t0.addingTimeInterval(4.5 * Self.h)   // C-1003's 4 h target ends at 5 h
        let normal = try #require(report(early).groups.first?.sla["normal"])
        #expect(normal.missed == 0 && normal.met == 2)
        #expect(early.desk.cases[ids[3]]?.messages.contains(where: \.isHumanReply) == false)
    }

    @Test func thePeriodIsHalfOpen() throws {
        let (b, _) = try desk()
        // Until 2 h: C-1004 (opened at 2 h) is not in it; C-1000's solve at 2 h is not either.
        let r = try #require(report(b, until: t0.addingTimeInterval(2 * Self.h)).groups.first)
        #expect(r.received == 4 && r.solved == 0)
        let from = DeskReporting.report(b.desk, since: t0.addingTimeInterval(2 * Self.h), until: t0.addingTimeInterval(86400), now: b.now,
                                        levels: Self.levels)
        #expect(from.groups.first?.received == 1 && from.groups.first?.solved == 3)
    }

    @Test func complaintsRecoveryApologiesAndRatings() throws {
        let (b, _) = try desk()
        let all = try #require(report(b).groups.first)
        #expect(all.complaints.complaints == 1 && all.complaints.recovered == ShareFigure(1, of: 1))
        #expect(all.complaints.timeToFirstRecoveryAction.median == 0.5 * Self.h)
        #expect(all.apologies == ["faulty": 1])
        #expect(all.ratings.count == 1 && all.ratings.average == 5 && all.ratings.good == ShareFigure(1, of: 1))
    }

    @Test func aComplaintNotRecoveredAndOneRecoveredByComingBack() throws {
        var b = DeskBuilder()
        let first = try b.open("Åsa Lindqvist", email: "asa@example.se", subject: "Broken")
        try b.run(.escalate(first, level: .supervisor, reason: "angry"))
        let other = try b.open("Aino Virtanen", email: "aino@example.fi", subject: "Rikki")
        try b.run(.tag(other, tags: ["complaint"]))
        b.advance(30 * 86400)
        _ = try b.open("Åsa Lindqvist", email: "asa@example.se", subject: "A new question")
        let all = try #require(DeskReporting.report(b.desk, since: t0, until: t0.addingTimeInterval(86400), now: b.now, levels: Self.levels).groups.first)
        #expect(all.complaints.complaints == 2 && all.complaints.recovered == ShareFigure(1, of: 2), "Åsa came back without a complaint; Aino did not")
        #expect(all.escalations == ["supervisor": 1])
    }

    @Test func promisesGoodwillAndApprovalsInThePeriod() throws {
        var b = DeskBuilder()
        b.authority = GoodwillAuthority(currency: "EUR", team: TeamAccess(roles: ["bob": .agent, "carol": .supervisor]))
        let id = try b.open("Aino Virtanen", email: "aino@example.fi", subject: "Rikki")
        try b.run(.scheduleFollowUp(id, due: t0.addingTimeInterval(Self.h), note: "on time"), actor: "bob")
        try b.run(.scheduleFollowUp(id, due: t0.addingTimeInterval(2 * Self.h), note: "late"), actor: "bob")
        try b.run(.scheduleFollowUp(id, due: t0.addingTimeInterval(3 * Self.h), note: "broken"), actor: "bob")
        try b.run(.scheduleFollowUp(id, due: t0.addingTimeInterval(2 * 86400), note: "next week"), actor: "bob")
        try b.run(.offer(id, kind: .refund, value: .money(Money(minorUnits: 5_000, currency: "EUR")), reason: "r"), actor: "bob")
        try b.run(.offer(id, kind: .refund, value: .money(Money(minorUnits: 90_000, currency: "EUR")), reason: "big"), actor: "bob")
        b.advance(Self.h / 2)
        try b.run(.completeFollowUp(id, id: 1, outcome: nil), actor: "bob")
        try b.run(.answerOffer(id, offer: 2, approve: true, note: nil), actor: "carol")
        b.advance(2 * Self.h)
        try b.run(.completeFollowUp(id, id: 2, outcome: nil), actor: "bob")
        b.advance(6 * Self.h)
        try b.run(.breakPromise(id, id: 3, grace: 2 * Self.h), actor: "frontline")
        let all = try #require(DeskReporting.report(b.desk, since: t0, until: t0.addingTimeInterval(86400), now: b.now, levels: Self.levels).groups.first)
        // The approval's promise (due at 30 m, answered at 30 m) is kept on time too; the broken one
        // is still open; next week's is outside the period.
        #expect(all.promises == PromiseFigures(keptOnTime: 2, keptLate: 1, broken: 1, cancelled: 0, open: 1))
        #expect(all.goodwill.given == ["refund": 2] && all.goodwill.value == ["EUR": 95_000])
        #expect(all.goodwill.approvalsAsked == 1 && all.goodwill.approvalsGranted == 1 && all.goodwill.approvalWait.median == Self.h / 2)
    }

    @Test func byAgentRatingsGoToWhoIsCreditedAndCasesToWhoHoldsThem() throws {
        let (b, ids) = try desk()
        var moved = b
        try moved.run(.assign(ids[4], agent: "dave"), actor: "carol")
        let r = report(moved, by: .agent)
        #expect(r.groups.map(\.group) == ["all", "alice", "bob", "carol", "dave", "unassigned"])
        let carol = try #require(r.groups.first { $0.group == "carol" })
        let dave = try #require(r.groups.first { $0.group == "dave" })
        #expect(carol.ratings.count == 1 && carol.received == 0)
        #expect(dave.ratings.count == 0 && dave.received == 1)
        #expect(report(b, by: .priority).groups.map(\.group) == ["all", "normal", "urgent"])
    }

    @Test func receivedAndSolvedPerDayForTheSparklines() throws {
        let (b, _) = try desk()
        let daily = DeskReporting.daily(b.desk, days: 2, until: b.now, timeZone: TimeZone(identifier: "UTC")!)
        #expect(daily.received == [1, 5] && daily.solved == [0, 3], "Sunday: C-0999 opened; Monday: five opened, three solved")
    }

    @Test(arguments: [
        ("today", t0.addingTimeInterval(-10 * 3600)), ("yesterday", t0.addingTimeInterval(-34 * 3600)),
        ("monday", t0.addingTimeInterval(-10 * 3600)), ("sunday", t0.addingTimeInterval(-34 * 3600)),
        ("7d", t0.addingTimeInterval(-7 * 86400)), ("-2h", t0.addingTimeInterval(-7200)),
        ("2026-11-20", Date(timeIntervalSince1970: 1_795_132_800)), ("2026-11-20 10:42", Date(timeIntervalSince1970: 1_795_132_800 + 10 * 3600 + 42 * 60)),
        // a time alone: today's when it has passed (t0 is 10:00), yesterday's when it is still to come
        ("09:59", t0.addingTimeInterval(-60)), ("10:00", t0), ("10:42", t0.addingTimeInterval(-86400 + 42 * 60)),
    ] as [(String, Date)])
    func periodsAreReadAsSupervisorsWriteThem(text: String, expected: Date) throws {
        #expect(try ReportTime.parse(text, now: t0, timeZone: TimeZone(identifier: "UTC")!) == expected)
    }

    @Test func aTimeThatDoesNotReadSaysHow() {
        #expect(throws: CommandError.self) { try ReportTime.parse("last tuesday-ish", now: t0, timeZone: .current) }
    }
}

/// The desk at any moment: the fold of the events stamped at or before it.
@Suite struct DeskAtMomentTests {
    @Test func theQueueAsItWasBeforeTheReply() throws {
        var b = DeskBuilder()
        var log: [Event] = []
        log += try b.run(.receive(IncomingMessage(customerName: "Åsa Lindqvist", customerEmail: "asa@example.se", language: "sv",
                                                  subject: "TV", body: "Hej", receivedAt: t0)), actor: "intake")
        b.advance(3600)
        log += try b.run(.reply("C-1000", body: "Hej Åsa"), actor: "alice")
        b.advance(3600)
        log += try b.run(.solve("C-1000"), actor: "alice")
        var past = DeskAtMoment(t0.addingTimeInterval(1800))
        for e in log { past.fold(e) }
        #expect(past.desk.cases["C-1000"]?.status == .open && past.desk.cases["C-1000"]?.messages.count == 1)
        #expect(past.later == 3)
        #expect(QueueQuery(view: .waiting, agent: "alice").run(on: past.desk, now: past.moment) == ["C-1000"])
        // Exactly at the reply's moment, the reply is part of it.
        var atReply = DeskAtMoment(t0.addingTimeInterval(3600))
        for e in log { atReply.fold(e) }
        #expect(atReply.desk.cases["C-1000"]?.status == .pending)
        #expect(throws: CommandError.self) { try FrozenCaseService(past.desk).perform(.solve("C-1000"), actor: "alice", at: nil) }
    }
}
