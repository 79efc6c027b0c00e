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
