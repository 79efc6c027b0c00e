import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Append-only journal in segment files "journal-<20-digit first sequence>.log" (0600) in the
/// data directory. Frame: u32 LE payload length | u32 LE CRC32C of (sequence bytes + payload) |
/// u64 LE sequence | payload. Max payload 64 MiB (a larger length is corruption).
///
/// Thread-safe. Appends are acknowledged only once their bytes are fdatasync'ed, and concurrent
/// appends share one write and one fdatasync (group commit).
public final class Journal: @unchecked Sendable {
    private struct ActiveSegment {
        let name: JournalSegmentName
        let path: String
        let fd: Int32
        /// Bytes known to hold complete, durable frames; the next write goes here.
        var length: Int
    }

    /// The first failure of a write or fsync. The journal never retries after one: once fsync has
    /// failed, the kernel may have dropped the dirty pages, so a later success proves nothing.
    private struct Failure {
        let cause: StoreError
        /// Appends whose records are at or below this were in the failed write.
        let failedThrough: UInt64
    }

    private let directory: DataDirectory
    private let fileOperations: JournalFileOperations
    private let condition = NSCondition()

    // Everything below is guarded by `condition`.
    private var active: ActiveSegment
    private var olderSegments: [JournalSegmentName]
    private var nextSequence: UInt64
    private var durableSequence: UInt64
    /// Encoded frames waiting for the next leader; their sequences are already assigned.
    private var pendingFrames: [UInt8] = []
    /// True while one thread (the leader) writes and syncs outside the lock.
    private var isFlushing = false
    private var failure: Failure?
    private var isClosed = false
    private var syncs = 0

    private init(directory: DataDirectory, fileOperations: JournalFileOperations, active: ActiveSegment,
                 olderSegments: [JournalSegmentName], lastSequence: UInt64) {
        self.directory = directory
        self.fileOperations = fileOperations
        self.active = active
        self.olderSegments = olderSegments
        self.nextSequence = lastSequence + 1
        self.durableSequence = lastSequence
    }

    deinit {
        close()
    }

    /// Reads and verifies every segment and returns the records with sequence > afterSequence, in order.
    ///
    /// A torn record at the very end of the newest segment (an interrupted append: a partial
    /// header, a length past the end, a bad checksum, trailing zeros — anything after which no
    /// intact record follows) is cut off: its bytes are kept in "<segment>.torn-<offset>", the
    /// segment is truncated and synced, and a `RecoveryNote` says so. Damage anywhere else throws
    /// `.corruptRecord`; sequences that do not run on throw `.sequenceGap`. Segments may begin
    /// at or before afterSequence + 1 (older records are skipped), never after it.
    ///
    /// `fileOperations` replaces the write and fdatasync calls of appends (for fault tests).
    public static func open(directory: DataDirectory, afterSequence: UInt64,
                            fileOperations: JournalFileOperations = .posix)
        throws -> (journal: Journal, records: [JournalRecord], notes: [RecoveryNote]) {
        let inspection = JournalInspection.inspect(directory: directory, afterSequence: afterSequence, keepPayloads: true)
        if let problem = inspection.problems.first { throw problem }
        var notes: [RecoveryNote] = []
        if let torn = inspection.tornTail {
            notes.append(try JournalTornTailCut.cut(torn, directory: directory))
        }

        let lastSequence = max(afterSequence, inspection.lastIntactSequence ?? 0)
        var olderSegments = inspection.segments.map(\.name)
        let active: ActiveSegment
        if let newest = inspection.segments.last,
           newest.scan.nextSequence(firstSequence: newest.name.firstSequence) == lastSequence + 1 {
            olderSegments.removeLast()
            let fd = try PosixFile.open(newest.path, flags: O_WRONLY, operation: "open journal file")
            _ = fchmod(fd, PosixFile.privateFileMode)
            active = ActiveSegment(name: newest.name, path: newest.path, fd: fd, length: newest.scan.intactLength)
        } else {
            // No segment yet, or the journal ends before the snapshot: records continue in a fresh segment.
            active = try createSegment(JournalSegmentName(firstSequence: lastSequence + 1), in: directory)
        }
        let journal = Journal(directory: directory, fileOperations: fileOperations, active: active,
                              olderSegments: olderSegments, lastSequence: lastSequence)
        return (journal, inspection.records, notes)
    }

    /// max(afterSequence, sequence of the last durable record).
    public var lastSequence: UInt64 {
        condition.lock()
        defer { condition.unlock() }
        return durableSequence
    }

    /// How many fdatasync calls appends have made; with group commit, fewer than appends.
    public var syncCount: Int {
        condition.lock()
        defer { condition.unlock() }
        return syncs
    }

    /// Assigns the next sequence numbers, writes the frames and makes them durable (fdatasync)
    /// before returning. Concurrent callers are batched: one leader writes everything pending
    /// with one write and one fdatasync while the others wait for their own ranges.
    ///
    /// After a failed write or fsync the journal is failed for good: that call throws `.io`
    /// and every later one `.journalFailed`. Nothing is retried.
    public func append(_ payloads: [[UInt8]]) throws -> ClosedRange<UInt64> {
        precondition(!payloads.isEmpty, "Journal.append needs at least one payload")
        if let oversized = payloads.first(where: { $0.count > JournalFrame.maxPayloadLength }) {
            throw StoreError(kind: .io(operation: "append", path: directory.path, errno: EFBIG), description:
                "could not save a change of \(oversized.count) bytes in the journal in \(directory.path): a record may hold at most 64 MiB. Nothing was saved; make the change smaller")
        }
        condition.lock()
        defer { condition.unlock() }
        if let refusal = refusalLocked() { throw refusal }

        let first = nextSequence
        for payload in payloads {
            JournalFrame.append(sequence: nextSequence, payload: payload, to: &pendingFrames)
            nextSequence += 1
        }
        let last = nextSequence - 1
        while durableSequence < last && failure == nil {
            if isFlushing {
                condition.wait()
            } else {
                flushPendingLocked()
            }
        }
        if durableSequence >= last { return first...last }
        throw errorForUnsavedRecordsLocked(through: last)
    }

    /// Starts a new segment file for the next record (used before a snapshot so old segments can
    /// be retired). Pending appends are made durable in the current segment first.
    public func startNewSegment() throws {
        condition.lock()
        defer { condition.unlock() }
        try drainLocked()
        let name = JournalSegmentName(firstSequence: nextSequence)
        if name == active.name { return }  // the active segment is still empty and already starts there
        // Created while holding the lock: appenders wait one create + fsync, and rotation is rare.
        let segment = try Journal.createSegment(name, in: directory)
        PosixFile.close(active.fd)
        olderSegments.append(active.name)
        active = segment
    }

    /// Archives whole segments all of whose records have sequence <= `sequence` (never the active
    /// segment), then fsyncs the directory.
    public func retireSegments(through sequence: UInt64) throws {
        condition.lock()
        let starts = olderSegments.map(\.firstSequence) + [active.name.firstSequence]
        var retired: [JournalSegmentName] = []
        for (index, segment) in olderSegments.enumerated() {
            let lastInSegment = starts[index + 1] - 1  // a segment ends where the next begins
            guard lastInSegment <= sequence else { break }
            retired.append(segment)
        }
        olderSegments.removeFirst(retired.count)
        condition.unlock()

        guard !retired.isEmpty else { return }
        // Retired segments move to archive/ rather than being deleted: they are not read at
        // open (so start-up stays fast), but the full event history — the audit trail — stays.
        let archive = try DataDirectory.prepare(path: directory.filePath(JournalHistory.archiveFolder))
        var firstError: Error?
        for segment in retired {
            do {
                try PosixFile.rename(directory.filePath(segment.fileName), to: archive.filePath(segment.fileName))
            } catch {
                firstError = firstError ?? error
            }
        }
        try PosixFile.fsyncDirectory(archive.path)
        try PosixFile.fsyncDirectory(directory.path)
        if let firstError { throw firstError }
    }

    /// Makes pending appends durable, then closes the active segment. Later appends throw.
    public func close() {
        condition.lock()
        defer { condition.unlock() }
        while isFlushing || (!pendingFrames.isEmpty && failure == nil) {
            if isFlushing {
                condition.wait()
            } else {
                flushPendingLocked()
            }
        }
        if !isClosed {
            isClosed = true
            PosixFile.close(active.fd)
        }
        condition.broadcast()
    }

    // MARK: - Group commit

    /// Writes and syncs everything pending as the leader. Called with the lock held and no
    /// flush running; drops the lock for the I/O so followers can queue the next batch.
    private func flushPendingLocked() {
        isFlushing = true
        let frames = pendingFrames
        pendingFrames = []
        let batchLast = nextSequence - 1
        let segment = active

        condition.unlock()
        let outcome = writeDurably(frames, to: segment)
        condition.lock()

        if outcome.synced { syncs += 1 }
        if let error = outcome.error {
            failure = Failure(cause: error, failedThrough: batchLast)
            // Take back a partial frame so a restart does not find half a record (best effort:
            // if this fails too, recovery cuts it as a torn tail).
            if ftruncate(segment.fd, off_t(segment.length)) == 0 { _ = fileOperations.synchronize(segment.fd) }
        } else {
            active.length = segment.length + frames.count
            durableSequence = batchLast
        }
        isFlushing = false
        condition.broadcast()
    }

    private func writeDurably(_ frames: [UInt8], to segment: ActiveSegment) -> (error: StoreError?, synced: Bool) {
        let writeError: StoreError? = frames.withUnsafeBytes { buffer in
            var done = 0
            while done < buffer.count {
                let written = fileOperations.write(segment.fd, UnsafeRawBufferPointer(rebasing: buffer[done...]),
                                                   Int64(segment.length + done))
                if written <= 0 {
                    return failedToSave(operation: "write", path: segment.path, errno: written < 0 ? Int32(-written) : EIO)
                }
                done += written
            }
            return nil
        }
        if let writeError { return (writeError, false) }
        let code = fileOperations.synchronize(segment.fd)
        if code != 0 { return (failedToSave(operation: "fdatasync", path: segment.path, errno: code), true) }
        return (nil, true)
    }

    /// Waits until nothing is pending or in flight. Throws if the journal cannot take writes.
    private func drainLocked() throws {
        while true {
            if let refusal = refusalLocked() { throw refusal }
            if isFlushing {
                condition.wait()
            } else if !pendingFrames.isEmpty {
                flushPendingLocked()
            } else {
                return
            }
        }
    }

    // MARK: - Errors

    private func failedToSave(operation: String, path: String, errno code: Int32) -> StoreError {
        StoreError(kind: .io(operation: operation, path: path, errno: code), description:
            "could not save changes: \(operation) of journal file \(path) failed: \(String(cString: strerror(code))) (errno \(code)). Frontline stops saving now and will not retry (after a failed write or fsync the disk's state is unknown); everything acknowledged before this is safe. Fix the cause (free disk space, check the disk), then restart Frontline")
    }

    /// Why a new append cannot be taken, or nil when it can.
    private func refusalLocked() -> StoreError? {
        if let failure {
            return StoreError(kind: .journalFailed, description:
                "the journal in \(directory.path) stopped saving after an earlier failure, so this change was NOT saved. The failure: \(failure.cause.description)")
        }
        if isClosed {
            return StoreError(kind: .journalFailed, description:
                "the journal in \(directory.path) is closed, so this change was NOT saved; reopen the store to save again")
        }
        return nil
    }

    private func errorForUnsavedRecordsLocked(through last: UInt64) -> StoreError {
        if let failure, last <= failure.failedThrough { return failure.cause }
        return refusalLocked() ?? StoreError(.journalFailed)
    }

    // MARK: - Segments

    private static func createSegment(_ name: JournalSegmentName, in directory: DataDirectory) throws -> ActiveSegment {
        let path = directory.filePath(name.fileName)
        let fd = try PosixFile.createExclusive(path)
        do {
            try PosixFile.fsync(fd, path: path)
            try PosixFile.fsyncDirectory(directory.path)  // the new name must survive a crash
        } catch {
            PosixFile.close(fd)
            throw error
        }
        return ActiveSegment(name: name, path: path, fd: fd, length: 0)
    }
}
