import Foundation

/// RFC 5322 address lists as they really arrive: display names (quoted, encoded words), groups
/// (flattened), comments (skipped, as RFC 5322 says: never the name), bare addresses, and
/// broken items kept as text in `address`.
enum AddressList {
    private enum Token {
        case word([UInt8])          // atom, possibly holding '@' and '.'
        case quoted([UInt8])
        case comment([UInt8])
        case angle([UInt8])
        case comma, colon, semicolon
    }

    static func parse(_ text: String) -> [MailAddress] {
        let u = Array(text.utf8)
        var out: [MailAddress] = []
        var item: [Token] = []
        // Whether `item` holds an angle address or a word with '@' (so a ':' is no group name);
        // kept as tokens are added, as scanning `item` at every ':' was quadratic.
        var itemHasAddress = false
        var itemStart = 0
        var i = 0
        func finish(_ end: Int) {
            if let a = mailbox(item, raw: u[itemStart..<min(end, u.count)]) { out.append(a) }
            item = []
            itemHasAddress = false
        }
        while i < u.count {
            let b = u[i]
            switch b {
            case 0x20, 0x09, 0x0D, 0x0A:
                i += 1
            case UInt8(ascii: "\""):
                var v = [UInt8]()
                i += 1
                while i < u.count, u[i] != UInt8(ascii: "\"") {
                    if u[i] == UInt8(ascii: "\\"), i + 1 < u.count { i += 1 }
                    v.append(u[i]); i += 1
                }
                i += 1
                item.append(.quoted(v))
            case UInt8(ascii: "("):
                let end = MimeParameters.skipComment(u, i)
                let inner = u[(i + 1)..<max(i + 1, min(end - 1, u.count))]
                item.append(.comment(Array(inner)))
                i = end
            case UInt8(ascii: "<"):
                var v = [UInt8]()
                i += 1
                while i < u.count, u[i] != UInt8(ascii: ">") { v.append(u[i]); i += 1 }
                i += 1
                item.append(.angle(v))
                itemHasAddress = true
            case UInt8(ascii: ","):
                finish(i); i += 1; itemStart = i
            case UInt8(ascii: ";"):
                finish(i); i += 1; itemStart = i
            case UInt8(ascii: ":"):
                if !itemHasAddress { item = []; itemStart = i + 1 } else { item.append(.word([b])) }
                i += 1
            default:
                var v = [UInt8]()
                while i < u.count {
                    let c = u[i]
                    if c == 0x20 || c == 0x09 || c == 0x0D || c == 0x0A || c == UInt8(ascii: "\"") || c == UInt8(ascii: "(")
                        || c == UInt8(ascii: "<") || c == UInt8(ascii: ",") || c == UInt8(ascii: ":") || c == UInt8(ascii: ";") { break }
                    v.append(c); i += 1
                }
                item.append(.word(v))
                if v.contains(UInt8(ascii: "@")) { itemHasAddress = true }
            }
        }
        finish(u.count)
        return out
    }

    private static func str(_ b: [UInt8]) -> String { String(decoding: b, as: UTF8.self) }

    private static func clean(_ s: String) -> String? {
        let t = s.trimmingCharacters(in: .whitespacesAndNewlines)
        return t.isEmpty ? nil : t
    }

    private static func mailbox(_ tokens: [Token], raw: ArraySlice<UInt8>) -> MailAddress? {
        if tokens.isEmpty { return nil }
        var phrase: [String] = []
        var angle: [UInt8]? = nil
        var atAfterAngle: [String] = []
        for t in tokens {
            switch t {
            case .word(let w): if angle == nil { phrase.append(str(w)) } else { atAfterAngle.append(str(w)) }
            case .quoted(let q): if angle == nil { phrase.append(str(q)) }
            case .angle(let a): if angle == nil { angle = a }
            default: break
            }
        }
        if var a = angle {
            // Drop an obsolete route ("<@relay:user@host>") and blanks.
            if a.first == UInt8(ascii: "@"), let c = a.firstIndex(of: UInt8(ascii: ":")) { a = Array(a[(c + 1)...]) }
            let address = str(a.filter { $0 != 0x20 && $0 != 0x09 && $0 != 0x0D && $0 != 0x0A })
            let name = clean(EncodedWords.decode(phrase.joined(separator: " "))) 
            return MailAddress(name: name, address: address)
        }
        // No angle brackets: an addr-spec, perhaps with a quoted local part, perhaps broken.
        var parts: [String] = []
        var addressIndex: Int? = nil
        for t in tokens {
            switch t {
            case .word(let w):
                if w.first == UInt8(ascii: "@"), let last = parts.indices.last, addressIndex == last || addressIndex == nil {
                    parts[last] += str(w); addressIndex = last
                } else {
                    parts.append(str(w))
                    if w.contains(UInt8(ascii: "@")) && addressIndex == nil { addressIndex = parts.count - 1 }
                }
            case .quoted(let q):
                let s = str(q)
                parts.append(s.contains(" ") || s.isEmpty ? "\"\(s)\"" : s)
            default: break
            }
        }
        if let k = addressIndex {
            var others = parts
            let address = others.remove(at: k)
            let name = clean(EncodedWords.decode(others.joined(separator: " "))) 
            return MailAddress(name: name, address: address)
        }
        // Broken: keep the text as it came.
        guard let text = clean(String(decoding: raw, as: UTF8.self)) else { return nil }
        return MailAddress(name: nil, address: EncodedWords.decode(text))
    }
}
