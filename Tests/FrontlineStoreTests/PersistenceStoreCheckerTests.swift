import Foundation
import FrontlineCore
import FrontlineStore
import Testing

@Suite struct PersistenceStoreCheckerTests {
    /// Snapshot at 3, journal 1…5 in two segments.
    private func makeStore(in directory: DataDirectory) throws -> String {
        let journal = try Journal.open(directory: directory, afterSequence: 0).journal
        _ = try journal.append([[1], [2], [3]])
        try journal.startNewSegment()
        try SnapshotStore.write([9, 9, 9], sequence: 3, directory: directory)
        _ = try journal.append([Array(repeating: 4, count: 30)])
        _ = try journal.append([Array(repeating: 5, count: 30)])
        journal.close()
        return directory.filePath(PersistenceFiles.segmentName(4))
    }

    @Test func healthyStore() throws {
        let folder = PersistenceTestFolder()
        defer { folder.remove() }
        let directory = try folder.prepare()
        _ = try makeStore(in: directory)
        let report = StoreChecker.check(directory: directory, snapshotContents: .framingOnly)
        #expect(report.findings == [])
        #expect(report.isHealthy)
        #expect(report.snapshotSequences == [3])
        #expect(report.journalRecordCount == 5)
        #expect(report.lastSequence == 5)
    }

    @Test func tornTailIsReportedButNotCut() throws {
        let folder = PersistenceTestFolder()
        defer { folder.remove() }
        let directory = try folder.prepare()
        let segment = try makeStore(in: directory)
        let intactLength = PersistenceFiles.bytes(segment).count
        try PersistenceFiles.append([40, 0, 0, 0, 1, 2], to: segment)
        let before = PersistenceFiles.contents(of: directory)

        let report = StoreChecker.check(directory: directory, snapshotContents: .framingOnly)
        // A torn last record is what a crash mid-write leaves: never acknowledged, cut at the
        // next open. It is reported, but it does not make the store unhealthy.
        #expect(report.isHealthy)
        #expect(report.findings.count == 1)
        #expect(report.repairedAtNextOpen == report.findings)
        let finding = report.findings.first ?? ""
        #expect(finding.contains(segment) && finding.contains("torn") && finding.contains("offset \(intactLength)"), "\(finding)")
        #expect(report.journalRecordCount == 5)
        #expect(report.lastSequence == 5)
        #expect(PersistenceFiles.contents(of: directory) == before)
    }

    @Test func damageInTheMiddleIsReportedWithItsOffset() throws {
        let folder = PersistenceTestFolder()
        defer { folder.remove() }
        let directory = try folder.prepare()
        let segment = try makeStore(in: directory)
        var bytes = PersistenceFiles.bytes(segment)
        bytes[20] ^= 0x01  // payload of record 4, the first of this segment
        try PersistenceFiles.write(bytes, to: segment)
        let before = PersistenceFiles.contents(of: directory)

        let report = StoreChecker.check(directory: directory, snapshotContents: .framingOnly)
        #expect(!report.isHealthy)
        #expect(report.findings.count == 1)
        let finding = report.findings.first ?? ""
        #expect(finding.contains(segment) && finding.contains("offset 0"), "\(finding)")
        #expect(report.journalRecordCount == 3)
        #expect(PersistenceFiles.contents(of: directory) == before)
    }

    @Test func damagedSnapshotAndLoosePermissionsAreReported() throws {
        let folder = PersistenceTestFolder()
        defer { folder.remove() }
        let directory = try folder.prepare()
        _ = try makeStore(in: directory)
        try SnapshotStore.write([1], sequence: 5, directory: directory)
        let snapshot = directory.filePath(PersistenceFiles.snapshotName(5))
        var bytes = PersistenceFiles.bytes(snapshot)
        bytes[bytes.count - 1] ^= 0xFF
        try PersistenceFiles.write(bytes, to: snapshot)
        #expect(chmod(directory.filePath(PersistenceFiles.segmentName(1)), 0o644) == 0)
        let before = PersistenceFiles.contents(of: directory)

        let report = StoreChecker.check(directory: directory, snapshotContents: .framingOnly)
        #expect(!report.isHealthy)
        #expect(report.snapshotSequences == [3])
        #expect(report.findings.contains { $0.contains(snapshot) && $0.contains("damaged") })
        #expect(report.findings.contains { $0.contains("chmod 600 \(directory.filePath(PersistenceFiles.segmentName(1)))") })
        #expect(report.findings.count == 2)
        #expect(PersistenceFiles.contents(of: directory) == before)
    }

    /// Opening reads only the cases' heads, so a thread the writer got wrong would surface only
    /// when that case is opened: `frontline check` reads every one.
    @Test func aThreadThatDoesNotReadIsFoundByTheDeskCheck() throws {
        let folder = PersistenceTestFolder()
        defer { folder.remove() }
        let path = folder.path("data")
        let store = try LocalCaseService(path: path, owner: "checker test")
        for name in ["Åsa", "Mikko"] {
            try store.perform(.receive(IncomingMessage(customerName: name, customerEmail: "", language: "sv", subject: "Hej",
                                                       body: String(repeating: "Var är mitt paket? ", count: 10))), actor: "intake")
        }
        try store.snapshotNow()
        store.close()
        let directory = try folder.prepare()
        #expect(StoreChecker.check(directory: directory).isHealthy)

        let sequence = try #require(SnapshotStore.generations(directory: directory).first)
        var payload = try #require(try SnapshotStore.loadNewest(directory: directory)).payload.bytes
        var r = BinaryReader(payload)
        _ = try r.uint()
        _ = try r.fixed64()
        #expect(payload[r.offset + 7] == 0)   // the first thread's messages' length
        payload[r.offset + 7] = 0x7F
        try SnapshotStore.write(payload, sequence: sequence, directory: directory)   // a checksum that matches
        let report = StoreChecker.check(directory: directory)
        #expect(!report.isHealthy)
        #expect(report.findings.contains { $0.contains("cannot be read") && $0.contains("case C-1000") })
        #expect(StoreChecker.check(directory: directory, snapshotContents: .framingOnly).isHealthy)
    }
}
