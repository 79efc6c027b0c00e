import Foundation
import FrontlineStore
import Testing

@Suite struct PersistenceSnapshotTests {
    @Test func writtenSnapshotLoadsBack() throws {
        let folder = PersistenceTestFolder()
        defer { folder.remove() }
        let directory = try folder.prepare()
        #expect(try SnapshotStore.loadNewest(directory: directory) == nil)
        #expect(SnapshotStore.generations(directory: directory).isEmpty)

        let payload = (0..<10_000).map { UInt8(truncatingIfNeeded: $0 * 7) }
        let name = try SnapshotStore.write(payload, sequence: 42, directory: directory)
        #expect(name == PersistenceFiles.snapshotName(42))
        #expect(PersistenceFiles.mode(directory.filePath(name)) == 0o600)
        #expect(PersistenceFiles.names(in: directory) == [name])  // no temp file left

        let loaded = try #require(try SnapshotStore.loadNewest(directory: directory))
        #expect(loaded.sequence == 42)
        #expect(loaded.payload.bytes == payload)
        #expect(loaded.notes.isEmpty)
        // The payload is mapped from the file; it reads the same after the file is gone (a newer
        // snapshot retires it while unchanged cases still refer to it).
        try FileManager.default.removeItem(atPath: directory.filePath(name))
        #expect(loaded.payload.bytes == payload)

        try SnapshotStore.write([], sequence: 43, directory: directory)
        #expect(try SnapshotStore.loadNewest(directory: directory)?.payload.bytes == [])
    }

    @Test func onlyTheNewestTwoGenerationsAreKept() throws {
        let folder = PersistenceTestFolder()
        defer { folder.remove() }
        let directory = try folder.prepare()
        for sequence: UInt64 in [10, 20, 30, 40] {
            try SnapshotStore.write([UInt8(sequence)], sequence: sequence, directory: directory)
        }
        #expect(SnapshotStore.generations(directory: directory) == [40, 30])
        #expect(PersistenceFiles.names(in: directory) == [30, 40].map(PersistenceFiles.snapshotName))
    }

    @Test(arguments: [false, true]) func damagedNewestFallsBackToThePreviousGeneration(truncate: Bool) throws {
        let folder = PersistenceTestFolder()
        defer { folder.remove() }
        let directory = try folder.prepare()
        try SnapshotStore.write(PersistenceFiles.payload("state at 10"), sequence: 10, directory: directory)
        try SnapshotStore.write(PersistenceFiles.payload("state at 20"), sequence: 20, directory: directory)
        let newest = directory.filePath(PersistenceFiles.snapshotName(20))
        var bytes = PersistenceFiles.bytes(newest)
        if truncate { bytes.removeLast(3) } else { bytes[bytes.count - 2] ^= 0x20 }
        try PersistenceFiles.write(bytes, to: newest)

        let loaded = try #require(try SnapshotStore.loadNewest(directory: directory))
        #expect(loaded.sequence == 10)
        #expect(loaded.payload.bytes == PersistenceFiles.payload("state at 10"))
        #expect(loaded.notes.count == 1)
        #expect(loaded.notes.first?.description.contains(PersistenceFiles.snapshotName(20)) == true)
        // Moved aside, kept for inspection, and no longer a generation that would push out the good one.
        #expect(PersistenceFiles.bytes(newest + ".corrupt") == bytes)
        #expect(SnapshotStore.generations(directory: directory) == [10])
        try SnapshotStore.write(PersistenceFiles.payload("state at 30"), sequence: 30, directory: directory)
        #expect(SnapshotStore.generations(directory: directory) == [30, 10])
    }

    @Test func noVerifyingSnapshotThrowsAndChangesNothing() throws {
        let folder = PersistenceTestFolder()
        defer { folder.remove() }
        let directory = try folder.prepare()
        try SnapshotStore.write([1, 2, 3], sequence: 10, directory: directory)
        try SnapshotStore.write([4, 5, 6], sequence: 20, directory: directory)
        for sequence: UInt64 in [10, 20] {
            let path = directory.filePath(PersistenceFiles.snapshotName(sequence))
            var bytes = PersistenceFiles.bytes(path)
            bytes[0] = UInt8(ascii: "X")
            try PersistenceFiles.write(bytes, to: path)
        }
        let before = PersistenceFiles.contents(of: directory)
        let error = #expect(throws: StoreError.self) { try SnapshotStore.loadNewest(directory: directory) }
        #expect(error?.kind == .corruptSnapshot(file: directory.filePath(PersistenceFiles.snapshotName(20))))
        #expect(error?.description.contains(PersistenceFiles.snapshotName(10)) == true)
        #expect(PersistenceFiles.contents(of: directory) == before)
    }

    @Test func leftoverTempFilesAreRemovedAndIgnored() throws {
        let folder = PersistenceTestFolder()
        defer { folder.remove() }
        let directory = try folder.prepare()
        try SnapshotStore.write([7], sequence: 5, directory: directory)
        let leftover = directory.filePath(PersistenceFiles.snapshotName(9) + ".tmp")
        try PersistenceFiles.write([1, 2, 3], to: leftover)

        let loaded = try SnapshotStore.loadNewest(directory: directory)
        #expect(loaded?.sequence == 5)
        #expect(loaded?.notes.isEmpty == true)
        #expect(!FileManager.default.fileExists(atPath: leftover))
        #expect(SnapshotStore.generations(directory: directory) == [5])
    }
}
