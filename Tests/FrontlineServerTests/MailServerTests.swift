import Foundation
import FrontlineClient
import FrontlineCore
import FrontlineProtocol
import FrontlineServer
import FrontlineStore
import Testing

/// Mail through the team server: intake as its own role, batches with one fsync, the raw
/// bytes kept by the server, and delivery outcomes from the server's own threads.
@Suite struct MailServerTests {
    func mail(_ id: String, from: String = "asa@example.se", raw: String = "From: asa@example.se\n\nHej\n") -> Command {
        .receiveMail(IncomingMail(details: MailDetails(messageID: id, subject: "Hjälp", from: MailParty(name: "Åsa", address: from)),
                                  body: "Hej", caseSubject: "Hjälp", rawBytes: Array(raw.utf8)))
    }

    @Test func theIntakeRoleTakesInMailAndNothingElse() throws {
        let team = TeamAccess(roles: ["nobody": .intake])
        let s = try RunningServer(team: team, identities: [PeerIdentity(user: "nobody", isOwner: false)])
        defer { s.shutDown() }
        let pipe = try RemoteCaseService(socketPath: s.socketPath, client: "frontline-test pipe", role: .command, subscribe: false)
        let events = try pipe.perform(mail("<1@x>"), actor: "whoever")
        #expect(events.first?.actor == "nobody")
        #expect(s.store.desk.cases["C-1000"] != nil)
        #expect(throws: CommandError.self) { try pipe.perform(.solve("C-1000"), actor: "nobody") }
        #expect(s.store.desk.cases["C-1000"]?.status == .open)
        // The server kept the raw bytes; the journaled command carries only their name.
        let key = try #require(s.store.desk.cases["C-1000"]?.messages.first?.mail?.raw)
        #expect(try s.store.rawMail.get(key) == Array("From: asa@example.se\n\nHej\n".utf8))
        pipe.close()
    }

    @Test func aBatchIsOneDurableWriteWithAResultPerCommand() throws {
        let s = try RunningServer()
        defer { s.shutDown() }
        let watcher = try s.client("watcher")
        let importer = try RemoteCaseService(socketPath: s.socketPath, client: "frontline-test import", role: .command, subscribe: false)
        let results = try importer.performAll([mail("<1@x>", raw: "one"), mail("<2@x>", from: "b@x.example", raw: "two"),
                                               mail("<1@x>", raw: "one again"), .note("C-9999", body: "no such case")], actor: "intake")
        #expect(results.count == 4)
        #expect((try? results[0].get())?.first?.caseID == "C-1000")
        #expect((try? results[1].get())?.first?.caseID == "C-1001")
        #expect((try? results[2].get())?.isEmpty == true, "the same Message-ID again: stored once")
        guard case let .failure(refusal) = results[3] else { Issue.record("a note on a missing case is refused"); return }
        #expect(refusal.description.contains("no case C-9999"))
        // Both raw messages went into one pack file, and the journal took one record per command.
        let keys = s.store.desk.caseOrder.compactMap { s.store.desk.cases[$0]?.messages.first?.mail?.raw }
        #expect(keys.count == 2 && keys.allSatisfy { $0.contains("@") } && Set(keys.map { $0.split(separator: "@")[0] }).count == 1)
        #expect(try keys.map { try s.store.rawMail.get($0) } == [Array("one".utf8), Array("two".utf8)])
        #expect(eventually("the watching console to hear of both cases") {
            _ = watcher.pollChanges()
            return watcher.desk.cases.count == 2
        })
        watcher.close()
        importer.close()
    }

    /// An importer needs only where each mail landed: the answer carries that, not the events
    /// (which watching consoles still get in full).
    @Test func aBriefBatchAnswersWithWhereEachCommandLanded() throws {
        let s = try RunningServer()
        defer { s.shutDown() }
        let watcher = try s.client("watcher")
        let importer = try RemoteCaseService(socketPath: s.socketPath, client: "frontline-test import", role: .command, subscribe: false)
        let commands = [mail("<1@x>", raw: "one"), mail("<2@x>", from: "b@x.example", raw: "two"),
                        mail("<1@x>", raw: "one again"), .note("C-9999", body: "no such case")]
        let landings = try importer.performAllForLandings(commands, actor: "intake")
        #expect(landings.count == 4)
        #expect(try landings[0].get() == Landing(caseID: "C-1000", changed: true))
        #expect(try landings[1].get() == Landing(caseID: "C-1001", changed: true))
        #expect(try landings[2].get() == Landing(caseID: "C-1000", changed: false), "the same Message-ID again: its case, nothing changed")
        guard case let .failure(refusal) = landings[3] else { Issue.record("a note on a missing case is refused"); return }
        #expect(refusal.description.contains("no case C-9999"))
        // What goes over the wire: the same kind of request, answered briefly, holds no events.
        let answers = try rawExchange(s.socketPath, [
            .hello(Hello(client: "frontline-test raw", role: .command)),
            .performBatch(PerformBatchRequest(request: 1, agent: "intake", commands: [mail("<3@x>", raw: "three")], brief: true)),
        ], until: { if case .performedBatch = $0 { true } else { false } })
        guard case let .performedBatch(answer)? = answers.last else { Issue.record("no batch answer: \(answers)"); return }
        #expect(answer.results == [PerformedBatch.Result(landing: Landing(caseID: "C-1002", changed: true))])
        #expect(eventually("the watching console to get all three cases in full") {
            _ = watcher.pollChanges()
            return watcher.desk.cases["C-1000"]?.messages.first?.body == "Hej" && watcher.desk.cases.count == 3
        })
        watcher.close()
        importer.close()
    }

    @Test func commandsSubmittedByTheServersOwnThreadsReachEveryConsole() throws {
        let s = try RunningServer()
        defer { s.shutDown() }
        let console = try s.client("console")
        _ = try console.perform(mail("<1@x>"), actor: "intake")
        _ = try console.perform(.reply("C-1000", body: "Hej Åsa"), actor: "alice")
        let reply = try #require(s.store.desk.cases["C-1000"]?.messages.last?.mail?.messageID)
        let submit = s.server.submitter
        Thread.detachNewThread { submit([.recordDelivery("C-1000", messageID: reply, outcome: .delivered)], "mail") }
        #expect(eventually("the console to see the reply delivered") {
            _ = console.pollChanges()
            return console.desk.cases["C-1000"]?.messages.last?.mail?.delivery?.state == .delivered
        })
        #expect(s.store.desk.cases["C-1000"]?.messages.last?.mail?.delivery?.state == .delivered)
        console.close()
    }
}

/// Sends `messages` on a fresh connection and reads answers until one satisfies `last`.
func rawExchange(_ socketPath: String, _ messages: [WireMessage], until last: (WireMessage) -> Bool) throws -> [WireMessage] {
    let fd = try UnixSocket.connect(to: socketPath)
    defer { close(fd) }
    for m in messages {
        let frame = try FrameEncoder().encode(try m.payload())
        _ = frame.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
    }
    var decoder = FrameDecoder()
    var buffer = [UInt8](repeating: 0, count: 65536)
    var answers: [WireMessage] = []
    _ = eventually("the answers") {
        let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, Int32(MSG_DONTWAIT)) }
        if n > 0, let payloads = try? decoder.feed(buffer[0..<n]) { answers += payloads.compactMap { try? WireMessage.decode(payload: $0) } }
        return answers.contains(where: last)
    }
    return answers
}
