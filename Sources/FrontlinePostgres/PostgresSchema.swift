import Foundation

/// The tables the desk keeps in PostgreSQL, created and upgraded only by `frontline migrate
/// --schema` (a server or a read-only user never changes the schema on connecting: it checks the
/// version and says what to run). Each version is a list of statements applied in one
/// transaction, under an advisory lock so two migrations cannot interleave.
public enum PostgresSchema {
    /// The version this frontline reads and writes.
    public static let current = 1

    /// Version n's statements at index n − 1. Never edit a released version: add the next.
    static let versions: [[String]] = [
        [
            """
            CREATE TABLE frontline_schema (
                version integer PRIMARY KEY,
                applied_at timestamptz NOT NULL DEFAULT now(),
                applied_by text NOT NULL
            )
            """,
            // The desk's event log, the truth every server folds. seq is the desk's sequence
            // (gap-free, in commit order); case_version counts a case's events, and its unique
            // index is what lets only one of two servers deciding on the same case commit.
            """
            CREATE TABLE frontline_events (
                seq bigint PRIMARY KEY CHECK (seq > 0),
                case_id text NOT NULL,
                case_version integer NOT NULL CHECK (case_version > 0),
                at timestamptz NOT NULL,
                actor text NOT NULL,
                body bytea NOT NULL
            )
            """,
            "CREATE UNIQUE INDEX frontline_events_case_version ON frontline_events (case_id, case_version) WHERE case_id <> ''",
            // Customer mail exactly as it arrived, under the key the events name (RawMailStore's).
            "CREATE TABLE frontline_raw_mail (key text PRIMARY KEY, bytes bytea NOT NULL)",
        ],
    ]

    /// A lock id of our own (pg_advisory_xact_lock), so migrations run one at a time.
    static let migrationLock: Int64 = 0x4652_4F4E_544C_494E   // "FRONTLIN"

    /// The version the database is at: 0 when it has no frontline tables.
    public static func version(of db: PostgresConnection) throws(PostgresError) -> Int {
        let exists = try db.execute("SELECT to_regclass('frontline_schema') IS NOT NULL")
        guard exists.string(0, 0) == "t" else { return 0 }
        return Int(try db.execute("SELECT coalesce(max(version), 0) FROM frontline_schema").int(0, 0) ?? 0)
    }

    /// Brings the schema up to `current`; returns the versions applied (empty when it was).
    @discardableResult
    public static func upgrade(_ db: PostgresConnection, by: String) throws(PostgresError) -> [Int] {
        do {
            return try db.transaction { () throws -> [Int] in
            try db.execute("SELECT pg_advisory_xact_lock($1)", [.int(migrationLock)])
            let at = try version(of: db)
            guard at <= current else { throw newer(at, db) }
            var applied: [Int] = []
            for n in stride(from: at + 1, through: current, by: 1) {
                for statement in versions[n - 1] { try db.execute(statement) }
                try db.execute("INSERT INTO frontline_schema (version, applied_by) VALUES ($1, $2)", [.int(Int64(n)), .text(by)])
                applied.append(n)
            }
            return applied
            }
        } catch let e as PostgresError {
            throw e
        } catch {
            throw PostgresError(.statement(sqlState: ""), "\(error)")
        }
    }

    /// What a server or command checks before it reads or writes: the schema is there and is ours.
    public static func require(_ db: PostgresConnection) throws(PostgresError) {
        let at = try version(of: db)
        if at == current { return }
        if at > current { throw newer(at, db) }
        throw PostgresError(.statement(sqlState: "frontline-schema"),
                            at == 0 ? "\(db.location) has no frontline tables: create them with `frontline migrate --schema --to \(db.location)`"
                                    : "\(db.location) is at schema version \(at), this frontline needs \(current): upgrade it with `frontline migrate --schema --to \(db.location)`")
    }

    private static func newer(_ at: Int, _ db: PostgresConnection) -> PostgresError {
        PostgresError(.statement(sqlState: "frontline-schema"), "\(db.location) is at schema version \(at), newer than this frontline's \(current): use a newer frontline")
    }
}
