import Foundation
import FrontlineClient
import FrontlineCore
import FrontlineProtocol
import FrontlineServer
import FrontlineStore
import Synchronization
import Testing

/// Commands that arrive together share one fsync, and every one of them is answered only
/// once it is durable.
@Suite struct GroupCommitServerTests {
    @Test func concurrentClientsShareFsyncsAndEveryActionIsStored() throws {
        let s = try RunningServer()
        defer { s.shutDown() }
        let opener = try s.client("opener")
        let id = try #require(try opener.perform(.receive(IncomingMessage(customerName: "Åsa", customerEmail: "asa@example.se", language: "sv",
                                                                         subject: "Hjälp", body: "Hej")), actor: "intake").first?.caseID)
        opener.close()
        let before = s.store.journalSyncs
        let writers = 8, each = 150
        let acknowledged = Mutex<[String]>([])
        let failures = Atomic<Int>(0)
        let group = DispatchGroup()
        for w in 0..<writers {
            group.enter()
            Thread.detachNewThread {
                defer { group.leave() }
                guard let client = try? RemoteCaseService(socketPath: s.socketPath, client: "writer \(w)", role: .command, subscribe: false) else {
                    failures.add(1, ordering: .relaxed); return
                }
                for i in 0..<each {
                    let body = "w\(w) n\(i)"
                    if (try? client.perform(.note(id, body: body), actor: "agent\(w)")) != nil {
                        acknowledged.withLock { $0.append(body) }
                    } else {
                        failures.add(1, ordering: .relaxed)
                    }
                }
                client.close()
            }
        }
        group.wait()
        #expect(failures.load(ordering: .relaxed) == 0)
        let notes = Set(s.store.desk.cases[id]?.messages.filter { $0.direction == .note }.map(\.body) ?? [])
        let acked = acknowledged.withLock { $0 }
        #expect(acked.count == writers * each)
        #expect(Set(acked).isSubset(of: notes), "every acknowledged note is in the store")
        let syncs = s.store.journalSyncs - before
        // Eight writers each waiting for their answer: the rounds of the loop carry several
        // commands each, so there are clearly fewer fsyncs than commands.
        #expect(syncs < writers * each * 3 / 4, "\(syncs) fsyncs for \(writers * each) commands")
        #expect(syncs > 0)
    }
}

@Suite struct EventsWhileWaitingTests {
    /// A colleague's event that arrives while a console waits for its own answer is handed on
    /// by the next poll (the console updates its views case by case instead of re-sorting all).
    @Test func eventsFoldedWhileWaitingAreHandedOn() throws {
        let s = try RunningServer()
        defer { s.shutDown() }
        let alice = try s.client("alice"), bob = try s.client("bob")
        defer { alice.close(); bob.close() }
        let id = try #require(try bob.perform(.receive(IncomingMessage(customerName: "Åsa", customerEmail: "", language: "sv", subject: "x", body: "y")),
                                            actor: "intake").first?.caseID)
        #expect(eventually("alice sees the case") { !alice.pollChanges().isEmpty || alice.desk.cases[id] != nil })
        let bobs = try bob.perform(.note(id, body: "bob was here"), actor: "bob")
        // Alice acts before she polls: bob's event is ahead of her answer on her connection.
        let own = try alice.perform(.note(id, body: "alice too"), actor: "alice")
        let handedOn = alice.pollChanges()
        #expect(handedOn.map(\.sequence) == bobs.map(\.sequence), "bob's note is handed on once")
        #expect(alice.pollChanges().isEmpty)
        #expect(alice.desk.lastSequence == own.last?.sequence)
    }
}
