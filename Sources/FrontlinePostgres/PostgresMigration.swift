import Foundation
import FrontlineCore
import FrontlineStore

/// Moves a desk between the local store and PostgreSQL, whole and verified: every event in
/// order (archived segments included) and every raw mail the events name. Into PostgreSQL it
/// is one transaction, checked before it commits (the log read back folds into a desk with the
/// same digest as the store's); into a directory the store is reopened from its files and
/// checked the same way. Either way nothing half-moved is left to be mistaken for the desk.
public enum PostgresMigration {
    public struct Outcome: Sendable, Equatable {
        public var events: Int
        public var cases: Int
        public var rawMail: Int
        public var lastSequence: UInt64
        public var digest: String
    }

    public struct Failure: Error, CustomStringConvertible {
        public let description: String
        public init(_ description: String) { self.description = description }
    }

    /// The local store `local` (opened by the caller, so no server holds it) into the empty
    /// desk at `db`.
    public static func toPostgres(from local: LocalCaseService, into db: PostgresConnection) throws -> Outcome {
        try PostgresSchema.require(db)
        let log = PostgresEventLog(db)
        return try db.transaction {
            let before = try log.extent()
            guard before.events == 0 else {
                throw Failure("\(db.location) already holds a desk (\(before.events) events, the last \(before.lastSequence)): migrate into an empty database")
            }
            var versions: [CaseID: Int] = [:]
            var batch: [(event: Event, caseVersion: Int)] = []
            var written = 0
            try local.forEachJournaledEvent { e in
                versions[e.caseID, default: 0] += 1
                batch.append((e, versions[e.caseID]!))
                if batch.count == 5_000 {
                    try log.insert(batch)
                    written += batch.count
                    batch.removeAll(keepingCapacity: true)
                }
            }
            try log.insert(batch)
            written += batch.count
            let desk = local.desk
            let raw = try copyRawMail(of: desk, from: local.rawMail, into: db)
            // Checked inside the transaction: a mismatch rolls everything back.
            let (folded, read) = try fold(log)
            guard read == written else { throw Failure("wrote \(written) events to \(db.location) but read back \(read); rolled back") }
            let here = desk.digest(), there = folded.digest()
            guard here == there else {
                throw Failure("the desk folded from \(db.location) (digest \(there)) is not the store's (digest \(here)); rolled back, nothing was moved")
            }
            return Outcome(events: written, cases: desk.cases.count, rawMail: raw, lastSequence: desk.lastSequence, digest: here)
        }
    }

    /// The desk at `db` into a new local store at `path` (which must hold none).
    public static func toDirectory(from db: PostgresConnection, path: String) throws -> Outcome {
        try PostgresSchema.require(db)
        let log = PostgresEventLog(db)
        var folded = HelpDesk()
        var events = 0
        var raw = 0
        do {
            let local = try LocalCaseService(path: path, owner: "frontline migrate")
            defer { local.close() }
            guard local.desk.lastSequence == 0, local.desk.cases.isEmpty else {
                throw Failure("\(path) already holds a desk (last event \(local.desk.lastSequence)): migrate into a new data directory")
            }
            raw = try restoreRawMail(from: db, into: local)
            try log.forEachEvent { batch in
                try local.importEvents(batch)
                for e in batch { folded.apply(e) }
                events += batch.count
            }
            try local.snapshotNow()
        }
        // Read back from the files, as the next server will.
        let reopened = try LocalCaseService(path: path, owner: "frontline migrate")
        defer { reopened.close() }
        let here = reopened.desk.digest(), there = folded.digest()
        guard here == there else {
            throw Failure("the store written to \(path) (digest \(here)) is not the desk in \(db.location) (digest \(there)); remove \(path) and try again")
        }
        return Outcome(events: events, cases: reopened.desk.cases.count, rawMail: raw, lastSequence: reopened.desk.lastSequence, digest: here)
    }

    /// Every event of `log` folded, and how many there were.
    static func fold(_ log: PostgresEventLog) throws -> (HelpDesk, Int) {
        var desk = HelpDesk(), versions: [CaseID: Int] = [:]
        let count = try log.fold(into: &desk, versions: &versions).count
        return (desk, count)
    }

    /// The raw mail the desk's messages name, copied row by row (a missing file is an error: the
    /// migration would lose what a customer sent).
    static func copyRawMail(of desk: HelpDesk, from store: RawMailStore, into db: PostgresConnection) throws -> Int {
        var keys: [String] = []
        desk.cases.forEach { c in
            for m in c.messages { if let key = m.mail?.raw { keys.append(key) } }
        }
        var copied = 0
        for key in Set(keys).sorted() {
            guard let bytes = try store.get(key) else {
                throw Failure("the raw mail \(key) that a message names is missing from \(store.root); run `frontline check` before migrating")
            }
            try db.execute("INSERT INTO frontline_raw_mail (key, bytes) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING", [.text(key), .bytes(bytes)])
            copied += 1
        }
        return copied
    }

    static func restoreRawMail(from db: PostgresConnection, into local: LocalCaseService) throws -> Int {
        var last = ""
        var restored = 0
        // A pack is written whole, so its messages are gathered first (they sort together).
        var packed: [(key: String, bytes: [UInt8])] = []
        while true {
            let rows = try db.execute("SELECT key, bytes FROM frontline_raw_mail WHERE key > $1 ORDER BY key LIMIT 500", [.text(last)])
            if rows.count == 0 { break }
            var files: [(key: String, bytes: [UInt8])] = []
            for i in 0..<rows.count {
                guard let key = rows.string(i, 0), let bytes = rows.bytes(i, 1) else { continue }
                if key.contains("@") { packed.append((key, bytes)) } else { files.append((key, bytes)) }
                last = key
            }
            try local.rawMail.restore(files)
            restored += files.count
        }
        try local.rawMail.restore(packed)
        return restored + packed.count
    }
}
