import Foundation
import FrontlineCore
import FrontlineStore
import Testing
#if canImport(Glibc)
import Glibc
#endif

extension ServiceStoreSuites {
    /// One process owns a data directory at a time, and a refused one is told who holds it.
    @Suite struct CrashLockTests {
        @Test func aSecondProcessIsRefusedWithTheHoldersPid() throws {
            let folder = ServiceTestFolder("lock")
            defer { folder.remove() }
            let path = folder.path()
            let service = try LocalCaseService(path: path, owner: "crash lock test", clock: ManualClock(serviceEpoch))
            try service.perform(ServiceCommands.open("Jane Doe", body: "Hello"), actor: "intake")

            let refused = try ServiceBinary.run(["note", "--data-dir", path, "--agent", "tester", "C-1000", "hi"], scratch: folder.root)
            #expect(refused.status != 0, "a second writer must be refused: \(refused.stdout)")
            #expect(refused.stderr.contains("in use by pid \(getpid())"), "stderr: \(refused.stderr)")
            #expect(refused.stderr.contains("crash lock test"), "the refusal names the holder: \(refused.stderr)")
            #expect(service.desk.cases["C-1000"]?.messages.count == 1)
            service.close()

            let accepted = try ServiceBinary.run(["note", "--data-dir", path, "--agent", "tester", "C-1000", "hi"], scratch: folder.root)
            #expect(accepted.status == 0, "after close the directory is free: \(accepted.stderr)")
            #expect(accepted.stdout.contains("C-1000"))

            let reopened = try LocalCaseService(path: path, owner: "verify", clock: ManualClock(serviceEpoch))
            defer { reopened.close() }
            let note = reopened.desk.cases["C-1000"]?.messages.last
            #expect(note?.direction == .note && note?.body == "hi" && note?.author == "tester")
        }

        /// A store this process has closed must open again at once, even while this process
        /// spawns children (the console runs $EDITOR; the test runner spawns tmux and frontline).
        /// A spawned child holds copies of every descriptor from fork to exec — O_CLOEXEC only
        /// closes them at exec — so for that moment the flock of a just-closed lock file is still
        /// held, and a reopen is refused with "in use by pid <this very pid>". Each child holds
        /// it for well under a millisecond; the lock must not be refused for that.
        @Test func reopeningRightAfterCloseIsNotRefusedWhileThisProcessSpawnsChildren() throws {
            let folder = ServiceTestFolder("lock-spawn")
            defer { folder.remove() }
            let path = folder.path()
            let first = try LocalCaseService(path: path, owner: "lock spawn test", clock: ManualClock(serviceEpoch))
            try first.perform(ServiceCommands.open("Jane Doe"), actor: "intake")
            first.close()

            let spawner = CrashChildSpawner()
            spawner.start()
            let cycles = 1000
            var refusals: [String] = []
            for cycle in 0..<cycles {
                do {
                    let service = try LocalCaseService(path: path, owner: "cycle \(cycle)", clock: ManualClock(serviceEpoch))
                    service.close()
                } catch {
                    refusals.append("cycle \(cycle): \(error)")
                }
            }
            let spawned = spawner.stop()
            #expect(spawned > 0)
            #expect(refusals.count == 0, """
                \(refusals.count) of \(cycles) reopens right after close were refused while \(spawned) children were \
                spawned (this process is pid \(getpid())); first: \(refusals.first ?? "")
                """)
        }

        /// The other way round: while the binary holds the directory, this process is refused with
        /// the binary's pid, and gets in once it has exited.
        @Test func thisProcessIsRefusedWhileTheBinaryHoldsTheDirectory() throws {
            let folder = ServiceTestFolder("lock-reverse")
            defer { folder.remove() }
            let path = folder.path()
            let intake = try CrashIntakeProcess(dataDirectory: path, scratch: folder.root)
            try intake.send(#"{"customer":{"name":"Åsa"},"body":"Hej"}"#)
            #expect(try intake.readLine() == "C-1000")  // it has the store open now

            do {
                let service = try LocalCaseService(path: path, owner: "too early", clock: ManualClock(serviceEpoch))
                service.close()
                Issue.record("the directory is held by intake (pid \(intake.pid)); opening it must fail")
            } catch let error as StoreError {
                guard case let .inUse(pid, owner) = error.kind else {
                    Issue.record("expected inUse, got \(error)")
                    return
                }
                #expect(pid == intake.pid)
                #expect(owner.contains("frontline intake"), "\(owner)")
                #expect(error.description.contains("in use by pid \(intake.pid)"))
            }
            #expect(intake.finish() == 0, "intake: \(intake.stderrText)")

            let service = try LocalCaseService(path: path, owner: "after intake", clock: ManualClock(serviceEpoch))
            defer { service.close() }
            #expect(service.desk.cases["C-1000"]?.messages.first?.body == "Hej")
        }
    }
}
