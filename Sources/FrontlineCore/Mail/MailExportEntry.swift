import Foundation

/// The `mail` object of a message in `export --format json` and `show --json` (scripts rely on
/// it): every field is present, missing values are null.
public struct MailEntry: Encodable {
    public struct Party: Encodable {
        let name: String?, address: String
        public func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(name, forKey: .name)
            try c.encode(address, forKey: .address)
        }
        enum CodingKeys: String, CodingKey { case name, address }
    }
    public struct Attachment: Encodable { let name: String, type: String, size: Int }
    public struct Delivery: Encodable {
        let state: String, attempts: Int, error: String?, nextAttempt: Date?, at: Date?
        public func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(state, forKey: .state)
            try c.encode(attempts, forKey: .attempts)
            try c.encode(error, forKey: .error)
            try c.encode(nextAttempt, forKey: .nextAttempt)
            try c.encode(at, forKey: .at)
        }
        enum CodingKeys: String, CodingKey { case state, attempts, error, nextAttempt, at }
    }

    let messageId: String, subject: String, from: Party, to: [Party], cc: [Party], replyTo: [Party]
    let date: Date?, inReplyTo: String?, attachments: [Attachment], automatic: String?, quarantined: String?
    let senderVerified: Bool, raw: String?, delivery: Delivery?

    init(_ m: MailDetails) {
        func party(_ p: MailParty) -> Party { Party(name: p.name, address: p.address) }
        messageId = m.messageID
        subject = m.subject
        from = party(m.from)
        to = m.to.map(party)
        cc = m.cc.map(party)
        replyTo = m.replyTo.map(party)
        date = m.date
        inReplyTo = m.inReplyTo
        attachments = m.attachments.map { Attachment(name: $0.name, type: $0.type, size: $0.size) }
        automatic = m.automatic?.rawValue
        quarantined = m.quarantined
        senderVerified = !m.senderNotVerified
        raw = m.raw
        delivery = m.delivery.map { Delivery(state: $0.state.rawValue, attempts: $0.attempts, error: $0.error, nextAttempt: $0.nextAttempt, at: $0.at) }
    }

    enum CodingKeys: String, CodingKey {
        case messageId, subject, from, to, cc, replyTo, date, inReplyTo, attachments, automatic, quarantined, senderVerified, raw, delivery
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(messageId, forKey: .messageId)
        try c.encode(subject, forKey: .subject)
        try c.encode(from, forKey: .from)
        try c.encode(to, forKey: .to)
        try c.encode(cc, forKey: .cc)
        try c.encode(replyTo, forKey: .replyTo)
        try c.encode(date, forKey: .date)
        try c.encode(inReplyTo, forKey: .inReplyTo)
        try c.encode(attachments, forKey: .attachments)
        try c.encode(automatic, forKey: .automatic)
        try c.encode(quarantined, forKey: .quarantined)
        try c.encode(senderVerified, forKey: .senderVerified)
        try c.encode(raw, forKey: .raw)
        try c.encode(delivery, forKey: .delivery)
    }
}
