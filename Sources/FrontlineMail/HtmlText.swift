import Foundation

/// HTML → readable text, never rendered and never fetching anything: paragraphs and line breaks
/// kept, list items as "• item", links as "text <url>" (the url left out when it is the text),
/// entities decoded, and nothing from script, style, head, title or comments.
enum HtmlText {
    private static let paragraphTags: Set<String> = ["p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "table", "ul", "ol", "dl", "hr"]
    private static let lineTags: Set<String> = ["br", "div", "tr", "li", "dt", "dd", "section", "article", "header", "footer",
                                                "center", "address", "tbody", "thead", "tfoot", "form", "nav", "aside", "main", "figure", "caption"]
    private static let skippedTags: Set<String> = ["script", "style", "head", "title", "template", "noscript", "xml"]

    private struct Writer {
        var out: [UInt8] = []
        var pendingBreak = 0
        var pendingSpace = false
        var bullet = false
        var pre = 0

        mutating func flush() {
            if out.isEmpty { pendingBreak = 0; pendingSpace = false }
            if pendingBreak > 0 {
                while let l = out.last, l == 0x20 { out.removeLast() }
                var have = 0
                var k = out.count - 1
                while k >= 0, out[k] == 0x0A, have < 2 { have += 1; k -= 1 }
                while have < pendingBreak { out.append(0x0A); have += 1 }
                pendingBreak = 0; pendingSpace = false
            } else if pendingSpace, let l = out.last, l != 0x0A, l != 0x20 {
                out.append(0x20)
            }
            pendingSpace = false
            if bullet { out.append(contentsOf: Array("• ".utf8)); bullet = false }
        }

        mutating func text(_ b: UInt8) {
            if pre == 0 && (b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || b == 0x0C) { pendingSpace = true; return }
            if b == 0x0D { return }
            if pendingBreak > 0 || pendingSpace || bullet { flush() }
            out.append(b)
        }

        mutating func scalar(_ v: UInt32) {
            if v == 0xA0 {                      // a no-break space is a space that never collapses
                if pendingBreak > 0 || pendingSpace || bullet { flush() }
                out.append(0x20); return
            }
            if v < 0x80 { text(UInt8(v)); return }
            if pendingBreak > 0 || pendingSpace || bullet { flush() }
            Charsets.appendUTF8(v, to: &out)
        }

        mutating func lineBreak(_ n: Int) { pendingBreak = max(pendingBreak, n) }
    }

    static func text(_ html: String) -> String {
        let u = Array(html.utf8)
        var w = Writer()
        w.out.reserveCapacity(u.count / 2)
        var links: [(href: String, start: Int)] = []
        var unclosed: Set<String> = []          // elements already known never to close
        let lastGT = u.lastIndex(of: UInt8(ascii: ">")) ?? -1
        var i = 0
        let n = u.count
        while i < n {
            let b = u[i]
            if b == UInt8(ascii: "&") {
                if let (v, len) = entity(u, i) { w.scalar(v); i += len } else { w.text(b); i += 1 }
                continue
            }
            guard b == UInt8(ascii: "<"), i + 1 < n else { w.text(b); i += 1; continue }
            let c = u[i + 1]
            if c == UInt8(ascii: "!") || c == UInt8(ascii: "?") {
                if i + 3 < n, u[i + 2] == UInt8(ascii: "-"), u[i + 3] == UInt8(ascii: "-") {
                    i = find(u, Array("-->".utf8), from: i + 4).map { $0 + 3 } ?? n
                } else {
                    i = (u[i...].firstIndex(of: UInt8(ascii: ">")) ?? (n - 1)) + 1
                }
                w.pendingSpace = true
                continue
            }
            let closing = c == UInt8(ascii: "/")
            var j = closing ? i + 2 : i + 1
            let nameStart = j
            while j < n, isNameByte(u[j]) { j += 1 }
            guard j > nameStart, isLetter(u[nameStart]) else { w.text(b); i += 1; continue }
            guard j <= lastGT, let close = u[j...].firstIndex(of: UInt8(ascii: ">")) else { w.text(b); i += 1; continue }
            let name = String(decoding: u[nameStart..<j], as: UTF8.self).lowercased()
            let attrs = u[j..<close]
            i = close + 1
            if skippedTags.contains(name) && !closing {
                if attrs.last == UInt8(ascii: "/") { continue }
                w.pendingSpace = true
                if !unclosed.contains(name), let after = findClosing(u, name: Array(name.utf8), from: i) { i = after; continue }
                unclosed.insert(name)
                if name == "script" || name == "style" { i = n }   // never closed: the rest is code
                continue
            }
            switch name {
            case "li":
                w.lineBreak(1); if !closing { w.bullet = true }
            case "pre":
                w.lineBreak(2); w.pre = max(0, w.pre + (closing ? -1 : 1))
            case "td", "th":
                w.pendingSpace = true
            case "a":
                if closing {
                    if let link = links.popLast() {
                        let shown = String(decoding: w.out[min(link.start, w.out.count)...], as: UTF8.self)
                            .trimmingCharacters(in: .whitespacesAndNewlines)
                        let href = link.href
                        if !href.isEmpty, !href.hasPrefix("#"), href != shown, href != "mailto:" + shown,
                           !href.lowercased().hasPrefix("javascript:"), !shown.isEmpty {
                            w.out.append(contentsOf: Array(" <\(href)>".utf8))
                        }
                    }
                } else {
                    w.flush()
                    links.append((href: attribute("href", in: attrs), start: w.out.count))
                    if links.count > 100 { links.removeFirst() }
                }
            default:
                if paragraphTags.contains(name) { w.lineBreak(2) }
                else if lineTags.contains(name) { w.lineBreak(1) }
            }
        }
        while let l = w.out.last, l == 0x20 || l == 0x0A { w.out.removeLast() }
        return String(decoding: w.out, as: UTF8.self)
    }

    private static func isLetter(_ b: UInt8) -> Bool { (b | 0x20) >= UInt8(ascii: "a") && (b | 0x20) <= UInt8(ascii: "z") }
    private static func isNameByte(_ b: UInt8) -> Bool {
        isLetter(b) || (b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9")) || b == UInt8(ascii: "-") || b == UInt8(ascii: ":")
    }

    private static func find(_ u: [UInt8], _ needle: [UInt8], from: Int) -> Int? {
        guard let first = needle.first else { return nil }
        var i = from
        while i + needle.count <= u.count {
            if u[i] == first, u[i..<(i + needle.count)].elementsEqual(needle) { return i }
            i += 1
        }
        return nil
    }

    /// Index after the "</name …>" that closes a skipped element, or nil.
    private static func findClosing(_ u: [UInt8], name: [UInt8], from: Int) -> Int? {
        var i = from
        while i + 1 + name.count < u.count {
            if u[i] == UInt8(ascii: "<"), u[i + 1] == UInt8(ascii: "/") {
                let s = i + 2
                if s + name.count <= u.count, zip(u[s..<(s + name.count)], name).allSatisfy({ ($0 | 0x20) == $1 }),
                   s + name.count == u.count || !isNameByte(u[s + name.count]) {
                    return (u[s...].firstIndex(of: UInt8(ascii: ">")) ?? (u.count - 1)) + 1
                }
            }
            i += 1
        }
        return nil
    }

    private static func attribute(_ name: String, in attrs: ArraySlice<UInt8>) -> String {
        let key = Array(name.utf8)
        var i = attrs.startIndex
        while i + key.count <= attrs.endIndex {
            let before = i == attrs.startIndex ? 0x20 : attrs[i - 1]
            if before == 0x20 || before == 0x09 || before == 0x0A || before == 0x0D,
               zip(attrs[i..<(i + key.count)], key).allSatisfy({ ($0 | 0x20) == $1 }) {
                var j = i + key.count
                while j < attrs.endIndex, attrs[j] == 0x20 { j += 1 }
                guard j < attrs.endIndex, attrs[j] == UInt8(ascii: "=") else { i += 1; continue }
                j += 1
                while j < attrs.endIndex, attrs[j] == 0x20 { j += 1 }
                var value = [UInt8]()
                if j < attrs.endIndex, attrs[j] == UInt8(ascii: "\"") || attrs[j] == UInt8(ascii: "'") {
                    let q = attrs[j]; j += 1
                    while j < attrs.endIndex, attrs[j] != q { value.append(attrs[j]); j += 1 }
                } else {
                    while j < attrs.endIndex, attrs[j] != 0x20, attrs[j] != UInt8(ascii: "/") || j + 1 < attrs.endIndex { value.append(attrs[j]); j += 1 }
                }
                return decodeEntities(String(decoding: value, as: UTF8.self)).trimmingCharacters(in: .whitespacesAndNewlines)
            }
            i += 1
        }
        return ""
    }

    static func decodeEntities(_ s: String) -> String {
        let u = Array(s.utf8)
        guard u.contains(UInt8(ascii: "&")) else { return s }
        var out = [UInt8]()
        var i = 0
        while i < u.count {
            if u[i] == UInt8(ascii: "&"), let (v, len) = entity(u, i) { Charsets.appendUTF8(v, to: &out); i += len }
            else { out.append(u[i]); i += 1 }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The entity at `i` ("&amp;", "&#233;", "&#xE9;") as a scalar and its length.
    private static func entity(_ u: [UInt8], _ i: Int) -> (UInt32, Int)? {
        var j = i + 1
        guard j < u.count else { return nil }
        if u[j] == UInt8(ascii: "#") {
            j += 1
            var hex = false
            if j < u.count, u[j] | 0x20 == UInt8(ascii: "x") { hex = true; j += 1 }
            var v: UInt32 = 0
            let digitsStart = j
            while j < u.count, j - digitsStart < 8 {
                if hex, let h = TransferEncoding.hexValue(u[j]) { v = v * 16 + UInt32(h) }
                else if !hex, u[j] >= UInt8(ascii: "0"), u[j] <= UInt8(ascii: "9") { v = v * 10 + UInt32(u[j] - UInt8(ascii: "0")) }
                else { break }
                j += 1
            }
            guard j > digitsStart else { return nil }
            if j < u.count, u[j] == UInt8(ascii: ";") { j += 1 }
            if v >= 0x80 && v < 0xA0 { v = UInt32(Charsets.windows1252([UInt8(v)][...]).unicodeScalars.first?.value ?? 0xFFFD) }
            if v == 0 || v > 0x10FFFF || (v >= 0xD800 && v < 0xE000) { v = 0xFFFD }
            return (v, j - i)
        }
        let nameStart = j
        while j < u.count, j - nameStart < 32, isLetter(u[j]) || (u[j] >= UInt8(ascii: "0") && u[j] <= UInt8(ascii: "9")) { j += 1 }
        guard j > nameStart else { return nil }
        let name = String(decoding: u[nameStart..<j], as: UTF8.self)
        if j < u.count, u[j] == UInt8(ascii: ";"), let v = named[name] { return (v, j + 1 - i) }
        // Legacy names that work without ';'.
        for legacy in ["amp", "lt", "gt", "quot", "nbsp", "copy", "reg"] where name.hasPrefix(legacy) {
            if let v = named[legacy] { return (v, 1 + legacy.count) }
        }
        return nil
    }

    private static let named: [String: UInt32] = [
        "amp": 38, "lt": 60, "gt": 62, "quot": 34, "apos": 39, "nbsp": 0xA0, "copy": 0xA9, "reg": 0xAE, "trade": 0x2122,
        "hellip": 0x2026, "mdash": 0x2014, "ndash": 0x2013, "lsquo": 0x2018, "rsquo": 0x2019, "sbquo": 0x201A,
        "ldquo": 0x201C, "rdquo": 0x201D, "bdquo": 0x201E, "bull": 0x2022, "middot": 0xB7, "euro": 0x20AC,
        "pound": 0xA3, "yen": 0xA5, "cent": 0xA2, "sect": 0xA7, "deg": 0xB0, "plusmn": 0xB1, "times": 0xD7,
        "divide": 0xF7, "laquo": 0xAB, "raquo": 0xBB, "lsaquo": 0x2039, "rsaquo": 0x203A, "iexcl": 0xA1,
        "iquest": 0xBF, "shy": 0xAD, "para": 0xB6, "micro": 0xB5, "frac12": 0xBD, "frac14": 0xBC, "frac34": 0xBE,
        "sup1": 0xB9, "sup2": 0xB2, "sup3": 0xB3, "ordf": 0xAA, "ordm": 0xBA, "not": 0xAC, "macr": 0xAF, "acute": 0xB4,
        "cedil": 0xB8, "uml": 0xA8, "curren": 0xA4, "brvbar": 0xA6, "dagger": 0x2020, "Dagger": 0x2021,
        "permil": 0x2030, "prime": 0x2032, "Prime": 0x2033, "larr": 0x2190, "rarr": 0x2192, "uarr": 0x2191,
        "darr": 0x2193, "harr": 0x2194, "rArr": 0x21D2, "lArr": 0x21D0, "hArr": 0x21D4, "le": 0x2264, "ge": 0x2265, "ne": 0x2260,
        "minus": 0x2212, "infin": 0x221E, "asymp": 0x2248, "equiv": 0x2261, "ensp": 0x2002, "emsp": 0x2003, "thinsp": 0x2009,
        "zwnj": 0x200C, "zwj": 0x200D, "lrm": 0x200E, "rlm": 0x200F, "circ": 0x2C6, "tilde": 0x2DC, "fnof": 0x192,
        "oline": 0x203E, "frasl": 0x2044, "spades": 0x2660, "clubs": 0x2663, "hearts": 0x2665, "diams": 0x2666,
        "check": 0x2713, "star": 0x2606, "hyphen": 0x2010, "dash": 0x2010, "Tab": 9, "NewLine": 10, "colon": 58,
        "comma": 44, "period": 46, "excl": 33, "quest": 63, "num": 35, "dollar": 36, "percnt": 37, "ast": 42,
        "plus": 43, "equals": 61, "sol": 47, "bsol": 92, "lpar": 40, "rpar": 41, "lsqb": 91, "rsqb": 93,
        "lowbar": 95, "lcub": 123, "rcub": 125, "verbar": 124, "grave": 96, "commat": 64,
        "Agrave": 0xC0, "Aacute": 0xC1, "Acirc": 0xC2, "Atilde": 0xC3, "Auml": 0xC4, "Aring": 0xC5, "AElig": 0xC6,
        "Ccedil": 0xC7, "Egrave": 0xC8, "Eacute": 0xC9, "Ecirc": 0xCA, "Euml": 0xCB, "Igrave": 0xCC, "Iacute": 0xCD,
        "Icirc": 0xCE, "Iuml": 0xCF, "ETH": 0xD0, "Ntilde": 0xD1, "Ograve": 0xD2, "Oacute": 0xD3, "Ocirc": 0xD4,
        "Otilde": 0xD5, "Ouml": 0xD6, "Oslash": 0xD8, "Ugrave": 0xD9, "Uacute": 0xDA, "Ucirc": 0xDB, "Uuml": 0xDC,
        "Yacute": 0xDD, "THORN": 0xDE, "szlig": 0xDF, "agrave": 0xE0, "aacute": 0xE1, "acirc": 0xE2, "atilde": 0xE3,
        "auml": 0xE4, "aring": 0xE5, "aelig": 0xE6, "ccedil": 0xE7, "egrave": 0xE8, "eacute": 0xE9, "ecirc": 0xEA,
        "euml": 0xEB, "igrave": 0xEC, "iacute": 0xED, "icirc": 0xEE, "iuml": 0xEF, "eth": 0xF0, "ntilde": 0xF1,
        "ograve": 0xF2, "oacute": 0xF3, "ocirc": 0xF4, "otilde": 0xF5, "ouml": 0xF6, "oslash": 0xF8, "ugrave": 0xF9,
        "uacute": 0xFA, "ucirc": 0xFB, "uuml": 0xFC, "yacute": 0xFD, "thorn": 0xFE, "yuml": 0xFF, "Yuml": 0x178,
        "OElig": 0x152, "oelig": 0x153, "Scaron": 0x160, "scaron": 0x161, "Zcaron": 0x17D, "zcaron": 0x17E,
        "Alpha": 0x391, "Beta": 0x392, "Gamma": 0x393, "Delta": 0x394, "Omega": 0x3A9, "alpha": 0x3B1, "beta": 0x3B2,
        "gamma": 0x3B3, "delta": 0x3B4, "epsilon": 0x3B5, "lambda": 0x3BB, "mu": 0x3BC, "pi": 0x3C0, "sigma": 0x3C3,
        "omega": 0x3C9,
    ]
}
