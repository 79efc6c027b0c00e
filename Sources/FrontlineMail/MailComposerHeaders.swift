import Foundation

/// Header values: addresses, display names, unstructured text as RFC 2047 encoded words, and
/// folding (RFC 5322 §2.2.3).
extension MailComposer {
    /// A header value is a sequence of pieces separated by single spaces (the places it may fold).
    enum HeaderPiece: Equatable {
        /// Written as is (a word, an `<addr>,`); "" stands for an extra space.
        case plain(String)
        /// Text written as one or more encoded words, split where the line needs it.
        case encoded(String)
        /// Part of a display name written as encoded words of up to 75 characters, split after a
        /// space when it must be split at all: decoders disagree about the whitespace between
        /// adjacent encoded words in a phrase (Python's email package keeps it, RFC 2047 drops
        /// it), so a name is kept in one word when it fits, and a split costs at most an extra
        /// space in a lax reader, never a space inside a word.
        case phrase(String)
    }

    // MARK: - Public string forms

    /// `"Name" <addr>`, `=?UTF-8?Q?…?= <addr>`, `Plain Name <addr>` or just `addr`.
    public static func formatAddress(_ address: MailAddress) -> String {
        joinPieces(addressPieces([address]))
    }

    public static func formatAddressList(_ addresses: [MailAddress]) -> String {
        joinPieces(addressPieces(addresses))
    }

    /// A display name as an RFC 5322 phrase: plain atoms when it is simple ASCII ("Asa Lindqvist"),
    /// a quoted string with `\"` and `\\` escapes when it has specials (`"Lindqvist, Asa"`),
    /// encoded words when it is not ASCII. "" for an empty name.
    public static func encodeDisplayName(_ name: String) -> String {
        joinPieces(displayNamePieces(name))
    }

    /// Unstructured header text (a subject): controls stripped, words that need it (non-ASCII,
    /// anything looking like an encoded word, words too long to fold) as encoded words, the rest
    /// left readable: "Re: TV:n luktar =?UTF-8?Q?br=C3=A4nt?= [C-1042]".
    public static func encodeHeaderText(_ text: String) -> String {
        joinPieces(headerTextPieces(text))
    }

    // MARK: - Pieces

    static func plainPieces(_ value: String) -> [HeaderPiece] {
        if value.isEmpty { return [] }
        return value.split(separator: " ", omittingEmptySubsequences: false).map { .plain(String($0)) }
    }

    static func headerTextPieces(_ text: String) -> [HeaderPiece] {
        let clean = sanitizeHeaderValue(text)
        if clean.isEmpty { return [] }
        let words = clean.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        let needs = words.map { word in
            !word.utf8.allSatisfy({ $0 < 0x80 }) || word.contains("=?") || word.utf8.count > foldAt - 1
        }
        var pieces: [HeaderPiece] = []
        var i = 0
        while i < words.count {
            guard needs[i] else {
                pieces.append(.plain(words[i]))
                i += 1
                continue
            }
            // Whitespace between two encoded words disappears when decoded, so words that need
            // encoding and are separated only by spaces are encoded together, spaces included.
            var j = i
            while true {
                var k = j + 1
                while k < words.count && words[k].isEmpty { k += 1 }
                guard k < words.count && needs[k] else { break }
                j = k
            }
            pieces.append(.encoded(words[i...j].joined(separator: " ")))
            i = j + 1
        }
        return pieces
    }

    static func displayNamePieces(_ name: String) -> [HeaderPiece] {
        let clean = sanitizeHeaderValue(name)
        if clean.isEmpty { return [] }
        let words = clean.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        if clean.utf8.allSatisfy({ $0 < 0x80 }) && !clean.contains("=?") && !words.contains(where: { $0.utf8.count > 70 }) {
            if words.allSatisfy({ !$0.isEmpty && $0.utf8.allSatisfy(isAtext) }) { return plainPieces(clean) }
            return plainPieces(quotedString(clean))  // folding inside a quoted string is allowed
        }
        // Atoms stay readable ("Kund 3 =?UTF-8?Q?=C3=96stlund?="); every other word is encoded,
        // neighbours together.
        let needs = words.map { word in
            word.isEmpty || !word.utf8.allSatisfy(isAtext) || word.contains("=?") || word.utf8.count > 70
        }
        var pieces: [HeaderPiece] = []
        var i = 0
        while i < words.count {
            guard needs[i] else {
                pieces.append(.plain(words[i]))
                i += 1
                continue
            }
            var j = i
            while j + 1 < words.count && needs[j + 1] { j += 1 }
            pieces.append(.phrase(words[i...j].joined(separator: " ")))
            i = j + 1
        }
        return pieces
    }

    static func addressPieces(_ addresses: [MailAddress]) -> [HeaderPiece] {
        // An addr-spec cannot be folded: one too long for a line (no real one is: RFC 5321 allows
        // 254) is dropped, like an over-long message id, rather than making an illegal line.
        let addresses = addresses.filter { formatAddrSpec($0.address).utf8.count <= maxMessageIDLength }
        var pieces: [HeaderPiece] = []
        for (index, address) in addresses.enumerated() {
            let spec = formatAddrSpec(address.address)
            let comma = index < addresses.count - 1 ? "," : ""
            let name = address.name.map(displayNamePieces) ?? []
            if name.isEmpty {
                pieces.append(.plain(spec + comma))
            } else {
                pieces += name
                pieces.append(.plain("<\(spec)>" + comma))
            }
        }
        return pieces
    }

    /// Pieces on one line, encoded words at their full 75 characters.
    static func joinPieces(_ pieces: [HeaderPiece]) -> String {
        pieces.map { piece in
            switch piece {
            case .plain(let text): return text
            case .encoded(let text): return encodedWords(text).joined(separator: " ")
            case .phrase(let text): return encodedWords(text, splitAfterSpaces: true).joined(separator: " ")
            }
        }.joined(separator: " ")
    }

    // MARK: - Folding

    /// "Name: value" folded before spaces so lines stay within 78 bytes where a space allows it.
    /// Never produces a whitespace-only line; never folds right after the colon.
    static func foldHeader(name: String, value: String) -> String {
        foldHeader(name: name, pieces: plainPieces(value))
    }

    static func foldHeader(name: String, pieces: [HeaderPiece]) -> String {
        var lines: [String] = []
        var current = name + ":"
        var length = current.utf8.count
        var hasValue = false
        func place(_ text: String) {
            current += " " + text
            length += 1 + text.utf8.count
            if !text.isEmpty { hasValue = true }
        }
        func newLine() {
            lines.append(current)
            current = ""
            length = 0
        }
        for piece in pieces {
            switch piece {
            case .plain(let text):
                if hasValue && !text.isEmpty && length + 1 + text.utf8.count > foldAt { newLine() }
                place(text)
            case .encoded(let text):
                // Each word as long as the line still allows (at most 75); a new line when not
                // even a short word fits.
                let minimum = 24
                encodeWords(text, limit: {
                    if hasValue && foldAt - length - 1 < minimum { newLine() }
                    return min(75, max(minimum, foldAt - length - 1))
                }, emit: place)
            case .phrase(let text):
                for word in encodedWords(text, splitAfterSpaces: true) {
                    if hasValue && length + 1 + word.utf8.count > foldAt { newLine() }
                    place(word)
                }
            }
        }
        lines.append(current)
        return lines.joined(separator: "\n")
    }

    // MARK: - Encoded words (RFC 2047)

    /// RFC 2047 encoded words for `text`, UTF-8, each at most 75 characters.
    static func encodedWords(_ text: String, splitAfterSpaces: Bool = false) -> [String] {
        var words: [String] = []
        encodeWords(text, splitAfterSpaces: splitAfterSpaces, limit: { 75 }, emit: { words.append($0) })
        return words
    }

    /// Splits `text` into encoded words: `limit()` is the longest the next word may be (asked
    /// again after every word), `emit` receives each word. Q is used unless B is clearly shorter
    /// (Q keeps mostly-Latin text readable). Words hold whole grapheme clusters, and a cluster too
    /// long for one word is split between its scalars, never inside one. With `splitAfterSpaces`
    /// a full word ends after its last space when it has one (the rest starts the next word).
    static func encodeWords(_ text: String, splitAfterSpaces: Bool = false, limit: () -> Int, emit: (String) -> Void) {
        let bytes = Array(text.utf8)
        let qLength = bytes.reduce(0) { $0 + qCost($1) }
        let bLength = (bytes.count + 2) / 3 * 4
        let useQ = qLength <= 2 * bLength
        let prefix = useQ ? "=?UTF-8?Q?" : "=?UTF-8?B?"
        let overhead = prefix.utf8.count + 2
        var current: [UInt8] = []
        var currentQCost = 0
        func cost(adding piece: [UInt8]) -> Int {
            useQ ? currentQCost + piece.reduce(0) { $0 + qCost($1) } : (current.count + piece.count + 2) / 3 * 4
        }
        func take(_ piece: [UInt8]) -> Bool {
            guard overhead + cost(adding: piece) <= limit() else { return false }
            currentQCost += piece.reduce(0) { $0 + qCost($1) }
            current += piece
            return true
        }
        func emitWord(_ raw: [UInt8]) {
            emit(prefix + (useQ ? qEncode(raw) : Data(raw).base64EncodedString()) + "?=")
        }
        func flush(overflow: Bool = true) {
            guard !current.isEmpty else { return }
            if overflow && splitAfterSpaces, let space = current.lastIndex(of: 0x20), space < current.count - 1, space > 0 {
                emitWord(Array(current[...space]))
                current = Array(current[(space + 1)...])
                currentQCost = current.reduce(0) { $0 + qCost($1) }
                return
            }
            emitWord(current)
            current = []
            currentQCost = 0
        }
        for character in text {
            let piece = Array(String(character).utf8)
            if take(piece) { continue }
            flush()
            if take(piece) { continue }
            flush()  // a partial flush may have left a remainder
            if take(piece) { continue }
            for scalar in character.unicodeScalars {
                let scalarBytes = Array(String(scalar).utf8)
                if !take(scalarBytes) {
                    flush()
                    if !take(scalarBytes) {
                        flush()
                        _ = take(scalarBytes)
                    }
                }
            }
        }
        flush(overflow: false)
    }

    static func qCost(_ byte: UInt8) -> Int {
        qSafe(byte) || byte == 0x20 ? 1 : 3
    }
}
