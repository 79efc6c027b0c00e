import Foundation
import FrontlineCore

/// The store a team server runs on: the journal in a data directory (`LocalCaseService`) or the
/// desk's event log in PostgreSQL (`PostgresCaseService`). Everything `CaseServer`, `serve` and
/// the mail sender need of it.
public protocol DeskStore: CaseService, Sendable {
    /// Group commit: per command its events or its refusal, decided in order; throws when
    /// nothing of the batch was stored.
    @discardableResult
    func performBatch(_ commands: [(command: Command, actor: String, at: Date?)], mailingReplies: Bool) throws -> [Result<[Event], CommandError>]
    /// The rules and mail settings `decide` uses, set from config (and on SIGHUP).
    var authority: GoodwillAuthority { get set }
    var outboundMail: OutboundMailSettings { get set }
    /// The local directory the server runs in: its socket, its lock, server.log, the outbox.
    var dataDirectory: String { get }
    /// What to call the store in messages: the data directory, or the database's URL.
    var location: String { get }
    /// The opened snapshot, as a joining console's copy while nothing has changed (nil: encode one).
    var snapshotAtOpen: (deskSequence: UInt64, payload: StoredBytes)? { get }
    /// Every event in order, consistently, a chunk at a time; callable from another thread.
    func forEachEventWhileOpen(_ body: ([Event]) throws -> Void) throws
    /// The server's `check`: what must happen between commands now, and the long part to run on a thread.
    func checkErrand() -> @Sendable () -> (lines: [String], failure: String?)
    /// Events other servers committed that this store folded while deciding (no I/O); the
    /// server hands them to its consoles before its own.
    func takeForeignEvents() -> [Event]
    /// Whether this server does the desk's own work — mailing replies, keeping promises, asking
    /// how we did. With several servers on one database exactly one does.
    var runsDeskWork: Bool { get }
    /// Before close: make the next open fast.
    func snapshotNow() throws
}

extension DeskStore {
    @discardableResult
    public func performBatch(_ commands: [(command: Command, actor: String, at: Date?)]) throws -> [Result<[Event], CommandError>] {
        try performBatch(commands, mailingReplies: true)
    }

    public var location: String { dataDirectory }
    public func takeForeignEvents() -> [Event] { [] }
    public var runsDeskWork: Bool { true }
}

extension LocalCaseService: DeskStore {
    /// Commands wait only while the files are framed and checksummed; reading every case of the
    /// newest snapshot happens on the errand's thread.
    public func checkErrand() -> @Sendable () -> (lines: [String], failure: String?) {
        let framing = withFilesAtRest { StoreChecker.check(directory: $0, snapshotContents: .framingOnly) }
        return { [self] in
            var report = framing
            if let newest = report.snapshotSequences.first,
               let problem = withDataDirectory({ StoreChecker.contentProblem(ofSnapshotAt: newest, directory: $0) }) {
                report.findings.append(problem)
                report.isHealthy = false
            }
            return (report.lines(dataDirectory: dataDirectory), report.isHealthy ? nil : "problems found in \(dataDirectory) (listed above)")
        }
    }
}
