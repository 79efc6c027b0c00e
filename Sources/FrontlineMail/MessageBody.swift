import Foundation

/// The readable body and the attachments of a message tree. The body part is chosen as Python's
/// `get_body(('plain', 'html'))` does: the first text/plain that is not an attachment, else the
/// first text/html, looking into multipart/related only at its start part. Attached messages
/// (message/rfc822, digests) follow the body as forwarded messages. Every other leaf part is an
/// attachment, except the other versions of a multipart/alternative.
enum MessageBody {
    static let forwardedMarker = "---------- Forwarded message ----------"

    struct Result: Sendable {
        var text: String
        var type: ParsedMail.BodyType?
        var attachments: [MailAttachment]
        var language: String?
    }

    static func build(_ root: MimeEntity, notes: inout [String]) -> Result {
        let body = bodyPart(root)
        var mainText = ""
        var type: ParsedMail.BodyType? = nil
        if let body {
            let t = body.text(notes: &notes)
            if body.type == "text/html" { mainText = HtmlText.text(t); type = .html }
            else { mainText = t; type = .plain }
        }
        var attachments: [MailAttachment] = []
        var forwarded: [String] = []
        var forwardedType: ParsedMail.BodyType? = nil
        collect(root, body: body, inAlternative: false, attachments: &attachments, forwarded: &forwarded,
                forwardedType: &forwardedType, notes: &notes)
        var pieces: [String] = []
        // Foundation's trimming bridges the whole body to NSString (a quarter of an mbox import).
        if mainText.unicodeScalars.contains(where: { !$0.properties.isWhitespace }) { pieces.append(trimmedEnd(mainText)) }
        pieces.append(contentsOf: forwarded)
        let language = root.header("Content-Language") ?? body?.header("Content-Language")
        return Result(text: pieces.joined(separator: "\n\n"), type: type ?? (forwarded.isEmpty ? nil : forwardedType),
                      attachments: attachments,
                      language: language.map { $0.trimmingCharacters(in: .whitespaces) })
    }

    private static func trimmedEnd(_ s: String) -> String {
        let u = s.utf8
        var end = u.endIndex
        while end > u.startIndex, let l = Optional(u[u.index(before: end)]), l == 0x0A || l == 0x20 || l == 0x09 || l == 0x0D { end = u.index(before: end) }
        return end == u.endIndex ? s : String(s[..<end])
    }

    // MARK: body choice

    static func bodyPart(_ root: MimeEntity) -> MimeEntity? {
        var best: (prio: Int, part: MimeEntity)? = nil
        candidates(root) { prio, part in
            if let b = best, prio >= b.prio {} else { best = (prio, part) }
            return prio == 0
        }
        return best?.part
    }

    /// Calls `found` for each candidate in order; stops when it returns true.
    @discardableResult
    private static func candidates(_ e: MimeEntity, _ found: (Int, MimeEntity) -> Bool) -> Bool {
        if e.isAttachment { return false }
        if e.isText {
            if e.type == "text/plain" { return found(0, e) }
            if e.type == "text/html" { return found(1, e) }
            return false
        }
        guard e.isMultipart, !e.children.isEmpty else { return false }
        if e.type != "multipart/related" {
            for c in e.children where candidates(c, found) { return true }
            return false
        }
        var start: MimeEntity? = nil
        if let s = e.contentType["start"] {
            start = e.children.first { $0.header("Content-ID")?.trimmingCharacters(in: .whitespaces) == s }
        }
        guard let s = start ?? e.children.first else { return false }
        return candidates(s, found)
    }

    // MARK: attachments and attached messages

    private static func collect(_ e: MimeEntity, body: MimeEntity?, inAlternative: Bool, attachments: inout [MailAttachment],
                                forwarded: inout [String], forwardedType: inout ParsedMail.BodyType?, notes: inout [String]) {
        if let body, body.number == e.number { return }
        if e.isMessage, let inner = e.children.first {
            if let name = e.disposition?.text("filename") ?? e.contentType.text("name"), !name.trimmingCharacters(in: .whitespaces).isEmpty {
                attachments.append(attachment(e, name: name))
            }
            let sub = build(inner, notes: &notes)
            forwarded.append(forwardedBlock(inner, text: sub.text))
            if forwardedType == nil { forwardedType = sub.type }
            attachments.append(contentsOf: sub.attachments)
            return
        }
        if e.isMultipart, !e.children.isEmpty {
            let alt = inAlternative || e.type == "multipart/alternative"
            for c in e.children {
                collect(c, body: body, inAlternative: alt, attachments: &attachments, forwarded: &forwarded,
                        forwardedType: &forwardedType, notes: &notes)
            }
            return
        }
        // A leaf. The other versions of the body in an alternative are not attachments.
        if inAlternative, !e.isAttachment, e.type == "text/plain" || e.type == "text/html" { return }
        if e.isMultipart { return }   // an empty multipart shell
        attachments.append(attachment(e, name: nil))
    }

    private static func attachment(_ e: MimeEntity, name: String?) -> MailAttachment {
        let content = e.decodedBody()
        var n = name ?? e.disposition?.text("filename") ?? e.contentType.text("name") ?? ""
        n = n.trimmingCharacters(in: .whitespacesAndNewlines)
        if n.isEmpty { n = "part-\(e.number).\(fileExtension(e.type))" }
        let inline = e.disposition?.value == "inline" || (e.disposition == nil && e.header("Content-ID") != nil)
        return MailAttachment(name: n, type: e.type, size: content.count, inline: inline, content: content)
    }

    static func fileExtension(_ type: String) -> String {
        let known: [String: String] = [
            "text/plain": "txt", "text/html": "html", "text/calendar": "ics", "text/csv": "csv", "text/rfc822-headers": "txt",
            "message/rfc822": "eml", "message/global": "eml", "message/delivery-status": "txt", "message/disposition-notification": "txt",
            "image/jpeg": "jpg", "image/png": "png", "image/gif": "gif", "image/svg+xml": "svg", "application/pdf": "pdf",
            "application/zip": "zip", "application/ms-tnef": "dat", "application/octet-stream": "bin",
            "application/pgp-signature": "asc", "application/pkcs7-signature": "p7s", "application/x-pkcs7-signature": "p7s",
            "audio/mpeg": "mp3", "video/mp4": "mp4", "application/msword": "doc", "application/json": "json",
        ]
        if let k = known[type] { return k }
        let sub = type.split(separator: "/").last.map(String.init) ?? ""
        let clean = sub.filter { $0.isASCII && ($0.isLetter || $0.isNumber) }
        return clean.isEmpty || clean.count > 10 ? "bin" : clean
    }

    private static func forwardedBlock(_ m: MimeEntity, text: String) -> String {
        var lines = [forwardedMarker]
        for name in ["From", "Date", "Subject", "To", "Cc"] {
            if let v = m.header(name) {
                let decoded = EncodedWords.decode(v).trimmingCharacters(in: .whitespaces)
                if !decoded.isEmpty { lines.append("\(name): \(decoded)") }
            }
        }
        return lines.joined(separator: "\n") + "\n\n" + text
    }
}
