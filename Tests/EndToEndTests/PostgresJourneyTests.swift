import Foundation
import FrontlineCore
import FrontlinePostgres
import Testing

// The desk's log in a real PostgreSQL (a private instance per test, Scripts/postgres-sandbox):
// the schema only by `frontline migrate --schema`, passwords never in the URL, and a store moved
// there and back by `frontline migrate` with every event and raw mail, verified.

extension FrontlineEndToEnd {
    private typealias PGF = MailCommandFixtures

    func migrate(_ t: TmuxSession, _ args: [String]) throws -> CommandResult {
        try t.runTool(t.binary, ["migrate"] + args)
    }

    @Test("migrate --schema makes the tables once, refuses a password in the URL, and a server refuses an unmade or newer schema")
    func theSchemaIsMadeOnlyByMigrate() throws {
        let t = try TmuxSession()
        let pg = try PostgresSandbox(session: t)
        let db = try pg.connect()
        #expect { try PostgresSchema.require(db) } throws: { e in
            "\(e)".contains("has no frontline tables") && "\(e)".contains("frontline migrate --schema --to \(pg.url)")
        }
        let made = try migrate(t, ["--schema", "--to", pg.url, "--passfile", pg.passfile])
        #expect(made.status == 0 && made.stdout == "\(pg.url): applied schema version 1; now at 1\n", "\(made.stdout)\(made.stderr)")
        let again = try migrate(t, ["--schema", "--to", pg.url, "--passfile", pg.passfile])
        #expect(again.stdout == "\(pg.url) is at schema version 1 already\n", "\(again.stdout)\(again.stderr)")
        try PostgresSchema.require(db)
        #expect(try db.execute("SELECT applied_by FROM frontline_schema WHERE version = 1").string(0, 0) == "frontline migrate --schema")

        let secret = pg.url.replacingOccurrences(of: "frontline@", with: "frontline:hunter2@")
        let refused = try migrate(t, ["--schema", "--to", secret])
        #expect(refused.status != 0 && refused.stderr.contains("the URL holds a password: give it in a password file"), "\(refused.stderr)")
        #expect(!refused.stderr.contains("hunter2"), "the password is not repeated back")
        let noFile = try migrate(t, ["--schema", "--to", pg.url, "--passfile", "/dev/null"])
        #expect(noFile.status != 0 && noFile.stderr.contains("cannot connect to \(pg.url)"), "without the password file the server refuses: \(noFile.stderr)")

        try db.execute("INSERT INTO frontline_schema (version, applied_by) VALUES (99, 'a newer frontline')")
        #expect { try PostgresSchema.require(db) } throws: { "\($0)".contains("newer than this frontline's 1") }
        let newer = try migrate(t, ["--schema", "--to", pg.url, "--passfile", pg.passfile])
        #expect(newer.status != 0 && newer.stderr.contains("schema version 99, newer than this frontline's 1"), "\(newer.stderr)")
    }

    @Test("migrate moves a store into PostgreSQL and back: every event, the raw mail byte for byte, the same export")
    func aStoreMovesIntoPostgresAndBack() throws {
        let t = try TmuxSession()
        let pg = try PostgresSandbox(session: t)
        #expect(try migrate(t, ["--schema", "--to", pg.url, "--passfile", pg.passfile]).status == 0)
        #expect(try t.cli("demo", ["--cases", "120", "--seed", "5"]).status == 0)
        // A customer's mail with hostile bytes in it: an escape sequence and a NUL.
        let mail = PGF.message(from: "Åsa <asa@example.se>", subject: "Trasig TV", messageID: "<pg1@example.se>", body: "Den är trasig \u{1B}[2J \u{0} {actor}", crlf: true)
        let stored = try t.cli("intake", ["--mail"], stdin: mail)
        #expect(stored.status == 0, "\(stored.stderr)")
        let id = stored.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let before = try t.runTool(t.binary, ["export", "--data-dir", t.dataDir]).stdout

        let there = try migrate(t, ["--from", t.dataDir, "--to", pg.url, "--passfile", pg.passfile])
        #expect(there.status == 0, "\(there.stderr)")
        #expect(there.stdout.contains(" of 121 cases ") && there.stdout.contains(" and 1 raw mails from \(t.dataDir) to \(pg.url)"), "\(there.stdout)")
        #expect(there.stdout.contains("verified: the desk folded from \(pg.url) is the desk folded from \(t.dataDir) (digest "), "\(there.stdout)")
        let db = try pg.connect()
        let extent = try PostgresEventLog(db).extent()
        #expect(there.stdout.hasPrefix("moved \(extent.events) events of 121 cases (last event \(extent.lastSequence))"), "\(there.stdout)")
        #expect(extent.cases == 121)

        let back = t.root + "/back"
        let home = try migrate(t, ["--from", pg.url, "--to", back, "--passfile", pg.passfile])
        #expect(home.status == 0, "\(home.stderr)")
        let digest = { (s: String) in s.components(separatedBy: "(digest ").last ?? "" }
        #expect(!digest(there.stdout).isEmpty && digest(home.stdout) == digest(there.stdout), "the same desk both ways: \(there.stdout) / \(home.stdout)")
        // Every command reads the moved store as it read the first.
        #expect(try t.runTool(t.binary, ["export", "--data-dir", back]).stdout == before, "the export of the store moved back is the export before")
        let raw = try t.runTool(t.binary, ["raw", id, "1", "--data-dir", back])
        #expect(raw.status == 0 && raw.stdoutData == mail, "the raw mail byte for byte: \(raw.stderr)")

        // Into a database that holds a desk, or a directory that does: refused, nothing mixed.
        let twice = try migrate(t, ["--from", t.dataDir, "--to", pg.url, "--passfile", pg.passfile])
        #expect(twice.status != 0 && twice.stderr.contains("already holds a desk (\(extent.events) events"), "\(twice.stderr)")
        let onto = try migrate(t, ["--from", pg.url, "--to", t.dataDir, "--passfile", pg.passfile])
        #expect(onto.status != 0 && onto.stderr.contains("\(t.dataDir) already holds a desk"), "\(onto.stderr)")
        #expect(try PostgresEventLog(db).extent() == extent)
    }

    @Test("a migration that cannot finish leaves the database empty; a case's version commits once; a lost database says so and its data survives")
    func migrationsAreAllOrNothingAndVersionsDecide() throws {
        let t = try TmuxSession()
        let pg = try PostgresSandbox(session: t)
        let db = try pg.migrated()
        let mail = PGF.message(from: "Bert <bert@example.com>", subject: "Broken", messageID: "<pg2@example.com>", body: "Hello")
        #expect(try t.cli("intake", ["--mail"], stdin: mail).status == 0)
        #expect(try t.cli("demo", ["--cases", "10"]).status == 0)
        // The raw mail gone from the store: moving on would lose what a customer sent.
        let rawRoot = t.dataDir + "/mail/raw"
        let file = try #require(FileManager.default.enumerator(atPath: rawRoot)?.compactMap { $0 as? String }.first { $0.hasSuffix(".eml") })
        try FileManager.default.removeItem(atPath: rawRoot + "/" + file)
        let lost = try migrate(t, ["--from", t.dataDir, "--to", pg.url, "--passfile", pg.passfile])
        #expect(lost.status != 0 && lost.stderr.contains("is missing from \(rawRoot)"), "\(lost.stderr)")
        #expect(try PostgresEventLog(db).extent().events == 0, "rolled back: nothing half-moved")

        // The unique (case, version) is what lets only one of two deciding servers commit.
        let log = PostgresEventLog(db)
        let t0 = Date(timeIntervalSince1970: 1_795_428_000)
        try log.insert([(Event(sequence: 1, at: t0, actor: "bob", caseID: "C-1000", change: .assigned(agent: "bob")), 1)])
        #expect { try log.insert([(Event(sequence: 2, at: t0, actor: "eve", caseID: "C-1000", change: .assigned(agent: "eve")), 1)]) } throws: {
            ($0 as? PostgresError)?.isUniqueViolation == true
        }

        try pg.stop(immediate: true)
        #expect { try log.extent() } throws: { e in (e as? PostgresError)?.kind == .connection && "\(e)".contains(pg.url) }
        try pg.restart()
        #expect(try PostgresEventLog(try pg.connect()).extent().events == 1, "what was committed survived the crash")
    }
}

/// Two sessions (alice's and bob's, each with its own data directory), a private PostgreSQL with
/// the schema made, a `frontline serve --store` for each on it, and Åsa's case taken in through
/// server A and seen on server B's desk. The servers stop with it.
final class TwoServerDesk {
    let a: TmuxSession, b: TmuxSession
    let pg: PostgresSandbox
    var serverA: pid_t = 0, serverB: pid_t = 0
    let id: String

    init(height: Int) throws {
        a = try TmuxSession(width: 100, height: height, agent: "alice")
        b = try TmuxSession(width: 100, height: height, agent: "bob")
        pg = try PostgresSandbox(session: a)
        let made = try a.runTool(a.binary, ["migrate", "--schema", "--to", pg.url, "--passfile", pg.passfile])
        guard made.status == 0 else { throw E2EFailure("migrate --schema failed: \(made.stderr)") }
        serverA = try Self.serve(a, pg, log: a.root + "/serve-a.log")
        serverB = try Self.serve(b, pg, log: b.root + "/serve-b.log")
        guard let first = try a.intake([IntakeLine.asa]).first else { throw E2EFailure("intake through server A printed no case") }
        id = first
        try b.waitUntilTrue("server B to have \(first)", timeout: 10) { [b] in (try? b.cli("queue", ["--view", "all"]).stdout.contains(first)) == true }
    }

    deinit {
        for pid in [serverA, serverB] where pid > 0 {
            kill(pid, SIGTERM)
            _ = MailCommandFixtures.reap(pid, timeout: 10)
        }
    }

    /// `frontline serve --store URL` for `t`'s data directory, in the background; its pid once it serves.
    static func serve(_ t: TmuxSession, _ pg: PostgresSandbox, log: String, snapshotEvents: Int? = nil) throws -> pid_t {
        let pid = try MailCommandFixtures.spawnInBackground(t, t.binary, ["serve", "--data-dir", t.dataDir, "--store", pg.url, "--passfile", pg.passfile]
                                                                + (snapshotEvents.map { ["--snapshot-events", String($0)] } ?? []), stderr: log)
        try t.waitUntilTrue("the server on PostgreSQL to serve (\(log))", timeout: 20) {
            ((try? String(contentsOfFile: log, encoding: .utf8)) ?? "").contains("serving \(pg.url)")
        }
        return pid
    }
}

extension FrontlineEndToEnd {
    @Test("two servers on one PostgreSQL serve one desk: what a console does on one shows on the other, and of two agents taking a case on two servers exactly one wins")
    func twoServersOnOneDatabaseAreOneDesk() throws {
        let desk = try TwoServerDesk(height: 30)
        let (a, b, pg, id) = (desk.a, desk.b, desk.pg, desk.id)
        try a.launchConsole()
        try b.launchConsole()
        try b.waitFor("Åsa Lindqvist")
        // Alice takes it on A; Bob's console on B shows whose it is.
        try a.sendKeys("t")
        try a.waitFor("\(id) is yours")
        try b.waitFor("alice")
        // A note from Bob on B reaches Alice's history pane on A.
        try b.sendKeys("n")
        try b.sendText("called the customer back")
        try b.sendKeys("Enter")
        try b.waitFor("note added to \(id)")
        try a.waitFor("called the customer back")

        // The race: a new case, both press t at once on their servers.
        let second = try #require(try b.intake([IntakeLine.matti]).first)
        try a.waitFor(second)
        try b.waitFor(second)
        try a.sendKeys("j")
        try b.sendKeys("j")
        try a.waitUntil("alice on \(second)") { $0.contains("Vastaus") || $0.contains(second) }
        try a.sendKeys("t")
        try b.sendKeys("t")
        let sa = try a.waitUntil("alice's answer") { $0.contains("\(second) is yours") || $0.contains("already taken by bob") }
        let sb = try b.waitUntil("bob's answer") { $0.contains("\(second) is yours") || $0.contains("already taken by alice") }
        let aliceWon = sa.contains("\(second) is yours"), bobWon = sb.contains("\(second) is yours")
        #expect(aliceWon != bobWon, "exactly one wins: alice \(aliceWon), bob \(bobWon)")
        #expect(aliceWon ? sb.contains("already taken by alice") : sa.contains("already taken by bob"), "the other is told who")
        let owner = try b.cli("show", [second, "--json"]).stdout
        #expect(owner.contains(aliceWon ? "\"assignee\" : \"alice\"" : "\"assignee\" : \"bob\"") || owner.contains(aliceWon ? "\"assignee\":\"alice\"" : "\"assignee\":\"bob\""), "\(owner.prefix(400))")
        // A customer's mail through server A is kept in the database, not in A's data
        // directory: `raw` on B's side reads it from there with [store] in its config.
        let mail = PGF.message(from: "Bert <bert@example.com>", subject: "Kaputt", messageID: "<pg3@example.com>", body: "Hallo \u{1B}[2J", crlf: true)
        let stored = try a.cli("intake", ["--mail"], stdin: mail)
        let mailCase = stored.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(stored.status == 0 && mailCase.hasPrefix("C-"), "\(stored.stderr)")
        let withoutConfig = try a.cli("raw", [mailCase, "1"])
        #expect(withoutConfig.status != 0 && withoutConfig.stderr.contains("is missing from \(a.dataDir)/mail/raw"), "\(withoutConfig.stderr)")
        try b.writeConfig("[store]\nurl = \"\(pg.url)\"\npassfile = \"\(pg.passfile)\"\n")
        let raw = try b.cli("raw", [mailCase, "1"])
        #expect(raw.status == 0 && raw.stdoutData == mail, "the mail byte for byte from the database: \(raw.stderr)")

        // The file work asked of a server reads the database: the event log and the check.
        let head = try PostgresEventLog(try pg.connect()).extent()
        let events = try b.cli("export", ["--events"])
        #expect(events.status == 0 && events.stdout.split(separator: "\n").count == head.events, "\(events.stderr) \(events.stdout.suffix(200))")
        let check = try a.cli("check")
        #expect(check.status == 0 && check.stdout.contains("\(pg.url): \(head.events) events, every one readable"), "\(check.stdout)\(check.stderr)")
        try a.sendKeys("q")
        try b.sendKeys("q")
        #expect(try a.waitForExit() == 0)

        // A server stopped writes its snapshot of the log; started again it reads it and only
        // what came after (here: a note through B meanwhile), and decides on the right versions.
        kill(desk.serverA, SIGTERM)
        #expect(MailCommandFixtures.reap(desk.serverA, timeout: 10))
        let anchor = (try? String(contentsOfFile: a.dataDir + "/postgres-cache/anchor", encoding: .utf8)) ?? ""
        #expect(anchor.hasPrefix("\(head.lastSequence) "), "the snapshot's anchor names the log's last event: \(anchor)")
        #expect(try b.cli("note", [id, "while A was down"]).status == 0)
        desk.serverA = try TwoServerDesk.serve(a, pg, log: a.root + "/serve-a2.log")
        let restarted = (try? String(contentsOfFile: a.root + "/serve-a2.log", encoding: .utf8)) ?? ""
        #expect(restarted.contains("opened from the snapshot at event \(head.lastSequence), then 1 events after it"), "\(restarted)")
        let shownOnA = try a.cli("show", [id]).stdout
        #expect(shownOnA.contains("while A was down") && shownOnA.contains("called the customer back"), "\(shownOnA.suffix(400))")
        #expect(try a.cli("note", [id, "A decides again"]).status == 0)
        #expect(try b.cli("show", [id]).stdout.contains("A decides again"))

        // A new server starts from a copy of another's snapshot instead of folding the whole log.
        let c = try TmuxSession(width: 100, height: 30, agent: "carol")
        try FileManager.default.createDirectory(atPath: c.dataDir, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        #expect(try c.runTool("/bin/cp", ["-rp", a.dataDir + "/postgres-cache", c.dataDir + "/postgres-cache"]).status == 0)
        let serverC = try TwoServerDesk.serve(c, pg, log: c.root + "/serve-c.log")
        defer { kill(serverC, SIGTERM); _ = MailCommandFixtures.reap(serverC, timeout: 10) }
        let joined = (try? String(contentsOfFile: c.root + "/serve-c.log", encoding: .utf8)) ?? ""
        #expect(joined.contains("opened from the snapshot at event \(head.lastSequence), then 2 events after it"), "\(joined)")
        #expect(try c.cli("show", [id]).stdout.contains("A decides again"))

        // The same data directory served from another database: its snapshot is not laid under that log.
        kill(desk.serverA, SIGTERM)
        #expect(MailCommandFixtures.reap(desk.serverA, timeout: 10))
        try pg.psql("CREATE DATABASE other")
        let other = String(pg.url.dropLast("frontline".count)) + "other"   // the same server, the database `other`
        #expect(try migrate(a, ["--schema", "--to", other, "--passfile", pg.passfile]).status == 0)
        let log = a.root + "/serve-a3.log"
        desk.serverA = try MailCommandFixtures.spawnInBackground(a, a.binary, ["serve", "--data-dir", a.dataDir, "--store", other, "--passfile", pg.passfile], stderr: log)
        try a.waitUntilTrue("server A on the other database", timeout: 20) { ((try? String(contentsOfFile: log, encoding: .utf8)) ?? "").contains("serving \(other)") }
        #expect(((try? String(contentsOfFile: log, encoding: .utf8)) ?? "").contains("is not of \(other)'s log; folded the whole log instead"))
        #expect(try a.cli("queue", ["--view", "all"]).stdout.hasPrefix("All: 0 cases"), "the other desk is empty, as its log")
    }
}

extension FrontlineEndToEnd {
    @Test("kill -9 a server on PostgreSQL: nothing acknowledged is lost and its console reconnects to it restarted; stop the database: the console says nothing is stored, and everything resumes when it is back")
    func aLostServerOrDatabaseLosesNothing() throws {
        let desk = try TwoServerDesk(height: 50)
        let (a, b, pg, id) = (desk.a, desk.b, desk.pg, desk.id)
        // B's side knows its desk is in PostgreSQL: with its server gone a command is refused,
        // never written to a local journal beside the desk.
        try b.writeConfig("[store]\nurl = \"\(pg.url)\"\npassfile = \"\(pg.passfile)\"\n")
        for n in 1...6 { #expect(try b.cli("note", [id, "note \(n) through B"]).status == 0) }
        try b.launchConsole()
        try b.waitFor("Åsa Lindqvist")
        // Notes stream through B, each one's number kept once acknowledged; B is killed mid-stream.
        let acknowledged = b.root + "/acknowledged"
        let loop = "for i in $(seq 1 400); do \"$0\" note --data-dir \"$1\" --agent bob \(id) \"stream $i\" >/dev/null 2>&1 && echo $i >> \"$2\" || break; done"
        let writer = try MailCommandFixtures.spawnInBackground(b, "/bin/bash", ["-c", loop, b.binary, b.dataDir, acknowledged])
        try b.waitUntilTrue("ten notes acknowledged through B", timeout: 30) {
            ((try? String(contentsOfFile: acknowledged, encoding: .utf8)) ?? "").split(separator: "\n").count >= 10
        }
        kill(desk.serverB, SIGKILL)
        _ = MailCommandFixtures.reap(desk.serverB, timeout: 10)
        #expect(MailCommandFixtures.reap(writer, timeout: 30), "the writer stops at its first refusal")
        try b.waitFor("reconnecting", timeout: 10)
        let numbers = ((try? String(contentsOfFile: acknowledged, encoding: .utf8)) ?? "").split(separator: "\n").map(String.init)
        let onA = try a.cli("show", [id]).stdout
        let lines = onA.components(separatedBy: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        #expect(numbers.count >= 10 && numbers.allSatisfy { n in lines.contains { $0.hasSuffix("stream \(n)") } },
                "every acknowledged note (\(numbers.count)) is on the desk server A serves")
        #expect((1...6).allSatisfy { onA.contains("note \($0) through B") })
        let gone = try b.cli("note", [id, "with B gone"])
        #expect(gone.status != 0 && gone.stderr.contains("the desk's log is in PostgreSQL"), "\(gone.stderr)")
        desk.serverB = try TwoServerDesk.serve(b, pg, log: b.root + "/serve-b2.log", snapshotEvents: 5)
        try b.waitUntil("bob's console to reconnect") { !$0.lastLine.contains("reconnecting") && $0.contains("Åsa Lindqvist") }
        #expect(try a.cli("note", [id, "after B came back"]).status == 0)
        try b.waitFor("after B came back", timeout: 10)
        // B snapshots every five events as it folds: killed again, it restarts from a snapshot, not the whole log.
        let other = try #require(try a.intake([IntakeLine.matti]).first)   // another case: Åsa's history pane stays as it is
        for n in 1...12 { #expect(try a.cli("note", [other, "folded by B \(n)"]).status == 0) }
        try b.waitUntilTrue("server B to fold the notes", timeout: 10) { (try? b.cli("show", [other]).stdout.contains("folded by B 12")) == true }
        try b.waitUntilTrue("B's snapshot of the log", timeout: 10) { FileManager.default.fileExists(atPath: b.dataDir + "/postgres-cache/anchor") }
        kill(desk.serverB, SIGKILL)
        _ = MailCommandFixtures.reap(desk.serverB, timeout: 10)
        desk.serverB = try TwoServerDesk.serve(b, pg, log: b.root + "/serve-b3.log", snapshotEvents: 5)
        let reopened = (try? String(contentsOfFile: b.root + "/serve-b3.log", encoding: .utf8)) ?? ""
        #expect(reopened.contains("opened from the snapshot at event "), "\(reopened)")
        try b.waitUntil("bob's console to reconnect again") { !$0.lastLine.contains("reconnecting") && $0.contains("Åsa Lindqvist") }

        // The database goes away: the console says so before anyone tries, nothing is
        // acknowledged, and when it is back the console says that too.
        try a.typeShellLine([a.binary, "wallboard", "--data-dir", a.dataDir].map(TmuxSession.shellQuote).joined(separator: " "))
        try a.waitFor("FRONTLINE")
        try pg.stop(immediate: true)
        try b.waitFor("stores nothing now: the desk's database cannot be reached", timeout: 10)
        try a.waitFor("⚠ the frontline server stores nothing now", timeout: 10)   // the wallboard on server A says it too
        try b.sendKeys("n")
        try b.sendText("while the database is down")
        try b.sendKeys("Enter")
        try b.waitFor("cannot be reached", timeout: 15)
        let refused = try a.cli("note", [id, "refused while down"])
        #expect(refused.status != 0 && refused.stderr.contains("cannot be reached"), "\(refused.stderr)")
        try pg.restart()
        try b.waitFor("connected again", timeout: 15)
        try a.waitUntil("the wallboard's warning gone", timeout: 15) { !$0.contains("stores nothing now") }
        try a.sendKeys("q")
        #expect(try a.cli("note", [id, "after the database came back"]).status == 0)
        try b.waitFor("after the database came back", timeout: 15)
        let shown = try b.cli("show", [id]).stdout
        #expect(!shown.contains("refused while down") && shown.contains("note 6 through B"), "\(shown.suffix(600))")
        try b.sendKeys("q")
    }
}
