#if canImport(Glibc)
import Glibc
#endif

/// Removes an interrupted append from the end of the newest segment. The cut bytes are first
/// copied, durably, to "<segment>.torn-<offset>" so nothing is ever discarded unseen; only then
/// is the segment truncated.
enum JournalTornTailCut {
    static func cut(_ torn: JournalInspection.TornTail, directory: DataDirectory) throws -> RecoveryNote {
        let fd = try PosixFile.open(torn.path, flags: O_RDWR, operation: "open journal file")
        defer { PosixFile.close(fd) }
        let fileLength = try PosixFile.size(fd, path: torn.path)
        let tornBytes = try PosixFile.read(fd, offset: torn.offset, count: max(0, fileLength - torn.offset), path: torn.path)
        let copyPath = try writeCopy(tornBytes, segmentPath: torn.path, offset: torn.offset)
        // The copy's directory entry must be durable before the original bytes go.
        try PosixFile.fsyncDirectory(directory.path)
        try PosixFile.truncate(fd, to: torn.offset, path: torn.path)
        try PosixFile.fsync(fd, path: torn.path)

        let segmentName = torn.path.split(separator: "/").last.map(String.init) ?? torn.path
        let copyName = copyPath.split(separator: "/").last.map(String.init) ?? copyPath
        let lastGood = torn.lastIntactSequence.map { "the last intact record is sequence \($0)" } ?? "no intact record precedes it"
        return RecoveryNote("\(segmentName): cut a torn record of \(tornBytes.count) bytes at offset \(torn.offset) (\(torn.damage); an interrupted append that was never acknowledged; \(lastGood)). The cut bytes are kept in \(copyName)")
    }

    /// Writes the copy under a name no earlier cut used.
    private static func writeCopy(_ bytes: [UInt8], segmentPath: String, offset: Int) throws -> String {
        let base = "\(segmentPath).torn-\(offset)"
        var attempt = 1
        while true {
            let path = attempt == 1 ? base : "\(base).\(attempt)"
            let fd: Int32
            do {
                fd = try PosixFile.createExclusive(path)
            } catch let error as StoreError where error.kind == .io(operation: "create", path: path, errno: EEXIST) {
                attempt += 1
                continue
            }
            defer { PosixFile.close(fd) }
            try PosixFile.writeAll(fd, bytes, path: path)
            try PosixFile.fsync(fd, path: path)
            return path
        }
    }
}
