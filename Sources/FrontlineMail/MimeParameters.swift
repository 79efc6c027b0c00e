/// A structured MIME header value: `text/plain; charset="utf-8"; name*0*=utf-8''%C3%A5; name*1=.txt`.
/// RFC 2045 tokens and quoted strings, comments skipped, RFC 2231 extended values, continuations
/// and charsets. Parameter names are lower-cased; values keep their case.
struct MimeParameters: Sendable, Equatable {
    /// The part before the first ';', trimmed and lower-cased ("text/plain", "attachment").
    var value: String
    var parameters: [String: String]

    subscript(_ name: String) -> String? { parameters[name.lowercased()] }

    /// A parameter meant for people (name, filename): RFC 2047 words inside it decoded too.
    func text(_ name: String) -> String? {
        guard let v = parameters[name.lowercased()] else { return nil }
        return EncodedWords.decode(v)
    }

    init(value: String, parameters: [String: String]) {
        self.value = value
        self.parameters = parameters
    }

    init(_ header: String) {
        let u = Array(header.utf8)
        var i = 0
        var head = [UInt8]()
        while i < u.count, u[i] != UInt8(ascii: ";") {
            if u[i] == UInt8(ascii: "(") { i = Self.skipComment(u, i); continue }
            if u[i] != 0x20, u[i] != 0x09, u[i] != UInt8(ascii: "\"") { head.append(u[i]) }
            i += 1
        }
        value = String(decoding: head, as: UTF8.self).lowercased()
        var params: [String: String] = [:]

        struct Segment { var index: Int; var extended: Bool; var value: [UInt8] }
        var plain: [String: String] = [:]
        var segments: [String: [Segment]] = [:]
        while i < u.count {
            // Skip separators and blanks.
            while i < u.count, u[i] == UInt8(ascii: ";") || u[i] == 0x20 || u[i] == 0x09 || u[i] == 0x0D || u[i] == 0x0A { i += 1 }
            if i < u.count, u[i] == UInt8(ascii: "(") { i = Self.skipComment(u, i); continue }
            let nameStart = i
            while i < u.count, u[i] != UInt8(ascii: "="), u[i] != UInt8(ascii: ";") { i += 1 }
            var nameBytes = Array(u[nameStart..<i])
            while let l = nameBytes.last, l == 0x20 || l == 0x09 { nameBytes.removeLast() }
            guard i < u.count, u[i] == UInt8(ascii: "=") else { continue }   // no '=': ignored
            i += 1
            while i < u.count, u[i] == 0x20 || u[i] == 0x09 { i += 1 }
            var val = [UInt8]()
            if i < u.count, u[i] == UInt8(ascii: "\"") {
                i += 1
                while i < u.count, u[i] != UInt8(ascii: "\"") {
                    if u[i] == UInt8(ascii: "\\"), i + 1 < u.count { i += 1 }
                    val.append(u[i]); i += 1
                }
                if i < u.count { i += 1 }
                // Anything after the closing quote up to ';' is junk.
                while i < u.count, u[i] != UInt8(ascii: ";") { i += 1 }
            } else {
                while i < u.count, u[i] != UInt8(ascii: ";") {
                    if u[i] == UInt8(ascii: "(") { i = Self.skipComment(u, i); continue }
                    val.append(u[i]); i += 1
                }
                while let l = val.last, l == 0x20 || l == 0x09 { val.removeLast() }
            }
            let name = String(decoding: nameBytes, as: UTF8.self).lowercased()
            if name.isEmpty { continue }
            // RFC 2231: name*  /  name*N  /  name*N*
            if let star = name.firstIndex(of: "*") {
                let base = String(name[..<star])
                var rest = name[name.index(after: star)...]
                var extended = false
                if rest.hasSuffix("*") { extended = true; rest = rest.dropLast() }
                if rest.isEmpty {
                    segments[base, default: []].append(Segment(index: 0, extended: true, value: val))
                } else if let n = Int(rest), n >= 0, n < 10_000 {
                    segments[base, default: []].append(Segment(index: n, extended: extended, value: val))
                } else {
                    if plain[name] == nil { plain[name] = String(decoding: val, as: UTF8.self) }
                }
            } else if plain[name] == nil {
                plain[name] = String(decoding: val, as: UTF8.self)
            }
        }
        for (base, segs) in segments {
            let sorted = segs.sorted { $0.index < $1.index }
            var charset: String? = nil
            var bytes = [UInt8]()
            for (k, seg) in sorted.enumerated() {
                var v = seg.value[...]
                if seg.extended {
                    if k == 0 {
                        // charset'language'value
                        if let q1 = v.firstIndex(of: UInt8(ascii: "'")),
                           let q2 = v[(q1 + 1)...].firstIndex(of: UInt8(ascii: "'")) {
                            charset = String(decoding: v[v.startIndex..<q1], as: UTF8.self)
                            v = v[(q2 + 1)...]
                        }
                    }
                    bytes.append(contentsOf: Self.percentDecode(v))
                } else {
                    bytes.append(contentsOf: v)
                }
            }
            let label = (charset?.isEmpty ?? true) ? nil : charset
            params[base] = Charsets.decode(bytes[...], label: label).text
        }
        for (k, v) in plain where params[k] == nil { params[k] = v }
        parameters = params
    }

    private static func percentDecode(_ v: ArraySlice<UInt8>) -> [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(v.count)
        var i = v.startIndex
        while i < v.endIndex {
            if v[i] == UInt8(ascii: "%"), i + 2 < v.endIndex,
               let h = TransferEncoding.hexValue(v[i + 1]), let l = TransferEncoding.hexValue(v[i + 2]) {
                out.append(h << 4 | l); i += 3
            } else { out.append(v[i]); i += 1 }
        }
        return out
    }

    /// Index just past a (nested) comment starting at `i`.
    static func skipComment(_ u: [UInt8], _ start: Int) -> Int {
        var depth = 0
        var i = start
        while i < u.count {
            switch u[i] {
            case UInt8(ascii: "\\"): i += 1
            case UInt8(ascii: "("): depth += 1
            case UInt8(ascii: ")"):
                depth -= 1
                if depth == 0 { return i + 1 }
            default: break
            }
            i += 1
        }
        return u.count
    }
}
