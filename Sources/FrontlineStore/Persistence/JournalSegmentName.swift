/// A journal segment file, "journal-<20-digit first sequence>.log". The name carries the
/// sequence of the segment's first record, so the chain of segments can be checked for gaps
/// without reading them.
struct JournalSegmentName: Sendable, Equatable, Comparable {
    static let prefix = "journal-"
    static let suffix = ".log"

    let firstSequence: UInt64

    var fileName: String {
        let digits = String(firstSequence)
        return Self.prefix + String(repeating: "0", count: max(0, 20 - digits.count)) + digits + Self.suffix
    }

    init(firstSequence: UInt64) {
        self.firstSequence = firstSequence
    }

    /// Parses exactly the names we write; anything else (".torn-…" copies, stray files) is not a segment.
    init?(fileName: String) {
        guard fileName.hasPrefix(Self.prefix), fileName.hasSuffix(Self.suffix) else { return nil }
        let digits = fileName.dropFirst(Self.prefix.count).dropLast(Self.suffix.count)
        guard digits.count == 20, digits.allSatisfy({ $0 >= "0" && $0 <= "9" }),
              let value = UInt64(digits) else { return nil }
        firstSequence = value
    }

    static func < (lhs: Self, rhs: Self) -> Bool { lhs.firstSequence < rhs.firstSequence }

    /// Segments present in the directory, oldest first.
    static func list(in directory: DataDirectory) throws -> [JournalSegmentName] {
        try PosixFile.entries(ofDirectory: directory.path).compactMap(JournalSegmentName.init(fileName:)).sorted()
    }
}
