import Foundation
import FrontlineCore
import FrontlineStore
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The event log read from an open store (a server's `export --events`): the same events the
/// files hold, read from a still picture that is cleaned up after.
@Suite struct ServiceEventLogTests {
    func notes(_ store: LocalCaseService, _ id: CaseID, _ range: Range<Int>) throws {
        for i in range { try store.perform(.note(id, body: "note \(i)"), actor: "alice") }
    }

    @Test func theOpenStoresLogIsTheWholeLogAndLeavesNothingBehind() throws {
        let folder = ServiceTestFolder("eventlog")
        defer { folder.remove() }
        let store = try LocalCaseService(path: folder.path(), owner: "test", snapshotInterval: 25)
        let id = try #require(try store.perform(.receive(IncomingMessage(customerName: "Åsa", customerEmail: "", language: "sv", subject: "TV", body: "x")),
                                                actor: "intake").first?.caseID)
        // Enough commands for two snapshots, so part of the log is in archive/.
        try notes(store, id, 0..<80)
        try store.snapshotNow()
        try notes(store, id, 80..<90)
        #expect(FileManager.default.fileExists(atPath: folder.path() + "/archive"))

        let events = try store.journaledEvents()
        var fromFiles: [Event] = []
        try store.forEachJournaledEvent { fromFiles.append($0) }
        #expect(events == fromFiles)
        #expect(events.map(\.sequence) == Array(1...UInt64(events.count)), "every event once, in order")
        #expect(events.count == 2 + 90)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path()).filter { $0.hasPrefix(".export-") }
        #expect(leftovers.isEmpty)
        store.close()
    }

    @Test func aPictureLeftByACrashIsRemovedAtTheNextOpen() throws {
        let folder = ServiceTestFolder("eventlog")
        defer { folder.remove() }
        var store: LocalCaseService? = try LocalCaseService(path: folder.path(), owner: "test")
        store?.close()
        store = nil
        try FileManager.default.createDirectory(atPath: folder.path() + "/.export-left-by-a-crash", withIntermediateDirectories: true)
        let reopened = try LocalCaseService(path: folder.path(), owner: "test")
        defer { reopened.close() }
        #expect(!FileManager.default.fileExists(atPath: folder.path() + "/.export-left-by-a-crash"))
    }

    @Test func aTeamServersDataDirectoryModeIsHealthy() throws {
        let folder = ServiceTestFolder("eventlog")
        defer { folder.remove() }
        let store = try LocalCaseService(path: folder.path(), owner: "test")
        try store.perform(.receive(IncomingMessage(customerName: "Åsa", customerEmail: "", language: "sv", subject: "TV", body: "x")), actor: "intake")
        store.close()
        let dir = try DataDirectory.prepare(path: folder.path())
        chmod(folder.path(), 0o710)
        #expect(StoreChecker.check(directory: dir).isHealthy, "group may pass through to run/, never list or read")
        chmod(folder.path(), 0o750)
        #expect(!StoreChecker.check(directory: dir).isHealthy, "a group that can list the directory is a finding")
    }
}
