import Foundation
import Testing
@testable import FrontlineCore

/// A follow-up nobody kept: past its grace time the desk marks it broken and escalates the case
/// to a supervisor, once.
@Suite struct PromiseKeeperTests {
    let grace: TimeInterval = 3600

    func deskWithAPromise(escalated: Bool = false) throws -> (DeskBuilder, CaseID) {
        var b = DeskBuilder()
        let id = try b.open("Åsa Lindqvist", language: "sv", subject: "TV:n luktar bränt")
        if escalated { try b.run(.escalate(id, level: .supervisor, reason: "refund over limit")) }
        try b.run(.scheduleFollowUp(id, due: t0.addingTimeInterval(7200), note: "call about the new TV"), actor: "bob")
        return (b, id)
    }

    func keep(_ b: inout DeskBuilder) throws -> [Event] {
        try PromiseKeeper.overdue(in: b.desk, now: b.now, grace: grace).flatMap { try b.run($0, actor: PromiseKeeper.actor) }
    }

    @Test func nothingIsBrokenBeforeTheGraceTimeIsOver() throws {
        var (b, _) = try deskWithAPromise()
        b.advance(7200 + grace - 1)
        #expect(PromiseKeeper.overdue(in: b.desk, now: b.now, grace: grace).isEmpty)
    }

    @Test func pastItTheFollowUpIsBrokenAndTheCaseEscalatedOnce() throws {
        var (b, id) = try deskWithAPromise()
        b.advance(7200 + grace)
        let events = try keep(&b)
        #expect(events.map(\.change.typeName) == ["follow_up_broken", "escalated"])
        #expect(events.allSatisfy { $0.actor == "frontline" })
        let c = try #require(b.desk.cases[id])
        #expect(c.escalation?.level == .supervisor)
        #expect(c.escalation?.reason == "follow-up #1 not kept: due 1h00m ago (bob promised: call about the new TV)")
        #expect(c.openFollowUps.first?.brokenAt == b.now, "broken, and still open until it is kept")
        #expect(c.activity.contains { $0.text == "follow-up #1 broken: still open 1h00m after it was due" })
        b.advance(PromiseKeeper.interval)
        #expect(try keep(&b).isEmpty, "broken once")
        #expect(throws: CommandError.self) { try b.run(.breakPromise(id, id: 1, grace: grace)) }
        // Kept late, it is off the keeper's list for good.
        try b.run(.completeFollowUp(id, id: 1, outcome: "called, sorry for the wait"))
        #expect(!b.desk.casesWithOpenFollowUps.contains(id))
        #expect(b.desk.cases[id]?.followUps.first?.state == .kept(onTime: false))
    }

    @Test func aCaseAlreadyWithASupervisorIsNotEscalatedAgain() throws {
        var (b, _) = try deskWithAPromise(escalated: true)
        b.advance(7200 + grace)
        #expect(try keep(&b).map(\.change.typeName) == ["follow_up_broken"])
    }

    @Test func tooEarlyIsRefusedByTheStoreToo() throws {
        var (b, id) = try deskWithAPromise()
        b.advance(7200)
        #expect(throws: CommandError.self) { try b.run(.breakPromise(id, id: 1, grace: grace)) }
    }

    @Test func theKeeperLooksOnlyAtCasesWithAnOpenFollowUpAndTheyAreRebuiltFromASnapshot() throws {
        var (b, id) = try deskWithAPromise()
        let other = try b.open("Mikko", language: "fi", subject: "Lasku")
        try b.run(.scheduleFollowUp(other, due: t0.addingTimeInterval(60), note: "check"))
        try b.run(.cancelFollowUp(other, id: nil, reason: "he paid"))
        #expect(b.desk.casesWithOpenFollowUps == [id])
        b.advance(7200 + grace)
        _ = try keep(&b)
        let copy = try HelpDesk(snapshotBytes: b.desk.snapshotBytes())
        #expect(copy == b.desk)
        #expect(copy.casesWithOpenFollowUps == [id])
        #expect(copy.cases[id]?.openFollowUps.first?.brokenAt == b.now)
        for e in try b.run(.note(id, body: "x")) { #expect(try JournalCodec.decode(try JournalCodec.encode(e)) == e) }
        let broken = Event(sequence: 99, at: b.now, actor: "frontline", caseID: id, change: .followUpBroken(id: 1, grace: grace))
        #expect(try JournalCodec.decode(try JournalCodec.encode(broken)) == broken)
    }

    @Test func severalAreBrokenInTheOrderTheyFellDue() throws {
        var b = DeskBuilder()
        let first = try b.open("A", subject: "one"), second = try b.open("B", subject: "two")
        try b.run(.scheduleFollowUp(second, due: t0.addingTimeInterval(600), note: "later"))
        try b.run(.scheduleFollowUp(first, due: t0.addingTimeInterval(300), note: "earlier"))
        b.advance(4 * 3600)
        #expect(PromiseKeeper.overdue(in: b.desk, now: b.now, grace: grace) == [.breakPromise(first, id: 1, grace: grace), .breakPromise(second, id: 1, grace: grace)])
    }
}
