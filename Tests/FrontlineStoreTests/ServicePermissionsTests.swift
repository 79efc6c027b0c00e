import Foundation
import FrontlineCore
import FrontlineStore
import Testing
#if canImport(Glibc)
import Glibc
#endif

extension ServiceStoreSuites {
    /// The store holds customer PII: the data directory (and archive/) is 0700, every file 0600 —
    /// journal segments, snapshots, the lock, archived segments and torn-tail copies.
    @Suite struct ServicePermissionsTests {
        /// Every path under `root` (not following links), with its mode.
        private func walk(_ root: String) -> [(path: String, mode: mode_t, isDirectory: Bool)] {
            var found: [(String, mode_t, Bool)] = []
            for name in ServiceFiles.names(in: root) {
                let path = root + "/" + name
                let isDirectory = ServiceFiles.isDirectory(path)
                found.append((path, ServiceFiles.mode(path), isDirectory))
                if isDirectory { found += walk(path) }
            }
            return found
        }

        private func expectPrivate(_ root: String, _ context: String) {
            #expect(ServiceFiles.mode(root) == 0o700, "\(context): \(root) has mode \(String(ServiceFiles.mode(root), radix: 8))")
            for entry in walk(root) {
                let want: mode_t = entry.isDirectory ? 0o700 : 0o600
                #expect(entry.mode == want, "\(context): \(entry.path) has mode \(String(entry.mode, radix: 8)), want \(String(want, radix: 8))")
            }
        }

        @Test func directoryIsPrivateAndEveryFileIsOwnerOnly() throws {
            let folder = ServiceTestFolder("permissions")
            defer { folder.remove() }
            // Start from a directory that others could read: the store must tighten it.
            let path = folder.path()
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o755])
            #expect(ServiceFiles.mode(path) == 0o755)

            let clock = ManualClock(serviceEpoch)
            let service = try LocalCaseService(path: path, owner: "permissions test", clock: clock, snapshotInterval: 3)
            expectPrivate(path, "just opened")
            var scenario = ServiceScenario(seed: 5)
            for _ in 0..<40 {
                clock.advance(by: 60)
                let step = scenario.next(desk: service.desk, now: clock.now())
                _ = try? service.perform(step.command, actor: step.actor, at: step.at)
            }
            try service.snapshotNow()
            #expect(service.backgroundProblem == nil)
            service.close()

            let archive = path + "/" + JournalHistory.archiveFolder
            #expect(ServiceFiles.isDirectory(archive), "snapshots must have retired segments to archive/")
            #expect(!ServiceFiles.segments(in: archive).isEmpty)
            #expect(!ServiceFiles.snapshots(in: path).isEmpty)
            #expect(ServiceFiles.exists(path + "/" + DataDirectoryLock.fileName))
            expectPrivate(path, "after work and snapshots")

            // A torn tail cut at open leaves its copy private too.
            let segment = try path + "/" + #require(ServiceFiles.segments(in: path).last)
            let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: segment))
            try handle.seekToEnd()
            try handle.write(contentsOf: Data([0x20, 0, 0, 0, 1, 2, 3]))
            try handle.close()
            let reopened = try LocalCaseService(path: path, owner: "permissions verify", clock: clock)
            #expect(reopened.recoveryNotes.count == 1)
            reopened.close()
            #expect(ServiceFiles.names(in: path).contains { $0.contains(".torn-") })
            expectPrivate(path, "after a torn tail was cut")
        }
    }
}
