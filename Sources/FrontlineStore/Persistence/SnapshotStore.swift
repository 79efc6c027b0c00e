#if canImport(Glibc)
import Glibc
#endif
import FrontlineCore

/// Snapshots: the whole state at a journal sequence, so start-up need not replay from the
/// beginning. Two generations are kept, so a damaged newest snapshot still leaves a way back
/// (the journal is retired only up to the older one).
public enum SnapshotStore {
    /// How many snapshot files survive a new write.
    public static let generationsKept = 2

    /// Writes "snapshot-<20-digit sequence>.snap" (0600) as temp file → fsync → rename → fsync
    /// directory, so a crash leaves either the old set or the new file whole. Then deletes all
    /// but the newest two generations. Returns the file name.
    @discardableResult
    public static func write(_ payload: [UInt8], sequence: UInt64, directory: DataDirectory) throws -> String {
        let name = SnapshotFileName(sequence: sequence)
        let temporaryPath = directory.filePath(name.temporaryFileName)
        let finalPath = directory.filePath(name.fileName)
        try PosixFile.removeIfPresent(temporaryPath)  // left by an interrupted write of this same sequence

        let fd = try PosixFile.createExclusive(temporaryPath)
        do {
            defer { PosixFile.close(fd) }
            try PosixFile.writeAll(fd, SnapshotFormat.header(sequence: sequence, payload: payload), path: temporaryPath)
            try PosixFile.writeAll(fd, payload, path: temporaryPath)
            try PosixFile.fsync(fd, path: temporaryPath)
        } catch {
            try? PosixFile.removeIfPresent(temporaryPath)
            throw error
        }
        do {
            try PosixFile.rename(temporaryPath, to: finalPath)
        } catch {
            try? PosixFile.removeIfPresent(temporaryPath)
            throw error
        }
        try PosixFile.fsyncDirectory(directory.path)
        removeOldGenerations(directory: directory)
        return name.fileName
    }

    /// The newest snapshot that verifies. A damaged newer one is moved aside to
    /// "<name>.corrupt" (so it no longer counts as a generation) and a `RecoveryNote` says so.
    /// Leftover temp files are removed. nil when there is no snapshot; throws `.corruptSnapshot`
    /// when snapshot files exist but none verifies (then nothing is changed).
    /// The payload is mapped from its file (see `MappedFile`), its pages let go once verified.
    public static func loadNewest(directory: DataDirectory) throws -> (sequence: UInt64, payload: StoredBytes, notes: [RecoveryNote])? {
        for entry in try PosixFile.entries(ofDirectory: directory.path) where SnapshotFileName.isTemporary(entry) {
            try PosixFile.removeIfPresent(directory.filePath(entry))
        }
        let names = try SnapshotFileName.list(in: directory)
        guard let newest = names.first else { return nil }

        var damaged: [(name: SnapshotFileName, damage: SnapshotFormat.Damage)] = []
        for name in names {
            let file = try MappedFile.map(directory.filePath(name.fileName))
            switch SnapshotFormat.decode(file, sequence: name.sequence) {
            case let .damaged(damage):
                damaged.append((name, damage))
            case let .payload(payload):
                MappedFile.release(file)
                let notes = damaged.map { moveAside($0.name, damage: $0.damage, usedInstead: name, directory: directory) }
                if !damaged.isEmpty { try? PosixFile.fsyncDirectory(directory.path) }
                return (name.sequence, payload, notes)
            }
        }
        let list = damaged.map { "\($0.name.fileName) (\($0.damage))" }.joined(separator: ", ")
        throw StoreError(kind: .corruptSnapshot(file: directory.filePath(newest.fileName)), description:
            "no snapshot in \(directory.path) verifies: \(list). Nothing was changed. Restore the data directory from a backup; if the journal still starts at sequence 1, moving the snapshot files aside lets Frontline rebuild from the journal alone. Run `frontline check` for details")
    }

    /// Sequences of the snapshot files present, newest first.
    public static func generations(directory: DataDirectory) -> [UInt64] {
        ((try? SnapshotFileName.list(in: directory)) ?? []).map(\.sequence)
    }

    /// Deletion failures are ignored: an extra old snapshot never endangers data.
    private static func removeOldGenerations(directory: DataDirectory) {
        guard let names = try? SnapshotFileName.list(in: directory) else { return }
        for name in names.dropFirst(generationsKept) {
            try? PosixFile.removeIfPresent(directory.filePath(name.fileName))
        }
    }

    private static func moveAside(_ name: SnapshotFileName, damage: SnapshotFormat.Damage,
                                  usedInstead: SnapshotFileName, directory: DataDirectory) -> RecoveryNote {
        let asideName = name.fileName + ".corrupt"
        let outcome: String
        do {
            try PosixFile.rename(directory.filePath(name.fileName), to: directory.filePath(asideName))
            outcome = "it was moved to \(asideName) for inspection"
        } catch {
            outcome = "it could not be moved aside (\(error)), so it still counts as a snapshot generation"
        }
        return RecoveryNote("\(name.fileName) is damaged (\(damage)); started from the previous snapshot \(usedInstead.fileName) (sequence \(usedInstead.sequence)) and the journal after it instead; \(outcome)")
    }
}
