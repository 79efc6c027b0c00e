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

    @Test func openingASnapshotLeavesEveryThreadInItsBytes() throws {
        let desk = try demoDesk()
        let copy = try HelpDesk(snapshotBytes: desk.snapshotBytes())
        #expect(copy.cases.values.allSatisfy { $0.thread.isStored })
        #expect(desk.cases.values.allSatisfy { !$0.thread.isStored })
        // Read back whole, case by case, without the other cases being decoded.
        for id in desk.caseOrder.prefix(5) {
            #expect(copy.cases[id]?.messages == desk.cases[id]?.messages)
            #expect(copy.cases[id]?.activity == desk.cases[id]?.activity)
        }
        try copy.verifyStoredThreads()
    }

    @Test func aChangedCaseHoldsItsThreadAndTheNextSnapshotCarriesTheRestAsTheyWere() throws {
        var b = DeskBuilder()
        b.desk = try HelpDesk(snapshotBytes: try demoDesk().snapshotBytes())
        let changed = b.desk.caseOrder[3]
        let before = try #require(b.desk.cases[changed])
        try b.run(.note(changed, body: "called the courier"))
        let after = try #require(b.desk.cases[changed])
        #expect(!after.thread.isStored)
        #expect(after.messages.dropLast() == before.messages[...])
        #expect(after.messages.last?.body == "called the courier")
        #expect(b.desk.cases.values.filter { !$0.thread.isStored }.map(\.id) == [changed])
        // Unchanged threads are copied byte for byte: the next generation reads back equal.
        let next = try HelpDesk(snapshotBytes: b.desk.snapshotBytes())
        #expect(next == b.desk)
        #expect(next.snapshotBytes() == b.desk.snapshotBytes())
    }

    @Test func aThreadThatCannotBeReadShowsWhereInsteadOfCrashingOrVanishing() throws {
        let desk = try demoDesk()
        var bytes = desk.snapshotBytes()
        // The first case's thread starts right after the format and the section's length. Make
        // the length of its messages (eight bytes) claim far more than its record holds; the
        // snapshot file's checksum would normally stop this before it is read.
        var r = BinaryReader(bytes)
        _ = try r.uint()
        _ = try r.fixed64()
        #expect(bytes[r.offset + 7] == 0)
        bytes[r.offset + 7] = 0x7F
        let copy = try HelpDesk(snapshotBytes: bytes)
        let first = try #require(copy.cases[copy.caseOrder[0]])
        #expect(first.messages.count == 1)
        #expect(first.messages[0].body.contains("could not be read from the snapshot"))
        #expect(first.messages[0].body.contains("frontline check"))
        #expect(copy.cases[copy.caseOrder[1]]?.messages == desk.cases[desk.caseOrder[1]]?.messages)
        #expect(throws: BinaryReader.Malformed.self) { try copy.verifyStoredThreads() }
    }

    @Test func aSnapshotOfFormat4IsStillRead() throws {
        let desk = try demoDesk()
        let bytes = desk.snapshotBytes(format: 4)
        #expect(bytes.first == 4)
        let copy = try HelpDesk(snapshotBytes: bytes)
        #expect(copy == desk.withoutActivityWording())
        #expect(copy != desk)   // the demo's lines are worded, and format 4 cannot keep it
        #expect(copy.cases.values.allSatisfy { !$0.thread.isStored })
    }

    @Test func aSnapshotOfFormat3IsStillRead() throws {
        let desk = try demoDesk()   // no e-mail in it: format 3 could hold all of it
        let bytes = desk.snapshotBytes(format: 3)
        #expect(bytes.first == 3)
        #expect(bytes.count < desk.snapshotBytes(format: 4).count)   // it really lacks the per-message mail flags
        #expect(try HelpDesk(snapshotBytes: bytes) == desk.withoutActivityWording())
    }

    @Test func aSnapshotOfFormat2IsStillRead() throws {
        var desk = try demoDesk()
        desk.serviceLevelTargets = [:]
        // Format 2 is format 3 without the trailing SLA targets (an empty list is one zero byte).
        var bytes = desk.snapshotBytes(format: 3)
        #expect(bytes.first == 3 && bytes.last == 0)
        bytes[0] = 2
        bytes.removeLast()
        #expect(try HelpDesk(snapshotBytes: bytes) == desk.withoutActivityWording())
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
