import Foundation
import FrontlineStore
import Testing

/// Crash and damage: what `Journal.open` does with torn tails and flipped bytes.
@Suite struct PersistenceJournalRecoveryTests {
    static let payloads: [[UInt8]] = [
        PersistenceFiles.payload("first"),
        PersistenceFiles.payload("second record"),
        PersistenceFiles.payload("third record, a bit longer"),
        [UInt8](repeating: 0x41, count: 23),
        (0..<41).map { UInt8($0 * 3) },
    ]
    static let records = payloads.enumerated().map { JournalRecord(sequence: UInt64($0.offset + 1), payload: $0.element) }
    /// Byte offset where each record ends (one frame per append).
    static let recordEnds: [Int] = payloads.reduce(into: []) { ends, payload in
        ends.append((ends.last ?? 0) + 16 + payload.count)
    }

    /// A single-segment journal holding `records`, one append each; returns the segment path.
    private func writeJournal(in directory: DataDirectory) throws -> String {
        let journal = try Journal.open(directory: directory, afterSequence: 0).journal
        for payload in Self.payloads { _ = try journal.append([payload]) }
        journal.close()
        return directory.filePath(PersistenceFiles.segmentName(1))
    }

    @Test func tornTailAtEveryLengthOfTheLastTwoRecords() throws {
        let folder = PersistenceTestFolder()
        defer { folder.remove() }
        let original = PersistenceFiles.bytes(try writeJournal(in: try folder.prepare("source")))
        #expect(original.count == Self.recordEnds.last)

        for cut in Self.recordEnds[2]..<original.count {
            let directory = try folder.prepare("cut-\(cut)")
            let segment = directory.filePath(PersistenceFiles.segmentName(1))
            try PersistenceFiles.write(Array(original[0..<cut]), to: segment)
            let intact = Self.recordEnds.filter { $0 <= cut }.count
            let boundary = Self.recordEnds[intact - 1]

            let opened = try Journal.open(directory: directory, afterSequence: 0)
            #expect(opened.records == Array(Self.records.prefix(intact)), "cut at \(cut)")
            if cut == boundary {
                #expect(opened.notes.isEmpty, "cut at \(cut)")
                #expect(PersistenceFiles.names(in: directory) == [PersistenceFiles.segmentName(1)])
            } else {
                let tornPath = segment + ".torn-\(boundary)"
                #expect(opened.notes.count == 1, "cut at \(cut)")
                let note = opened.notes.first?.description ?? ""
                #expect(note.contains("\(cut - boundary) bytes at offset \(boundary)"), "\(note)")
                #expect(note.contains(PersistenceFiles.segmentName(1) + ".torn-\(boundary)"), "\(note)")
                #expect(PersistenceFiles.bytes(tornPath) == Array(original[boundary..<cut]), "cut at \(cut)")
                #expect(PersistenceFiles.mode(tornPath) == 0o600)
                #expect(PersistenceFiles.bytes(segment) == Array(original[0..<boundary]), "cut at \(cut)")
            }

            let next = UInt64(intact + 1)
            #expect(try opened.journal.append([[0xAB]]) == next...next)
            opened.journal.close()
            let reopened = try Journal.open(directory: directory, afterSequence: 0)
            #expect(reopened.records == Array(Self.records.prefix(intact)) + [JournalRecord(sequence: next, payload: [0xAB])])
            #expect(reopened.notes.isEmpty)
            reopened.journal.close()
        }
    }

    static let junk: [[UInt8]] = [
        [UInt8](repeating: 0, count: 4096),                            // a preallocated or zero-filled tail
        [UInt8](repeating: 0, count: 3),                               // part of a header
        [UInt8](repeating: 0xFF, count: 40),                           // a length far beyond 64 MiB
        (0..<300).map { UInt8(truncatingIfNeeded: ($0 &* 1_103_515_245 &+ 12345) >> 7) },  // noise
        [0x10, 0, 0, 0, 1, 2, 3, 4, 6, 0, 0, 0, 0, 0, 0, 0, 9, 9],    // a header whose payload never arrived
    ]

    @Test(arguments: junk) func junkAfterTheLastRecordIsCut(junk: [UInt8]) throws {
        let folder = PersistenceTestFolder()
        defer { folder.remove() }
        let directory = try folder.prepare()
        let segment = try writeJournal(in: directory)
        let original = PersistenceFiles.bytes(segment)
        try PersistenceFiles.append(junk, to: segment)

        let opened = try Journal.open(directory: directory, afterSequence: 0)
        #expect(opened.records == Self.records)
        #expect(opened.notes.count == 1)
        #expect(PersistenceFiles.bytes(segment) == original)
        #expect(PersistenceFiles.bytes(segment + ".torn-\(original.count)") == junk)
        #expect(try opened.journal.append([[1]]) == 6...6)
        opened.journal.close()
    }

    /// A bad checksum on a record that ends exactly at the end of the file is an interrupted write.
    @Test func badChecksumOnTheFinalRecordIsCut() throws {
        let folder = PersistenceTestFolder()
        defer { folder.remove() }
        let directory = try folder.prepare()
        let segment = try writeJournal(in: directory)
        var bytes = PersistenceFiles.bytes(segment)
        bytes[bytes.count - 1] ^= 0x01
        try PersistenceFiles.write(bytes, to: segment)

        let opened = try Journal.open(directory: directory, afterSequence: 0)
        #expect(opened.records == Array(Self.records.prefix(4)))
        #expect(opened.notes.count == 1)
        #expect(PersistenceFiles.bytes(segment).count == Self.recordEnds[3])
        opened.journal.close()
    }

    /// (field, byte offset inside the frame) of the flipped byte.
    static let fields: [(String, Int)] = [
        ("length, low byte", 0), ("length, third byte (points past the end)", 2), ("length, high byte (over 64 MiB)", 3),
        ("checksum", 5), ("sequence", 8), ("payload", 20),
    ]

    @Test(arguments: fields) func flippedByteInTheMiddleRefusesToOpen(field: String, offsetInFrame: Int) throws {
        let folder = PersistenceTestFolder()
        defer { folder.remove() }
        let directory = try folder.prepare()
        let segment = try writeJournal(in: directory)
        let recordOffset = Self.recordEnds[0]  // record 2
        var bytes = PersistenceFiles.bytes(segment)
        bytes[recordOffset + offsetInFrame] ^= 0xFF
        try PersistenceFiles.write(bytes, to: segment)

        let error = #expect(throws: StoreError.self, "\(field)") { try Journal.open(directory: directory, afterSequence: 0) }
        #expect(error?.kind == .corruptRecord(file: segment, offset: recordOffset), "\(field)")
        let message = error?.description ?? ""
        #expect(message.contains(segment) && message.contains("offset \(recordOffset)"), "\(message)")
        #expect(message.contains("truncate -s \(recordOffset)") && message.contains("frontline check"), "\(message)")
        // Nothing was cut or copied.
        #expect(PersistenceFiles.bytes(segment) == bytes)
        #expect(PersistenceFiles.names(in: directory) == [PersistenceFiles.segmentName(1)])
    }

    /// Damage at the end of a segment that is not the newest is never an interrupted write.
    @Test(arguments: [false, true]) func damagedOlderSegmentRefusesToOpen(truncateInsteadOfFlip: Bool) throws {
        let folder = PersistenceTestFolder()
        defer { folder.remove() }
        let directory = try folder.prepare()
        let journal = try Journal.open(directory: directory, afterSequence: 0).journal
        for payload in Self.payloads.prefix(3) { _ = try journal.append([payload]) }
        try journal.startNewSegment()
        _ = try journal.append([[4], [5]])
        journal.close()
        let older = directory.filePath(PersistenceFiles.segmentName(1))
        var bytes = PersistenceFiles.bytes(older)
        if truncateInsteadOfFlip {
            bytes.removeLast(5)
        } else {
            bytes[bytes.count - 1] ^= 0x01
        }
        try PersistenceFiles.write(bytes, to: older)

        let error = #expect(throws: StoreError.self) { try Journal.open(directory: directory, afterSequence: 0) }
        #expect(error?.kind == .corruptRecord(file: older, offset: Self.recordEnds[1]))
        #expect(error?.description.contains("not the newest") == true)
        #expect(PersistenceFiles.bytes(older) == bytes)
    }
}
