import Foundation

/// The messages of an mbox file. A line starting "From " begins a message; in the body, the
/// quoted forms (">From ", ">>From " …) lose one ">" (mboxrd; for mboxo this unquotes the
/// lines that were quoted, which is as close as that format allows).
public struct MboxReader: Sendable {
    public let bytes: [UInt8]

    public init(bytes: [UInt8]) { self.bytes = bytes }

    /// Byte ranges of each message (without its "From " line).
    /// An mbox starts (after blank lines) with a "From " line; anything else is not one.
    public var beginsWithFromLine: Bool {
        guard let first = bytes.firstIndex(where: { $0 != 10 && $0 != 13 }) else { return false }
        return Self.isFromLine(bytes, at: first)
    }

    public func messages() -> [[UInt8]] {
        var starts: [Int] = []   // offsets of "From " lines
        var i = 0
        let n = bytes.count
        while i < n {
            if (i == 0 || bytes[i - 1] == 10), Self.isFromLine(bytes, at: i) { starts.append(i) }
            guard let nl = bytes[i...].firstIndex(of: 10) else { break }
            i = nl + 1
        }
        var out: [[UInt8]] = []
        for (k, start) in starts.enumerated() {
            let end = k + 1 < starts.count ? starts[k + 1] : n
            guard let bodyStart = bytes[start..<end].firstIndex(of: 10).map({ $0 + 1 }) else { continue }
            var message = Self.unquote(bytes[bodyStart..<end])
            // The blank line before the next "From " belongs to the mbox, not the message.
            if message.last == 10, message.dropLast().last == 10 { message.removeLast() }
            else if message.suffix(4) == [13, 10, 13, 10] { message.removeLast(2) }   // a CRLF mbox
            if !message.isEmpty { out.append(message) }
        }
        return out
    }

    static func isFromLine(_ b: [UInt8], at i: Int) -> Bool {
        i + 5 <= b.count && b[i] == 70 && b[i + 1] == 114 && b[i + 2] == 111 && b[i + 3] == 109 && b[i + 4] == 32
    }

    static func unquote(_ slice: ArraySlice<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(slice.count)
        var lineStart = true
        var i = slice.startIndex
        while i < slice.endIndex {
            if lineStart, slice[i] == 62 {   // '>'
                var j = i
                while j < slice.endIndex, slice[j] == 62 { j += 1 }
                if j + 5 <= slice.endIndex, slice[j] == 70, slice[j + 1] == 114, slice[j + 2] == 111, slice[j + 3] == 109, slice[j + 4] == 32 {
                    i += 1   // drop one '>'
                }
            }
            let b = slice[i]
            out.append(b)
            lineStart = b == 10
            i += 1
        }
        return out
    }
}
