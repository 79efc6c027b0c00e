import Foundation
import FrontlineClient
import FrontlineCore
import FrontlineServer
import FrontlineStore
import Synchronization
import Testing
#if canImport(Glibc)
import Glibc
#endif

extension ServiceStoreSuites {
    /// kill -9 the team server while several clients write through it: every action the server
    /// acknowledged is in the store when it opens again, exactly once.
    @Suite struct CrashServerKillTests {
        @Test func everyActionTheServerAcknowledgedSurvivesKill9() throws {
            let folder = ServiceTestFolder("server-kill")
            defer { folder.remove() }
            let data = folder.path()
            let seed = try LocalCaseService(path: data, owner: "seed", clock: ManualClock(serviceEpoch))
            let id = try #require(try seed.perform(.receive(IncomingMessage(customerName: "Tom", customerEmail: "", language: "en", subject: "s", body: "b")), actor: "t").first?.caseID)
            seed.close()
            var rng = SeededRandom(seed: 0x5E7E7)
            let acknowledged = Mutex<[String]>([])
            for round in 0..<6 {
                let server = Process()
                server.executableURL = URL(fileURLWithPath: try ServiceBinary.path())
                server.arguments = ["serve", "--data-dir", data]
                server.environment = ServiceBinary.environment()
                server.standardError = FileHandle.nullDevice
                try server.run()
                let socket = CaseServer.socketPath(dataDirectory: data)
                var clients: [RemoteCaseService] = []
                let deadline = Date().addingTimeInterval(15)
                while clients.count < 3 && Date() < deadline {
                    if let c = try? RemoteCaseService(socketPath: socket, client: "crash writer", role: .command, subscribe: false) { clients.append(c) } else { usleep(5000) }
                }
                try #require(clients.count == 3, "round \(round): could not connect to the server")
                let done = Atomic<Int>(0)
                for (n, client) in clients.enumerated() {
                    nonisolated(unsafe) let writer = client   // each used by its one thread only
                    Thread.detachNewThread {
                        var i = 0
                        while true {
                            let marker = "r\(round)-w\(n)-\(i)"
                            do {
                                _ = try writer.perform(.note(id, body: marker), actor: "w\(n)")
                                acknowledged.withLock { $0.append(marker) }   // only after the server said "stored"
                            } catch {
                                break
                            }
                            i += 1
                        }
                        writer.close()
                        done.add(1, ordering: .relaxed)
                    }
                }
                usleep(UInt32(20_000 + Int(rng.next() % 150_000)))
                kill(server.processIdentifier, SIGKILL)
                server.waitUntilExit()
                while done.load(ordering: .relaxed) < clients.count { usleep(1000) }
            }
            let store = try LocalCaseService(path: data, owner: "check after kills")
            defer { store.close() }
            let bodies = store.desk.cases[id]?.messages.filter { $0.direction == .note }.map(\.body) ?? []
            let acked = acknowledged.withLock { $0 }
            #expect(acked.count > 20, "the writers got some work acknowledged (\(acked.count))")
            var counts: [String: Int] = [:]
            for b in bodies { counts[b, default: 0] += 1 }
            let missing = acked.filter { counts[$0] == nil }
            #expect(missing.isEmpty, "acknowledged but lost: \(missing.prefix(5))")
            #expect(counts.values.allSatisfy { $0 == 1 }, "no action stored twice")
        }
    }
}
