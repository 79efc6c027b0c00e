import Foundation
import Testing
import FrontlineCore
import FrontlineMail
@testable import FrontlineMailDesk

/// A transport that answers from a script and keeps what it was given.
final class ScriptedTransport: MailTransport, @unchecked Sendable {
    // @unchecked: tests use it from one thread.
    var answers: [TransportResult]
    var sent: [[UInt8]] = []
    init(_ answers: [TransportResult]) { self.answers = answers }
    var description: String { "scripted" }
    func send(_ message: [UInt8]) -> TransportResult {
        sent.append(message)
        return answers.isEmpty ? .accepted : answers.removeFirst()
    }
}

/// A desk with one customer mail and our reply to it, built as the service builds it.
struct MailedReplyDesk {
    var desk = HelpDesk()
    var now = Date(timeIntervalSince1970: 1_795_428_000)
    let settings = OutboundMailSettings(from: MailParty(name: "Åsa's Shop Support", address: "support@shop.example"))
    var messageID = ""

    init() throws {
        try run(.receiveMail(IncomingMail(
            details: MailDetails(messageID: "<c1@example.se>", subject: "TV:n luktar bränt",
                                 from: MailParty(name: "Åsa Lindqvist", address: "asa@example.se")),
            body: "Min TV luktar bränt.\nVad gör jag?", caseSubject: "TV:n luktar bränt", language: "sv")), actor: "intake")
        let events = try run(.reply("C-1000", body: "Hej Åsa, vi skickar en ny TV."), actor: "alice")
        guard case let .replySent(_, mail?) = events[0].change else { throw CommandError("no mailed reply") }
        messageID = mail.messageID
    }

    @discardableResult
    mutating func run(_ command: Command, actor: String) throws -> [Event] {
        let events = desk.stamp(try desk.decide(command, actor: actor, now: now, outbound: settings), actor: actor, now: now)
        for e in events { desk.apply(e) }
        return events
    }

    mutating func perform(_ commands: [Command]) throws {
        for c in commands { try run(c, actor: "mail") }
    }
}

@Suite struct OutboxSenderTests {
    @Test func aQueuedReplyIsSentOnceAndRecordedDelivered() throws {
        var d = try MailedReplyDesk()
        let transport = ScriptedTransport([.accepted])
        let sender = OutboxSender(transport: transport, rendering: ReplyRendering(signature: "{agent}\nShop Support"), policy: DeliveryRetryPolicy())
        let commands = sender.sendDue(on: d.desk, now: { d.now })
        #expect(commands == [.recordDelivery("C-1000", messageID: d.messageID, outcome: .delivered)])
        // Reported but not folded in yet (the server's loop is a moment behind): not sent again.
        #expect(sender.sendDue(on: d.desk, now: { d.now }).isEmpty)
        try d.perform(commands)
        #expect(sender.sendDue(on: d.desk, now: { d.now }).isEmpty)
        #expect(transport.sent.count == 1)
        let text = String(decoding: transport.sent[0], as: UTF8.self)
        #expect(text.contains("Message-ID: \(d.messageID)"))
        #expect(text.contains("In-Reply-To: <c1@example.se>"))
        #expect(text.contains("\(ReplyRendering.loopHeader): frontline@shop.example"))
    }

    @Test func aTemporaryFailureIsRetriedWithBackoffAndThenGivenUp() throws {
        var d = try MailedReplyDesk()
        let transport = ScriptedTransport(Array(repeating: .temporaryFailure("sendmail exited 75"), count: 100))
        let policy = DeliveryRetryPolicy(waits: [60, 300, 3600], retryFor: 3 * 3600)
        let sender = OutboxSender(transport: transport, rendering: ReplyRendering(), policy: policy)
        try d.perform(sender.sendDue(on: d.desk, now: { d.now }))
        var delivery = try #require(d.desk.cases["C-1000"]?.messages.last?.mail?.delivery)
        #expect(delivery.state == .retrying && delivery.attempts == 1)
        #expect(delivery.nextAttempt == d.now.addingTimeInterval(60))
        // Not due yet: nothing is sent.
        d.now = d.now.addingTimeInterval(59)
        #expect(sender.sendDue(on: d.desk, now: { d.now }).isEmpty)
        d.now = d.now.addingTimeInterval(1)
        try d.perform(sender.sendDue(on: d.desk, now: { d.now }))
        delivery = try #require(d.desk.cases["C-1000"]?.messages.last?.mail?.delivery)
        #expect(delivery.attempts == 2 && delivery.nextAttempt == d.now.addingTimeInterval(300))
        var rounds = 0
        while d.desk.cases["C-1000"]?.failedDelivery == nil, rounds < 20 {
            d.now = try #require(d.desk.cases["C-1000"]?.messages.last?.mail?.delivery?.nextAttempt)
            try d.perform(sender.sendDue(on: d.desk, now: { d.now }))
            rounds += 1
        }
        let failed = try #require(d.desk.cases["C-1000"]?.failedDelivery)
        #expect(failed.error?.hasPrefix("gave up after") == true)
        #expect(failed.error?.contains("sendmail exited 75") == true)
        // 60 s, 300 s, then hourly: 1 + 1 + 2 more attempts fit in three hours, the next does not.
        #expect(failed.attempts == 5)
        #expect(d.desk.undeliveredReplies.isEmpty)
        #expect(d.desk.cases["C-1000"]?.activity.last?.text.hasPrefix("reply not delivered: gave up") == true)
    }

    @Test func aPermanentFailureIsNotRetried() throws {
        var d = try MailedReplyDesk()
        let transport = ScriptedTransport([.permanentFailure("sendmail exited 67: user unknown")])
        let sender = OutboxSender(transport: transport, rendering: ReplyRendering(), policy: DeliveryRetryPolicy())
        try d.perform(sender.sendDue(on: d.desk, now: { d.now }))
        #expect(d.desk.cases["C-1000"]?.failedDelivery?.error == "sendmail exited 67: user unknown")
        d.now = d.now.addingTimeInterval(86400)
        #expect(sender.sendDue(on: d.desk, now: { d.now }).isEmpty)
        #expect(transport.sent.count == 1)
    }

    @Test func aNewReplyClearsTheFailedMarkOfTheCase() throws {
        var d = try MailedReplyDesk()
        let sender = OutboxSender(transport: ScriptedTransport([.permanentFailure("refused"), .accepted]), rendering: ReplyRendering(), policy: DeliveryRetryPolicy())
        try d.perform(sender.sendDue(on: d.desk, now: { d.now }))
        #expect(d.desk.cases["C-1000"]?.failedDelivery != nil)
        d.now = d.now.addingTimeInterval(5)
        try d.run(.reply("C-1000", body: "Second try"), actor: "alice")
        #expect(d.desk.cases["C-1000"]?.failedDelivery == nil)
    }

    @Test func retryPolicyWaitsGrowThenRepeatUntilTheWindowCloses() {
        let p = DeliveryRetryPolicy(waits: [60, 300], retryFor: 1000)
        let t = Date(timeIntervalSince1970: 0)
        #expect(p.nextAttempt(afterFailure: 1, writtenAt: t, now: t) == t.addingTimeInterval(60))
        #expect(p.nextAttempt(afterFailure: 2, writtenAt: t, now: t.addingTimeInterval(60)) == t.addingTimeInterval(360))
        #expect(p.nextAttempt(afterFailure: 3, writtenAt: t, now: t.addingTimeInterval(360)) == t.addingTimeInterval(660))
        #expect(p.nextAttempt(afterFailure: 4, writtenAt: t, now: t.addingTimeInterval(660)) == t.addingTimeInterval(960))
        #expect(p.nextAttempt(afterFailure: 5, writtenAt: t, now: t.addingTimeInterval(960)) == nil)
    }
}

@Suite struct ReplyRenderingTests {
    @Test func aHugeCustomerMessageIsQuotedOnlyInPart() {
        let long = (1...5000).map { "line \($0)" }.joined(separator: "\n")
        let q = ReplyRendering.quotable(long)
        #expect(q.hasPrefix("line 1\nline 2"))
        #expect(q.hasSuffix("line 200\n[…]"))
        #expect(ReplyRendering.quotable("short\ntext") == "short\ntext")
        let wide = String(repeating: "å", count: 100_000)
        #expect(ReplyRendering.quotable(wide).utf8.count < 140_000)
    }

    @Test func anAcknowledgementIsMarkedAutomaticWithoutSignatureOrQuote() throws {
        var desk = HelpDesk()
        let settings = OutboundMailSettings(from: MailParty(name: "Support", address: "support@shop.example"),
                                            acknowledge: AcknowledgementPolicy())
        let now = Date(timeIntervalSince1970: 1_795_428_000)
        let command = Command.receiveMail(IncomingMail(details: MailDetails(messageID: "<1@x>", subject: "Hjälp", from: MailParty(name: "Åsa", address: "asa@example.se")),
                                                       body: "Hej", caseSubject: "Hjälp", language: "sv"))
        for e in desk.stamp(try desk.decide(command, actor: "intake", now: now, outbound: settings), actor: "intake", now: now) { desk.apply(e) }
        let ack = try #require(desk.cases["C-1000"]?.messages.last?.mail)
        let bytes = try #require(ReplyRendering(signature: "alice", quote: true).render(messageID: ack.messageID, on: desk.cases["C-1000"]!, desk: desk))
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.contains("Auto-Submitted: auto-replied"))
        #expect(!text.contains("wrote:") && !text.contains("-- \n"))
    }
}
