/// A read-only walk over every journal segment: verifies each record and that sequences run
/// on without gaps from one segment to the next. `Journal.open` acts on the result (throws the
/// first problem, cuts a torn tail); `StoreChecker` only reports it. Nothing here writes.
struct JournalInspection {
    struct Segment {
        let name: JournalSegmentName
        let path: String
        let scan: JournalSegmentScan
    }

    /// An interrupted append at the end of the newest segment: nothing verifiable follows it.
    struct TornTail {
        let path: String
        let offset: Int
        let length: Int
        let damage: JournalFrame.Damage
        let lastIntactSequence: UInt64?

        var description: String {
            "journal file \(path) ends with a torn record: \(length) bytes at offset \(offset) (\(damage)). An append was interrupted there, so they were never acknowledged as saved; the next start cuts them off and keeps a copy beside the file"
        }
    }

    var segments: [Segment] = []
    /// Everything that makes the journal unusable as it stands, in file order.
    var problems: [StoreError] = []
    var tornTail: TornTail?
    /// Intact records with a sequence above `afterSequence`, in order.
    var records: [JournalRecord] = []
    var intactRecordCount = 0
    var lastIntactSequence: UInt64?

    static func inspect(directory: DataDirectory, afterSequence: UInt64, keepPayloads: Bool) -> JournalInspection {
        var collected: [JournalRecord] = []
        var inspection = walk(directory: directory, afterSequence: afterSequence, keepPayloads: keepPayloads) { collected += $0 }
        inspection.records = collected
        return inspection
    }

    /// The same walk, handing each segment's records to `deliver` as it goes and keeping none
    /// (`records` stays empty), so a long read holds one segment in memory, not the journal.
    static func walk(directory: DataDirectory, afterSequence: UInt64, keepPayloads: Bool,
                     deliver: ([JournalRecord]) throws -> Void) rethrows -> JournalInspection {
        var inspection = JournalInspection()
        let names: [JournalSegmentName]
        do {
            names = try JournalSegmentName.list(in: directory)
        } catch {
            inspection.problems.append(error as? StoreError ?? StoreError(.journalFailed))
            return inspection
        }
        // The sequence the next segment must start with; nil before the first and after an unreadable one.
        var expectedNext: UInt64?
        var isFirst = true
        for (index, name) in names.enumerated() {
            let path = directory.filePath(name.fileName)
            let isNewest = index == names.count - 1
            if isFirst {
                // Records up to afterSequence live in the snapshot, so the journal may begin before it, never after.
                if name.firstSequence > afterSequence + 1 {
                    inspection.problems.append(gap(path: path, expected: afterSequence + 1, found: name.firstSequence))
                }
            } else if let expected = expectedNext, name.firstSequence != expected {
                // A hole wholly covered by the snapshot is harmless; any other mismatch is not.
                let holeCoveredBySnapshot = name.firstSequence > expected && name.firstSequence <= afterSequence + 1
                if !holeCoveredBySnapshot {
                    inspection.problems.append(gap(path: path, expected: expected, found: name.firstSequence))
                }
            }
            isFirst = false

            let bytes: [UInt8]
            do {
                bytes = try PosixFile.readAll(path)
            } catch {
                inspection.problems.append(error as? StoreError ?? StoreError(.journalFailed))
                expectedNext = nil
                continue
            }
            let scan = JournalSegmentScan.scan(bytes, firstSequence: name.firstSequence,
                                               keepingRecordsAfter: afterSequence, keepPayloads: keepPayloads)
            try deliver(scan.records)
            var kept = scan
            kept.records = []
            inspection.segments.append(Segment(name: name, path: path, scan: kept))
            inspection.intactRecordCount += scan.intactRecordCount
            if scan.intactRecordCount > 0 {
                inspection.lastIntactSequence = scan.nextSequence(firstSequence: name.firstSequence) - 1
            }
            expectedNext = scan.nextSequence(firstSequence: name.firstSequence)

            switch scan.ending {
            case .clean:
                break
            case let .damaged(offset, damage, expectedSequence, intactRecordFollows):
                if isNewest && !intactRecordFollows {
                    inspection.tornTail = TornTail(path: path, offset: offset, length: bytes.count - offset,
                                                   damage: damage, lastIntactSequence: inspection.lastIntactSequence)
                } else {
                    inspection.problems.append(corruptRecord(path: path, offset: offset, damage: damage,
                                                             expectedSequence: expectedSequence, isNewest: isNewest))
                }
            case let .outOfSequence(offset, expected, found):
                inspection.problems.append(StoreError(kind: .sequenceGap(file: path, expected: expected, found: found), description:
                    "journal file \(path): the record at byte offset \(offset) has sequence \(found), but \(expected) was expected, so records were spliced or a file was renamed. Nothing was changed. Run `frontline check` for details; to keep what precedes it, back up the data directory, then truncate the file at offset \(offset) (`truncate -s \(offset) \(path)`)"))
            }
        }
        return inspection
    }

    private static func gap(path: String, expected: UInt64, found: UInt64) -> StoreError {
        let explanation = found > expected
            ? "the records \(expected)…\(found - 1) are missing (a journal file was deleted, or the snapshot they belonged after is gone). Restore the missing journal file or snapshot from a backup"
            : "the journal files before it already reach sequence \(expected - 1), so two files overlap (perhaps a restored copy). Move the file that does not belong aside"
        return StoreError(kind: .sequenceGap(file: path, expected: expected, found: found), description:
            "journal file \(path) starts at sequence \(found), but sequence \(expected) was expected: \(explanation). Nothing was changed; run `frontline check` for details")
    }

    private static func corruptRecord(path: String, offset: Int, damage: JournalFrame.Damage,
                                      expectedSequence: UInt64, isNewest: Bool) -> StoreError {
        let why = isNewest
            ? "intact records follow it, so this is damage, not an interrupted write"
            : "it is not the newest journal file, so this is damage, not an interrupted write"
        let wayOut = isNewest
            ? "To keep everything before the damage: back up the data directory, then truncate the file at offset \(offset) (`truncate -s \(offset) \(path)`); the records after it are then lost unless restored from a backup"
            : "To keep everything before the damage: back up the data directory, truncate this file at offset \(offset) (`truncate -s \(offset) \(path)`) and move the later journal files aside; their records are then lost unless restored from a backup"
        return StoreError(kind: .corruptRecord(file: path, offset: offset), description:
            "journal file \(path) has a damaged record at byte offset \(offset) (sequence \(expectedSequence) expected; \(damage)); \(why). Nothing was changed. Run `frontline check` for details. \(wayOut)")
    }
}
