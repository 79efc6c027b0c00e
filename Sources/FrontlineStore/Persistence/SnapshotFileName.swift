/// A snapshot file, "snapshot-<20-digit sequence>.snap"; while being written it is
/// "snapshot-<20-digit sequence>.snap.tmp", which never counts as a generation.
struct SnapshotFileName: Sendable, Equatable, Comparable {
    static let prefix = "snapshot-"
    static let suffix = ".snap"
    static let temporarySuffix = ".snap.tmp"

    let sequence: UInt64

    init(sequence: UInt64) {
        self.sequence = sequence
    }

    init?(fileName: String) {
        guard fileName.hasPrefix(Self.prefix), fileName.hasSuffix(Self.suffix) else { return nil }
        let digits = fileName.dropFirst(Self.prefix.count).dropLast(Self.suffix.count)
        guard digits.count == 20, digits.allSatisfy({ $0 >= "0" && $0 <= "9" }),
              let value = UInt64(digits) else { return nil }
        sequence = value
    }

    var fileName: String {
        let digits = String(sequence)
        return Self.prefix + String(repeating: "0", count: max(0, 20 - digits.count)) + digits + Self.suffix
    }

    var temporaryFileName: String { fileName + ".tmp" }

    static func isTemporary(_ fileName: String) -> Bool {
        fileName.hasPrefix(prefix) && fileName.hasSuffix(temporarySuffix)
    }

    static func < (lhs: Self, rhs: Self) -> Bool { lhs.sequence < rhs.sequence }

    /// Snapshot files present, newest first.
    static func list(in directory: DataDirectory) throws -> [SnapshotFileName] {
        try PosixFile.entries(ofDirectory: directory.path).compactMap(SnapshotFileName.init(fileName:)).sorted(by: >)
    }
}
