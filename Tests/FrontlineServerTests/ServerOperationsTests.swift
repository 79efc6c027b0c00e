import Foundation
import FrontlineClient
import FrontlineCore
import FrontlineProtocol
@testable import FrontlineServer
import FrontlineStore
import Synchronization
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// `check`, `export --events` and `demo` while the server owns the files, and the idle exit of a
/// server a console started.
@Suite(.serialized) struct ServerOperationsTests {
    let message = IncomingMessage(customerName: "Åsa", customerEmail: "asa@example.se", language: "sv", subject: "TV", body: "bränt")

    @Test func checkAndTheEventLogComeFromTheServersFiles() throws {
        let running = try RunningServer()
        defer { running.shutDown() }
        let client = try running.client()
        defer { client.close() }
        let opened = try client.perform(.receive(message), actor: "intake")
        try client.perform(.note(opened[0].caseID, body: "rang them"), actor: "alice")
        running.store.snapshotInBackground()   // the files move while the server works; reads stay whole
        try client.perform(.escalate(opened[0].caseID, level: .tier2, reason: "billing"), actor: "alice")

        var report: [String] = []
        try client.run(.check) { report.append($0) }
        #expect(report.last == "healthy", "\(report)")
        #expect(report.contains { $0.hasPrefix("journal: ") })

        var lines: [String] = []
        try client.run(.exportEvents) { lines.append($0) }
        let types = try lines.map { line -> String in
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            return try #require(object["type"] as? String)
        }
        #expect(types == ["case_opened", "message_received", "note_added", "escalated"])
        // Still a working connection afterwards.
        #expect(try client.perform(.solve(opened[0].caseID), actor: "alice").count == 1)
    }

    /// The server reads every case of its newest snapshot for `check` on a thread of its own;
    /// the answer still comes back on the connection that asked, which goes on working.
    @Test func theServersCheckReadsEveryCaseOfItsNewestSnapshot() throws {
        let running = try RunningServer()
        defer { running.shutDown() }
        let client = try running.client()
        defer { client.close() }
        try client.perform(.receive(message), actor: "intake")
        try running.store.snapshotNow()
        // Make the first case's thread unreadable behind a checksum that matches.
        try running.store.withFilesAtRest { directory in
            let sequence = try #require(SnapshotStore.generations(directory: directory).first)
            var payload = try #require(try SnapshotStore.loadNewest(directory: directory)).payload.bytes
            var r = BinaryReader(payload)
            _ = try r.uint()
            _ = try r.fixed64()
            payload[r.offset + 7] = 0x7F   // the messages' length, now past the record's end
            try SnapshotStore.write(payload, sequence: sequence, directory: directory)
        }
        var report: [String] = []
        #expect(throws: (any Error).self) { try client.run(.check) { report.append($0) } }
        #expect(report.contains { $0.contains("cannot be read") && $0.contains("case C-1000") }, "\(report)")
        #expect(!report.contains("healthy"))
        #expect(try client.perform(.note("C-1000", body: "still here"), actor: "alice").count == 1)
    }

    /// A folder whose store was seeded, snapshotted and closed: what a server finds after a restart.
    static func snapshottedStore(cases: Int) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("fl-srv-\(UUID().uuidString.prefix(8))").path
        let seeded = try LocalCaseService(path: folder + "/data", owner: "seed")
        try DemoSeeder.seed(seeded, count: cases, seed: 3)
        try seeded.snapshotNow()
        seeded.close()
        return folder
    }

    /// A server whose store opened from a snapshot with nothing after it hands the first console
    /// that snapshot's bytes instead of encoding a copy; after a change it encodes as before.
    @Test func theFirstConsoleAfterARestartGetsTheSnapshotItOpenedFrom() throws {
        let running = try RunningServer(folder: try Self.snapshottedStore(cases: 40))
        defer { running.shutDown() }
        let opened = try #require(running.store.snapshotAtOpen)
        #expect(opened.deskSequence == running.store.desk.lastSequence)
        let first = try running.client("first")
        defer { first.close() }
        #expect(first.desk == running.store.desk)
        #expect(first.desk.cases.count == 40)

        try first.perform(.note(first.desk.caseOrder[0], body: "after the restart"), actor: "alice")
        let second = try running.client("second")
        defer { second.close() }
        #expect(second.desk == running.store.desk)
        #expect(second.desk.cases[second.desk.caseOrder[0]]?.messages.last?.body == "after the restart")
    }

    @Test func aChangeBeforeTheFirstConsoleMeansTheSnapshotIsNoLongerTheCopy() throws {
        let running = try RunningServer(folder: try Self.snapshottedStore(cases: 40))
        defer { running.shutDown() }
        #expect(running.store.snapshotAtOpen != nil)
        let id = running.store.desk.caseOrder[0]
        try running.store.perform(.note(id, body: "before anyone joined"), actor: "alice")
        let first = try running.client("first")
        defer { first.close() }
        #expect(first.desk == running.store.desk)
        #expect(first.desk.cases[id]?.messages.last?.body == "before anyone joined")
    }

    /// The server keeps promises itself: a follow-up open past the grace time is broken and the
    /// case escalated, by "frontline", and every console sees it.
    @Test func theServerBreaksAPromiseNobodyKeptAndEveryConsoleSeesIt() throws {
        let running = try RunningServer(promiseGrace: 3600)
        defer { running.shutDown() }
        let client = try running.client()
        defer { client.close() }
        let id = try client.perform(.receive(message), actor: "intake")[0].caseID
        try client.perform(.scheduleFollowUp(id, due: Date().addingTimeInterval(-2 * 3600), note: "call about the TV"), actor: "alice")
        #expect(eventually("the console sees the promise broken") {
            _ = client.pollChanges()
            return client.desk.cases[id]?.escalation?.level == .supervisor
        })
        let c = try #require(running.store.desk.cases[id])
        #expect(c.openFollowUps.first?.brokenAt != nil)
        #expect(c.escalation?.by == "frontline")
        #expect(c.escalation?.reason.hasPrefix("follow-up #1 not kept: due 2h") == true, "\(c.escalation?.reason ?? "")")
    }

    @Test func aBigEventLogStreamsWithoutFillingTheServersQueue() throws {
        let running = try RunningServer()
        defer { running.shutDown() }
        running.server.maxQueuedBytes = 64 << 10   // far below the log's size
        try DemoSeeder.seed(running.store, count: 400, seed: 9)
        let expected = try running.store.journaledEvents().count
        let exporter = try RemoteCaseService(socketPath: running.socketPath, client: "export", role: .command, subscribe: false)
        defer { exporter.close() }
        var count = 0
        try exporter.run(.exportEvents) { _ in count += 1 }
        #expect(count == expected)
        #expect(count > 1000)
    }

    @Test func theDemoIsASupervisorsCallAndReachesEveryConsole() throws {
        let team = TeamAccess(roles: ["sam": .supervisor, "bob": .agent])
        let running = try RunningServer(team: team, identities: [PeerIdentity(user: "bob", isOwner: false), PeerIdentity(user: "sam", isOwner: false)])
        defer { running.shutDown() }
        let bob = try running.client("bob"), sam = try running.client("sam")
        defer { bob.close(); sam.close() }
        #expect(throws: CommandError("only a supervisor can add a demo queue to a shared desk (bob is an agent)")) {
            try bob.run(.demo, count: 5, seed: 1) { _ in }
        }
        var said: [String] = []
        try sam.run(.demo, count: 5, seed: 1) { said.append($0) }
        #expect(said == ["added 5 demo cases to \(running.store.dataDirectory)"])
        #expect(eventually("bob's console has the demo cases") { _ = bob.pollChanges(); return bob.desk.cases.count == 5 })
        #expect(bob.desk == running.store.desk)
    }

    @Test func aWallboardMayNotRunOperations() throws {
        let running = try RunningServer()
        defer { running.shutDown() }
        let wall = try RemoteCaseService(socketPath: running.socketPath, client: "wall", role: .wallboard)
        defer { wall.close() }
        #expect(throws: CommandError("a wallboard only watches the queue")) { try wall.run(.check) { _ in } }
    }

    @Test func aServerStartedInTheBackgroundExitsOnceNobodyHasBeenConnectedForAWhile() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("fl-idle-\(UUID().uuidString.prefix(8))").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let store = try LocalCaseService(path: folder, owner: "idle test")
        defer { store.close() }
        let server = try CaseServer(store: store)
        defer { server.shutdown() }
        let clock = ManualClock(Date(timeIntervalSince1970: 1_795_428_000))
        server.clock = clock
        #expect(!server.idleLongEnough(), "without exitWhenIdle a server never leaves by itself")
        server.exitWhenIdle = 5
        let fd = try UnixSocket.connect(to: server.socketPath)
        server.serveOnce(timeout: 100)
        #expect(server.connectionCount == 1)
        clock.advance(by: 60)
        #expect(!server.idleLongEnough(), "a connected client keeps it")
        close(fd)
        server.serveOnce(timeout: 100)
        #expect(server.connectionCount == 0)
        #expect(!server.idleLongEnough())
        clock.advance(by: 4)
        #expect(!server.idleLongEnough())
        clock.advance(by: 2)
        #expect(server.idleLongEnough())
    }
}

@Suite struct StoreCopyTests {
    @Test func aConsolesStoreCopyIsARawFrameAndIsNotKeptOnceSent() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("fl-copy-\(UUID().uuidString.prefix(8))").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let store = try LocalCaseService(path: folder, owner: "copy test")
        defer { store.close() }
        try DemoSeeder.seed(store, count: 3000, seed: 5)
        let server = try CaseServer(store: store)
        defer { server.shutdown() }
        #expect(store.desk.snapshotBytes().count > 1 << 20, "a copy big enough to matter")

        // The console connects on its own thread while this one turns the server's loop.
        nonisolated(unsafe) var console: RemoteCaseService?
        let done = Atomic<Bool>(false)
        let path = server.socketPath
        Thread.detachNewThread {
            console = try? RemoteCaseService(socketPath: path, client: "copy test", role: .console)
            done.store(true, ordering: .releasing)
        }
        let deadline = Date().addingTimeInterval(20)
        while !done.load(ordering: .acquiring) && Date() < deadline { server.serveOnce(timeout: 10) }
        let client = try #require(console, "the console got its copy")
        defer { client.close() }
        #expect(client.desk == store.desk)
        let connection = try #require(server.connections.values.first)
        #expect(connection.pendingBytes == 0)
        #expect(connection.outgoing.isEmpty, "the sent copy is not held by the connection")
        #expect(connection.allowance == 0)
    }

    @Test func aConsoleJoiningWhileOthersWriteMissesNothingAndGetsNothingTwice() throws {
        let running = try RunningServer()
        defer { running.shutDown() }
        try DemoSeeder.seed(running.store, count: 3000, seed: 5)   // a copy that takes a while to encode
        let writer = try running.client("writer")
        defer { writer.close() }
        let id = running.store.desk.caseOrder[0]
        nonisolated(unsafe) var joined: RemoteCaseService?
        let done = Atomic<Bool>(false)
        Thread.detachNewThread {
            joined = try? running.client("joiner")
            done.store(true, ordering: .releasing)
        }
        var notes = 0
        while !done.load(ordering: .acquiring) || notes < 5 {
            try writer.perform(.note(id, body: "note \(notes)"), actor: "alice")
            notes += 1
        }
        let joiner = try #require(joined)
        defer { joiner.close() }
        #expect(eventually("the joiner catches up") { _ = joiner.pollChanges(); return joiner.desk.lastSequence == running.store.desk.lastSequence })
        #expect(joiner.desk == running.store.desk)
        let seen = joiner.desk.cases[id]!.messages.filter { $0.direction == .note && $0.body.hasPrefix("note ") }.map(\.body)
        #expect(seen == (0..<notes).map { "note \($0)" }, "every note once, in order")
    }
}

@Suite struct ReadAheadTests {
    /// A scripted server that sends the welcome, the store copy and the first events in one
    /// write, as a busy server may: the events must not be lost in the client's read-ahead.
    @Test func eventsThatArriveWithTheStoreCopyAreNotLost() throws {
        var b = HelpDesk()
        let opened = b.stamp(try b.decide(.receive(IncomingMessage(customerName: "Åsa", customerEmail: "", language: "sv", subject: "TV", body: "x")),
                                          actor: "intake", now: Date()), actor: "intake", now: Date())
        for e in opened { b.apply(e) }
        let later = b.stamp(try b.decide(.note(opened[0].caseID, body: "read ahead"), actor: "bob", now: Date()), actor: "bob", now: Date())
        let server = try ScriptedServer(scripts: [try ScriptedServer.greeting(b) + ScriptedServer.events(later)])
        defer { server.finish() }
        let client = try RemoteCaseService(socketPath: server.socketPath, client: "read-ahead test", role: .console)
        defer { client.close() }
        #expect(client.desk.lastSequence == opened.last!.sequence)
        #expect(eventually("the events that came with the copy are folded in") { !client.pollChanges().isEmpty || client.desk.lastSequence == later.last!.sequence })
        #expect(client.desk.cases[opened[0].caseID]?.messages.last?.body == "read ahead")
        #expect(server.connections.load(ordering: .relaxed) == 1)
    }
}

@Suite(.serialized) struct ExportWhileWorkingTests {
    /// An exporter that stops reading (a pager left open) must not stop anyone else's work.
    @Test(.timeLimit(.minutes(1))) func aStalledExportHoldsUpNobody() throws {
        let running = try RunningServer()
        defer { running.shutDown() }
        try DemoSeeder.seed(running.store, count: 2000, seed: 3)   // a log far larger than a socket buffer
        let writer = try running.client("writer")
        defer { writer.close() }
        let id = running.store.desk.caseOrder[0]

        let release = DispatchSemaphore(value: 0)
        let firstLine = DispatchSemaphore(value: 0)
        let socket = running.socketPath
        Thread.detachNewThread {
            guard let exporter = try? RemoteCaseService(socketPath: socket, client: "stalled export", role: .command, subscribe: false) else {
                firstLine.signal()
                return
            }
            var waited = false
            try? exporter.run(.exportEvents) { _ in
                if !waited {
                    waited = true
                    firstLine.signal()
                    release.wait()   // stop reading with the export half sent
                }
            }
            exporter.close()
        }
        firstLine.wait()
        // The server still answers everyone else (a stalled loop would time these out).
        for i in 0..<20 { try writer.perform(.note(id, body: "while the export waits \(i)"), actor: "alice") }
        let other = try running.client("late joiner")
        #expect(other.desk.lastSequence == running.store.desk.lastSequence)
        other.close()
        release.signal()
    }
}

@Suite struct SequenceGapTests {
    /// A console's copy must not fold on past a missing event: it takes a fresh copy instead.
    @Test func aGapInTheEventsTakesAFreshCopy() throws {
        var b = HelpDesk()
        func run(_ c: Command, _ actor: String) throws -> [Event] {
            let events = b.stamp(try b.decide(c, actor: actor, now: Date()), actor: actor, now: Date())
            for e in events { b.apply(e) }
            return events
        }
        let opened = try run(.receive(IncomingMessage(customerName: "Åsa", customerEmail: "", language: "sv", subject: "TV", body: "x")), "intake")
        let firstGreeting = try ScriptedServer.greeting(b)
        let firstSequence = b.lastSequence
        _ = try run(.note(opened[0].caseID, body: "lost on the way"), "bob")
        let after = try run(.note(opened[0].caseID, body: "arrives after the gap"), "bob")
        let server = try ScriptedServer(scripts: [firstGreeting + ScriptedServer.events(after), try ScriptedServer.greeting(b)])
        defer { server.finish() }
        let client = try RemoteCaseService(socketPath: server.socketPath, client: "gap test", role: .console)
        defer { client.close() }
        #expect(client.desk.lastSequence == firstSequence)
        #expect(eventually("a fresh copy after the gap") {
            _ = client.pollChanges()
            return client.desk.lastSequence == b.lastSequence
        })
        #expect(client.desk.cases[opened[0].caseID]?.messages.map(\.body) == ["x", "lost on the way", "arrives after the gap"])
        #expect(server.connections.load(ordering: .relaxed) == 2, "it reconnected for the fresh copy")
    }
}
