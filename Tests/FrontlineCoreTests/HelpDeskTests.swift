import Foundation
import Testing
@testable import FrontlineCore

@Suite struct HelpDeskTests {
    @Test func intakeOpensACaseWithTheCustomerAndMessage() throws {
        var b = DeskBuilder()
        let id = try b.open("Åsa Lindqvist", email: "asa@example.se", language: "sv", subject: "TV:n luktar bränt", body: "Den luktar bränt")
        #expect(id == "C-1000")
        let c = try #require(b.desk.cases[id])
        #expect(c.status == .open)
        #expect(c.waitingSince == b.now)
        #expect(c.messages.map(\.body) == ["Den luktar bränt"])
        #expect(b.desk.customer(of: c)?.firstName == "Åsa")
    }

    @Test func aReturningCustomerIsRecognisedByEmailAndKeepsCustomerSince() throws {
        var b = DeskBuilder()
        let first = try b.open("Åsa Lindqvist", email: "ASA@example.se")
        b.advance(86400 * 30)
        let second = try b.open("Åsa L.", email: "asa@example.se")
        let k1 = b.desk.cases[first]!.customerID, k2 = b.desk.cases[second]!.customerID
        #expect(k1 == k2)
        #expect(b.desk.customers[k1]?.since == t0)
        #expect(b.desk.customers[k1]?.name == "Åsa L.")
        #expect(b.desk.casesByCustomer[k1] == [first, second])
    }

    @Test func replyStopsTheWaitAndAssignsAnUnassignedCase() throws {
        var b = DeskBuilder()
        let id = try b.open("Tom")
        b.advance(600)
        try b.run(.reply(id, body: "On it"), actor: "bob")
        let c = b.desk.cases[id]!
        #expect(c.status == .pending)
        #expect(c.waitingSince == nil)
        #expect(c.assignee == "bob")
        #expect(c.messages.last?.direction == .outbound)
    }

    @Test func aCustomerMessageReopensAPendingOrSolvedCase() throws {
        var b = DeskBuilder()
        let id = try b.open("Tom", email: "t@x.com")
        try b.run(.solve(id))
        b.advance(60)
        try b.run(.receive(IncomingMessage(customerName: "", customerEmail: "", language: "", subject: "", body: "still broken", appendTo: id)), actor: "intake")
        #expect(b.desk.cases[id]?.status == .open)
        #expect(b.desk.cases[id]?.waitingSince == b.now)
    }

    @Test func escalationNeedsAReasonAndIsRecordedInTheThread() throws {
        var b = DeskBuilder()
        let id = try b.open("Tom")
        #expect(throws: CommandError.self) { try b.run(.escalate(id, level: .tier2, reason: "   ")) }
        try b.run(.escalate(id, level: .supervisor, reason: "refund over limit"), actor: "alice")
        let c = b.desk.cases[id]!
        #expect(c.escalation?.level == .supervisor)
        #expect(c.escalation?.reason == "refund over limit")
        #expect(c.activity.last?.text == "escalated to supervisor by alice: refund over limit")
    }

    @Test func followUpsAreNumberedAndTheEarliestIsCompletedFirst() throws {
        var b = DeskBuilder()
        let id = try b.open("Tom")
        try b.run(.scheduleFollowUp(id, due: t0.addingTimeInterval(7200), note: "later"))
        try b.run(.scheduleFollowUp(id, due: t0.addingTimeInterval(3600), note: "sooner"))
        #expect(b.desk.cases[id]?.nextFollowUp()?.note == "sooner")
        try b.run(.completeFollowUp(id, id: nil, outcome: "called"))
        let c = b.desk.cases[id]!
        #expect(c.followUps.first { $0.id == 2 }?.done == true)
        #expect(c.followUps.first { $0.id == 2 }?.outcome == "called")
        #expect(c.nextFollowUp()?.note == "later")
        try b.run(.completeFollowUp(id, id: nil, outcome: nil))
        #expect(throws: CommandError.self) { try b.run(.completeFollowUp(id, id: nil, outcome: nil)) }
    }

    @Test func refusalsSayWhatIsWrong() throws {
        var b = DeskBuilder()
        let id = try b.open("Tom")
        #expect(throws: CommandError("no case C-9")) { try b.run(.solve("C-9")) }
        try b.run(.solve(id))
        #expect(throws: CommandError("\(id) is already solved (by alice)")) { try b.run(.solve(id)) }
        #expect(throws: CommandError("the reply is empty")) { try b.run(.reply(id, body: " \n ")) }
        #expect(throws: CommandError("a tag cannot contain spaces: \"a b\"")) { try b.run(.tag(id, tags: ["a b"])) }
    }

    @Test func takingACaseSomeoneElseHasIsRefusedWithTheirName() throws {
        var b = DeskBuilder()
        let id = try b.open("Tom")
        try b.run(.take(id), actor: "alice")
        #expect(b.desk.cases[id]?.assignee == "alice")
        #expect(throws: CommandError("\(id) is already taken by alice")) { try b.run(.take(id), actor: "bob") }
        #expect(throws: CommandError("\(id) is already yours")) { try b.run(.take(id), actor: "alice") }
        try b.run(.solve(id), actor: "alice")
        #expect(throws: CommandError("\(id) is already solved (by alice)")) { try b.run(.solve(id), actor: "bob") }
        // An explicit assignment still hands a case over.
        try b.run(.reopen(id), actor: "alice")
        try b.run(.assign(id, agent: "bob"), actor: "alice")
        #expect(b.desk.cases[id]?.assignee == "bob")
    }

    @Test func draftsArePerAgentAndClearedBySending() throws {
        var b = DeskBuilder()
        let id = try b.open("Tom")
        try b.run(.saveDraft(id, body: "Hej"), actor: "alice")
        try b.run(.saveDraft(id, body: "Hi"), actor: "bob")
        #expect(b.desk.draft(caseID: id, agent: "alice") == "Hej")
        #expect(try b.run(.saveDraft(id, body: "Hej"), actor: "alice").isEmpty)
        try b.run(.reply(id, body: "Hej då"), actor: "alice")
        #expect(b.desk.draft(caseID: id, agent: "alice") == nil)
        #expect(b.desk.draft(caseID: id, agent: "bob") == "Hi")
    }

    @Test func eventsRoundTripThroughTheJournalCodecExactly() throws {
        var b = DeskBuilder()
        b.now = Date(timeIntervalSince1970: 1_795_428_000.123)
        let id = try b.open("Åsa", email: "a@b.se", language: "sv", subject: "Ä", body: "\u{1B}[2J hostile")
        var events: [Event] = []
        events += try b.run(.escalate(id, level: .tier2, reason: "why"))
        events += try b.run(.scheduleFollowUp(id, due: b.now.addingTimeInterval(1.5), note: "n"))
        events += try b.run(.completeFollowUp(id, id: 1, outcome: nil))
        events += try b.run(.assign(id, agent: "bob"))
        events += try b.run(.tag(id, tags: ["refund", "vip"]))
        events += try b.run(.apologise(id, kind: .faulty))
        events += try b.run(.saveDraft(id, body: "x"))
        for e in events {
            #expect(try JournalCodec.decode(JournalCodec.encode(e)) == e)
        }
    }
}
