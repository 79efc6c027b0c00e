import Foundation

/// A small, fast binary format for snapshots: little-endian varints and length-prefixed UTF-8.
/// JSON was 10× slower to write and read at 100,000 cases; the journal keeps JSON (one small
/// record per command, easy to inspect).
public struct BinaryWriter {
    public private(set) var bytes: [UInt8] = []

    public init(capacity: Int = 1 << 16) { bytes.reserveCapacity(capacity) }

    public mutating func uint(_ v: UInt64) {
        var v = v
        while v >= 0x80 {
            bytes.append(UInt8(v & 0x7F) | 0x80)
            v >>= 7
        }
        bytes.append(UInt8(v))
    }

    public mutating func int(_ v: Int) { uint(UInt64(bitPattern: Int64(v)) << 1 ^ UInt64(bitPattern: Int64(v) >> 63)) }
    public mutating func bool(_ v: Bool) { bytes.append(v ? 1 : 0) }

    public mutating func string(_ s: String) {
        var s = s
        s.withUTF8 { utf8 in
            uint(UInt64(utf8.count))
            bytes.append(contentsOf: utf8)
        }
    }

    public mutating func optionalString(_ s: String?) {
        bool(s != nil)
        if let s { string(s) }
    }

    /// An enum as its position in `allCases`: one byte instead of a string to build and compare.
    public mutating func code<E: CaseIterable & Equatable>(_ v: E) where E.AllCases == [E] {
        uint(UInt64(E.allCases.firstIndex(of: v)!))
    }

    /// Milliseconds since 1970, like the journal: a date reads back equal.
    public mutating func date(_ d: Date) { int(Int((d.timeIntervalSince1970 * 1000).rounded())) }

    public mutating func optionalDate(_ d: Date?) {
        bool(d != nil)
        if let d { date(d) }
    }

    /// Eight bytes to be filled in later with `patchFixed64` (a length not known until what it
    /// measures is written, so nothing has to be written twice); returns where they are.
    public mutating func reserveFixed64() -> Int {
        bytes.append(contentsOf: repeatElement(0, count: 8))
        return bytes.count - 8
    }

    public mutating func patchFixed64(at position: Int, _ value: UInt64) {
        for i in 0..<8 { bytes[position + i] = UInt8(truncatingIfNeeded: value >> (8 * UInt64(i))) }
    }

    /// Bytes written before, copied as they are (a record carried over from stored bytes).
    public mutating func raw(_ b: UnsafeRawBufferPointer) { bytes.append(contentsOf: b) }
}

/// Reads what `BinaryWriter` wrote, from stored bytes (all of them, or one record's range).
/// Offsets are from the start of the stored bytes, so an error names the byte in the file.
public struct BinaryReader {
    public struct Malformed: Error, CustomStringConvertible {
        public let description: String
    }

    public let stored: StoredBytes
    private let base: UnsafeRawBufferPointer
    private let end: Int
    public private(set) var offset: Int

    public init(_ bytes: [UInt8]) { self.init(StoredBytes(copying: bytes)) }

    public init(_ stored: StoredBytes, range: Range<Int>? = nil) {
        self.stored = stored
        base = stored.buffer
        offset = range?.lowerBound ?? 0
        end = range?.upperBound ?? stored.count
    }

    public var isAtEnd: Bool { offset == end }

    func fail(_ what: String) -> Malformed { Malformed(description: "\(what) at byte \(offset)") }

    public mutating func uint() throws -> UInt64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard offset < end else { throw fail("truncated number") }
            let b = base[offset]
            offset += 1
            guard shift < 64 else { throw fail("number too long") }
            result |= UInt64(b & 0x7F) << shift
            if b < 0x80 { return result }
            shift += 7
        }
    }

    public mutating func int() throws -> Int {
        let z = try uint()
        return Int(Int64(bitPattern: (z >> 1) ^ (0 &- (z & 1))))
    }

    public mutating func count(limit: Int = 1 << 30) throws -> Int {
        let n = try uint()
        guard n <= UInt64(limit), n <= UInt64(end - offset) * 8 + 8 else { throw fail("implausible count \(n)") }
        return Int(n)
    }

    /// What `reserveFixed64`/`patchFixed64` wrote: eight bytes, little-endian.
    public mutating func fixed64() throws -> UInt64 {
        guard end - offset >= 8 else { throw fail("truncated length") }
        var v: UInt64 = 0
        for i in 0..<8 { v |= UInt64(base[offset + i]) << (8 * UInt64(i)) }
        offset += 8
        return v
    }

    /// The next `n` bytes' range, stepped over (a record to be read later).
    public mutating func skip(_ n: UInt64) throws -> Range<Int> {
        guard n <= UInt64(end - offset) else { throw fail("a record of \(n) bytes runs past the end") }
        defer { offset += Int(n) }
        return offset..<(offset + Int(n))
    }

    public mutating func bool() throws -> Bool {
        guard offset < end else { throw fail("truncated flag") }
        defer { offset += 1 }
        switch base[offset] {
        case 0: return false
        case 1: return true
        default: throw fail("bad flag")
        }
    }

    public mutating func string() throws -> String {
        let n = try uint()
        guard n <= UInt64(end - offset) else { throw fail("string runs past the end") }
        let start = offset
        offset += Int(n)
        return String(decoding: UnsafeRawBufferPointer(rebasing: base[start..<offset]), as: UTF8.self)
    }

    public mutating func optionalString() throws -> String? { try bool() ? try string() : nil }
    public mutating func date() throws -> Date { Date(timeIntervalSince1970: Double(try int()) / 1000) }
    public mutating func optionalDate() throws -> Date? { try bool() ? try date() : nil }

    public mutating func code<E: CaseIterable>(_: E.Type) throws -> E where E.AllCases == [E] {
        let n = try uint()
        let all = E.allCases
        guard n < UInt64(all.count) else { throw fail("unknown \(E.self) #\(n)") }
        return all[Int(n)]
    }
}
