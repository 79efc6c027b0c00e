/// The result of reading one segment's bytes front to back: the intact records, and how the
/// segment ends. Pure (no I/O), so recovery and `frontline check` judge a file identically.
struct JournalSegmentScan {
    enum Ending: Equatable {
        /// Every byte belongs to an intact record.
        case clean
        /// The frame at `offset` does not verify. `intactRecordFollows` tells a torn tail (nothing
        /// valid after it: an interrupted append) from damage in the middle (valid records after it).
        case damaged(offset: Int, damage: JournalFrame.Damage, expectedSequence: UInt64, intactRecordFollows: Bool)
        /// A record verifies but carries the wrong sequence number: not a torn write but a
        /// misplaced or spliced file.
        case outOfSequence(offset: Int, expected: UInt64, found: UInt64)
    }

    /// Intact records with a sequence above the `keepingRecordsAfter` given to `scan`.
    var records: [JournalRecord] = []
    /// Every intact record, kept or not.
    var intactRecordCount = 0
    /// Bytes from the start of the file up to the end of the last intact record.
    var intactLength = 0
    var ending: Ending = .clean

    /// The sequence the record after the intact prefix must have.
    func nextSequence(firstSequence: UInt64) -> UInt64 {
        firstSequence + UInt64(intactRecordCount)
    }

    static func scan(_ bytes: [UInt8], firstSequence: UInt64, keepingRecordsAfter threshold: UInt64,
                     keepPayloads: Bool) -> JournalSegmentScan {
        var scan = JournalSegmentScan()
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            var expected = firstSequence
            while offset < buffer.count {
                switch JournalFrame.decode(buffer, at: offset) {
                case let .damaged(damage):
                    scan.ending = .damaged(offset: offset, damage: damage, expectedSequence: expected,
                                           intactRecordFollows: intactRecordExists(in: buffer, after: offset, from: expected))
                    return
                case let .record(sequence, payload, end):
                    guard sequence == expected else {
                        scan.ending = .outOfSequence(offset: offset, expected: expected, found: sequence)
                        return
                    }
                    if sequence > threshold {
                        scan.records.append(JournalRecord(sequence: sequence,
                                                          payload: keepPayloads ? Array(buffer[payload]) : []))
                    }
                    scan.intactRecordCount += 1
                    scan.intactLength = end
                    expected += 1
                    offset = end
                }
            }
        }
        return scan
    }

    /// Whether a frame that verifies, with a sequence that could follow the damage, starts
    /// anywhere after `offset`. An interrupted append leaves nothing verifiable behind it, so if
    /// one exists the damage is in the middle and cutting there would drop acknowledged records.
    /// (Zero runs never qualify: no record has sequence 0.)
    static func intactRecordExists(in buffer: UnsafeRawBufferPointer, after offset: Int, from expected: UInt64) -> Bool {
        let remainingBytes = buffer.count - offset
        let latestPossible = expected &+ UInt64(remainingBytes / JournalFrame.headerSize)
        var candidate = offset + 1
        while candidate + JournalFrame.headerSize <= buffer.count {
            defer { candidate += 1 }
            let sequence = buffer.loadLittleEndianUInt64(at: candidate + 8)
            guard sequence >= expected, sequence <= latestPossible else { continue }
            if case .record = JournalFrame.decode(buffer, at: candidate) { return true }
        }
        return false
    }
}
