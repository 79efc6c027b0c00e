import Foundation

/// RFC 3464 delivery-status reports: what failed, for whom, and which of our messages it was.
enum DeliveryStatus {
    static func report(_ root: MimeEntity) -> DeliveryReport? {
        guard let status = first(root, where: { $0.type == "message/delivery-status" }) else { return nil }
        let groups = fieldGroups(status.decodedBody())
        var failed: [String] = []
        var action: String? = nil, code: String? = nil, diagnostic: String? = nil
        for (k, g) in groups.enumerated() where k > 0 || groups.count == 1 {
            func field(_ n: String) -> String? {
                g.first { ASCII.equalsIgnoringCase($0.name, n) }
                    .map { HeaderBlock.text($0.value, fallbackCharset: nil).trimmingCharacters(in: .whitespaces) }
            }
            guard let recipient = (field("Final-Recipient") ?? field("Original-Recipient")).map(afterType) else { continue }
            let a = field("Action")?.lowercased()
            let s = field("Status")
            let d = field("Diagnostic-Code").map(afterType)
            if action == nil { action = a; code = s; diagnostic = d }
            if a == "failed" || (a == nil && s?.hasPrefix("5") == true) {
                let why = d ?? s
                failed.append(why.map { "\(recipient): \($0)" } ?? recipient)
            }
        }
        return DeliveryReport(originalMessageID: originalMessageID(root), failedRecipients: failed,
                              action: action, status: code, diagnostic: diagnostic)
    }

    /// "rfc822; user@example.com" → "user@example.com"; a value without a type stays as it is.
    private static func afterType(_ v: String) -> String {
        var s = v
        if let semi = v.firstIndex(of: ";") { s = String(v[v.index(after: semi)...]) }
        s = s.trimmingCharacters(in: .whitespaces)
        if s.hasPrefix("<"), s.hasSuffix(">"), s.count >= 2 { s = String(s.dropFirst().dropLast()) }
        return s
    }

    /// The blocks of header-like fields, separated by blank lines.
    private static func fieldGroups(_ bytes: [UInt8]) -> [[RawHeader]] {
        var groups: [[RawHeader]] = []
        var rest = bytes[...]
        while !rest.isEmpty, groups.count < 1000 {
            while let f = rest.first, f == 0x0A || f == 0x0D || f == 0x20 || f == 0x09 { rest = rest.dropFirst() }
            if rest.isEmpty { break }
            guard let split = try? HeaderBlock.split(rest, maxBytes: Int.max) else { break }
            if split.headers.isEmpty { break }
            groups.append(split.headers)
            if split.bodyStart <= rest.startIndex { break }
            rest = rest[split.bodyStart...]
        }
        return groups
    }

    private static func originalMessageID(_ root: MimeEntity) -> String? {
        if let m = first(root, where: { $0.isMessage }), let inner = m.children.first {
            return inner.header("Message-ID").map { $0.trimmingCharacters(in: .whitespaces) }
        }
        if let h = first(root, where: { $0.type == "text/rfc822-headers" }),
           let split = try? HeaderBlock.split(h.decodedBody()[...], maxBytes: Int.max) {
            return HeaderBlock.firstText(split.headers, "Message-ID").map { $0.trimmingCharacters(in: .whitespaces) }
        }
        return nil
    }

    private static func first(_ e: MimeEntity, where test: (MimeEntity) -> Bool) -> MimeEntity? {
        if test(e) { return e }
        if e.isMessage { return nil }     // not inside attached messages
        for c in e.children { if let f = first(c, where: test) { return f } }
        return nil
    }
}
