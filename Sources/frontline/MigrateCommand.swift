import ArgumentParser
import Foundation
import FrontlineCore
import FrontlinePostgres
import FrontlineStore

/// `frontline migrate`: the PostgreSQL schema, and a desk moved between the local store and
/// PostgreSQL, verified. Schema changes happen here and nowhere else.
struct MigrateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate", abstract: "Create or upgrade the PostgreSQL schema, or move a desk between a data directory and PostgreSQL.",
        discussion: """
        frontline migrate --schema --to postgres://frontline@db:5432/frontline   creates the tables (or upgrades them), once, by a user allowed to.
        frontline migrate --from DIR --to postgres://…   moves the store in DIR (journal, archive, raw mail) into an empty database, in one transaction checked before it commits.
        frontline migrate --from postgres://… --to DIR   the other way, into a new data directory, checked by reopening it.
        Stop the server first: the store must not change while it moves. The password comes from --passfile, PGPASSFILE or ~/.pgpass (a line host:port:database:user:password, mode 0600), never from the URL.
        """)
    @Flag(help: "Create or upgrade the schema at --to.") var schema = false
    @Option(help: ArgumentHelp("A data directory or a postgres:// URL.", valueName: "DIR|URL")) var from: String?
    @Option(help: ArgumentHelp("A data directory or a postgres:// URL.", valueName: "DIR|URL")) var to: String
    @Option(help: ArgumentHelp("The PostgreSQL password file (else PGPASSFILE or ~/.pgpass).", valueName: "FILE")) var passfile: String?

    func validate() throws {
        if schema {
            guard from == nil else { throw ValidationError("--schema takes only --to URL") }
            guard PostgresURL.names(to) else { throw ValidationError("--schema --to needs a postgres:// URL") }
        } else {
            guard let from else { throw ValidationError("say --from DIR|URL (or --schema)") }
            guard PostgresURL.names(from) != PostgresURL.names(to) else {
                throw ValidationError("one of --from and --to is a data directory and the other a postgres:// URL")
            }
        }
    }

    func run() throws {
        do {
            if schema { return try upgradeSchema() }
            let started = Date()
            let outcome: PostgresMigration.Outcome
            let source = from!
            if PostgresURL.names(to) {
                let db = try PostgresConnection(try PostgresURL(to, passfile: passfile))
                defer { db.close() }
                let local = try LocalCaseService(path: source, owner: "frontline migrate")
                defer { local.close() }
                outcome = try PostgresMigration.toPostgres(from: local, into: db)
            } else {
                let db = try PostgresConnection(try PostgresURL(source, passfile: passfile))
                defer { db.close() }
                outcome = try PostgresMigration.toDirectory(from: db, path: to)
            }
            let seconds = String(format: "%.1f", Date().timeIntervalSince(started))
            print("moved \(outcome.events) events of \(outcome.cases) cases (last event \(outcome.lastSequence)) and \(outcome.rawMail) raw mails from \(source) to \(to) in \(seconds) s")
            print("verified: the desk folded from \(to) is the desk folded from \(source) (digest \(outcome.digest))")
        } catch let e as PostgresError {
            throw CleanExit.failure("migrate: \(e)")
        } catch let e as PostgresMigration.Failure {
            throw CleanExit.failure("migrate: \(e)")
        } catch let e as CleanExit.Failure {
            throw e
        } catch {
            throw CleanExit.failure("migrate: \(error)")
        }
    }

    private func upgradeSchema() throws {
        let db = try PostgresConnection(try PostgresURL(to, passfile: passfile))
        defer { db.close() }
        let applied = try PostgresSchema.upgrade(db, by: "frontline migrate --schema")
        if applied.isEmpty {
            print("\(db.location) is at schema version \(PostgresSchema.current) already")
        } else {
            print("\(db.location): applied schema version\(applied.count == 1 ? "" : "s") \(applied.map(String.init).joined(separator: ", ")); now at \(PostgresSchema.current)")
        }
    }
}
