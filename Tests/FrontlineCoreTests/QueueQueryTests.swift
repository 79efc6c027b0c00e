import Foundation
import Testing
@testable import FrontlineCore

@Suite struct QueueQueryTests {
    @Test func breachedFirstThenLeastTimeLeftThenAge() throws {
        var b = DeskBuilder()
        // low: 72h target; urgent: 1h; opened at different times.
        let low = try b.open("Low", priority: .low, at: t0.addingTimeInterval(-80 * 3600))       // breached by 8h
        let urgentFresh = try b.open("Urgent", priority: .urgent, at: t0.addingTimeInterval(-600))  // 50 min left
        let normalOld = try b.open("Normal", priority: .normal, at: t0.addingTimeInterval(-20 * 3600)) // 4h left
        let urgentLate = try b.open("Late", priority: .urgent, at: t0.addingTimeInterval(-2 * 3600)) // breached by 1h
        let rows = QueueQuery(view: .waiting, agent: "alice").run(on: b.desk, now: t0)
        #expect(rows == [low, urgentLate, urgentFresh, normalOld])
    }

    @Test func aDueFollowUpBringsAPendingCaseBackIntoWaiting() throws {
        var b = DeskBuilder()
        let id = try b.open("Tom")
        try b.run(.reply(id, body: "will call you"))
        try b.run(.scheduleFollowUp(id, due: t0.addingTimeInterval(3600), note: "call"))
        let q = QueueQuery(view: .waiting, agent: "alice")
        #expect(!q.run(on: b.desk, now: t0).contains(id))
        #expect(q.run(on: b.desk, now: t0.addingTimeInterval(3600)).contains(id))
        #expect(QueueQuery(view: .followups, agent: "alice").run(on: b.desk, now: t0) == [id])
        try b.run(.completeFollowUp(id, id: nil, outcome: "done"))
        #expect(!q.run(on: b.desk, now: t0.addingTimeInterval(7200)).contains(id))
    }

    @Test func viewsSliceTheQueue() throws {
        var b = DeskBuilder()
        let mine = try b.open("A")
        let theirs = try b.open("B")
        let solved = try b.open("C")
        let pending = try b.open("D")
        try b.run(.assign(mine, agent: "alice"))
        try b.run(.assign(theirs, agent: "bob"))
        try b.run(.escalate(theirs, level: .tier2, reason: "r"))
        try b.run(.solve(solved))
        try b.run(.setPending(pending))
        func rows(_ v: QueueView) -> Set<CaseID> { Set(QueueQuery(view: v, agent: "alice").run(on: b.desk, now: t0)) }
        #expect(rows(.mine) == [mine])
        #expect(rows(.escalated) == [theirs])
        #expect(rows(.solved) == [solved])
        #expect(rows(.pending) == [pending])
        #expect(rows(.waiting) == [mine, theirs])
        #expect(rows(.all).count == 4)
        let counts = QueueQuery.counts(on: b.desk, agent: "alice", now: t0)
        #expect(counts[.waiting] == 2 && counts[.all] == 4 && counts[.solved] == 1)
    }

    @Test func searchMatchesNameEmailIdSubjectAndText() throws {
        var b = DeskBuilder()
        let a = try b.open("Åsa Lindqvist", email: "asa@example.se", subject: "TV", body: "luktar bränt")
        let t = try b.open("Tom Jones", email: "tom@example.com", subject: "Refund 5512", body: "money")
        func find(_ s: String) -> [CaseID] { QueueQuery(view: .all, agent: "x", search: s).run(on: b.desk, now: t0) }
        #expect(find("åsa") == [a])
        #expect(find("EXAMPLE.COM") == [t])
        #expect(find(t.lowercased()) == [t])
        #expect(find("5512") == [t])
        #expect(find("bränt") == [a])
        #expect(find("nothing like it").isEmpty)
    }

    @Test func slaStatesFollowTheTargets() throws {
        var b = DeskBuilder()
        let id = try b.open("Tom", priority: .high)
        let levels = ServiceLevels()
        let c = b.desk.cases[id]!
        #expect(levels.state(of: c, at: t0) == .ok)
        #expect(levels.state(of: c, at: t0.addingTimeInterval(3.5 * 3600)) == .atRisk)
        #expect(levels.state(of: c, at: t0.addingTimeInterval(4 * 3600 + 1)) == .breached)
        let custom = ServiceLevels(targets: [.high: 600])
        #expect(custom.state(of: c, at: t0.addingTimeInterval(601)) == .breached)
    }
}
