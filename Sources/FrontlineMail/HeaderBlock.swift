import Foundation

/// One header as bytes: the name, and the value unfolded (line breaks of folding removed, the
/// blanks kept) and trimmed, not yet decoded.
struct RawHeader: Sendable, Equatable {
    var name: String
    var value: [UInt8]
    /// The name lower-cased, for lookups.
    var key: String

    init(name: String, value: [UInt8]) {
        self.name = name
        self.value = value
        self.key = name.lowercased()
    }
}

/// Splits an entity into its header block and body, and turns raw header bytes into text.
enum HeaderBlock {
    struct Split: Sendable {
        var headers: [RawHeader]
        /// Index (in the given slice) where the body begins.
        var bodyStart: Int
        /// False when the headers ended at a line that was not a header, without a blank line.
        var sawSeparator: Bool
    }

    static func split(_ bytes: ArraySlice<UInt8>, maxBytes: Int) throws(MailRefusal) -> Split {
        var headers: [RawHeader] = []
        var current: [UInt8]? = nil
        var currentName = ""
        let start = bytes.startIndex, end = bytes.endIndex
        var i = start
        var bodyStart = end
        var sawSeparator = false

        func finish() {
            if var v = current {
                while let last = v.last, last == 0x20 || last == 0x09 { v.removeLast() }
                headers.append(RawHeader(name: currentName, value: v))
            }
            current = nil
        }

        var firstLine = true
        while i < end {
            var lineEnd = i
            while lineEnd < end, bytes[lineEnd] != 0x0A { lineEnd += 1 }
            let next = lineEnd < end ? lineEnd + 1 : end
            var contentEnd = lineEnd
            if contentEnd > i, bytes[contentEnd - 1] == 0x0D { contentEnd -= 1 }
            if next - start > maxBytes {
                throw MailRefusal("header block is over the \(Size.describe(maxBytes)) limit")
            }
            defer { firstLine = false }
            if contentEnd == i {                       // blank line: the body follows
                bodyStart = next; sawSeparator = true; break
            }
            let first = bytes[i]
            if first == 0x20 || first == 0x09 {        // folded continuation
                if current != nil { current?.append(contentsOf: bytes[i..<contentEnd]) }
                else if firstLine {
                    // Leading blanks before any header: skip such a line if the rest is blank, else body.
                    if bytes[i..<contentEnd].allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { i = next; continue }
                    bodyStart = i; break
                }
                i = next; continue
            }
            if firstLine, contentEnd - i >= 5, bytes[i..<(i + 5)].elementsEqual("From ".utf8) {
                i = next; continue                     // mbox "From " line
            }
            var colon = i
            while colon < contentEnd, bytes[colon] != UInt8(ascii: ":") { colon += 1 }
            var nameEnd = colon
            while nameEnd > i, bytes[nameEnd - 1] == 0x20 || bytes[nameEnd - 1] == 0x09 { nameEnd -= 1 }
            let validName = colon < contentEnd && nameEnd > i && bytes[i..<nameEnd].allSatisfy { $0 > 0x20 && $0 < 0x7F }
            if !validName { bodyStart = i; break }     // not a header: the body starts here
            finish()
            currentName = String(decoding: bytes[i..<nameEnd], as: UTF8.self)
            var v = colon + 1
            while v < contentEnd, bytes[v] == 0x20 || bytes[v] == 0x09 { v += 1 }
            current = Array(bytes[v..<contentEnd])
            i = next
        }
        finish()
        if i >= end { bodyStart = end }
        return Split(headers: headers, bodyStart: bodyStart, sawSeparator: sawSeparator)
    }

    /// Raw header bytes as text: UTF-8 if valid, else the message's charset, else Windows-1252.
    static func text(_ raw: [UInt8], fallbackCharset: String?) -> String {
        if raw.allSatisfy({ $0 < 0x80 }) { return String(decoding: raw, as: UTF8.self) }
        if let s = Charsets.utf8(raw[...]) { return s }
        if let cs = fallbackCharset {
            let name = Charsets.canonical(cs)
            if !["", "utf-8", "us-ascii"].contains(name), Charsets.isKnown(cs) {
                return Charsets.decode(raw[...], label: cs).text
            }
        }
        return Charsets.windows1252(raw[...])
    }

    static func first(_ headers: [RawHeader], _ name: String) -> [UInt8]? {
        let key = name.lowercased()
        return headers.first { $0.key == key }?.value
    }

    static func firstText(_ headers: [RawHeader], _ name: String, fallbackCharset: String? = nil) -> String? {
        first(headers, name).map { text($0, fallbackCharset: fallbackCharset) }
    }
}

/// Sizes for people: "31 MiB", "300 KiB", "900 bytes".
enum Size {
    static func describe(_ n: Int) -> String {
        func fmt(_ v: Double, _ unit: String) -> String {
            let r = (v * 10).rounded() / 10
            return r == r.rounded() ? "\(Int(r)) \(unit)" : "\(r) \(unit)"
        }
        if n >= 1 << 20 { return fmt(Double(n) / Double(1 << 20), "MiB") }
        if n >= 1 << 10 { return fmt(Double(n) / Double(1 << 10), "KiB") }
        return "\(n) bytes"
    }
}

enum ASCII {
    /// Case-insensitive equality of ASCII names (header and field names), without Foundation.
    static func equalsIgnoringCase(_ a: String, _ b: String) -> Bool {
        let x = a.utf8, y = b.utf8
        guard x.count == y.count else { return false }
        for (p, q) in zip(x, y) where p != q {
            let lp = (p >= 0x41 && p <= 0x5A) ? p | 0x20 : p
            let lq = (q >= 0x41 && q <= 0x5A) ? q | 0x20 : q
            if lp != lq { return false }
        }
        return true
    }
}
