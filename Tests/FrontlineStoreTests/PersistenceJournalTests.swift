import Foundation
import FrontlineStore
import Synchronization
import Testing
#if canImport(Glibc)
import Glibc
#endif

@Suite struct PersistenceJournalTests {
    @Test func appendedRecordsComeBackAfterReopen() throws {
        let folder = PersistenceTestFolder()
        defer { folder.remove() }
        let directory = try folder.prepare()

        let opened = try Journal.open(directory: directory, afterSequence: 0)
        #expect(opened.records.isEmpty)
        #expect(opened.notes.isEmpty)
        #expect(opened.journal.lastSequence == 0)
        #expect(try opened.journal.append([PersistenceFiles.payload("alpha")]) == 1...1)
        #expect(try opened.journal.append([PersistenceFiles.payload("beta"), [], PersistenceFiles.payload("gamma")]) == 2...4)
        #expect(opened.journal.lastSequence == 4)
        opened.journal.close()

        let reopened = try Journal.open(directory: directory, afterSequence: 0)
        #expect(reopened.records == [
            JournalRecord(sequence: 1, payload: PersistenceFiles.payload("alpha")),
            JournalRecord(sequence: 2, payload: PersistenceFiles.payload("beta")),
            JournalRecord(sequence: 3, payload: []),
            JournalRecord(sequence: 4, payload: PersistenceFiles.payload("gamma")),
        ])
        #expect(reopened.notes.isEmpty)
        #expect(try reopened.journal.append([PersistenceFiles.payload("delta")]) == 5...5)
        reopened.journal.close()

        // Records covered by a snapshot are skipped.
        let afterSnapshot = try Journal.open(directory: directory, afterSequence: 3)
        #expect(afterSnapshot.records.map(\.sequence) == [4, 5])
        #expect(afterSnapshot.journal.lastSequence == 5)
        afterSnapshot.journal.close()

        #expect(PersistenceFiles.names(in: directory) == [PersistenceFiles.segmentName(1)])
        #expect(PersistenceFiles.mode(directory.filePath(PersistenceFiles.segmentName(1))) == 0o600)
    }

    @Test func concurrentAppendsShareFsyncsAndGetContiguousSequences() throws {
        let folder = PersistenceTestFolder()
        defer { folder.remove() }
        let directory = try folder.prepare()
        // A disk whose flush takes a millisecond, like a real one: on a filesystem where fsync
        // is nearly free (tmpfs, overlay), appends never overlap and there is nothing to batch.
        let slowDisk = JournalFileOperations(write: JournalFileOperations.posix.write) { fd in
            usleep(1000)
            return JournalFileOperations.posix.synchronize(fd)
        }
        let journal = try Journal.open(directory: directory, afterSequence: 0, fileOperations: slowDisk).journal

        let threads = 8, appendsPerThread = 100
        // What each append was told: sequence → payload.
        let acknowledged = Mutex<[UInt64: [UInt8]]>([:])
        // Counted here and checked on the test's own thread, where expectations are attributed.
        let failures = Atomic<Int>(0)
        let duplicates = Atomic<Int>(0)
        let wrongRangeSizes = Atomic<Int>(0)
        // One real thread per appender, not `concurrentPerform`: its pool is as wide as the
        // machine's cores (two here, fewer under load), and with two appenders each flush covers
        // just the one record that arrived during the other's — nothing to batch.
        let group = DispatchGroup()
        for thread in 0..<threads {
            group.enter()
            Thread.detachNewThread {
                defer { group.leave() }
                for index in 0..<appendsPerThread {
                    let payloads = (0..<(index % 3 == 0 ? 2 : 1)).map { part in
                        PersistenceFiles.payload("thread \(thread) append \(index) part \(part)")
                    }
                    do {
                        let range = try journal.append(payloads)
                        if range.count != payloads.count { wrongRangeSizes.add(1, ordering: .relaxed) }
                        acknowledged.withLock { map in
                            for (sequence, payload) in zip(range, payloads) {
                                if map.updateValue(payload, forKey: sequence) != nil { duplicates.add(1, ordering: .relaxed) }
                            }
                        }
                    } catch {
                        failures.add(1, ordering: .relaxed)
                    }
                }
            }
        }
        group.wait()
        #expect(duplicates.load(ordering: .relaxed) == 0)
        #expect(wrongRangeSizes.load(ordering: .relaxed) == 0)
        #expect(failures.load(ordering: .relaxed) == 0)
        let appends = threads * appendsPerThread
        let recordCount = acknowledged.withLock { $0.count }
        #expect(recordCount == threads * (0..<appendsPerThread).reduce(0) { $0 + ($1 % 3 == 0 ? 2 : 1) })
        #expect(acknowledged.withLock { Set($0.keys) } == Set(1...UInt64(recordCount)))
        #expect(journal.lastSequence == UInt64(recordCount))
        #expect(journal.syncCount < appends, "group commit should batch: \(journal.syncCount) fsyncs for \(appends) appends")
        #expect(journal.syncCount > 0)
        journal.close()

        let reopened = try Journal.open(directory: directory, afterSequence: 0)
        #expect(reopened.records.map(\.sequence) == Array(1...UInt64(recordCount)))
        let expected = acknowledged.withLock { $0 }
        for record in reopened.records {
            #expect(record.payload == expected[record.sequence])
        }
        reopened.journal.close()
    }

    /// Rotation while other threads append: every acknowledged record lands in exactly one
    /// segment, and the chain of segments reads back contiguous.
    @Test func rotatingUnderConcurrentAppendsKeepsEveryRecord() throws {
        let folder = PersistenceTestFolder()
        defer { folder.remove() }
        let directory = try folder.prepare()
        let journal = try Journal.open(directory: directory, afterSequence: 0).journal
        let failures = Atomic<Int>(0)
        let acknowledged = Atomic<Int>(0)
        DispatchQueue.concurrentPerform(iterations: 4) { worker in
            for index in 0..<100 {
                do {
                    _ = try journal.append([[UInt8(worker), UInt8(index)]])
                    acknowledged.add(1, ordering: .relaxed)
                    // After our own append the active segment is not empty, so this always rotates.
                    if index % 25 == 24 { try journal.startNewSegment() }
                } catch {
                    failures.add(1, ordering: .relaxed)
                }
            }
        }
        journal.close()
        #expect(failures.load(ordering: .relaxed) == 0)
        let count = acknowledged.load(ordering: .relaxed)
        #expect(count == 400)
        #expect(PersistenceFiles.names(in: directory).count > 1)

        let reopened = try Journal.open(directory: directory, afterSequence: 0)
        #expect(reopened.records.map(\.sequence) == Array(1...UInt64(count)))
        #expect(Set(reopened.records.map(\.payload)).count == count)
        reopened.journal.close()
    }

    @Test func rotatedSegmentsAreRetiredOnlyWhenWhollyCovered() throws {
        let folder = PersistenceTestFolder()
        defer { folder.remove() }
        let directory = try folder.prepare()
        let journal = try Journal.open(directory: directory, afterSequence: 0).journal
        _ = try journal.append([[1], [2], [3]])
        try journal.startNewSegment()
        try journal.startNewSegment()  // still empty: no second new file
        _ = try journal.append([[4]])
        _ = try journal.append([[5]])
        try journal.startNewSegment()
        _ = try journal.append([[6]])
        let segments = { PersistenceFiles.names(in: directory).filter { $0.hasPrefix("journal-") } }
        #expect(segments() == [1, 4, 6].map(PersistenceFiles.segmentName))

        try journal.retireSegments(through: 2)  // segment 1 still holds 3
        #expect(segments() == [1, 4, 6].map(PersistenceFiles.segmentName))
        try journal.retireSegments(through: 3)
        #expect(segments() == [4, 6].map(PersistenceFiles.segmentName))
        try journal.retireSegments(through: 4)  // segment 4 still holds 5
        #expect(segments() == [4, 6].map(PersistenceFiles.segmentName))
        try journal.retireSegments(through: 100)  // never the active segment
        #expect(segments() == [PersistenceFiles.segmentName(6)])
        _ = try journal.append([[7]])
        journal.close()

        let reopened = try Journal.open(directory: directory, afterSequence: 5)
        #expect(reopened.records == [JournalRecord(sequence: 6, payload: [6]), JournalRecord(sequence: 7, payload: [7])])
        reopened.journal.close()

        // Rebuilding from an older snapshot is impossible now, and says so.
        let error = #expect(throws: StoreError.self) { try Journal.open(directory: directory, afterSequence: 3) }
        #expect(error?.kind == .sequenceGap(file: directory.filePath(PersistenceFiles.segmentName(6)), expected: 4, found: 6))
    }

    @Test func missingSegmentIsAGapNamingTheFile() throws {
        let folder = PersistenceTestFolder()
        defer { folder.remove() }
        let directory = try folder.prepare()
        let journal = try Journal.open(directory: directory, afterSequence: 0).journal
        _ = try journal.append([[1], [2], [3]])
        try journal.startNewSegment()
        _ = try journal.append([[4], [5]])
        try journal.startNewSegment()
        _ = try journal.append([[6]])
        journal.close()
        try FileManager.default.removeItem(atPath: directory.filePath(PersistenceFiles.segmentName(4)))

        let thirdPath = directory.filePath(PersistenceFiles.segmentName(6))
        let error = #expect(throws: StoreError.self) { try Journal.open(directory: directory, afterSequence: 0) }
        #expect(error?.kind == .sequenceGap(file: thirdPath, expected: 4, found: 6))
        #expect(error?.description.contains(thirdPath) == true)
        #expect(error?.description.contains("4…5") == true)

        // A snapshot at 5 covers the hole.
        let fromSnapshot = try Journal.open(directory: directory, afterSequence: 5)
        #expect(fromSnapshot.records.map(\.sequence) == [6])
        fromSnapshot.journal.close()
        // A journal that starts after the snapshot's next record is a gap too.
        try FileManager.default.removeItem(atPath: directory.filePath(PersistenceFiles.segmentName(1)))
        let late = #expect(throws: StoreError.self) { try Journal.open(directory: directory, afterSequence: 4) }
        #expect(late?.kind == .sequenceGap(file: thirdPath, expected: 5, found: 6))
    }

    @Test func recordWithWrongSequenceInsideAFileIsAGap() throws {
        let folder = PersistenceTestFolder()
        defer { folder.remove() }
        let directory = try folder.prepare()
        let path = directory.filePath(PersistenceFiles.segmentName(1))
        try PersistenceFiles.write(PersistenceFiles.frame(sequence: 1, payload: [1])
            + PersistenceFiles.frame(sequence: 2, payload: [2])
            + PersistenceFiles.frame(sequence: 5, payload: [5]), to: path)
        let error = #expect(throws: StoreError.self) { try Journal.open(directory: directory, afterSequence: 0) }
        #expect(error?.kind == .sequenceGap(file: path, expected: 3, found: 5))
        #expect(error?.description.contains("offset 34") == true)
    }

    @Test func journalBehindTheSnapshotContinuesInANewSegment() throws {
        let folder = PersistenceTestFolder()
        defer { folder.remove() }
        let directory = try folder.prepare()
        let first = try Journal.open(directory: directory, afterSequence: 0).journal
        _ = try first.append([[1], [2]])
        first.close()

        let opened = try Journal.open(directory: directory, afterSequence: 10)
        #expect(opened.records.isEmpty)
        #expect(opened.journal.lastSequence == 10)
        #expect(try opened.journal.append([[11]]) == 11...11)
        opened.journal.close()
        #expect(PersistenceFiles.names(in: directory) == [1, 11].map(PersistenceFiles.segmentName))

        let reopened = try Journal.open(directory: directory, afterSequence: 10)
        #expect(reopened.records == [JournalRecord(sequence: 11, payload: [11])])
        reopened.journal.close()
    }

    @Test func failedFsyncFailsThisAndEveryLaterAppend() throws {
        let folder = PersistenceTestFolder()
        defer { folder.remove() }
        let directory = try folder.prepare()
        let fault = PersistenceDiskFault()
        let journal = try Journal.open(directory: directory, afterSequence: 0, fileOperations: fault.operations).journal
        #expect(try journal.append([[1]]) == 1...1)
        let segment = directory.filePath(PersistenceFiles.segmentName(1))
        let durableBytes = PersistenceFiles.bytes(segment)

        fault.failSync.store(true, ordering: .sequentiallyConsistent)
        let failed = #expect(throws: StoreError.self) { try journal.append([[2]]) }
        #expect(failed?.kind == .io(operation: "fdatasync", path: segment, errno: EIO))
        #expect(failed?.description.contains("will not retry") == true)

        // Even once the disk "recovers", the journal does not pretend.
        fault.failSync.store(false, ordering: .sequentiallyConsistent)
        let later = #expect(throws: StoreError.self) { try journal.append([[3]]) }
        #expect(later?.kind == .journalFailed)
        #expect(later?.description.contains("NOT saved") == true)
        #expect(throws: StoreError.self) { try journal.startNewSegment() }
        #expect(journal.lastSequence == 1)
        #expect(PersistenceFiles.bytes(segment) == durableBytes, "the unacknowledged record is taken back")
        journal.close()

        let reopened = try Journal.open(directory: directory, afterSequence: 0)
        #expect(reopened.records == [JournalRecord(sequence: 1, payload: [1])])
        #expect(reopened.notes.isEmpty)
        reopened.journal.close()
    }

    @Test func partialWriteOnAFullDiskIsTakenBack() throws {
        let folder = PersistenceTestFolder()
        defer { folder.remove() }
        let directory = try folder.prepare()
        let fault = PersistenceDiskFault()
        let journal = try Journal.open(directory: directory, afterSequence: 0, fileOperations: fault.operations).journal
        _ = try journal.append([[1], [2]])
        let segment = directory.filePath(PersistenceFiles.segmentName(1))
        let durableBytes = PersistenceFiles.bytes(segment)

        fault.partialWriteThenFull.store(true, ordering: .sequentiallyConsistent)
        let failed = #expect(throws: StoreError.self) { try journal.append([Array(repeating: 7, count: 100)]) }
        #expect(failed?.kind == .io(operation: "write", path: segment, errno: ENOSPC))
        let later = #expect(throws: StoreError.self) { try journal.append([[4]]) }
        #expect(later?.kind == .journalFailed)
        #expect(PersistenceFiles.bytes(segment) == durableBytes)
        journal.close()

        let reopened = try Journal.open(directory: directory, afterSequence: 0)
        #expect(reopened.records.map(\.sequence) == [1, 2])
        #expect(reopened.notes.isEmpty)
        reopened.journal.close()
    }

    @Test func appendAfterCloseThrows() throws {
        let folder = PersistenceTestFolder()
        defer { folder.remove() }
        let journal = try Journal.open(directory: try folder.prepare(), afterSequence: 0).journal
        journal.close()
        let error = #expect(throws: StoreError.self) { try journal.append([[1]]) }
        #expect(error?.kind == .journalFailed)
    }

    @Test func oversizedPayloadIsRefusedWithoutFailingTheJournal() throws {
        let folder = PersistenceTestFolder()
        defer { folder.remove() }
        let journal = try Journal.open(directory: try folder.prepare(), afterSequence: 0).journal
        let error = #expect(throws: StoreError.self) {
            try journal.append([[UInt8](repeating: 0, count: 64 << 20 + 1)])
        }
        if case let .io(_, _, code)? = error?.kind { #expect(code == EFBIG) } else { Issue.record("expected .io, got \(String(describing: error))") }
        #expect(try journal.append([[1]]) == 1...1)
        journal.close()
    }
}
