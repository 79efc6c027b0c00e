import Foundation
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
        let report = StoreChecker.check(directory: directory)
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

        let report = StoreChecker.check(directory: directory)
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

        let report = StoreChecker.check(directory: directory)
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

        let report = StoreChecker.check(directory: directory)
        #expect(!report.isHealthy)
        #expect(report.snapshotSequences == [3])
        #expect(report.findings.contains { $0.contains(snapshot) && $0.contains("damaged") })
        #expect(report.findings.contains { $0.contains("chmod 600 \(directory.filePath(PersistenceFiles.segmentName(1)))") })
        #expect(report.findings.count == 2)
        #expect(PersistenceFiles.contents(of: directory) == before)
    }
}
