import Foundation

extension Array where Element == UInt8 {
    /// Bytes from a hex string ("c3a5" → [0xC3, 0xA5]).
    init(hex: String) {
        var out: [UInt8] = []
        var it = hex.unicodeScalars.makeIterator()
        while let a = it.next(), let b = it.next() {
            out.append(UInt8(String([Character(a), Character(b)]), radix: 16) ?? 0)
        }
        self = out
    }
}

/// A message from lines joined with CRLF (the way it comes off the wire).
func crlf(_ lines: String) -> [UInt8] {
    Array(lines.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\n", with: "\r\n").utf8)
}
