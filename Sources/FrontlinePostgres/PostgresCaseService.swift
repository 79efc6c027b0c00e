import Foundation
import FrontlineCore
import FrontlineStore

/// A team server's store on the desk's event log in PostgreSQL. Like the local store it folds
/// the log into memory and decides there; a batch is acknowledged only once its events are
/// committed. Several servers may share one database: each event's sequence is the primary key,
/// so a server that decided on a desk another server has moved on from cannot commit — it folds
/// what it missed and decides again (a take race: one wins, the other is told who). LISTEN is
/// the wake-up, the table the truth: a missed notification is caught by the next look at the
/// table's head.
public final class PostgresCaseService: DeskStore, @unchecked Sendable {
    public let url: PostgresURL
    public let recoveryNotes: [String]
    /// How the desk was opened: "from its snapshot at event N, then M events" or "folded N events".
    public let opening: String
    private let directory: DataDirectory
    /// This server's snapshots of the log (`<data dir>/postgres-cache`): a restart reads the
    /// newest and only the events after it.
    private let cache: DataDirectory
    private let directoryLock: DataDirectoryLock
    private let clock: WallClock
    private let lock = NSLock()
    private var db: PostgresConnection?
    private var listener: PostgresConnection?
    private var state: HelpDesk
    /// Each case's events counted (desk-wide ones under ""): the version the next event takes.
    private var caseVersions: [CaseID: Int]
    /// Folded from other servers while deciding, not yet handed to the server's consoles.
    private var foreign: [Event] = []
    private var problem: String?
    private var lastHeadCheck = Date.distantPast
    /// The last event folded, which a snapshot's anchor names; and the snapshot's pace.
    private var lastEvent: Event?
    private var eventsSinceSnapshot = 0
    private var snapshotInFlight = false
    private let snapshotInterval: Int
    private let snapshotQueue = DispatchQueue(label: "frontline.postgres.snapshot")
    private var holdsDeskWork = false
    private var deskWorkCheckedAt = Date.distantPast
    private var rules = GoodwillAuthority.embedded
    private var outbound: OutboundMailSettings = .embedded
    /// The transaction lock every server's write takes first (pg_advisory_xact_lock): writes
    /// to one desk are decided one after another, each on the log as it stands.
    static let deskWriteLock: Int64 = 0x4652_4F4E_5457_5254   // "FRONTWRT"
    static let channel = "frontline_events"
    /// The session lock that makes one server the desk's worker (mail, promises, feedback).
    static let deskWorkLock: Int64 = 0x4652_4F4E_5457_524B   // "FRONTWRK"

    /// Connects, checks the schema, folds the whole log and starts listening. `runDirectory` is
    /// the local data directory the server runs in (socket, lock, log, outbox).
    /// `snapshotInterval`: a snapshot in the background after this many events folded (and one
    /// when the server stops), so even a killed server restarts from a recent one.
    public init(url: PostgresURL, runDirectory: String, owner: String, clock: WallClock = SystemClock(), snapshotInterval: Int = 100_000) throws {
        self.url = url
        self.clock = clock
        self.snapshotInterval = max(1, snapshotInterval)
        directory = try DataDirectory.prepare(path: runDirectory)
        directoryLock = try directory.lock(owner: owner)
        do {
            let db = try PostgresConnection(url)
            try PostgresSchema.require(db)
            cache = try DataDirectory.prepare(path: directory.filePath("postgres-cache"))
            var notes: [String] = []
            var desk = HelpDesk()
            var versions: [CaseID: Int] = [:]
            if let (snapshot, note) = Self.cachedSnapshot(in: cache, of: db) {
                // Opened from a snapshot of the same log (this server's, or one copied from
                // another server's data directory); the rest is read after it.
                desk = snapshot
                versions = try Self.cachedVersions(in: cache, through: desk.lastSequence) ?? Self.caseVersions(db, through: desk.lastSequence)
                if let note { notes.append(note) }
            }
            let from = desk.lastSequence
            let (after, last) = try PostgresEventLog(db).fold(into: &desk, versions: &versions)
            lastEvent = last
            opening = from > 0 ? "opened from the snapshot at event \(from), then \(after) events after it" : "folded the whole log, \(after) events"
            state = desk
            caseVersions = versions
            self.db = db
            recoveryNotes = notes
            listener = try Self.listen(url)
        } catch {
            directoryLock.release()
            throw error
        }
    }

    private static func listen(_ url: PostgresURL) throws -> PostgresConnection {
        let l = try PostgresConnection(url, connectTimeout: 3)
        try l.execute("LISTEN \(channel)")
        return l
    }

    deinit { directoryLock.release() }

    // MARK: CaseService

    public var desk: HelpDesk { lock.withLock { state } }
    public var backgroundProblem: String? { lock.withLock { problem } }
    public var dataDirectory: String { directory.path }
    public var location: String { url.redacted }
    public var snapshotAtOpen: (deskSequence: UInt64, payload: StoredBytes)? { nil }
    public var changeFeedDescriptor: Int32? { lock.withLock { listener.map(\.socket).flatMap { $0 >= 0 ? $0 : nil } } }

    public var authority: GoodwillAuthority {
        get { lock.withLock { rules } }
        set { lock.withLock { rules = newValue } }
    }

    public var outboundMail: OutboundMailSettings {
        get { lock.withLock { outbound } }
        set { lock.withLock { outbound = newValue } }
    }

    @discardableResult
    public func perform(_ command: Command, actor: String, at: Date?) throws -> [Event] {
        switch try performBatch([(command, actor, at)], mailingReplies: true)[0] {
        case let .success(events): return events
        case let .failure(refusal): throw refusal
        }
    }

    public func performAll(_ commands: [Command], actor: String) throws -> [Result<[Event], CommandError>] {
        try performBatch(commands.map { ($0, actor, nil) }, mailingReplies: true)
    }

    /// Decided and committed in one transaction that first takes the desk's write lock and
    /// folds whatever other servers committed before it: so every batch is decided on the desk
    /// as the log stands, and its sequences follow the last one (the primary key would refuse
    /// anything else). A take race between two servers: the second decides after the first's
    /// commit, and its agent is told who took the case.
    @discardableResult
    public func performBatch(_ commands: [(command: Command, actor: String, at: Date?)], mailingReplies: Bool) throws -> [Result<[Event], CommandError>] {
        let (commands, raw) = Self.keepingRawMail(commands)
        return try lock.withLock {
            let db = try connectedLocked()
            var before = state, versionsBefore = caseVersions
            do {
                let results = try db.transaction { () throws -> [Result<[Event], CommandError>] in
                    try db.execute("SELECT pg_advisory_xact_lock($1)", [.int(Self.deskWriteLock)])
                    try refreshLocked(db)
                    // What others committed stays folded whatever becomes of this batch.
                    before = state
                    versionsBefore = caseVersions
                    var results: [Result<[Event], CommandError>] = []
                    var rows: [(event: Event, caseVersion: Int)] = []
                    for item in commands {
                        let now = item.at ?? clock.now()
                        do {
                            let changes = try state.decide(item.command, actor: item.actor, now: now, outbound: mailingReplies ? outbound : nil, authority: rules)
                            let events = state.stamp(changes, actor: item.actor, now: now)
                            for e in events {
                                state.apply(e)
                                caseVersions[e.caseID, default: 0] += 1
                                rows.append((e, caseVersions[e.caseID]!))
                            }
                            results.append(.success(events))
                        } catch let refusal as CommandError {
                            results.append(.failure(refusal))
                        }
                    }
                    guard !rows.isEmpty else { return results }
                    for (key, bytes) in raw {
                        try db.execute("INSERT INTO frontline_raw_mail (key, bytes) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING", [.text(key), .bytes(bytes)])
                    }
                    try PostgresEventLog(db).insert(rows)
                    try db.execute("SELECT pg_notify($1, $2)", [.text(Self.channel), .text(String(rows.last!.event.sequence))])
                    return results
                }
                problem = nil
                if let e = results.lazy.compactMap({ try? $0.get().last }).last { lastEvent = e }
                foldedLocked(results.reduce(0) { $0 + ((try? $1.get().count) ?? 0) })
                return results
            } catch {
                // Not committed, so not true: back to the desk as the log stands.
                state = before
                caseVersions = versionsBefore
                lostLocked(error)
                if db.isOpen == false { throw PostgresError(.connection, "the desk's database cannot be reached: nothing is stored until it is back (\(error))") }
                throw error
            }
        }
    }

    /// What other servers committed since the last look: on a notification, or every second or
    /// so in case one was missed (a reconnected listener hears nothing of what it slept through).
    public func pollChanges() -> [Event] {
        lock.withLock {
            var look = false
            if let l = listener {
                do { look = !(try l.notifications().isEmpty) } catch { listener = nil; look = true }
            }
            let now = Date()
            if now.timeIntervalSince(lastHeadCheck) >= 1 { look = true }
            if look, let db = try? connectedLocked() {
                lastHeadCheck = now
                do { try refreshLocked(db) } catch { lostLocked(error) }
                if listener == nil { listener = try? Self.listen(url) }
            }
            defer { foreign = [] }
            return foreign
        }
    }

    public func takeForeignEvents() -> [Event] {
        lock.withLock {
            defer { foreign = [] }
            return foreign
        }
    }

    /// One server at a time holds the desk's work (a session lock: it passes on by itself when
    /// that server's connection ends). Looked at again every few seconds by the others.
    public var runsDeskWork: Bool {
        lock.withLock {
            if holdsDeskWork { return db?.isOpen == true }
            let now = Date()
            guard now.timeIntervalSince(deskWorkCheckedAt) >= 3, let db = try? connectedLocked() else { return false }
            deskWorkCheckedAt = now
            holdsDeskWork = (try? db.execute("SELECT pg_try_advisory_lock($1)", [.int(Self.deskWorkLock)]).string(0, 0)) == "t"
            return holdsDeskWork
        }
    }

    public func forEachEventWhileOpen(_ body: ([Event]) throws -> Void) throws {
        // A connection of its own: libpq connections are not for two threads, and the loop's is the loop's.
        let reader = try PostgresConnection(url)
        defer { reader.close() }
        // Up to the head as it stood when asked: a consistent prefix of a log that only grows.
        let head = try PostgresEventLog(reader).extent().lastSequence
        do {
            try PostgresEventLog(reader).forEachEvent { batch in
                let upTo = batch.filter { $0.sequence <= head }
                if !upTo.isEmpty { try body(upTo) }
                if upTo.count < batch.count { throw StopReading() }
            }
        } catch is StopReading {}
    }

    private struct StopReading: Error {}

    public func checkErrand() -> @Sendable () -> (lines: [String], failure: String?) {
        let url = self.url, held = desk
        return {
            do {
                let reader = try PostgresConnection(url)
                defer { reader.close() }
                var folded = HelpDesk()
                var expected: UInt64 = 1, count = 0
                var gap: String?
                try PostgresEventLog(reader).forEachEvent { batch in
                    for e in batch {
                        if gap == nil, e.sequence != expected { gap = "event \(expected) is missing (the next is \(e.sequence))" }
                        expected = e.sequence + 1
                        folded.apply(e)
                        count += 1
                    }
                }
                var lines = ["\(url.redacted): \(count) events, every one readable"]
                if let gap { lines.append("the log has a gap: \(gap)") }
                // Compared when the log stands where the desk stood (it may have moved on meanwhile).
                let differs = folded.lastSequence == held.lastSequence && folded.digest() != held.digest()
                if differs { lines.append("the desk this server holds differs from the log's fold at event \(held.lastSequence)") }
                return (lines, gap == nil && !differs ? nil : "problems found in \(url.redacted) (listed above)")
            } catch {
                return (["\(url.redacted): \(error)"], "cannot check \(url.redacted): \(error)")
            }
        }
    }

    /// A snapshot of the desk as folded, beside an anchor naming the log's event it ends with (its
    /// sequence and a digest of that event), so a snapshot is never laid under another desk's log.
    public func snapshotNow() throws {
        let (desk, versions, last) = lock.withLock { (state, caseVersions, lastEvent) }
        guard let last, desk.lastSequence == last.sequence else { return }
        try snapshotQueue.sync { try Self.writeSnapshot(desk, versions: versions, last: last, into: cache) }
    }

    static func writeSnapshot(_ desk: HelpDesk, versions: [CaseID: Int], last: Event, into cache: DataDirectory) throws {
        guard let digest = anchorDigest(last) else { return }
        _ = try SnapshotStore.write(desk.snapshotBytes(), sequence: desk.lastSequence, directory: cache)
        // The cases' versions with it, so a restart need not count a million cases' events.
        var lines = "\(desk.lastSequence)\n"
        for (id, v) in versions { lines += "\(id)\t\(v)\n" }
        _ = FileManager.default.createFile(atPath: cache.filePath("versions"), contents: Data(lines.utf8), attributes: [.posixPermissions: 0o600])
        guard FileManager.default.createFile(atPath: cache.filePath("anchor"), contents: Data("\(desk.lastSequence) \(digest)\n".utf8), attributes: [.posixPermissions: 0o600]) else {
            throw PostgresError(.statement(sqlState: "frontline-cache"), "\(cache.path): cannot write the snapshot's anchor")
        }
    }

    /// The digest an anchor keeps of an event: its journal encoding with sorted keys, the same
    /// whichever server wrote the row.
    static func anchorDigest(_ e: Event) -> String? {
        let encoder = JournalCodec.makeEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return (try? encoder.encode(e)).map { ContentDigest.hex(Array($0)) }
    }

    /// The newest snapshot in `cache` if its anchor matches the log at `db`; a note when one was
    /// there but belongs to another log (then the whole log is folded).
    static func cachedSnapshot(in cache: DataDirectory, of db: PostgresConnection) -> (HelpDesk, String?)? {
        guard let loaded = try? SnapshotStore.loadNewest(directory: cache) else { return nil }
        let anchor = (try? String(contentsOfFile: cache.filePath("anchor"), encoding: .utf8))?.split(separator: " ").map(String.init) ?? []
        let body = (try? db.execute("SELECT body FROM frontline_events WHERE seq = $1", [.int(Int64(loaded.sequence))]).bytes(0, 0)) ?? nil
        guard anchor.count == 2, UInt64(anchor[0]) == loaded.sequence, let body, let event = try? JournalCodec.decode(body),
              anchorDigest(event) == anchor[1].trimmingCharacters(in: .whitespacesAndNewlines),
              let desk = try? HelpDesk(snapshot: loaded.payload), desk.lastSequence == loaded.sequence else {
            return (HelpDesk(), "\(cache.path): the snapshot there is not of \(db.location)'s log; folded the whole log instead")
        }
        return (desk, nil)
    }

    /// The versions written with the snapshot at `sequence`, if they are there and of it.
    static func cachedVersions(in cache: DataDirectory, through sequence: UInt64) -> [CaseID: Int]? {
        guard let text = try? String(contentsOfFile: cache.filePath("versions"), encoding: .utf8) else { return nil }
        var lines = text.split(separator: "\n")[...]
        guard let first = lines.popFirst(), UInt64(first) == sequence else { return nil }
        var versions: [CaseID: Int] = [:]
        versions.reserveCapacity(lines.count)
        for line in lines {
            let parts = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard parts.count == 2, let v = Int(parts[1]) else { return nil }
            versions[String(parts[0])] = v
        }
        return versions
    }

    /// Each case's version as the log has it up to `sequence`.
    static func caseVersions(_ db: PostgresConnection, through sequence: UInt64) throws -> [CaseID: Int] {
        let rows = try db.execute("SELECT case_id, max(case_version) FROM frontline_events WHERE seq <= $1 GROUP BY case_id", [.int(Int64(sequence))])
        var versions: [CaseID: Int] = [:]
        versions.reserveCapacity(rows.count)
        for i in 0..<rows.count { if let id = rows.string(i, 0), let v = rows.int(i, 1) { versions[id] = Int(v) } }
        return versions
    }

    public func close() {
        lock.withLock {
            db?.close()
            listener?.close()
            db = nil
            listener = nil
        }
        directoryLock.release()
    }

    // MARK: The connection

    /// The write connection, connected again if it was lost (and the log caught up); else the
    /// reason nothing can be stored.
    private func connectedLocked() throws -> PostgresConnection {
        if let db, db.isOpen { return db }
        db?.close()
        db = nil
        do {
            let fresh = try PostgresConnection(url, connectTimeout: 3)
            db = fresh
            holdsDeskWork = false
            try refreshLocked(fresh)
            if listener == nil { listener = try? Self.listen(url) }
            problem = nil
            return fresh
        } catch {
            lostLocked(error)
            throw PostgresError(.connection, "the desk's database cannot be reached: nothing is stored until it is back (\(location): \(error))")
        }
    }

    private func lostLocked(_ error: Error) {
        if let e = error as? PostgresError, e.kind == .connection || !(db?.isOpen ?? false) {
            db?.close()
            db = nil
            holdsDeskWork = false
            problem = "the desk's database cannot be reached: nothing is stored until it is back (\(location))"
        }
    }

    /// Folds the events committed after the desk this server holds, and keeps them for its consoles.
    private func refreshLocked(_ db: PostgresConnection) throws {
        try PostgresEventLog(db).forEachEvent(after: state.lastSequence) { batch in
            for e in batch {
                state.apply(e)
                caseVersions[e.caseID, default: 0] += 1
            }
            foreign += batch
            lastEvent = batch.last ?? lastEvent
            foldedLocked(batch.count)
        }
    }

    /// Counts events toward the next background snapshot, and starts it when they are enough
    /// (a copy of the desk is cheap: its tables share structure until changed).
    private func foldedLocked(_ count: Int) {
        eventsSinceSnapshot += count
        guard eventsSinceSnapshot >= snapshotInterval, !snapshotInFlight, let last = lastEvent else { return }
        eventsSinceSnapshot = 0
        snapshotInFlight = true
        let (desk, versions, cache) = (state, caseVersions, self.cache)
        snapshotQueue.async { [weak self] in
            do { try Self.writeSnapshot(desk, versions: versions, last: last, into: cache) } catch {
                FileHandle.standardError.write(Data("snapshot of the log failed: \(error); the database has everything\n".utf8))
            }
            self?.lock.withLock { self?.snapshotInFlight = false }
        }
    }

    /// Raw mail goes into the database with its events (content-addressed: a batch decided
    /// again writes the same rows), and the command carries only its key.
    static func keepingRawMail(_ commands: [(command: Command, actor: String, at: Date?)]) -> ([(command: Command, actor: String, at: Date?)], [(String, [UInt8])]) {
        var raw: [(String, [UInt8])] = []
        let out = commands.map { item -> (command: Command, actor: String, at: Date?) in
            guard case var .receiveMail(m) = item.command, !m.rawBytes.isEmpty else { return item }
            let key = ContentDigest.hex(m.rawBytes)
            raw.append((key, m.rawBytes))
            m.details.raw = key
            m.rawBytes = []
            return (.receiveMail(m), item.actor, item.at)
        }
        return (out, raw)
    }
}
