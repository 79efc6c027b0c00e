import Foundation
import FrontlineCore

/// The case store held in this process: the fold of snapshot + journal, kept durable by
/// journaling every event (fsync) before acknowledging it, and snapshotted in the background.
public final class LocalCaseService: CaseService, @unchecked Sendable {
    // @unchecked: `desk` and the counters are only touched under `lock`; the journal is thread-safe.
    private let lock = NSLock()
    private var state: HelpDesk
    private let journal: Journal
    private let directory: DataDirectory
    private var directoryLock: DataDirectoryLock?
    private let clock: WallClock
    private let encoder = JournalCodec.makeEncoder()
    public let recoveryNotes: [String]
    /// Take a snapshot after this many journal records (commands) since the last one.
    public var snapshotInterval: Int
    private var eventsSinceSnapshot = 0
    private let snapshotQueue = DispatchQueue(label: "frontline.snapshot")
    private var snapshotInFlight = false
    private var problem: String?

    /// Every customer message's raw bytes, kept before the message is journaled.
    public let rawMail: RawMailStore
    private var outbound: OutboundMailSettings = .embedded
    /// How replies go out as mail (From, Message-ID domain); the embedded default until configured.
    public var outboundMail: OutboundMailSettings {
        get { lock.withLock { outbound } }
        set { lock.withLock { outbound = newValue } }
    }

    private var rules: GoodwillAuthority = .embedded
    /// Who may give what goodwill on their own (`[authority]` and `[team]` of the config).
    public var authority: GoodwillAuthority {
        get { lock.withLock { rules } }
        set { lock.withLock { rules = newValue } }
    }

    public var desk: HelpDesk { lock.withLock { state } }
    /// fdatasync calls the journal has made (group commit: fewer than commands).
    public var journalSyncs: Int { journal.syncCount }
    public var backgroundProblem: String? { lock.withLock { problem } }
    public var dataDirectory: String { directory.path }
    /// The snapshot the store opened from, when no journal record came after it: its payload is
    /// then the desk's copy as it stands, which a server can hand a joining console without
    /// encoding one (until the first change). `deskSequence` is the desk's last event then.
    public private(set) var snapshotAtOpen: (deskSequence: UInt64, payload: StoredBytes)?

    /// Opens (or creates) the store in `path`, taking the data directory's lock for this process's lifetime.
    public init(path: String, owner: String, clock: WallClock = SystemClock(), snapshotInterval: Int = 20_000) throws {
        self.clock = clock
        self.snapshotInterval = snapshotInterval
        directory = try DataDirectory.prepare(path: path)
        rawMail = RawMailStore(directory: directory)
        let held = try directory.lock(owner: owner)
        JournalFreeze.removeLeftovers(in: directory)
        var notes: [String] = []
        var desk = HelpDesk()
        var after: UInt64 = 0
        do {
            var snapshot: StoredBytes?
            if let snap = try SnapshotStore.loadNewest(directory: directory) {
                snapshot = snap.payload
                notes += snap.notes.map(\.description)
                do {
                    desk = try HelpDesk(snapshot: snap.payload)
                } catch {
                    throw StoreOpenError("the snapshot at journal record \(snap.sequence) in \(path) verifies but cannot be read (\(error)); move it aside to rebuild from the journal")
                }
                after = snap.sequence
            }
            let opened = try Journal.open(directory: directory, afterSequence: after)
            notes += opened.notes.map(\.description)
            for record in opened.records {
                for event in try Self.decodeRecord(record, path: path) { desk.apply(event) }
            }
            eventsSinceSnapshot = opened.records.count
            if let snapshot, opened.records.isEmpty { snapshotAtOpen = (desk.lastSequence, snapshot) }
            journal = opened.journal
        } catch {
            held.release()
            throw error
        }
        directoryLock = held
        state = desk
        recoveryNotes = notes
    }

    @discardableResult
    public func perform(_ command: Command, actor: String, at: Date?) throws -> [Event] {
        let command = try keepingRawMail(command)
        return try lock.withLock {
            let now = at ?? clock.now()
            let changes = try state.decide(command, actor: actor, now: now, outbound: outbound, authority: rules)
            guard !changes.isEmpty else { return [] }
            let events = state.stamp(changes, actor: actor, now: now)
            // One journal record per command: a torn write loses the whole command, never half
            // of it (a case opened without its message). Durable before it counts.
            _ = try journal.append([Array(try encoder.encode(events))])
            for e in events { state.apply(e) }
            eventsSinceSnapshot += 1
            if eventsSinceSnapshot >= snapshotInterval { startSnapshotLocked() }
            return events
        }
    }

    public func pollChanges() -> [Event] { [] }

    public func performAll(_ commands: [Command], actor: String) throws -> [Result<[Event], CommandError>] {
        try performBatch(commands.map { ($0, actor, nil) })
    }

    /// A mail's raw bytes go to the raw store (durably) before anything of it is journaled; the
    /// journaled command carries only their name. Outside the lock: other commands need not
    /// wait for a big message's fsync.
    /// Many mails at once go into one pack file: one fsync, not one per message.
    private func keepingRawMail(_ commands: [(command: Command, actor: String, at: Date?)]) throws -> [(command: Command, actor: String, at: Date?)] {
        let mailIndexes = commands.indices.filter { if case let .receiveMail(m) = commands[$0].command { return !m.rawBytes.isEmpty }; return false }
        guard mailIndexes.count > 1 else { return try commands.map { (try keepingRawMail($0.command), $0.actor, $0.at) } }
        let raws = mailIndexes.map { i -> [UInt8] in if case let .receiveMail(m) = commands[i].command { return m.rawBytes }; return [] }
        let keys = try rawMail.putPack(raws)
        var out = commands
        for (i, key) in zip(mailIndexes, keys) {
            guard case var .receiveMail(m) = out[i].command else { continue }
            m.details.raw = key
            m.rawBytes = []
            out[i].command = .receiveMail(m)
        }
        return out
    }

    private func keepingRawMail(_ command: Command) throws -> Command {
        guard case var .receiveMail(m) = command, !m.rawBytes.isEmpty else { return command }
        m.details.raw = try rawMail.put(m.rawBytes)
        m.rawBytes = []
        return .receiveMail(m)
    }

    /// Performs many commands with one journal write and one fsync (group commit), as many
    /// writers' worth of batching would. Commands the store refuses are skipped; returns, per
    /// command, its events or its refusal.
    @discardableResult
    /// `mailingReplies: false` records replies without mailing them (the demo's made-up history).
    public func performBatch(_ commands: [(command: Command, actor: String, at: Date?)], mailingReplies: Bool) throws -> [Result<[Event], CommandError>] {
        let commands = try keepingRawMail(commands)
        return try lock.withLock {
            // Decided and applied in place, command by command, so later commands see earlier
            // ones; copying the whole desk per batch would cost more than the fsync it saves.
            var results: [Result<[Event], CommandError>] = []
            var payloads: [[UInt8]] = []
            for item in commands {
                let now = item.at ?? clock.now()
                do {
                    let changes = try state.decide(item.command, actor: item.actor, now: now, outbound: mailingReplies ? outbound : nil, authority: rules)
                    let events = state.stamp(changes, actor: item.actor, now: now)
                    for e in events { state.apply(e) }
                    if !events.isEmpty { payloads.append(Array(try encoder.encode(events))) }
                    results.append(.success(events))
                } catch let refusal as CommandError {
                    results.append(.failure(refusal))
                }
            }
            guard !payloads.isEmpty else { return results }
            do {
                _ = try journal.append(payloads)
            } catch {
                // Not durable, so not true: go back to exactly what is on disk.
                state = (try? Self.readDurableState(directory: directory)) ?? state
                problem = "the journal failed and nothing more can be saved: \(error)"
                throw error
            }
            eventsSinceSnapshot += payloads.count
            if eventsSinceSnapshot >= snapshotInterval { startSnapshotLocked() }
            return results
        }
    }

    /// Takes events decided elsewhere (a migration from PostgreSQL) as they are: journaled in one
    /// write, a record each, then applied. Each must come after the store's last sequence.
    public func importEvents(_ events: [Event]) throws {
        guard !events.isEmpty else { return }
        try lock.withLock {
            var last = state.lastSequence
            for e in events {
                guard e.sequence > last else {
                    throw StoreOpenError("\(directory.path): event \(e.sequence) does not come after \(last); the log to import is out of order")
                }
                last = e.sequence
            }
            _ = try journal.append(try events.map { Array(try encoder.encode([$0])) })
            for e in events { state.apply(e) }
            eventsSinceSnapshot += events.count
            if eventsSinceSnapshot >= snapshotInterval { startSnapshotLocked() }
        }
    }


    /// The state as the files hold it (newest good snapshot + live journal), read-only.
    static func readDurableState(directory: DataDirectory) throws -> HelpDesk {
        var desk = HelpDesk()
        var after: UInt64 = 0
        if let snap = try SnapshotStore.loadNewest(directory: directory) {
            desk = try HelpDesk(snapshot: snap.payload)
            after = snap.sequence
        }
        for record in try JournalHistory.liveRecords(directory: directory, afterSequence: after) {
            for event in try decodeRecord(record, path: directory.path) { desk.apply(event) }
        }
        return desk
    }

    /// Every event ever journaled, oldest first, archived segments included (the audit trail).
    public func forEachJournaledEvent(_ body: (Event) throws -> Void) throws {
        let path = directory.path
        // A segment at a time: the whole log of a big store need not fit in memory.
        try JournalHistory.forEachRecord(directory: directory) { records in
            for record in records {
                for event in try Self.decodeRecord(record, path: path) { try body(event) }
            }
        }
    }

    /// The events of one journal record (one command).
    static func decodeRecord(_ record: JournalRecord, path: String) throws -> [Event] {
        do {
            return try JournalCodec.makeDecoder().decode([Event].self, from: Data(record.payload))
        } catch {
            throw StoreOpenError("journal record \(record.sequence) in \(path) has a valid checksum but cannot be read (\(error)); it was written by a newer or broken frontline — run `frontline check`")
        }
    }

    /// Runs `body` while no snapshot is being written, no segment retired and no command
    /// appended, so files read in it are consistent (a server's `export --events` and `check`).
    /// Commands wait meanwhile; keep it to reading.
    public func withFilesAtRest<T>(_ body: (DataDirectory) throws -> T) rethrows -> T {
        // The snapshot queue first, then the lock: the snapshot thread takes them in that order too.
        try snapshotQueue.sync { try lock.withLock { try body(directory) } }
    }

    /// The data directory, for reading files that never change once written (snapshots) without
    /// holding up commands, as `withFilesAtRest` does.
    public func withDataDirectory<T>(_ body: (DataDirectory) throws -> T) rethrows -> T { try body(directory) }

    /// Every journaled event, archived and live, in order, read consistently while the store is
    /// open, a segment at a time. Commands wait only while a still picture of the journal is
    /// taken (links and a copy of the live segment), not while the log is read and decoded.
    public func forEachEventWhileOpen(_ body: ([Event]) throws -> Void) throws {
        let frozen = try withFilesAtRest { try JournalFreeze.make(of: $0) }
        defer { JournalFreeze.remove(frozen) }
        let path = directory.path
        try JournalHistory.forEachRecord(directory: frozen) { records in
            var events: [Event] = []
            for record in records { events += try Self.decodeRecord(record, path: path) }
            try body(events)
        }
    }

    /// All of them at once (tests and small stores).
    public func journaledEvents() throws -> [Event] {
        var all: [Event] = []
        try forEachEventWhileOpen { all += $0 }
        return all
    }

    /// Writes a snapshot of the current state on a background thread; the caller never waits.
    public func snapshotInBackground() {
        lock.withLock { startSnapshotLocked() }
    }

    /// Writes a snapshot now and waits for it (used by `close` and tests).
    public func snapshotNow() throws {
        let (copy, seq) = try lock.withLock { () throws -> (HelpDesk, UInt64) in
            try journal.startNewSegment()
            eventsSinceSnapshot = 0
            return (state, journal.lastSequence)
        }
        snapshotQueue.sync {}
        try writeSnapshot(copy, sequence: seq)
    }

    private func startSnapshotLocked() {
        guard !snapshotInFlight else { return }
        do {
            try journal.startNewSegment()
        } catch {
            problem = "could not start a new journal segment: \(error)"
            return
        }
        snapshotInFlight = true
        eventsSinceSnapshot = 0
        let copy = state   // an immutable copy: the console keeps working on `state`
        let seq = journal.lastSequence
        snapshotQueue.async { [self] in
            var failure: String?
            do { try writeSnapshot(copy, sequence: seq) } catch { failure = "snapshot failed: \(error)" }
            lock.withLock {
                snapshotInFlight = false
                if let failure { problem = failure }
            }
        }
    }

    private func writeSnapshot(_ copy: HelpDesk, sequence: UInt64) throws {
        try SnapshotStore.write(copy.snapshotBytes(), sequence: sequence, directory: directory)
        // Keep what the previous generation needs: if the newest snapshot is ever unreadable,
        // recovery starts from the one before it plus the journal after it.
        let generations = SnapshotStore.generations(directory: directory)
        if generations.count >= 2 {
            try journal.retireSegments(through: generations[1])
        }
    }

    public func close() {
        guard lock.withLock({ directoryLock != nil }) else { return }   // closing twice is harmless
        snapshotQueue.sync {}
        let pending = lock.withLock { eventsSinceSnapshot }
        if pending >= max(1, snapshotInterval / 4) {
            do { try snapshotNow() } catch { lock.withLock { problem = "final snapshot failed: \(error)" } }
        }
        lock.withLock {
            journal.close()
            directoryLock?.release()
            directoryLock = nil
        }
    }

    deinit {
        directoryLock?.release()
    }
}

/// A store that cannot be opened, with what to do about it.
public struct StoreOpenError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
