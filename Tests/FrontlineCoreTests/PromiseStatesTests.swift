import Foundation
import Testing
@testable import FrontlineCore

/// How a follow-up (a promise to the customer) ends: kept on time or late, kept by the
/// customer's own answer when it was "until they answer", or cancelled with a reason.
@Suite struct PromiseStatesTests {
    func opened() throws -> (DeskBuilder, CaseID) {
        var b = DeskBuilder()
        let id = try b.open("Åsa Lindqvist", language: "sv", subject: "TV:n luktar bränt")
        try b.run(.reply(id, body: "Vi skickar en ny TV."))
        return (b, id)
    }

    @Test func untilTheyAnswerIsKeptByTheCustomersNextMessage() throws {
        var (b, id) = try opened()
        try b.run(.scheduleFollowUp(id, due: t0.addingTimeInterval(3 * 86400), note: "check the TV arrived", untilAnswer: true))
        #expect(b.desk.cases[id]?.openFollowUps.first?.untilAnswer == true)
        b.advance(3600)
        try b.run(.receive(IncomingMessage(customerName: "", customerEmail: "", language: "", subject: "", body: "Den kom i dag, tack!", appendTo: id)),
                  actor: "intake")
        let c = try #require(b.desk.cases[id])
        #expect(c.openFollowUps.isEmpty)
        #expect(c.followUps.first?.state == .kept(onTime: true))
        #expect(c.followUps.first?.outcome == "the customer answered")
        #expect(c.activity.contains { $0.text == "follow-up #1 kept: the customer answered" })
    }

    @Test func anOrdinaryFollowUpOutlivesTheCustomersAnswer() throws {
        var (b, id) = try opened()
        try b.run(.scheduleFollowUp(id, due: t0.addingTimeInterval(86400), note: "call the courier"))
        try b.run(.receive(IncomingMessage(customerName: "", customerEmail: "", language: "", subject: "", body: "Hej?", appendTo: id)),
                  actor: "intake")
        #expect(b.desk.cases[id]?.openFollowUps.count == 1)
    }

    @Test func anAutomaticMailKeepsNoPromise() throws {
        var b = DeskBuilder()
        let mail = { (id: String, automatic: AutomaticMail?, reply: String?) -> Command in
            .receiveMail(IncomingMail(details: MailDetails(messageID: id, subject: "TV", from: MailParty(name: "Åsa", address: "asa@example.se"),
                                                           to: [], inReplyTo: reply, automatic: automatic),
                                      body: "text", caseSubject: "TV", language: "sv"))
        }
        let id = try #require(try b.run(mail("<1@x>", nil, nil), actor: "intake").first?.caseID)
        try b.run(.scheduleFollowUp(id, due: t0.addingTimeInterval(86400), note: "check", untilAnswer: true))
        try b.run(mail("<2@x>", .autoReply, "<1@x>"), actor: "intake")
        #expect(b.desk.cases[id]?.openFollowUps.count == 1, "an out-of-office reply is not the customer answering")
        try b.run(mail("<3@x>", nil, "<1@x>"), actor: "intake")
        #expect(b.desk.cases[id]?.openFollowUps.isEmpty == true)
    }

    @Test func aCancelledPromiseSaysWhyAndNeedsAReason() throws {
        var (b, id) = try opened()
        #expect(throws: CommandError.self) { try b.run(.cancelFollowUp(id, id: nil, reason: "nothing open")) }
        try b.run(.scheduleFollowUp(id, due: t0.addingTimeInterval(86400), note: "call back"))
        #expect(throws: CommandError.self) { try b.run(.cancelFollowUp(id, id: nil, reason: "  ")) }
        #expect(throws: CommandError.self) { try b.run(.cancelFollowUp(id, id: 7, reason: "no such one")) }
        try b.run(.cancelFollowUp(id, id: nil, reason: "the customer will call us"), actor: "bob")
        let f = try #require(b.desk.cases[id]?.followUps.first)
        #expect(f.state == .cancelled(reason: "the customer will call us"))
        #expect(b.desk.cases[id]?.openFollowUps.isEmpty == true)
        #expect(b.desk.cases[id]?.activity.last?.text == "follow-up #1 cancelled by bob: the customer will call us")
        #expect(try b.run(.solve(id)).count == 1, "a cancelled promise does not hold up solving")
    }

    @Test func aPromiseKeptAfterItsTimeIsKeptLate() throws {
        var (b, id) = try opened()
        try b.run(.scheduleFollowUp(id, due: t0.addingTimeInterval(3600), note: "call back"))
        try b.run(.scheduleFollowUp(id, due: t0.addingTimeInterval(7200), note: "send the label"))
        b.advance(1800)
        try b.run(.completeFollowUp(id, id: 1, outcome: "called"))
        b.advance(3 * 3600)
        try b.run(.completeFollowUp(id, id: 2, outcome: "sent"))
        #expect(b.desk.cases[id]?.followUps.map(\.state) == [.kept(onTime: true), .kept(onTime: false)])
    }

    @Test func theNewFieldsSurviveTheJournalTheSnapshotAndOldJournalsStillRead() throws {
        var (b, id) = try opened()
        let scheduled = try b.run(.scheduleFollowUp(id, due: t0.addingTimeInterval(86400), note: "check", untilAnswer: true))
        try b.run(.scheduleFollowUp(id, due: t0.addingTimeInterval(2 * 86400), note: "other"))
        let cancelled = try b.run(.cancelFollowUp(id, id: 2, reason: "made twice"))
        for e in scheduled + cancelled { #expect(try JournalCodec.decode(try JournalCodec.encode(e)) == e) }
        #expect(try HelpDesk(snapshotBytes: b.desk.snapshotBytes()) == b.desk)
        // A journal written before "until they answer" existed has no such field.
        let old = #"{"seq":7,"at":1795428000000,"actor":"alice","case":"C-1000","type":"follow_up_scheduled","follow_up":1,"due":1795510800000,"note":"call"}"#
        let event = try JournalCodec.decode(Array(old.utf8))
        guard case let .followUpScheduled(_, _, note, untilAnswer, _) = event.change else { Issue.record("\(event.change)"); return }
        #expect(note == "call" && !untilAnswer)
    }

    @Test func theCustomersRecordCountsThePromisesOfAllTheirCases() throws {
        var b = DeskBuilder()
        let first = try b.open("Åsa Lindqvist", email: "asa@example.se", language: "sv", subject: "Laddare")
        try b.run(.scheduleFollowUp(first, due: t0.addingTimeInterval(3600), note: "a"))
        try b.run(.scheduleFollowUp(first, due: t0.addingTimeInterval(7200), note: "b"))
        try b.run(.completeFollowUp(first, id: 1, outcome: nil))
        let second = try b.open("Åsa Lindqvist", email: "asa@example.se", language: "sv", subject: "TV")
        try b.run(.scheduleFollowUp(second, due: t0.addingTimeInterval(600), note: "c"))
        try b.run(.scheduleFollowUp(second, due: t0.addingTimeInterval(900), note: "d"))
        try b.run(.cancelFollowUp(second, id: 2, reason: "she will call"))
        b.advance(4 * 3600)
        try b.run(.completeFollowUp(first, id: 2, outcome: "late"))
        try b.run(.breakPromise(second, id: 1, grace: 3600), actor: "frontline")
        let record = try #require(CustomerHistory(desk: b.desk, caseID: second)).promises
        #expect(record == {
            var r = CustomerHistory.PromiseRecord()
            r.kept = 2; r.late = 1; r.broken = 1; r.cancelled = 1; r.open = 1
            return r
        }())
        #expect(record.summary() == "promises to them: 2 kept (1 late), 1 broken, 1 cancelled, 1 open")
        #expect(record.summary(in: .fi) == "lupaukset heille: 2 pidetty (1 myöhässä), 1 rikottu, 1 peruttu, 1 avoinna")
        #expect(CustomerHistory(desk: DeskBuilder().desk, caseID: "C-1") == nil)
    }
}

/// Every promise knows what it is about: the report counts compliance by kind.
@Suite struct PromiseKindTests {
    @Test func eachKindOfPromiseIsKnown() throws {
        var b = DeskBuilder()
        let id = try b.open("Aino Virtanen", email: "aino@example.fi", language: "fi", subject: "Paketti")
        try b.run(.scheduleFollowUp(id, due: t0.addingTimeInterval(3600), note: "call back"))
        try b.run(.scheduleFollowUp(id, due: t0.addingTimeInterval(3600), note: "unless", untilAnswer: true))
        try b.run(.scheduleFollowUp(id, due: t0.addingTimeInterval(86400), note: "trace the parcel", waitingOn: " DHL "))
        try b.run(.wantWhenBack(id, sku: "LAMP", quantity: 1, hold: nil, checkBy: t0.addingTimeInterval(86400)))
        try b.run(.offer(id, kind: .refund, value: .money(Money(minorUnits: 900_000, currency: "EUR")), reason: "r"), actor: "bob")
        try b.run(.makeItRight(id, apology: .delay), actor: "bob")
        let c = try #require(b.desk.cases[id])
        #expect(c.followUps.map { c.kind(of: $0) } == [.atTime, .untilAnswer, .thirdParty("DHL"), .stock, .approval, .recoveryCheck])
        #expect(c.activity.contains { $0.text == "follow-up #3 set by alice (waiting on DHL): trace the parcel" })
        #expect(try HelpDesk(snapshotBytes: b.desk.snapshotBytes()).cases[id]?.followUps[2].waitingOn == "DHL")
        #expect(throws: CommandError("say who the follow-up waits on (a carrier, a supplier, a team)")) {
            try b.run(.scheduleFollowUp(id, due: t0.addingTimeInterval(60), note: "x", waitingOn: "  "))
        }
    }
}
