import Foundation

/// The word rules of search, shared by the index and the query.
///
/// A word is a run of letters and digits (Unicode general categories L and N); combining marks
/// (category M) continue a word but never start one. Everything else separates words. An e-mail
/// address — a run of word characters and `. _ % + - @` with a word character on each side of an
/// `@` — is a word of its own as well (trimmed to its first and last word character), besides the
/// words it is made of.
///
/// Every word has two forms: `lower` (lower-cased, NFC) and `folded` (the lower form in NFD with
/// combining marks dropped, ø→o, æ→ae, ß→ss, œ→oe, đ/ð→d, ł→l, þ→th, ı→i, then NFC).
enum SearchText {
    // Byte/scalar classes.
    static let separator: UInt8 = 0
    static let word: UInt8 = 1
    static let mark: UInt8 = 2
    /// `. _ % + - @`: separates words, but may sit inside an e-mail address.
    static let addressPunct: UInt8 = 3
    static let at: UInt8 = 4

    /// Classes of ASCII bytes.
    static let asciiClass: [UInt8] = (0..<128).map { (b: Int) -> UInt8 in
        switch UInt8(b) {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"): word
        case UInt8(ascii: "@"): at
        case UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "%"), UInt8(ascii: "+"), UInt8(ascii: "-"): addressPunct
        default: separator
        }
    }

    @inline(__always)
    static func isASCIIAlnum(_ b: UInt8) -> Bool {
        (b | 0x20) &- 0x61 < 26 || b &- 0x30 < 10
    }

    @inline(__always)
    static func asciiClassOf(_ b: UInt8) -> UInt8 {
        if isASCIIAlnum(b) { return word }
        switch b {
        case 0x40: return at
        case 0x2E, 0x5F, 0x25, 0x2B, 0x2D: return addressPunct
        default: return separator
        }
    }

    @inline(__always)
    static func asciiLowered(_ b: UInt8) -> UInt8 {
        b &- 0x41 < 26 ? b | 0x20 : b
    }

    /// ASCII lower-casing table (identity above 0x7F).
    static let asciiLower: [UInt8] = (0..<256).map { (b: Int) -> UInt8 in
        (65...90).contains(b) ? UInt8(b + 32) : UInt8(b)
    }

    /// Classes of U+0080..<U+0800 (two-byte UTF-8), the Latin, Greek, Cyrillic, Hebrew and Arabic
    /// letters that make up most non-ASCII text here; computed once.
    static let twoByteClass: [UInt8] = (0x80..<0x800).map { classifySlow(UInt32($0)) }

    static func classifySlow(_ v: UInt32) -> UInt8 {
        guard let s = Unicode.Scalar(v) else { return separator }
        if v < 0x80 { return asciiClass[Int(v)] }
        switch s.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .decimalNumber, .letterNumber, .otherNumber:
            return word
        case .nonspacingMark, .spacingMark, .enclosingMark:
            return mark
        default:
            return separator
        }
    }

    @inline(__always)
    static func classify(_ v: UInt32) -> UInt8 {
        if v < 0x80 { return asciiClassOf(UInt8(v)) }
        if v < 0x800 { return twoByteClass[Int(v) - 0x80] }
        return classifySlow(v)
    }

    /// Lower-cased, NFC.
    static func lowerForm(_ s: String) -> String {
        if s.utf8.allSatisfy({ $0 < 0x80 }) { return String(decoding: s.utf8.map { asciiLower[Int($0)] }, as: UTF8.self) }
        return s.lowercased().precomposedStringWithCanonicalMapping
    }

    /// The folded form of a lower-cased word.
    static func foldForm(_ lower: String) -> String {
        if lower.utf8.allSatisfy({ $0 < 0x80 }) { return lower }
        var out = String.UnicodeScalarView()
        for s in lower.decomposedStringWithCanonicalMapping.unicodeScalars {
            switch s.properties.generalCategory {
            case .nonspacingMark, .spacingMark, .enclosingMark: continue
            default: break
            }
            switch s {
            case "ø": out.append("o")
            case "æ": out.append(contentsOf: "ae".unicodeScalars)
            case "ß": out.append(contentsOf: "ss".unicodeScalars)
            case "œ": out.append(contentsOf: "oe".unicodeScalars)
            case "đ", "ð": out.append("d")
            case "ł": out.append("l")
            case "þ": out.append(contentsOf: "th".unicodeScalars)
            case "ı": out.append("i")
            default: out.append(s)
            }
        }
        return String(out).precomposedStringWithCanonicalMapping
    }
}

/// A word found in text: a byte range of the text, and whether it is all ASCII.
struct SearchToken {
    var start: Int
    var end: Int
    var ascii: Bool
}

/// Splits UTF-8 text into words (and whole e-mail addresses) without allocating.
/// Swift strings are valid UTF-8, so decoding needs no error handling; a stray byte is skipped.
struct SearchTokenizer {
    let text: UnsafeBufferPointer<UInt8>
    private var i = 0
    // The word being read.
    private var wordStart = -1
    private var wordASCII = true
    // The address candidate being read: from its first word character.
    private var runStart = -1
    private var runEnd = 0
    private var runASCII = true
    private var runSawAt = false
    private var runWordAfterAt = false
    private var pending: SearchToken?

    init(_ text: UnsafeBufferPointer<UInt8>) { self.text = text }

    mutating func next() -> SearchToken? {
        if let p = pending {
            pending = nil
            return p
        }
        let n = text.count
        guard let base = text.baseAddress else { return nil }
        while i < n {
            let b = base[i]
            var cls: UInt8
            var len = 1
            if b < 0x80 {
                if SearchText.isASCIIAlnum(b) {
                    // The common case: a run of ASCII letters and digits.
                    if wordStart < 0 {
                        wordStart = i
                        wordASCII = true
                    }
                    if runStart < 0 {
                        runStart = i
                        runASCII = true
                        runSawAt = false
                        runWordAfterAt = false
                    }
                    i += 1
                    while i < n, SearchText.isASCIIAlnum(base[i]) { i += 1 }
                    runEnd = i
                    if runSawAt { runWordAfterAt = true }
                    continue
                }
                cls = SearchText.asciiClassOf(b)
            } else {
                var v: UInt32
                if b & 0xE0 == 0xC0, i + 1 < n {
                    v = UInt32(b & 0x1F) << 6 | UInt32(base[i + 1] & 0x3F)
                    len = 2
                } else if b & 0xF0 == 0xE0, i + 2 < n {
                    v = UInt32(b & 0x0F) << 12 | UInt32(base[i + 1] & 0x3F) << 6 | UInt32(base[i + 2] & 0x3F)
                    len = 3
                } else if b & 0xF8 == 0xF0, i + 3 < n {
                    v = UInt32(b & 0x07) << 18 | UInt32(base[i + 1] & 0x3F) << 12 | UInt32(base[i + 2] & 0x3F) << 6 | UInt32(base[i + 3] & 0x3F)
                    len = 4
                } else {
                    v = 0   // not a lead byte: a separator
                }
                cls = SearchText.classify(v)
                if cls == SearchText.mark && wordStart < 0 { cls = SearchText.separator }
            }
            let at = i
            i += len
            switch cls {
            case SearchText.word, SearchText.mark:
                if wordStart < 0 {
                    wordStart = at
                    wordASCII = true
                }
                if b >= 0x80 { wordASCII = false; runASCII = false }
                if runStart < 0 {
                    runStart = at
                    runASCII = b < 0x80
                    runSawAt = false
                    runWordAfterAt = false
                }
                runEnd = i
                if runSawAt { runWordAfterAt = true }
            case SearchText.at:
                if runStart >= 0 { runSawAt = true }
                if let w = endWord(at) { return w }
            case SearchText.addressPunct:
                if let w = endWord(at) { return w }
            default:
                let w = endWord(at)
                let a = endRun()
                if let w {
                    pending = a
                    return w
                }
                if let a { return a }
            }
        }
        let w = endWord(n)
        let a = endRun()
        if let w {
            pending = a
            return w
        }
        return a
    }

    private mutating func endWord(_ end: Int) -> SearchToken? {
        guard wordStart >= 0 else { return nil }
        defer { wordStart = -1 }
        return SearchToken(start: wordStart, end: end, ascii: wordASCII)
    }

    private mutating func endRun() -> SearchToken? {
        guard runStart >= 0 else { return nil }
        defer { runStart = -1 }
        return runWordAfterAt ? SearchToken(start: runStart, end: runEnd, ascii: runASCII) : nil
    }
}
