import Foundation

/// One MIME entity: its headers, type, raw (still transfer-encoded) body, and its children
/// (the parts of a multipart, or the one message inside message/rfc822).
struct MimeEntity: Sendable {
    var headers: [RawHeader]
    var contentType: MimeParameters
    var disposition: MimeParameters?
    var transferEncoding: String?
    var body: ArraySlice<UInt8>
    var children: [MimeEntity]
    /// 1-based position in the tree (preorder), for made-up names.
    var number: Int
    /// The charset raw 8-bit header bytes are read in when they are not UTF-8.
    var headerCharset: String?

    var type: String { contentType.value }
    var isMultipart: Bool { type.hasPrefix("multipart/") }
    var isMessage: Bool { (type == "message/rfc822" || type == "message/global") && children.count == 1 }
    var isText: Bool { type.hasPrefix("text/") }
    var isAttachment: Bool { disposition?.value == "attachment" }
    var charset: String? { contentType["charset"] }

    func header(_ name: String) -> String? {
        HeaderBlock.firstText(headers, name, fallbackCharset: headerCharset)
    }

    func allHeaders(_ name: String) -> [String] {
        let key = name.lowercased()
        return headers.filter { $0.key == key }
            .map { HeaderBlock.text($0.value, fallbackCharset: headerCharset) }
    }

    /// The content with the transfer encoding undone.
    func decodedBody() -> [UInt8] { TransferEncoding.decode(body, encoding: transferEncoding) }

    /// A text part's content as a String with "\n" line ends; a charset note goes to `notes`.
    func text(notes: inout [String]) -> String {
        let d = Charsets.decode(decodedBody()[...], label: charset)
        if let n = d.note, !notes.contains(n) { notes.append(n) }
        return LineEnds.normalise(d.text)
    }
}

enum LineEnds {
    /// CRLF and lone CR → LF.
    static func normalise(_ s: String) -> String {
        guard s.utf8.contains(0x0D) else { return s }
        var out = [UInt8]()
        out.reserveCapacity(s.utf8.count)
        var lastCR = false
        for b in s.utf8 {
            if b == 0x0D { out.append(0x0A); lastCR = true; continue }
            if b == 0x0A && lastCR { lastCR = false; continue }
            lastCR = false
            out.append(b)
        }
        return String(decoding: out, as: UTF8.self)
    }
}

/// Builds the MIME tree, enforcing the depth and part limits; anything else malformed is parsed
/// as far as it goes, with a note.
enum MimeTree {
    struct Result: Sendable {
        var root: MimeEntity
        var partCount: Int
        var depth: Int
        var notes: [String]
    }

    private struct Context {
        var limits: MailLimits
        var count = 0
        var depth = 1
        var notes: [String] = []
        mutating func note(_ s: String) { if !notes.contains(s) { notes.append(s) } }
    }

    static func parse(_ bytes: ArraySlice<UInt8>, limits: MailLimits) throws(MailRefusal) -> Result {
        var ctx = Context(limits: limits)
        let root = try entity(bytes, depth: 1, defaultType: "text/plain", parentCharset: nil, ctx: &ctx)
        return Result(root: root, partCount: ctx.count, depth: ctx.depth, notes: ctx.notes)
    }

    private static func entity(_ bytes: ArraySlice<UInt8>, depth: Int, defaultType: String, parentCharset: String?,
                               ctx: inout Context) throws(MailRefusal) -> MimeEntity {
        if depth > ctx.limits.maxDepth {
            throw MailRefusal("MIME parts are nested deeper than the limit of \(ctx.limits.maxDepth) levels")
        }
        ctx.count += 1
        if ctx.count > ctx.limits.maxParts {
            throw MailRefusal("message has more than \(ctx.limits.maxParts) MIME parts, over the limit")
        }
        ctx.depth = max(ctx.depth, depth)
        let number = ctx.count
        let split = try HeaderBlock.split(bytes, maxBytes: ctx.limits.maxHeaderBytes)
        let headers = split.headers
        // Content-Type first (it is ASCII in practice), for the charset of the other headers.
        let ctRaw = HeaderBlock.first(headers, "Content-Type").map { HeaderBlock.text($0, fallbackCharset: parentCharset) }
        var contentType = MimeParameters(ctRaw ?? "")
        if ctRaw == nil || contentType.value.isEmpty {
            contentType.value = defaultType
        } else if !isValidType(contentType.value) {
            ctx.note("invalid Content-Type \"\(contentType.value)\" read as text/plain")
            contentType.value = "text/plain"
        }
        let ownCharset = contentType["charset"].flatMap { Charsets.isKnown($0) ? $0 : nil }
        let headerCharset = ownCharset ?? parentCharset
        let disposition = HeaderBlock.first(headers, "Content-Disposition")
            .map { MimeParameters(HeaderBlock.text($0, fallbackCharset: headerCharset)) }
        let cte = HeaderBlock.first(headers, "Content-Transfer-Encoding").map { String(decoding: $0, as: UTF8.self) }
        let body = bytes[split.bodyStart...]
        var e = MimeEntity(headers: headers, contentType: contentType, disposition: disposition,
                           transferEncoding: cte, body: body, children: [], number: number, headerCharset: headerCharset)
        if let c = contentType["charset"], !Charsets.isKnown(c) {
            ctx.note("unknown charset \(c): decoded as UTF-8 with replacement")
        }

        if e.isMultipart {
            guard let boundary = contentType["boundary"], !boundary.isEmpty else {
                ctx.note("\(e.type) without a boundary read as text")
                e.contentType.value = "text/plain"
                return e
            }
            let found = Boundaries.split(body, boundary: Array(boundary.utf8))
            if found.parts.isEmpty && body.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D || $0 == 0x0A }) {
                return e                           // an empty container (e.g. it reused its parent's boundary)
            }
            if found.parts.isEmpty {
                ctx.note("boundary \"\(boundary)\" never found: the multipart read as text")
                e.contentType.value = "text/plain"
                return e
            }
            if !found.closed { ctx.note("boundary \"\(boundary)\" never closed") }
            let childDefault = e.type == "multipart/digest" ? "message/rfc822" : "text/plain"
            for p in found.parts {
                e.children.append(try entity(p, depth: depth + 1, defaultType: childDefault, parentCharset: headerCharset, ctx: &ctx))
            }
        } else if e.type == "message/rfc822" || e.type == "message/global" {
            let inner = e.decodedBody()
            if !inner.isEmpty {
                e.children.append(try entity(inner[...], depth: depth + 1, defaultType: "text/plain", parentCharset: headerCharset, ctx: &ctx))
            }
        }
        return e
    }

    private static func isValidType(_ t: String) -> Bool {
        guard let slash = t.firstIndex(of: "/"), slash != t.startIndex, t.index(after: slash) != t.endIndex else { return false }
        return t.utf8.allSatisfy { $0 > 0x20 && $0 < 0x7F && $0 != UInt8(ascii: "@") && $0 != UInt8(ascii: ",") }
    }
}

/// Splits a multipart body at its delimiter lines ("--boundary", optionally blanks; "--boundary--"
/// closes). The line break before a delimiter belongs to it. Linear in the body size.
enum Boundaries {
    struct Found: Sendable {
        var parts: [ArraySlice<UInt8>]
        var closed: Bool
    }

    static func split(_ body: ArraySlice<UInt8>, boundary: [UInt8]) -> Found {
        var parts: [ArraySlice<UInt8>] = []
        var partStart: Int? = nil
        let end = body.endIndex
        var line = body.startIndex
        let bl = boundary.count
        while line < end {
            var next = line
            // Find this line's end without scanning twice.
            if body[line] == UInt8(ascii: "-"), line + 1 < end, body[line + 1] == UInt8(ascii: "-"),
               line + 2 + bl <= end, body[(line + 2)..<(line + 2 + bl)].elementsEqual(boundary) {
                var rest = line + 2 + bl
                var isClose = false
                if rest + 1 < end, body[rest] == UInt8(ascii: "-"), body[rest + 1] == UInt8(ascii: "-") { isClose = true; rest += 2 }
                var lineEnd = rest
                while lineEnd < end, body[lineEnd] != 0x0A { lineEnd += 1 }
                let blanksOnly = body[rest..<lineEnd].allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
                next = lineEnd < end ? lineEnd + 1 : end
                if isClose || blanksOnly {
                    if let s = partStart {
                        var e = line
                        if e > s, body[e - 1] == 0x0A { e -= 1; if e > s, body[e - 1] == 0x0D { e -= 1 } }
                        parts.append(body[s..<max(s, e)])
                    }
                    if isClose { return Found(parts: parts, closed: true) }
                    partStart = next
                }
                line = next
                continue
            }
            while next < end, body[next] != 0x0A { next += 1 }
            line = next < end ? next + 1 : end
        }
        if let s = partStart { parts.append(body[s..<end]) }
        return Found(parts: parts, closed: false)
    }
}
