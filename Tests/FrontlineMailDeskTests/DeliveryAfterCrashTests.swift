import Foundation
import Testing
import FrontlineCore
import FrontlineStore
@testable import FrontlineMailDesk

/// A reply acknowledged to the agent is journaled before it is sent: a store that stops before
/// sending (a crash) sends it when it opens again, with the same Message-ID.
@Suite struct DeliveryAfterCrashTests {
    @Test func aQueuedReplyIsSentAfterTheStoreOpensAgainWithTheSameMessageID() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("fl-crash-mail-\(UUID().uuidString.prefix(8))").path
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var messageID = ""
        do {
            let store = try LocalCaseService(path: dir, owner: "test")
            store.outboundMail = OutboundMailSettings(from: MailParty(name: "Support", address: "support@shop.example"))
            try store.perform(.receiveMail(IncomingMail(details: MailDetails(messageID: "<1@x>", subject: "Hjälp", from: MailParty(name: "Åsa", address: "asa@example.se")),
                                                        body: "Hej", caseSubject: "Hjälp", rawBytes: Array("raw".utf8))), actor: "intake")
            let events = try store.perform(.reply("C-1000", body: "Hej Åsa"), actor: "alice")
            guard case let .replySent(_, mail?) = events.first?.change else { Issue.record("no mailed reply"); return }
            messageID = mail.messageID
            // No sender ran and no snapshot was written: as if the process died here (the lock
            // is released with the object, as the kernel releases a dead process's flock).
        }
        let reopened = try LocalCaseService(path: dir, owner: "test again")
        defer { reopened.close() }
        #expect(reopened.desk.undeliveredReplies[messageID] == "C-1000")
        let transport = ScriptedTransport([.accepted])
        let sender = OutboxSender(transport: transport, rendering: ReplyRendering(), policy: DeliveryRetryPolicy())
        for command in sender.sendDue(on: reopened.desk, now: { Date() }) { try reopened.perform(command, actor: "mail") }
        #expect(transport.sent.count == 1)
        #expect(String(decoding: transport.sent[0], as: UTF8.self).contains("Message-ID: \(messageID)"))
        #expect(reopened.desk.cases["C-1000"]?.messages.last?.mail?.delivery?.state == .delivered)
        #expect(reopened.desk.undeliveredReplies.isEmpty)
    }
}

@Suite struct DemoMailTests {
    @Test func theDemosRepliesAreHistoryNotMail() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("fl-demo-mail-\(UUID().uuidString.prefix(8))").path
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let store = try LocalCaseService(path: dir, owner: "test")
        defer { store.close() }
        try DemoSeeder.seed(store, count: 60, seed: 42)
        let replies = store.desk.cases.values.flatMap(\.messages).filter { $0.direction == .outbound }
        #expect(!replies.isEmpty)
        #expect(replies.allSatisfy { $0.mail == nil })
        #expect(store.desk.undeliveredReplies.isEmpty, "nothing of the demo is sent to anyone")
        // A reply an agent writes on a demo case does go out (to the outbox on the embedded default).
        let id = try #require(store.desk.caseOrder.first { store.desk.customer(of: store.desk.cases[$0]!)?.email.isEmpty == false })
        let events = try store.perform(.reply(id, body: "Hej"), actor: "alice")
        guard case .replySent(_, _?) = events.first?.change else { Issue.record("a real reply is mailed"); return }
    }
}
