import Foundation
import Testing
@testable import FrontlineCore

/// Back in stock: a wish is a promise; an arrival tells the waiting customers first come first
/// served, by mail in their language, and reserves for those who asked; a lapsed reservation
/// passes to the next in line.
@Suite struct StockTests {
    func desk() throws -> (DeskBuilder, [CaseID]) {
        var b = DeskBuilder()
        b.outbound = OutboundMailSettings(from: MailParty(name: "Support", address: "support@shop.example"))
        var ids: [CaseID] = []
        ids.append(try b.open("Åsa Lindqvist", email: "asa@example.se", language: "sv", subject: "Slutsåld TV"))
        ids.append(try b.open("Aino Virtanen", email: "aino@example.fi", language: "fi", subject: "Loppuunmyyty"))
        ids.append(try b.open("Tom O'Brien", email: "tom@example.com", subject: "Sold out"))
        return (b, ids)
    }

    @Test func aWishIsAPromiseAndAWishTwiceIsRefused() throws {
        var (b, ids) = try desk()
        let events = try b.run(.wantWhenBack(ids[0], sku: "TV-55X", quantity: 1, hold: 2 * 86400, checkBy: t0.addingTimeInterval(14 * 86400)), actor: "alice")
        #expect(events.map(\.change.typeName) == ["stock_wished", "follow_up_scheduled"])
        let c = try #require(b.desk.cases[ids[0]])
        #expect(c.stockWishes.first?.state == .waiting && c.stockWishes.first?.by == "alice")
        #expect(c.openFollowUps.first?.note == "back in stock: tell them when TV-55X is back")
        #expect(QueueQuery(view: .stock, agent: "alice").run(on: b.desk, now: b.now) == [ids[0]])
        #expect(throws: CommandError("\(ids[0]) already waits for tv-55x")) {
            try b.run(.wantWhenBack(ids[0], sku: "tv-55x ", quantity: 1, hold: nil, checkBy: t0.addingTimeInterval(86400)))
        }
    }

    @Test func anArrivalTellsTheLineInOrderAndPassesOverWhoWantsMoreThanIsLeft() throws {
        var (b, ids) = try desk()
        try b.run(.wantWhenBack(ids[0], sku: "TV-55X", quantity: 2, hold: nil, checkBy: t0.addingTimeInterval(86400 * 14)), actor: "alice")
        b.advance(60)
        try b.run(.wantWhenBack(ids[1], sku: "tv-55x", quantity: 1, hold: 2 * 86400, checkBy: t0.addingTimeInterval(86400 * 14)), actor: "bob")
        b.advance(60)
        try b.run(.wantWhenBack(ids[2], sku: "TV-55X", quantity: 1, hold: nil, checkBy: t0.addingTimeInterval(86400 * 14)), actor: "bob")
        b.advance(3600)
        // One is back: Åsa (first) wants two, so she keeps her place; Aino (second) gets it, reserved.
        let events = try b.run(.stockAvailable(sku: "TV-55X", count: 1), actor: "stock")
        #expect(Set(events.map(\.caseID)) == [ids[1]])
        #expect(events.map(\.change.typeName) == ["stock_notified", "follow_up_done", "follow_up_scheduled"])
        let aino = try #require(b.desk.cases[ids[1]])
        let wish = try #require(aino.stockWishes.first)
        #expect(wish.state == .reserved && wish.reservedUntil == b.now.addingTimeInterval(2 * 86400))
        let notice = try #require(aino.messages.last)
        #expect(notice.author == "back-in-stock notice" && notice.direction == .outbound)
        #expect(notice.body.hasPrefix("Hei Aino!\n\nHyviä uutisia: tv-55x on taas varastossa, ja olemme varanneet sinulle 1 kpl "))
        #expect(notice.mail?.to.map(\.address) == ["aino@example.fi"] && notice.mail?.automatic == .autoReply && notice.mail?.delivery?.state == .queued)
        #expect(b.desk.undeliveredReplies[notice.mail!.messageID] == ids[1], "the mail sender will send it")
        #expect(aino.openFollowUps.map(\.note) == ["customer notified: tv-55x back; reserved until \(ISOTime.format(b.now.addingTimeInterval(2 * 86400)))"])
        #expect(aino.followUps.first?.outcome == "back in stock: the customer was told")
        // Three more: Åsa's two, then Tom's one.
        let more = try b.run(.stockAvailable(sku: "TV-55X", count: 3), actor: "stock")
        #expect(Set(more.map(\.caseID)) == [ids[0], ids[2]])
        #expect(b.desk.cases[ids[0]]?.messages.last?.body.hasPrefix("Hej Åsa!\n\nGoda nyheter: TV-55X finns i lager igen. Det kan ta slut fort") == true)
        #expect(try b.run(.stockAvailable(sku: "TV-55X", count: 5)).isEmpty, "nobody waits any more")
    }

    @Test func aLapsedReservationPassesToTheNextInLine() throws {
        var (b, ids) = try desk()
        try b.run(.wantWhenBack(ids[0], sku: "KETTLE", quantity: 1, hold: 86400, checkBy: t0.addingTimeInterval(86400 * 14)), actor: "alice")
        b.advance(60)
        try b.run(.wantWhenBack(ids[1], sku: "KETTLE", quantity: 1, hold: 86400, checkBy: t0.addingTimeInterval(86400 * 14)), actor: "bob")
        try b.run(.stockAvailable(sku: "kettle", count: 1), actor: "stock")
        #expect(StockKeeper.lapsed(on: b.desk, at: b.now.addingTimeInterval(86400 - 1)).isEmpty)
        #expect(throws: CommandError.self) { try b.run(.lapseReservation(ids[0], wish: 1)) }
        b.advance(86400)
        let due = StockKeeper.lapsed(on: b.desk, at: b.now)
        #expect(due == [.lapseReservation(ids[0], wish: 1)])
        let events = try b.run(due[0], actor: "frontline")
        #expect(events.map(\.change.typeName) == ["stock_lapsed", "follow_up_cancelled", "stock_notified", "follow_up_done", "follow_up_scheduled"])
        #expect(b.desk.cases[ids[0]]?.stockWishes.first?.ended == "reservation lapsed")
        #expect(b.desk.cases[ids[1]]?.stockWishes.first?.state == .reserved)
        #expect(b.desk.stockWishesStanding.map(\.caseID) == [ids[1]])
    }

    @Test func collectingOrCancellingEndsTheWish() throws {
        var (b, ids) = try desk()
        try b.run(.wantWhenBack(ids[0], sku: "KETTLE", quantity: 1, hold: 86400, checkBy: t0.addingTimeInterval(86400 * 14)))
        try b.run(.wantWhenBack(ids[1], sku: "LAMP", quantity: 1, hold: nil, checkBy: t0.addingTimeInterval(86400 * 14)))
        try b.run(.stockAvailable(sku: "KETTLE", count: 1))
        try b.run(.completeFollowUp(ids[0], id: nil, outcome: "collected"))
        #expect(b.desk.cases[ids[0]]?.stockWishes.first?.ended == "collected")
        try b.run(.cancelFollowUp(ids[1], id: nil, reason: "bought elsewhere"))
        #expect(b.desk.cases[ids[1]]?.stockWishes.first?.ended == "cancelled: bought elsewhere")
        #expect(b.desk.casesWithStockWishes.isEmpty && b.desk.stockWishesStanding.isEmpty)
        #expect(try b.run(.stockAvailable(sku: "LAMP", count: 1)).isEmpty)
    }

    @Test func aSolvedCaseComesBackToItsAgentAndAPhoneCaseIsToldByHand() throws {
        var b = DeskBuilder()
        b.outbound = OutboundMailSettings(from: MailParty(name: "Support", address: "support@shop.example"))
        let id = try b.open("Matti Mäkinen", language: "fi", subject: "Puhelu")
        try b.run(.wantWhenBack(id, sku: "LAMP", quantity: 1, hold: nil, checkBy: t0.addingTimeInterval(86400 * 14)), actor: "bob")
        try b.run(.solve(id, overriding: "waiting for stock"), actor: "bob")
        let events = try b.run(.stockAvailable(sku: "LAMP", count: 1), actor: "stock")
        #expect(events.map(\.change.typeName).last == "status_changed")
        let c = try #require(b.desk.cases[id])
        #expect(c.status == .open && c.messages.last?.mail == nil)
        #expect(c.activity.contains { $0.text == "LAMP is back: the customer was told (no e-mail address: call them)" })
    }

    @Test func wishesSurviveTheJournalAndTheSnapshot() throws {
        var (b, ids) = try desk()
        var events = try b.run(.wantWhenBack(ids[0], sku: "TV-55X", quantity: 2, hold: 2 * 86400, checkBy: t0.addingTimeInterval(86400 * 14)))
        events += try b.run(.stockAvailable(sku: "TV-55X", count: 2))
        b.advance(3 * 86400)
        events += try b.run(.lapseReservation(ids[0], wish: 1))
        for e in events { #expect(try JournalCodec.decode(try JournalCodec.encode(e)) == e) }
        let read = try HelpDesk(snapshotBytes: b.desk.snapshotBytes())
        #expect(read == b.desk)
        for c: Command in [.wantWhenBack("C-1", sku: "X", quantity: 2, hold: 3600, checkBy: t0), .stockAvailable(sku: "X", count: 3), .lapseReservation("C-1", wish: 1)] {
            #expect(try JSONDecoder().decode(Command.self, from: try JSONEncoder().encode(c)) == c)
        }
    }

    @Test func aChosenDurationIsSaidAsChosen() {
        #expect([2 * 86400, 7200, 1800, 5400, 90].map { AgeFormat.chosen(TimeInterval($0)) } == ["2d", "2h", "30m", "1h30m", "1m"])
    }
}
