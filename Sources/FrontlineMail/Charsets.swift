import CoreFoundation
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Bytes in a named charset → String. A charset never fails: the order is our alias table,
/// Foundation/CoreFoundation, glibc iconv, then lossy UTF-8 with a note.
enum Charsets {
    struct Decoded: Sendable, Equatable {
        var text: String
        /// Set when the bytes could not be read exactly as labelled.
        var note: String?
    }

    /// Lower-cased label → the name we decode it as. Labels not here go to CoreFoundation as-is.
    private static let aliases: [String: String] = {
        var a: [String: String] = [:]
        for n in ["utf8", "utf-8", "unicode-1-1-utf-8", "x-unicode20utf8", "unicode-2-0-utf-8"] { a[n] = "utf-8" }
        for n in ["us-ascii", "ascii", "us", "ansi_x3.4-1968", "iso646-us", "iso-ir-6", "cp367", "646", "csascii", "ansi_x3.4-1986"] { a[n] = "us-ascii" }
        // Mail labelled Latin-1 that holds 0x80–0x9F means Windows-1252 (as browsers read it).
        for n in ["latin1", "latin-1", "l1", "iso8859-1", "iso_8859-1", "iso-8859-1", "iso8859_1", "iso_8859-1:1987",
                  "cp819", "ibm819", "csisolatin1", "iso-ir-100", "8859-1"] { a[n] = "windows-1252" }
        for n in ["cp1252", "windows-1252", "x-cp1252", "win-1252", "ms-ansi", "windows1252"] { a[n] = "windows-1252" }
        for i in 2...16 where i != 12 {
            for p in ["iso8859-\(i)", "iso_8859-\(i)", "iso-8859-\(i)", "iso8859_\(i)", "8859-\(i)"] { a[p] = "iso-8859-\(i)" }
        }
        let latin = [2: 2, 3: 3, 4: 4, 5: 9, 6: 10, 7: 13, 8: 14, 9: 15, 10: 16]
        for (l, i) in latin { a["latin\(l)"] = "iso-8859-\(i)"; a["latin-\(l)"] = "iso-8859-\(i)"; a["l\(l)"] = "iso-8859-\(i)" }
        a["iso-8859-9"] = "windows-1254"   // Turkish: 1254 is a superset
        a["cyrillic"] = "iso-8859-5"; a["greek"] = "iso-8859-7"; a["hebrew"] = "iso-8859-8"; a["arabic"] = "iso-8859-6"
        a["iso-8859-8-i"] = "iso-8859-8"; a["iso-8859-6-i"] = "iso-8859-6"
        for i in 1250...1258 where i != 1252 {
            for p in ["cp\(i)", "windows-\(i)", "x-cp\(i)", "win-\(i)", "windows\(i)"] { a[p] = "windows-\(i)" }
        }
        for n in ["windows-874", "cp874", "tis-620", "tis620", "iso-8859-11", "x-windows-874"] { a[n] = "windows-874" }
        for n in ["koi8-r", "koi8r", "koi8", "cskoi8r"] { a[n] = "koi8-r" }
        for n in ["koi8-u", "koi8u", "koi8-ru"] { a[n] = "koi8-u" }
        for n in ["shift_jis", "shift-jis", "sjis", "x-sjis", "ms_kanji", "csshiftjis", "windows-31j", "cp932", "ms932", "x-ms-cp932", "shiftjis"] { a[n] = "shift_jis" }
        for n in ["euc-jp", "eucjp", "x-euc-jp", "ujis", "x-euc", "cseucpkdfmtjapanese"] { a[n] = "euc-jp" }
        for n in ["iso-2022-jp", "csiso2022jp", "iso2022jp", "iso-2022-jp-1", "iso-2022-jp-2", "iso-2022-jp-3", "jis", "cp50220", "cp50221", "cp50222"] { a[n] = "iso-2022-jp" }
        // GB2312 and GBK are subsets of GB18030; senders label GBK text as GB2312 all the time.
        for n in ["gb2312", "gbk", "cp936", "x-gbk", "euc-cn", "euccn", "chinese", "csgb2312", "gb_2312-80", "gb18030", "x-euc-cn", "windows-936", "ms936", "gb2312-80"] { a[n] = "gb18030" }
        for n in ["big5", "big-5", "x-x-big5", "cn-big5", "csbig5", "big5-hkscs", "x-big5", "cp950", "windows-950"] { a[n] = "big5" }
        // CP949 (Unified Hangul) is a superset of EUC-KR; ks_c_5601-1987 is Microsoft's name for it.
        for n in ["euc-kr", "euckr", "cseuckr", "ks_c_5601-1987", "ks_c_5601-1989", "ks_c_5601", "ksc5601", "ksc_5601", "korean", "cp949", "uhc", "windows-949", "x-windows-949", "ks_c_5601_1987"] { a[n] = "cp949" }
        for n in ["utf-16", "utf16", "ucs-2", "unicode", "csunicode", "iso-10646-ucs-2"] { a[n] = "utf-16" }
        for n in ["utf-16le", "utf16le", "ucs-2le"] { a[n] = "utf-16le" }
        for n in ["utf-16be", "utf16be", "ucs-2be", "unicodefffe"] { a[n] = "utf-16be" }
        for n in ["utf-7", "utf7", "unicode-1-1-utf-7", "csunicode11utf7", "x-unicode20utf7"] { a[n] = "utf-7" }
        for n in ["unknown-8bit", "x-unknown", "unknown", "8bit", "default", "x-user-defined", "binary", "us-ascii-8bit", "none"] { a[n] = "" }
        return a
    }()

    /// The name a label is decoded as ("" = no real charset given).
    static func canonical(_ label: String) -> String {
        var l = label.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        if l.hasPrefix("\""), l.hasSuffix("\""), l.count >= 2 { l = String(l.dropFirst().dropLast()) }
        if let star = l.firstIndex(of: "*") { l = String(l[..<star]) }   // RFC 2231 language suffix
        return aliases[l] ?? l
    }

    /// Decodes `bytes` labelled `label` (nil or "" = unlabelled: UTF-8 if valid, else Windows-1252).
    static func decode(_ bytes: ArraySlice<UInt8>, label: String?) -> Decoded {
        let name = canonical(label ?? "")
        switch name {
        case "", "utf-8", "us-ascii":
            if let s = utf8(bytes) { return Decoded(text: s) }
            if name == "utf-8" {
                return Decoded(text: String(decoding: bytes, as: UTF8.self), note: "invalid UTF-8 replaced")
            }
            return Decoded(text: windows1252(bytes))
        case "windows-1252":
            return Decoded(text: windows1252(bytes))
        case "utf-16", "utf-16le", "utf-16be":
            return Decoded(text: utf16(bytes, name: name))
        default:
            break
        }
        if let s = foundation(bytes, name: name) { return Decoded(text: s) }
        if let s = Iconv.decode(bytes, from: iconvName(name)) { return Decoded(text: s) }
        return Decoded(text: String(decoding: bytes, as: UTF8.self),
                       note: "unknown charset \(label ?? ""): decoded as UTF-8 with replacement")
    }

    /// True when the label names a charset we can read (not the lossy fallback).
    static func isKnown(_ label: String) -> Bool {
        let name = canonical(label)
        if ["", "utf-8", "us-ascii", "windows-1252", "utf-16", "utf-16le", "utf-16be"].contains(name) { return true }
        if cfEncoding(name) != nil { return true }
        return Iconv.canOpen(iconvName(name))
    }

    static func utf8(_ bytes: ArraySlice<UInt8>) -> String? {
        String(validating: bytes, as: UTF8.self)
    }

    /// Windows-1252; its five undefined bytes (0x81, 0x8D, 0x8F, 0x90, 0x9D) become the C1 controls.
    static func windows1252(_ bytes: ArraySlice<UInt8>) -> String {
        var out = [UInt8]()
        out.reserveCapacity(bytes.count + bytes.count / 8)
        for b in bytes {
            if b < 0x80 { out.append(b); continue }
            let scalar: UInt32 = b < 0xA0 ? cp1252High[Int(b - 0x80)] : UInt32(b)
            appendUTF8(scalar, to: &out)
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static let cp1252High: [UInt32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D, 0x017D, 0x8F,
        0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
    ]

    static func appendUTF8(_ v: UInt32, to out: inout [UInt8]) {
        switch v {
        case 0..<0x80: out.append(UInt8(v))
        case 0x80..<0x800:
            out.append(UInt8(0xC0 | (v >> 6))); out.append(UInt8(0x80 | (v & 0x3F)))
        case 0x800..<0x10000:
            out.append(UInt8(0xE0 | (v >> 12))); out.append(UInt8(0x80 | ((v >> 6) & 0x3F))); out.append(UInt8(0x80 | (v & 0x3F)))
        default:
            out.append(UInt8(0xF0 | (v >> 18))); out.append(UInt8(0x80 | ((v >> 12) & 0x3F)))
            out.append(UInt8(0x80 | ((v >> 6) & 0x3F))); out.append(UInt8(0x80 | (v & 0x3F)))
        }
    }

    /// UTF-16 with a BOM, or by label; without either, the byte order whose zero bytes look like ASCII.
    private static func utf16(_ bytes: ArraySlice<UInt8>, name: String) -> String {
        var start = bytes.startIndex
        var bigEndian: Bool
        if bytes.count >= 2, bytes[start] == 0xFE, bytes[start + 1] == 0xFF { bigEndian = true; start += 2 }
        else if bytes.count >= 2, bytes[start] == 0xFF, bytes[start + 1] == 0xFE { bigEndian = false; start += 2 }
        else if name == "utf-16le" { bigEndian = false }
        else if name == "utf-16be" { bigEndian = true }
        else {
            var evenZero = 0, oddZero = 0, i = start
            while i < bytes.endIndex && i - start < 4096 {
                if bytes[i] == 0 { if (i - start) % 2 == 0 { evenZero += 1 } else { oddZero += 1 } }
                i += 1
            }
            bigEndian = evenZero >= oddZero
        }
        var units = [UInt16]()
        units.reserveCapacity(bytes.count / 2)
        var i = start
        while i + 1 < bytes.endIndex {
            let a = UInt16(bytes[i]), b = UInt16(bytes[i + 1])
            units.append(bigEndian ? (a << 8 | b) : (b << 8 | a))
            i += 2
        }
        return String(decoding: units, as: UTF16.self)
    }

    private static func cfEncoding(_ name: String) -> String.Encoding? {
        let cf = CFStringConvertIANACharSetNameToEncoding(unsafeBitCast(NSString(string: name), to: CFString.self))
        if cf == kCFStringEncodingInvalidId { return nil }
        return String.Encoding(rawValue: CFStringConvertEncodingToNSStringEncoding(cf))
    }

    /// Foundation for the names it knows (strict: nil on any invalid byte).
    private static func foundation(_ bytes: ArraySlice<UInt8>, name: String) -> String? {
        let encoding: String.Encoding?
        switch name {
        case "shift_jis": encoding = .shiftJIS
        case "iso-2022-jp": encoding = .iso2022JP
        case "euc-jp": encoding = nil          // Foundation on Linux returns nil; iconv has it
        default: encoding = cfEncoding(name)
        }
        guard let encoding else { return nil }
        return String(data: Data(bytes), encoding: encoding)
    }

    private static func iconvName(_ name: String) -> String {
        switch name {
        case "shift_jis": return "CP932"
        case "iso-2022-jp": return "ISO-2022-JP-3"
        case "euc-jp": return "EUC-JP-MS"
        case "cp949": return "CP949"
        case "big5": return "BIG5-HKSCS"
        default: return name.uppercased()
        }
    }
}

/// glibc iconv to UTF-8, an invalid byte becoming U+FFFD.
enum Iconv {
    private static func isInvalid(_ cd: iconv_t?) -> Bool { Int(bitPattern: cd) == -1 }

    static func canOpen(_ from: String) -> Bool {
        let cd = iconv_open("UTF-8", from)
        if isInvalid(cd) { return false }
        iconv_close(cd)
        return true
    }

    static func decode(_ bytes: ArraySlice<UInt8>, from: String) -> String? {
        let cd = iconv_open("UTF-8", from)
        if isInvalid(cd) { return nil }
        defer { iconv_close(cd) }
        var input = Array(bytes)
        if input.isEmpty { return "" }
        var out = [UInt8]()
        out.reserveCapacity(input.count * 2)
        let chunk = 16384
        var buffer = [UInt8](repeating: 0, count: chunk)
        input.withUnsafeMutableBufferPointer { inBuf in
            buffer.withUnsafeMutableBufferPointer { outBuf in
                guard let inBase = inBuf.baseAddress, let outBase = outBuf.baseAddress else { return }
                var inPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(inBase).assumingMemoryBound(to: CChar.self)
                var inLeft = inBuf.count
                while inLeft > 0 {
                    var outPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outBase).assumingMemoryBound(to: CChar.self)
                    var outLeft = chunk
                    let r = iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft)
                    out.append(contentsOf: UnsafeBufferPointer(start: outBase, count: chunk - outLeft))
                    if r == -1 {
                        let err = errno
                        if err == E2BIG { continue }
                        // EILSEQ / EINVAL: one bad or truncated byte → U+FFFD, go on after it.
                        out.append(contentsOf: [0xEF, 0xBF, 0xBD])
                        inPtr = inPtr.map { $0 + 1 }
                        inLeft -= 1
                        iconv(cd, nil, nil, nil, nil)
                    }
                }
                // Flush a stateful encoding's shift sequence.
                var outPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outBase).assumingMemoryBound(to: CChar.self)
                var outLeft = chunk
                iconv(cd, nil, nil, &outPtr, &outLeft)
                out.append(contentsOf: UnsafeBufferPointer(start: outBase, count: chunk - outLeft))
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
