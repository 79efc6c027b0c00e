import Foundation
import Testing
@testable import FrontlineCore

@Suite struct SnapshotCodingTests {
    func demoDesk() throws -> HelpDesk {
        var b = DeskBuilder()
        var ids: [Int: CaseID] = [:]
        for step in DemoQueue(count: 80, seed: 11).steps(now: t0) {
            b.now = step.at
            if step.opensCase { ids[step.caseRef] = try b.run(step.command, actor: step.actor).first?.caseID }
            else if let id = ids[step.caseRef] { _ = try? b.run(step.command(for: id), actor: step.actor) }
        }
        let first = b.desk.caseOrder[0]
        try b.run(.saveDraft(first, body: "Hej 漢字 \u{1B}[2J"), actor: "alice")
        try b.run(.completeFollowUp(b.desk.cases.values.first { !$0.openFollowUps.isEmpty }!.id, id: nil, outcome: "called"))
        try b.run(.setServiceLevel(.urgent, target: 1800), actor: "sam")
        return b.desk
    }

    @Test func theWholeDeskSurvivesASnapshotExactly() throws {
        let desk = try demoDesk()
        #expect(try HelpDesk(snapshotBytes: desk.snapshotBytes()) == desk)
    }

    @Test func aSnapshotOfFormat3IsStillRead() throws {
        let desk = try demoDesk()   // no e-mail in it: format 3 could hold all of it
        let bytes = desk.snapshotBytes(format: 3)
        #expect(bytes.first == 3)
        #expect(bytes.count < desk.snapshotBytes().count)   // it really lacks the per-message mail flags
        #expect(try HelpDesk(snapshotBytes: bytes) == desk)
    }

    @Test func aSnapshotOfFormat2IsStillRead() throws {
        var desk = try demoDesk()
        desk.serviceLevelTargets = [:]
        // Format 2 is format 3 without the trailing SLA targets (an empty list is one zero byte).
        var bytes = desk.snapshotBytes(format: 3)
        #expect(bytes.first == 3 && bytes.last == 0)
        bytes[0] = 2
        bytes.removeLast()
        #expect(try HelpDesk(snapshotBytes: bytes) == desk)
    }

    @Test func aDamagedSnapshotIsRefusedNotTrusted() throws {
        let bytes = try demoDesk().snapshotBytes()
        // Every truncation is an error, never a trap or a silently shorter desk.
        for cut in stride(from: 0, to: bytes.count, by: max(1, bytes.count / 400)) {
            #expect(throws: BinaryReader.Malformed.self) { try HelpDesk(snapshotBytes: Array(bytes[0..<cut])) }
        }
        var wrongVersion = bytes
        wrongVersion[0] = 99
        #expect(throws: BinaryReader.Malformed.self) { try HelpDesk(snapshotBytes: wrongVersion) }
    }

    @Test func queueOrderGivesTheSameRowsAsAFreshQuery() throws {
        let desk = try demoDesk()
        for now in [t0, t0.addingTimeInterval(6 * 3600)] {
            let order = QueueOrder(desk: desk, agent: "alice", levels: ServiceLevels(), now: now)
            for view in QueueView.allCases {
                for search in ["", "refund", "åsa", "c-10"] {
                    let q = QueueQuery(view: view, agent: "alice", search: search)
                    #expect(order.rows(for: q, desk: desk, now: now) == q.run(on: desk, now: now), "\(view) \(search)")
                }
            }
            #expect(order.counts == QueueQuery.counts(on: desk, agent: "alice", now: now))
        }
    }
}
