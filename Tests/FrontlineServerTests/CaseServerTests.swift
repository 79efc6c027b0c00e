import Foundation
import FrontlineClient
import FrontlineCore
import FrontlineProtocol
import FrontlineServer
import FrontlineStore
import Synchronization
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// A server on a background thread over a real socket in a temp data directory.
final class RunningServer: @unchecked Sendable {
    // @unchecked: `server` is only touched by the serving thread once started.
    let folder: String
    let store: LocalCaseService
    let server: CaseServer
    let stop = Atomic<Bool>(false)
    let stopped = Atomic<Bool>(false)

    /// `identities`: who each accepted connection is, in order (the kernel's answer, injected),
    /// so role checks for other Unix users run without root.
    /// `folder`: a folder whose `data` store to serve (a fresh one when nil); removed at the end either way.
    init(team: TeamAccess = TeamAccess(), identities: [PeerIdentity]? = nil, folder: String? = nil, promiseGrace: TimeInterval? = nil) throws {
        self.folder = folder ?? FileManager.default.temporaryDirectory.appendingPathComponent("fl-srv-\(UUID().uuidString.prefix(8))").path
        store = try LocalCaseService(path: self.folder + "/data", owner: "server test")
        server = try CaseServer(store: store, team: team)
        server.promiseGrace = promiseGrace
        server.promiseCheckInterval = 0   // every round: the tests wait for it, never for the clock
        if let identities {
            let queue = Mutex(identities)
            server.identify = { _ in queue.withLock { $0.isEmpty ? PeerIdentity(user: "nobody", isOwner: false) : $0.removeFirst() } }
        }
        Thread.detachNewThread { [self] in
            server.run(tick: 20) { stop.load(ordering: .relaxed) }
            stopped.store(true, ordering: .relaxed)
        }
    }

    var socketPath: String { CaseServer.socketPath(dataDirectory: folder + "/data") }

    func client(_ name: String = "test") throws -> RemoteCaseService {
        try RemoteCaseService(socketPath: socketPath, client: "frontline-test \(name)", role: .console)
    }

    func shutDown() {
        stop.store(true, ordering: .relaxed)
        while !stopped.load(ordering: .relaxed) { usleep(1000) }
        store.close()
    }

    deinit { try? FileManager.default.removeItem(atPath: folder) }
}

/// Waits (polling, bounded) for something another thread or process does.
func eventually(_ what: String, within seconds: Double = 10, _ condition: () -> Bool) -> Bool {
    let deadline = Date().addingTimeInterval(seconds)
    while Date() < deadline {
        if condition() { return true }
        usleep(2000)
    }
    return condition()
}

@Suite(.serialized) struct CaseServerTests {
    let intake = IncomingMessage(customerName: "Åsa Lindqvist", customerEmail: "asa@example.se", language: "sv", subject: "TV", body: "luktar bränt")

    @Test func anActionOnOneClientReachesTheOther() throws {
        let running = try RunningServer()
        defer { running.shutDown() }
        let alice = try running.client("alice"), bob = try running.client("bob")
        defer { alice.close(); bob.close() }
        let events = try alice.perform(.receive(intake), actor: "intake")
        let id = try #require(events.first?.caseID)
        #expect(alice.desk.cases[id]?.subject == "TV")
        var seen: [Event] = []
        #expect(eventually("bob sees the new case") { seen += bob.pollChanges(); return bob.desk.cases[id] != nil })
        #expect(seen.map(\.sequence) == events.map(\.sequence))
        try bob.perform(.escalate(id, level: .supervisor, reason: "refund over limit"), actor: "bob")
        #expect(eventually("alice sees the escalation") { _ = alice.pollChanges(); return alice.desk.cases[id]?.escalation != nil })
        #expect(alice.desk == bob.desk)
        #expect(alice.desk == running.store.desk)
    }

    @Test func aLostServerIsReportedAndStopsWakingTheConsole() throws {
        let running = try RunningServer()
        let client = try running.client()
        defer { client.close() }
        #expect(client.changeFeedDescriptor != nil)
        running.shutDown()
        #expect(eventually("the loss is noticed") { _ = client.pollChanges(); return client.backgroundProblem != nil })
        #expect(client.backgroundProblem?.contains("lost the frontline server") == true)
        #expect(client.changeFeedDescriptor == nil, "a dead socket is always readable: it must not wake the loop")
    }

    @Test func aClientReconnectsToANewServerAndCatchesUp() throws {
        let first = try RunningServer()
        let client = try first.client()
        defer { client.close() }
        client.reconnectInterval = 0
        let id = try #require(try client.perform(.receive(intake), actor: "intake").first?.caseID)
        first.shutDown()
        #expect(eventually("the loss is noticed") { _ = client.pollChanges(); return !client.isConnected })
        #expect(throws: RemoteCaseService.Failure.self) { try client.perform(.note(id, body: "while down"), actor: "alice") }

        // A new server on the same data directory (as `frontline serve` restarted would be).
        let store = try LocalCaseService(path: first.folder + "/data", owner: "second server")
        let second = try CaseServer(store: store)
        let stop = Atomic<Bool>(false), stopped = Atomic<Bool>(false)
        nonisolated(unsafe) let server = second
        Thread.detachNewThread {
            server.run(tick: 20) { stop.load(ordering: .relaxed) }
            stopped.store(true, ordering: .relaxed)
        }
        defer {
            stop.store(true, ordering: .relaxed)
            while !stopped.load(ordering: .relaxed) { usleep(1000) }
            store.close()
        }
        let other = try RemoteCaseService(socketPath: first.socketPath, client: "other", role: .command)
        defer { other.close() }
        try other.perform(.note(id, body: "added while the console was away"), actor: "bob")
        #expect(eventually("the client is back and caught up") {
            _ = client.pollChanges()
            return client.isConnected && client.desk.cases[id]?.messages.last?.body == "added while the console was away"
        })
        #expect(client.backgroundProblem == nil)
        try client.perform(.note(id, body: "after reconnecting"), actor: "alice")
        #expect(store.desk.cases[id]?.messages.last?.body == "after reconnecting")
    }

    /// Taking and solving: two agents at once, ten times; exactly one wins and the other is told who.
    @Test(arguments: ["take", "solve"])
    func twoAgentsActingOnTheSameCaseAtOnceExactlyOneWins(action: String) throws {
        let running = try RunningServer()
        defer { running.shutDown() }
        let setup = try running.client("setup")
        defer { setup.close() }
        for round in 0..<10 {
            let target = try #require(try setup.perform(.receive(intake), actor: "intake").first?.caseID)
            let command: Command = action == "take" ? .take(target) : .solve(target)
            let outcomes = Mutex<[String: String]>([:])
            let group = DispatchGroup()
            for agent in ["alice", "bob"] {
                group.enter()
                nonisolated(unsafe) let client = try running.client(agent)   // used by that one thread only
                Thread.detachNewThread {
                    let result: String
                    do { _ = try client.perform(command, actor: agent); result = "won" } catch { result = "\(error)" }
                    outcomes.withLock { $0[agent] = result }
                    client.close()
                    group.leave()
                }
            }
            group.wait()
            let results = outcomes.withLock { $0 }
            let winners = results.filter { $0.value == "won" }.map(\.key)
            #expect(winners.count == 1, "round \(round): \(results)")
            if let winner = winners.first, let loser = ["alice", "bob"].first(where: { $0 != winner }) {
                let told = action == "take" ? "\(target) is already taken by \(winner)" : "\(target) is already solved (by \(winner))"
                #expect(results[loser] == told)
            }
        }
    }

    @Test func presenceReachesTheOtherConsolesAndGoesWithTheConnection() throws {
        let running = try RunningServer()
        defer { running.shutDown() }
        let alice = try running.client("alice"), bob = try running.client("bob")
        defer { bob.close() }
        alice.announce(AgentPresence(agent: "alice", caseID: "C-1000", replying: true))
        #expect(eventually("bob sees alice replying") {
            _ = bob.pollChanges()
            return bob.presence == [AgentPresence(agent: "alice", caseID: "C-1000", replying: true)]
        })
        alice.close()
        #expect(eventually("alice's presence is gone with her connection") { _ = bob.pollChanges(); return bob.presence.isEmpty })
    }

    @Test func aRefusalComesBackWithTheStoresWords() throws {
        let running = try RunningServer()
        defer { running.shutDown() }
        let client = try running.client()
        defer { client.close() }
        #expect(throws: CommandError("no case C-9")) { try client.perform(.solve("C-9"), actor: "alice") }
    }

    @Test func whatTheServerAcknowledgedIsOnDisk() throws {
        let running = try RunningServer()
        let client = try running.client()
        let id = try #require(try client.perform(.receive(intake), actor: "intake").first?.caseID)
        try client.perform(.note(id, body: "called back"), actor: "alice")
        let expected = client.desk
        client.close()
        running.shutDown()
        let reopened = try LocalCaseService(path: running.folder + "/data", owner: "check")
        defer { reopened.close() }
        #expect(reopened.desk == expected)
    }

    @Test func aClientOfAnotherVersionIsRefusedWithBothVersions() throws {
        let running = try RunningServer()
        defer { running.shutDown() }
        let fd = try UnixSocket.connect(to: running.socketPath)
        defer { close(fd) }
        let hello = try WireMessage.hello(Hello(protocolVersion: 99, client: "frontline 9.9.9", role: .console)).payload()
        let frame = try FrameEncoder().encode(hello)
        _ = frame.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        var decoder = FrameDecoder()
        var buffer = [UInt8](repeating: 0, count: 4096)
        var answer: WireMessage?
        _ = eventually("an answer") {
            let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, Int32(MSG_DONTWAIT)) }
            if n > 0, let payload = try? decoder.feed(buffer[0..<n]).first { answer = try? WireMessage.decode(payload: payload) }
            return answer != nil
        }
        guard case let .refusal(refusal) = answer else { Issue.record("expected a refusal, got \(String(describing: answer))"); return }
        #expect(refusal.reason.contains("99") && refusal.reason.contains("frontline 9.9.9") && refusal.reason.contains("\(ProtocolVersion.current)"))
    }

    @Test func anOversizedFrameClosesThatConnectionOnly() throws {
        let running = try RunningServer()
        defer { running.shutDown() }
        let good = try running.client("good")
        defer { good.close() }
        let bad = try UnixSocket.connect(to: running.socketPath)
        defer { close(bad) }
        let header: [UInt8] = [0xFF, 0xFF, 0xFF, 0xFF]
        _ = header.withUnsafeBytes { write(bad, $0.baseAddress, $0.count) }
        var byte: UInt8 = 0
        #expect(eventually("the bad connection is closed") { recv(bad, &byte, 1, Int32(MSG_DONTWAIT)) == 0 })
        let id = try #require(try good.perform(.receive(intake), actor: "intake").first?.caseID)
        #expect(good.desk.cases[id] != nil)
    }
}
