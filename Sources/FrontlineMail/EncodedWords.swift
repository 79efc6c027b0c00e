/// RFC 2047 encoded words ("=?utf-8?B?…?=", "=?iso-8859-1?Q?…?="). Adjacent words are joined:
/// the blanks between them go, and the bytes of neighbours in the same charset are decoded
/// together (so a character split across two words comes out whole). A malformed word stays text.
enum EncodedWords {
    private struct Word {
        var range: Range<Int>          // in the utf8 array
        var charset: String
        var bytes: [UInt8]
    }

    static func decode(_ text: String) -> String {
        let u = Array(text.utf8)
        guard u.count >= 8, containsMarker(u) else { return text }
        // For each position, where the next "?=" and the next blank are: finding a word's end is then
        // O(1), so a hostile header full of "=?" without ends stays linear.
        var nextEnd = [Int](repeating: u.count, count: u.count + 1)
        var nextBlank = [Int](repeating: u.count, count: u.count + 1)
        var p = u.count - 1
        while p >= 0 {
            nextEnd[p] = (p + 1 < u.count && u[p] == UInt8(ascii: "?") && u[p + 1] == UInt8(ascii: "=")) ? p : nextEnd[p + 1]
            nextBlank[p] = isBlank(u[p]) ? p : nextBlank[p + 1]
            p -= 1
        }
        var words: [Word] = []
        var i = 0
        while i + 1 < u.count {
            if u[i] == UInt8(ascii: "="), u[i + 1] == UInt8(ascii: "?"), let w = parseWord(u, at: i, nextEnd: nextEnd, nextBlank: nextBlank) {
                words.append(w); i = w.range.upperBound
            } else {
                i += 1
            }
        }
        if words.isEmpty { return text }
        var out = [UInt8]()
        out.reserveCapacity(u.count)
        var pos = 0
        var k = 0
        while k < words.count {
            out.append(contentsOf: u[pos..<words[k].range.lowerBound])
            // Gather a run of words separated only by blanks; decode same-charset neighbours together.
            var run = [words[k]]
            var j = k + 1
            while j < words.count, u[words[j - 1].range.upperBound..<words[j].range.lowerBound].allSatisfy(isBlank) {
                run.append(words[j]); j += 1
            }
            var g = 0
            while g < run.count {
                var bytes = run[g].bytes
                var h = g + 1
                while h < run.count, run[h].charset == run[g].charset { bytes.append(contentsOf: run[h].bytes); h += 1 }
                out.append(contentsOf: Charsets.decode(bytes[...], label: run[g].charset).text.utf8)
                g = h
            }
            pos = run[run.count - 1].range.upperBound
            k = j
        }
        out.append(contentsOf: u[pos...])
        return String(decoding: out, as: UTF8.self)
    }

    private static func isBlank(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0D || b == 0x0A }

    private static func containsMarker(_ u: [UInt8]) -> Bool {
        var i = 0
        while i + 1 < u.count {
            if u[i] == UInt8(ascii: "="), u[i + 1] == UInt8(ascii: "?") { return true }
            i += 1
        }
        return false
    }

    /// "=?charset[*lang]?B|Q?text?=" starting at `start`, or nil.
    private static func parseWord(_ u: [UInt8], at start: Int, nextEnd: [Int], nextBlank: [Int]) -> Word? {
        var i = start + 2
        let csStart = i
        while i < u.count, u[i] != UInt8(ascii: "?"), !isBlank(u[i]), i - csStart < 80 { i += 1 }
        guard i < u.count, u[i] == UInt8(ascii: "?"), i > csStart else { return nil }
        let charset = String(decoding: u[csStart..<i], as: UTF8.self).lowercased()
        i += 1
        guard i + 1 < u.count, u[i + 1] == UInt8(ascii: "?") else { return nil }
        let enc = u[i] | 0x20
        guard enc == UInt8(ascii: "b") || enc == UInt8(ascii: "q") else { return nil }
        i += 2
        let textStart = i
        i = nextEnd[textStart]
        guard i + 1 < u.count, nextBlank[textStart] > i else { return nil }
        let payload = u[textStart..<i]
        let bytes: [UInt8]
        if enc == UInt8(ascii: "b") {
            bytes = TransferEncoding.base64(payload)
        } else {
            var out = [UInt8]()
            var p = payload.startIndex
            while p < payload.endIndex {
                let b = payload[p]
                if b == UInt8(ascii: "_") { out.append(0x20); p += 1 }
                else if b == UInt8(ascii: "="), p + 2 < payload.endIndex,
                        let h = TransferEncoding.hexValue(payload[p + 1]), let l = TransferEncoding.hexValue(payload[p + 2]) {
                    out.append(h << 4 | l); p += 3
                } else { out.append(b); p += 1 }
            }
            bytes = out
        }
        return Word(range: start..<(i + 2), charset: charset, bytes: bytes)
    }
}
