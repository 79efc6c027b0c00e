import Foundation
import FrontlinePostgres
#if canImport(Glibc)
import Glibc
#endif

/// A private PostgreSQL for one test (`Scripts/postgres-sandbox`): its own data directory and
/// port on 127.0.0.1 and a password file, under the session's folder, stopped when the test is
/// done. Without PostgreSQL installed the test fails loudly (CI installs it, see .ci/run); it
/// never passes by skipping.
final class PostgresSandbox {
    let directory: String
    let values: [String: String]
    private let script: String
    private let session: TmuxSession

    var url: String { values["URL"] ?? "" }
    var passfile: String { values["PASSFILE"] ?? "" }

    init(session: TmuxSession) throws {
        self.session = session
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        script = root.appendingPathComponent("Scripts/postgres-sandbox").path
        // The server runs as the postgres user and must reach its directory through the session's.
        chmod(session.root, 0o711)
        directory = session.root + "/pg"
        let r = try session.runTool("/bin/bash", [script, "start", directory])
        guard r.status == 0 else {
            throw E2EFailure("postgres-sandbox start failed (\(r.status)); the PostgreSQL journeys need a real server (apt-get install -y postgresql, as .ci/run does):\n\(r.stderr)\(r.stdout)")
        }
        var v: [String: String] = [:]
        for line in r.stdout.split(separator: "\n") {
            guard let eq = line.firstIndex(of: "=") else { continue }
            v[String(line[..<eq])] = String(line[line.index(after: eq)...])
        }
        values = v
        guard v["URL"] != nil, v["PASSFILE"] != nil else { throw E2EFailure("postgres-sandbox printed no URL or PASSFILE:\n\(r.stdout)") }
    }

    deinit {
        _ = try? session.runTool("/bin/bash", [script, "stop", directory, "--immediate"])
    }

    func connect() throws -> PostgresConnection {
        try PostgresConnection(try PostgresURL(url, passfile: passfile))
    }

    /// A connection to the database with the schema made, as `frontline migrate --schema` leaves it.
    func migrated() throws -> PostgresConnection {
        let db = try connect()
        try PostgresSchema.upgrade(db, by: "tests")
        return db
    }

    /// Runs SQL through psql as the sandbox's user (the password from its file).
    func psql(_ sql: String) throws {
        let line = (values["PSQL"] ?? "").split(separator: " ").map(String.init)
        guard line.count > 2 else { throw E2EFailure("postgres-sandbox printed no PSQL") }
        let r = try session.runTool("/usr/bin/env", Array(line.dropFirst()) + ["-c", sql])   // the line starts with `env PGPASSFILE=…`
        guard r.status == 0 else { throw E2EFailure("psql \(sql): \(r.stderr)") }
    }

    func stop(immediate: Bool = false) throws {
        let r = try session.runTool("/bin/bash", [script, "stop", directory] + (immediate ? ["--immediate"] : []))
        guard r.status == 0 else { throw E2EFailure("postgres-sandbox stop failed: \(r.stderr)") }
    }

    func restart() throws {
        let r = try session.runTool("/bin/bash", [script, "restart", directory])
        guard r.status == 0 else { throw E2EFailure("postgres-sandbox restart failed: \(r.stderr)\(r.stdout)") }
    }
}
