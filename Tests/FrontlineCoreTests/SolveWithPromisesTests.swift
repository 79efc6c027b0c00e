import Foundation
import Testing
@testable import FrontlineCore

/// A case with an open follow-up is a promise to the customer not yet kept: solving it needs a
/// reason, which is recorded, and the promise outlives the case.
@Suite struct SolveWithPromisesTests {
    func caseWithAFollowUp() throws -> (DeskBuilder, CaseID) {
        var b = DeskBuilder()
        let id = try b.open("Åsa Lindqvist", language: "sv", subject: "TV:n luktar bränt")
        try b.run(.scheduleFollowUp(id, due: t0.addingTimeInterval(86400), note: "call about the new TV"))
        return (b, id)
    }

    @Test func solvingIsRefusedWhileAFollowUpIsOpenAndTheRefusalSaysHowOn() throws {
        var (b, id) = try caseWithAFollowUp()
        do {
            try b.run(.solve(id))
            Issue.record("solved with a promise open")
        } catch let error as CommandError {
            #expect(error.description.contains("#1: call about the new TV"))
            #expect(error.description.contains("frontline solve \(id) --force REASON"))
        }
        #expect(throws: CommandError.self) { try b.run(.solve(id, overriding: "   ")) }
        #expect(b.desk.cases[id]?.status == .open)
    }

    @Test func aReasonSolvesItRecordsWhyAndKeepsThePromiseOpen() throws {
        var (b, id) = try caseWithAFollowUp()
        let events = try b.run(.solve(id, overriding: "sorted on the phone"), actor: "bob")
        #expect(events.map(\.change.typeName) == ["solved_over_follow_ups", "status_changed"])
        let c = try #require(b.desk.cases[id])
        #expect(c.status == .solved && c.solvedBy == "bob")
        #expect(c.activity.contains { $0.text == "solved by bob with follow-up #1 still open: sorted on the phone" })
        #expect(c.openFollowUps.map(\.id) == [1])
        // When it comes due the case is back in the working queue.
        let waiting = QueueQuery(view: .waiting, agent: "alice")
        #expect(!waiting.includes(c, now: t0.addingTimeInterval(3600)))
        #expect(waiting.includes(c, now: t0.addingTimeInterval(86400)))
        for e in events { #expect(try JournalCodec.decode(try JournalCodec.encode(e)) == e) }
    }

    @Test func withoutAnOpenFollowUpAReasonChangesNothing() throws {
        var b = DeskBuilder()
        let id = try b.open("Mikko", language: "fi", subject: "Lasku")
        let events = try b.run(.solve(id, overriding: "not needed"))
        #expect(events.map(\.change.typeName) == ["status_changed"])
        try b.run(.reopen(id))
        try b.run(.scheduleFollowUp(id, due: t0.addingTimeInterval(60), note: "check"))
        try b.run(.completeFollowUp(id, id: nil, outcome: "checked"))
        #expect(try b.run(.solve(id)).count == 1, "a kept promise is no obstacle")
    }
}
