import Foundation

/// One term of a search, as matched against the vocabulary.
struct SearchTerm: Equatable, Sendable {
    /// Lower-cased, NFC, UTF-8.
    var bytes: [UInt8]
    /// Pure ASCII: matched against the folded words (so "asa" finds "Åsa"); otherwise against
    /// the lower-cased words (so "åsa" finds "Åsa" but not "Asa").
    var ascii: Bool
    /// Three or more characters: found anywhere in a word; shorter: only at its start.
    var substring: Bool

    var text: String { String(decoding: bytes, as: UTF8.self) }

    init(_ text: String) {
        bytes = Array(text.utf8)
        ascii = bytes.allSatisfy { $0 < 0x80 }
        substring = text.count >= 3
    }

    /// The terms of a query: split on whitespace; quotes are not special. Each piece is
    /// lower-cased and trimmed of punctuation at its ends; an e-mail address (or the start of
    /// one: anything with an `@` made only of address characters) and a case id ("c-1042") stay
    /// one term; anything else becomes the words it is made of ("tv:n" → "tv", "n").
    static func parse(_ query: String) -> [SearchTerm] {
        var terms: [SearchTerm] = []
        for piece in query.split(whereSeparator: { $0.isWhitespace }) {
            let lower = SearchText.lowerForm(String(piece))
            let scalars = Array(lower.unicodeScalars)
            // Trim: start at the first word character; end after the last word character or mark.
            guard let first = scalars.firstIndex(where: { SearchText.classify($0.value) == SearchText.word }) else { continue }
            let last = scalars.lastIndex(where: { let c = SearchText.classify($0.value); return c == SearchText.word || c == SearchText.mark })!
            let core = scalars[first...last]
            var view = String.UnicodeScalarView()
            view.append(contentsOf: core)
            let trimmed = String(view)
            let allAddress = core.allSatisfy { SearchText.classify($0.value) != SearchText.separator }
            if core.contains("@"), allAddress {
                terms.append(SearchTerm(trimmed))
                continue
            }
            if isCaseID(trimmed) {
                terms.append(SearchTerm(trimmed))
                continue
            }
            var s = trimmed
            s.withUTF8 { buf in
                var tokens = SearchTokenizer(buf)
                while let t = tokens.next() {
                    let word = String(decoding: UnsafeBufferPointer(rebasing: buf[t.start..<t.end]), as: UTF8.self)
                    terms.append(SearchTerm(SearchText.lowerForm(word)))
                }
            }
        }
        return terms
    }

    /// "c-" followed by ASCII digits (already lower-cased).
    static func isCaseID(_ s: String) -> Bool {
        let u = Array(s.utf8)
        return u.count > 2 && u[0] == UInt8(ascii: "c") && u[1] == UInt8(ascii: "-")
            && u[2...].allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
    }
}
