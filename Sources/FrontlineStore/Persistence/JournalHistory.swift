/// Every journal record ever written, archived and live, in order: the audit trail behind
/// `frontline export --events`. Read-only.
public enum JournalHistory {
    /// Where `Journal.retireSegments` moves segments a snapshot has made unnecessary for recovery.
    public static let archiveFolder = "archive"

    /// The live segments' records after `afterSequence` (what recovery replays), read-only.
    public static func liveRecords(directory: DataDirectory, afterSequence: UInt64) throws -> [JournalRecord] {
        let live = JournalInspection.inspect(directory: directory, afterSequence: afterSequence, keepPayloads: true)
        if let problem = live.problems.first { throw problem }
        return live.records
    }

    /// Every record, archived and live, in order, all at once.
    public static func records(directory: DataDirectory) throws -> [JournalRecord] {
        var records: [JournalRecord] = []
        try forEachRecord(directory: directory) { records += $0 }
        return records
    }

    /// Every record, archived and live, in order, handed over a segment at a time. A problem
    /// found part-way is thrown after the records before it were delivered.
    public static func forEachRecord(directory: DataDirectory, _ body: ([JournalRecord]) throws -> Void) throws {
        var last: UInt64 = 0
        let archivePath = directory.filePath(archiveFolder)
        if (try? PosixFile.linkStatus(archivePath)) != nil {
            let archive = try DataDirectory.prepare(path: archivePath)
            let old = try JournalInspection.walk(directory: archive, afterSequence: 0, keepPayloads: true) { records in
                try body(records)
                last = records.last?.sequence ?? last
            }
            if let problem = old.problems.first { throw problem }
        }
        let live = try JournalInspection.walk(directory: directory, afterSequence: last, keepPayloads: true) { records in
            try body(records)
        }
        if let problem = live.problems.first { throw problem }
    }
}
