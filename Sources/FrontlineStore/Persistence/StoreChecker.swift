#if canImport(Glibc)
import Glibc
#endif
import FrontlineCore

/// What `frontline check` found. `findings` are sentences for a person; `isHealthy` is true
/// only when there are none.
public struct StoreCheckReport: Sendable {
    public var findings: [String]
    /// Findings that are the ordinary leftovers of a crash (a torn, never-acknowledged last
    /// record; a half-written snapshot temp file): the next open repairs them and nothing
    /// acknowledged is missing, so they do not make the store unhealthy.
    public var repairedAtNextOpen: [String] = []
    public var isHealthy: Bool
    /// Sequences of the snapshots that verify, newest first.
    public var snapshotSequences: [UInt64]
    /// Intact records in all journal segments (including those already covered by a snapshot).
    public var journalRecordCount: Int
    /// max(newest snapshot that verifies, highest intact journal record): how far the data reaches.
    public var lastSequence: UInt64

    public init(findings: [String], isHealthy: Bool, snapshotSequences: [UInt64], journalRecordCount: Int, lastSequence: UInt64) {
        self.findings = findings
        self.isHealthy = isHealthy
        self.snapshotSequences = snapshotSequences
        self.journalRecordCount = journalRecordCount
        self.lastSequence = lastSequence
    }
}

/// Read-only verification for `frontline check`: reads snapshots and journal with the same code
/// start-up uses, but never modifies anything (no torn-tail cut, no temp-file removal).
/// Safe to run beside a running Frontline, though an append in flight may then show as a torn tail.
public enum StoreChecker {
    /// How far a snapshot is read: its framing and checksum, or also every case in it (what
    /// `frontline check` does; opening reads only the cases' heads). The persistence layer's own
    /// tests write payloads that are not a desk.
    public enum SnapshotContents: Sendable { case framingOnly, helpDesk }

    public static func check(directory: DataDirectory, snapshotContents: SnapshotContents = .helpDesk) -> StoreCheckReport {
        var findings: [String] = []
        var repaired: [String] = []
        let entries: [String]
        do {
            entries = try PosixFile.entries(ofDirectory: directory.path)
        } catch {
            return StoreCheckReport(findings: ["\(error)"], isHealthy: false, snapshotSequences: [],
                                    journalRecordCount: 0, lastSequence: 0)
        }
        findings += permissionFindings(directory: directory, entries: entries)

        var goodSnapshots: [UInt64] = []
        for entry in entries.sorted() where SnapshotFileName.isTemporary(entry) {
            let leftover = "\(directory.filePath(entry)) is left over from an interrupted snapshot write; the next start removes it"
            findings.append(leftover)
            repaired.append(leftover)
        }
        for name in (try? SnapshotFileName.list(in: directory)) ?? [] {
            let path = directory.filePath(name.fileName)
            do {
                switch SnapshotFormat.decode(try MappedFile.map(path), sequence: name.sequence) {
                case let .payload(payload):
                    if snapshotContents == .helpDesk, let problem = contentProblem(payload, path: path) {
                        findings.append(problem)
                    } else {
                        goodSnapshots.append(name.sequence)
                    }
                case let .damaged(damage):
                    findings.append("snapshot \(path) is damaged (\(damage)); a start falls back to an older snapshot generation if one verifies")
                }
            } catch {
                findings.append("\(error)")
            }
        }

        let snapshotSequence = goodSnapshots.first ?? 0
        let inspection = JournalInspection.inspect(directory: directory, afterSequence: snapshotSequence, keepPayloads: false)
        findings += inspection.problems.map(\.description)
        if let torn = inspection.tornTail {
            findings.append(torn.description)
            repaired.append(torn.description)
        }

        var report = StoreCheckReport(findings: findings, isHealthy: findings.count == repaired.count, snapshotSequences: goodSnapshots,
                                journalRecordCount: inspection.intactRecordCount,
                                lastSequence: max(snapshotSequence, inspection.lastIntactSequence ?? 0))
        report.repairedAtNextOpen = repaired
        return report
    }

    /// Every case of a snapshot read whole (opening reads only the cases' heads): nil when all
    /// read, else the finding. A server runs this outside its files-at-rest section (snapshot
    /// files never change once written), so commands do not wait for it.
    public static func contentProblem(ofSnapshotAt sequence: UInt64, directory: DataDirectory) -> String? {
        let path = directory.filePath(SnapshotFileName(sequence: sequence).fileName)
        do {
            guard case let .payload(payload) = SnapshotFormat.decode(try MappedFile.map(path), sequence: sequence) else {
                return "snapshot \(path) no longer verifies"
            }
            return contentProblem(payload, path: path)
        } catch {
            return "\(error)"
        }
    }

    private static func contentProblem(_ payload: StoredBytes, path: String) -> String? {
        do {
            try HelpDesk(snapshot: payload).verifyStoredThreads()
            return nil
        } catch {
            return "snapshot \(path) verifies but its contents cannot be read (\(error)); move it aside and a start falls back to an older generation or the journal"
        }
    }

    /// Customer data must not be readable by others: the directory 0700, its files 0600.
    private static func permissionFindings(directory: DataDirectory, entries: [String]) -> [String] {
        var findings: [String] = []
        // 0710 is a team server's setting (its group may pass through to run/, never list or read).
        if let info = try? PosixFile.linkStatus(directory.path), PosixFile.permissionBits(info) & 0o067 != 0 {
            findings.append("data directory \(directory.path) has mode \(octal(PosixFile.permissionBits(info))); run `chmod 700 \(directory.path)`")
        }
        for entry in entries.sorted() {
            let path = directory.filePath(entry)
            guard let info = try? PosixFile.linkStatus(path), !PosixFile.isDirectory(info) else { continue }
            if PosixFile.permissionBits(info) & 0o077 != 0 {
                findings.append("\(path) has mode \(octal(PosixFile.permissionBits(info))) and may hold customer data; run `chmod 600 \(path)`")
            }
        }
        return findings
    }

    private static func octal(_ mode: mode_t) -> String {
        "0" + String(mode, radix: 8)
    }
}

extension StoreCheckReport {
    /// The report as `frontline check` prints it, the same whether the store or the server ran it.
    public func lines(dataDirectory path: String) -> [String] {
        var out = ["data directory: \(path)",
                   "snapshots: \(snapshotSequences.isEmpty ? "none" : snapshotSequences.map { "at record \($0)" }.joined(separator: ", "))",
                   "journal: \(journalRecordCount) records, last sequence \(lastSequence)"]
        for f in findings where !repairedAtNextOpen.contains(f) { out.append("  - \(f)") }
        for f in repairedAtNextOpen { out.append("  - after a crash (the next start repairs it; nothing acknowledged is missing): \(f)") }
        if isHealthy { out.append("healthy") }
        return out
    }
}
