import Foundation

/// The e-mail side of a message in the binary snapshot format.
enum MailDetailsCoding {
    static func write(_ m: MailDetails, into w: inout BinaryWriter) {
        w.string(m.messageID); w.string(m.subject); party(m.from, &w)
        parties(m.to, &w); parties(m.cc, &w); parties(m.replyTo, &w)
        w.optionalDate(m.date); w.optionalString(m.inReplyTo)
        w.uint(UInt64(m.references.count)); for r in m.references { w.string(r) }
        w.uint(UInt64(m.attachments.count))
        for a in m.attachments { w.string(a.name); w.string(a.type); w.int(a.size) }
        w.optionalString(m.automatic?.rawValue); w.optionalString(m.quarantined)
        w.bool(m.senderNotVerified); w.optionalString(m.raw)
        writeDelivery(m.delivery, into: &w)
    }

    static func writeDelivery(_ delivery: MailDelivery?, into w: inout BinaryWriter) {
        w.bool(delivery != nil)
        if let d = delivery {
            w.code(d.state); w.int(d.attempts); w.optionalString(d.error); w.optionalDate(d.nextAttempt); w.optionalDate(d.at)
        }
    }

    static func readDelivery(_ r: inout BinaryReader) throws -> MailDelivery? {
        guard try r.bool() else { return nil }
        return MailDelivery(state: try r.code(DeliveryState.self), attempts: try r.int(), error: try r.optionalString(),
                            nextAttempt: try r.optionalDate(), at: try r.optionalDate())
    }

    static func read(_ r: inout BinaryReader) throws -> MailDetails {
        var m = MailDetails(messageID: try r.string(), subject: try r.string(), from: try party(&r))
        m.to = try parties(&r); m.cc = try parties(&r); m.replyTo = try parties(&r)
        m.date = try r.optionalDate(); m.inReplyTo = try r.optionalString()
        for _ in 0..<(try r.count()) { m.references.append(try r.string()) }
        for _ in 0..<(try r.count()) { m.attachments.append(MailAttachmentInfo(name: try r.string(), type: try r.string(), size: try r.int())) }
        m.automatic = try r.optionalString().flatMap(AutomaticMail.init(rawValue:))
        m.quarantined = try r.optionalString()
        m.senderNotVerified = try r.bool(); m.raw = try r.optionalString()
        m.delivery = try readDelivery(&r)
        return m
    }

    private static func party(_ p: MailParty, _ w: inout BinaryWriter) { w.optionalString(p.name); w.string(p.address) }
    private static func parties(_ ps: [MailParty], _ w: inout BinaryWriter) {
        w.uint(UInt64(ps.count)); for p in ps { party(p, &w) }
    }
    private static func party(_ r: inout BinaryReader) throws -> MailParty { MailParty(name: try r.optionalString(), address: try r.string()) }
    private static func parties(_ r: inout BinaryReader) throws -> [MailParty] {
        var out: [MailParty] = []
        for _ in 0..<(try r.count()) { out.append(try party(&r)) }
        return out
    }
}
