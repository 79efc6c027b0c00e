import Foundation

/// Builds outgoing mail: `OutgoingMail` → the bytes of a complete RFC 5322 message with LF line
/// ends (what `sendmail -t` and a Maildir expect locally; the MTA makes CRLF on the wire).
///
/// - One text/plain part, charset utf-8: `7bit` when the body is pure ASCII with lines of at most
///   998 bytes, else `quoted-printable` (RFC 2045 §6.7).
/// - Header values never contain CR or LF (or other controls) from their fields: customer text in
///   a subject or a display name cannot add a header. Lines are folded at 78 where there is a
///   space to fold at (RFC 5322 §2.2.3).
/// - Non-ASCII subjects and display names become RFC 2047 encoded words (UTF-8; Q, which keeps
///   Swedish readable, unless B is less than half as long; each word at most 75 characters and
///   placed so lines stay within 78; never splitting a character — not even a grapheme cluster
///   unless one alone is too long for a word). ASCII words around them stay as they are.
public enum MailComposer {
    /// Fold header lines at this length where possible (RFC 5322 §2.1.1 "SHOULD").
    static let foldAt = 78
    /// No line may be longer (RFC 5322 §2.1.1 "MUST").
    static let hardLineLimit = 998
    /// Longest message id kept; longer ones are dropped rather than making an illegal line.
    static let maxMessageIDLength = 900

    // MARK: - Message

    public static func render(_ mail: OutgoingMail) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(mail.body.utf8.count + 1024)
        func add(_ name: String, _ pieces: [HeaderPiece]) {
            out.append(contentsOf: foldHeader(name: name, pieces: pieces).utf8)
            out.append(0x0A)
        }
        func add(_ name: String, _ value: String) { add(name, plainPieces(value)) }
        add("Date", formatDate(mail.date))
        add("From", addressPieces([mail.from]))
        let to = addressPieces(mail.to), cc = addressPieces(mail.cc)
        if !to.isEmpty { add("To", to) }
        if !cc.isEmpty { add("Cc", cc) }
        add("Subject", headerTextPieces(mail.subject))
        if let id = sanitizedMessageID(mail.messageID) { add("Message-ID", id) }
        if let id = mail.inReplyTo.flatMap(sanitizedMessageID) { add("In-Reply-To", id) }
        let references = cappedReferences(mail.references.compactMap(sanitizedMessageID))
        if !references.isEmpty { add("References", references.joined(separator: " ")) }
        for header in mail.extraHeaders {
            guard let name = sanitizedFieldName(header.name), !isReservedField(name) else { continue }
            add(name, headerTextPieces(header.rawValue))
        }
        let body = encodeBody(mail.body)
        add("MIME-Version", "1.0")
        add("Content-Type", "text/plain; charset=utf-8")
        add("Content-Transfer-Encoding", body.encoding)
        if let language = mail.contentLanguage.flatMap(sanitizedLanguage) { add("Content-Language", language) }
        out.append(0x0A)
        out.append(contentsOf: body.bytes)
        return out
    }

    /// Keeps the first and the last `max - 1` ids when there are more than `max` (RFC 5322 §3.6.4
    /// practice: the thread's root plus the most recent ancestors).
    public static func cappedReferences(_ refs: [String], max: Int = 20) -> [String] {
        guard max > 0 else { return [] }
        guard refs.count > max else { return refs }
        guard max > 1 else { return [refs[0]] }
        return [refs[0]] + refs.suffix(max - 1)
    }

    /// RFC 5322 date-time: "Tue, 01 Dec 2026 10:42:00 +0000" (English names whatever the locale,
    /// whole seconds). UTC unless another zone is given.
    public static func formatDate(_ date: Date, timeZone: TimeZone = TimeZone(secondsFromGMT: 0)!) -> String {
        let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        let offset = timeZone.secondsFromGMT(for: date)
        let local = Int64(floor(date.timeIntervalSince1970)) + Int64(offset)
        let dayNumber = floorDiv(local, 86_400)
        let second = local - dayNumber * 86_400
        let (year, month, day) = civilDate(daysSinceEpoch: dayNumber)
        let weekday = Int(((dayNumber % 7) + 7 + 4) % 7)  // 1970-01-01 was a Thursday
        let sign = offset < 0 ? "-" : "+"
        let absOffset = abs(offset) / 60
        return "\(days[weekday]), \(pad(day, 2)) \(months[month - 1]) \(year) "
            + "\(pad(Int(second / 3600), 2)):\(pad(Int(second / 60 % 60), 2)):\(pad(Int(second % 60), 2)) "
            + "\(sign)\(pad(absOffset / 60, 2))\(pad(absOffset % 60, 2))"
    }

    // MARK: - Body

    /// The body normalised to LF line ends with a final LF, and its transfer encoding.
    static func encodeBody(_ body: String) -> (encoding: String, bytes: [UInt8]) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(body.utf8.count + 1)
        var previousCR = false
        for byte in body.utf8 {
            if byte == 0x0D {
                bytes.append(0x0A)
                previousCR = true
                continue
            }
            if byte == 0x0A && previousCR {
                previousCR = false
                continue
            }
            previousCR = false
            bytes.append(byte)
        }
        if let last = bytes.last, last != 0x0A { bytes.append(0x0A) }
        let lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
        let sevenBit = bytes.allSatisfy { $0 < 0x80 && $0 != 0 } && lines.allSatisfy { $0.count <= hardLineLimit }
        return sevenBit ? ("7bit", bytes) : ("quoted-printable", quotedPrintable(bytes))
    }

    /// Quoted-printable (RFC 2045 §6.7) of LF-separated text: LF stays a hard line break, encoded
    /// lines are at most 76 characters (soft breaks "=" never split an "=XX" nor a UTF-8
    /// character), "=", controls, non-ASCII and whitespace at a line's end are encoded, and a line
    /// starting "From " gets "=46rom " so no mbox along the way mangles it.
    static func quotedPrintable(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count * 2)
        let lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
        for (lineIndex, line) in lines.enumerated() {
            if lineIndex > 0 { out.append(0x0A) }
            let raw = Array(line)
            // Tokens: one per UTF-8 character (a lead byte and its continuation bytes).
            var tokens: [[UInt8]] = []
            var index = 0
            while index < raw.count {
                var end = index + 1
                if raw[index] >= 0xC0 {
                    while end < raw.count && raw[end] & 0xC0 == 0x80 { end += 1 }
                }
                var token: [UInt8] = []
                for position in index..<end {
                    let byte = raw[position]
                    let isLast = position == raw.count - 1
                    let literal: Bool
                    switch byte {
                    case 0x20, 0x09: literal = !isLast
                    case 0x46 where position == 0 && raw.starts(with: Array("From ".utf8)): literal = false
                    case 0x21...0x7E: literal = byte != 0x3D
                    default: literal = false
                    }
                    if literal { token.append(byte) } else { token.append(contentsOf: hexEscape(byte)) }
                }
                tokens.append(token)
                index = end
            }
            var length = 0
            for (tokenIndex, token) in tokens.enumerated() {
                let limit = tokenIndex == tokens.count - 1 ? 76 : 75
                if length + token.count > limit && length > 0 {
                    out.append(0x3D)  // soft line break
                    out.append(0x0A)
                    length = 0
                }
                out.append(contentsOf: token)
                length += token.count
            }
        }
        return out
    }

    static func sanitizedMessageID(_ id: String) -> String? {
        let core = String(String.UnicodeScalarView(id.unicodeScalars.filter {
            $0.value >= 0x21 && $0.value <= 0x7E && $0 != "<" && $0 != ">"
        }))
        guard !core.isEmpty, core.utf8.count <= maxMessageIDLength else { return nil }
        return "<\(core)>"
    }

    static func sanitizedFieldName(_ name: String) -> String? {
        guard !name.isEmpty, name.utf8.count <= 76,
              name.utf8.allSatisfy({ $0 >= 0x21 && $0 <= 0x7E && $0 != 0x3A }) else { return nil }
        return name
    }

    static func isReservedField(_ name: String) -> Bool {
        let lower = name.lowercased()
        return ["date", "from", "to", "cc", "bcc", "subject", "message-id", "in-reply-to", "references",
                "mime-version"].contains(lower) || lower.hasPrefix("content-")
    }

    static func sanitizedLanguage(_ language: String) -> String? {
        let kept = language.unicodeScalars.filter {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == ","
        }
        let value = String(String.UnicodeScalarView(kept)).split(separator: ",").joined(separator: ", ")
        return value.isEmpty || value.utf8.count > 200 ? nil : value
    }

    /// The addr-spec of an address, made safe: no controls, no angle brackets, a local part that
    /// is not a dot-atom quoted (so `a@x, b@y` stays one mailbox: `"a@x, b"@y`).
    static func formatAddrSpec(_ raw: String) -> String {
        let clean = String(sanitizeHeaderValue(raw).filter { $0 != "<" && $0 != ">" })
            .trimmingCharacters(in: CharacterSet(charactersIn: " "))
        guard let at = clean.lastIndex(of: "@") else {
            return isDotAtom(clean) || clean.isEmpty ? clean : quotedString(clean)
        }
        let local = String(clean[..<at])
        let domain = String(clean[clean.index(after: at)...].filter { !" ,;\"()\\".contains($0) })
        let safeLocal = isDotAtom(local) || isQuotedString(local) ? local : quotedString(local)
        return safeLocal + "@" + domain
    }

    /// The value with CR, LF, NEL, U+2028/9 (runs of them become one space) and every other
    /// control character (→ space) removed, trimmed.
    static func sanitizeHeaderValue(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        var inBreak = false
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x0A, 0x0D, 0x85, 0x2028, 0x2029:
                if !inBreak { result.append(" ") }
                inBreak = true
                continue
            case 0x00...0x1F, 0x7F...0x9F:
                result.append(" ")
            default:
                result.append(scalar)
            }
            inBreak = false
        }
        return String(result).trimmingCharacters(in: CharacterSet(charactersIn: " "))
    }

    // MARK: - Small helpers

    static func isAtext(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x41...0x5A, 0x61...0x7A, 0x30...0x39: return true
        default: return "!#$%&'*+-/=?^_`{|}~".utf8.contains(byte)
        }
    }

    static func isDotAtom(_ text: String) -> Bool {
        guard !text.isEmpty else { return false }
        return text.split(separator: ".", omittingEmptySubsequences: false).allSatisfy { part in
            !part.isEmpty && part.utf8.allSatisfy { $0 >= 0x80 || isAtext($0) }
        }
    }

    static func isQuotedString(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count >= 2, bytes.first == 0x22, bytes.last == 0x22 else { return false }
        var index = 1
        while index < bytes.count - 1 {
            switch bytes[index] {
            case 0x5C: index += 2
            case 0x22: return false
            default: index += 1
            }
        }
        return index == bytes.count - 1
    }

    static func quotedString(_ text: String) -> String {
        var out = "\""
        for character in text {
            if character == "\"" || character == "\\" { out.append("\\") }
            out.append(character)
        }
        return out + "\""
    }

    /// Characters a Q encoded word may carry as themselves anywhere, phrases included
    /// (RFC 2047 §5 (3)).
    static func qSafe(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x41...0x5A, 0x61...0x7A, 0x30...0x39, 0x21, 0x2A, 0x2B, 0x2D, 0x2F: return true
        default: return false
        }
    }

    static func qEncode(_ bytes: [UInt8]) -> String {
        var out = ""
        for byte in bytes {
            if qSafe(byte) {
                out.unicodeScalars.append(Unicode.Scalar(byte))
            } else if byte == 0x20 {
                out.append("_")
            } else {
                out += String(decoding: hexEscape(byte), as: UTF8.self)
            }
        }
        return out
    }

    static func hexEscape(_ byte: UInt8) -> [UInt8] {
        let digits = Array("0123456789ABCDEF".utf8)
        return [0x3D, digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]]
    }

    static func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }

    static func floorDiv(_ a: Int64, _ b: Int64) -> Int64 {
        a >= 0 ? a / b : -((-a + b - 1) / b)
    }

    /// Proleptic Gregorian (year, month 1-12, day 1-31) of a day count since 1970-01-01
    /// (Howard Hinnant's civil_from_days).
    static func civilDate(daysSinceEpoch: Int64) -> (Int, Int, Int) {
        let z = daysSinceEpoch + 719_468
        let era = floorDiv(z, 146_097)
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        return (Int(year), Int(month), Int(day))
    }
}
