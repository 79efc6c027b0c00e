import Foundation
import FrontlineStore
import Synchronization
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// A unique temporary folder for one test. Call `remove()` (usually in a `defer`).
struct PersistenceTestFolder {
    let root: String

    init() {
        root = FileManager.default.temporaryDirectory
            .appendingPathComponent("frontline-persistence-\(UUID().uuidString)").path
        try? FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
    }

    /// The data directory path inside the folder ("<root>/data" unless named otherwise).
    func path(_ name: String = "data") -> String { root + "/" + name }

    func prepare(_ name: String = "data") throws -> DataDirectory {
        try DataDirectory.prepare(path: path(name))
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: root)
    }
}

enum PersistenceFiles {
    static func bytes(_ path: String) -> [UInt8] {
        FileManager.default.contents(atPath: path).map { [UInt8]($0) } ?? []
    }

    static func write(_ bytes: [UInt8], to path: String) throws {
        try Data(bytes).write(to: URL(fileURLWithPath: path))
    }

    static func append(_ bytes: [UInt8], to path: String) throws {
        try write(self.bytes(path) + bytes, to: path)
    }

    static func names(in directory: DataDirectory) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []).sorted()
    }

    /// Every file's name and bytes, to prove a read-only operation changed nothing.
    static func contents(of directory: DataDirectory) -> [String: [UInt8]] {
        Dictionary(uniqueKeysWithValues: names(in: directory).map { ($0, bytes(directory.filePath($0))) })
    }

    static func mode(_ path: String) -> mode_t {
        var info = stat()
        guard lstat(path, &info) == 0 else { return 0 }
        return info.st_mode & 0o7777
    }

    static func segmentName(_ firstSequence: UInt64) -> String {
        "journal-" + String(format: "%020llu", firstSequence) + ".log"
    }

    static func snapshotName(_ sequence: UInt64) -> String {
        "snapshot-" + String(format: "%020llu", sequence) + ".snap"
    }

    /// A journal frame built from the documented format, independently of the library's encoder.
    static func frame(sequence: UInt64, payload: [UInt8]) -> [UInt8] {
        var sequenceBytes: [UInt8] = []
        withUnsafeBytes(of: sequence.littleEndian) { sequenceBytes.append(contentsOf: $0) }
        var frame: [UInt8] = []
        withUnsafeBytes(of: UInt32(payload.count).littleEndian) { frame.append(contentsOf: $0) }
        withUnsafeBytes(of: CRC32C.checksum(sequenceBytes + payload).littleEndian) { frame.append(contentsOf: $0) }
        return frame + sequenceBytes + payload
    }

    static func payload(_ text: String) -> [UInt8] { Array(text.utf8) }
}

/// Makes the journal's disk fail on demand, the way a full or broken disk would.
final class PersistenceDiskFault: Sendable {
    let failSync = Atomic<Bool>(false)
    /// The next write stores only a few bytes, and every write after that fails with ENOSPC.
    let partialWriteThenFull = Atomic<Bool>(false)
    private let partialWriteDone = Atomic<Bool>(false)

    var operations: JournalFileOperations {
        JournalFileOperations(
            write: { fd, bytes, offset in
                if self.partialWriteThenFull.load(ordering: .sequentiallyConsistent) {
                    if self.partialWriteDone.exchange(true, ordering: .sequentiallyConsistent) { return -Int(ENOSPC) }
                    return pwrite(fd, bytes.baseAddress, min(5, bytes.count), off_t(offset))
                }
                return JournalFileOperations.posix.write(fd, bytes, offset)
            },
            synchronize: { fd in
                self.failSync.load(ordering: .sequentiallyConsistent) ? EIO : JournalFileOperations.posix.synchronize(fd)
            })
    }
}
