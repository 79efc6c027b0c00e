import Foundation

/// Content-Transfer-Encoding: 7bit/8bit/binary as they are, quoted-printable, base64 (tolerant of
/// garbage, line breaks and missing or misplaced padding).
enum TransferEncoding {
    static func decode(_ bytes: ArraySlice<UInt8>, encoding: String?) -> [UInt8] {
        switch (encoding ?? "").trimmingCharacters(in: .whitespaces).lowercased() {
        case "base64": return base64(bytes)
        case "quoted-printable": return quotedPrintable(bytes)
        default: return Array(bytes)
        }
    }

    private static let base64Values: [UInt8] = {
        var t = [UInt8](repeating: 0xFF, count: 256)
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
        for (i, c) in alphabet.enumerated() { t[Int(c)] = UInt8(i) }
        t[Int(UInt8(ascii: "-"))] = 62   // base64url, seen in the wild
        t[Int(UInt8(ascii: "_"))] = 63
        return t
    }()

    /// Every byte outside the alphabet is skipped; '=' ends the current quantum (so glued-together
    /// encodings decode), and a partial quantum at the end yields what it holds.
    static func base64(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(bytes.count * 3 / 4)
        var acc: UInt32 = 0
        var n = 0
        for b in bytes {
            let v = base64Values[Int(b)]
            if v == 0xFF {
                if b == UInt8(ascii: "=") { flush(&acc, &n, &out) }
                continue
            }
            acc = acc << 6 | UInt32(v)
            n += 1
            if n == 4 {
                out.append(UInt8(truncatingIfNeeded: acc >> 16))
                out.append(UInt8(truncatingIfNeeded: acc >> 8))
                out.append(UInt8(truncatingIfNeeded: acc))
                acc = 0; n = 0
            }
        }
        flush(&acc, &n, &out)
        return out
    }

    private static func flush(_ acc: inout UInt32, _ n: inout Int, _ out: inout [UInt8]) {
        switch n {
        case 2: out.append(UInt8(truncatingIfNeeded: acc >> 4))
        case 3:
            out.append(UInt8(truncatingIfNeeded: acc >> 10))
            out.append(UInt8(truncatingIfNeeded: acc >> 2))
        default: break
        }
        acc = 0; n = 0
    }

    static func hexValue(_ b: UInt8) -> UInt8? {
        switch b {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return b - UInt8(ascii: "0")
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return b - UInt8(ascii: "A") + 10
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return b - UInt8(ascii: "a") + 10
        default: return nil
        }
    }

    /// "=XX" → byte, "=" at the end of a line → soft break, trailing blanks of a line dropped;
    /// a '=' that starts no valid escape stays as it is.
    static func quotedPrintable(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(bytes.count)
        var i = bytes.startIndex
        let end = bytes.endIndex
        while i < end {
            let b = bytes[i]
            if b == UInt8(ascii: "=") {
                if i + 2 < end, let h = hexValue(bytes[i + 1]), let l = hexValue(bytes[i + 2]) {
                    out.append(h << 4 | l); i += 3; continue
                }
                // Soft line break: '=' then optional blanks then CRLF / LF / end.
                var j = i + 1
                while j < end, bytes[j] == 0x20 || bytes[j] == 0x09 { j += 1 }
                if j == end { i = j; continue }
                if bytes[j] == 0x0A { i = j + 1; continue }
                if bytes[j] == 0x0D { i = (j + 1 < end && bytes[j + 1] == 0x0A) ? j + 2 : j + 1; continue }
                out.append(b); i += 1; continue
            }
            if b == 0x20 || b == 0x09 {
                var j = i
                while j < end, bytes[j] == 0x20 || bytes[j] == 0x09 { j += 1 }
                if j == end || bytes[j] == 0x0A || bytes[j] == 0x0D { i = j; continue }
                out.append(contentsOf: bytes[i..<j]); i = j; continue
            }
            out.append(b); i += 1
        }
        return out
    }
}
