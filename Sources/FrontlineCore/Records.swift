import Foundation

public typealias CaseID = String
public typealias CustomerID = String

public struct Customer: Codable, Sendable, Equatable {
    public var id: CustomerID
    public var name: String
    public var email: String
    /// As given by intake (e.g. "sv"); templates use `Language(code:)`.
    public var language: String
    public var since: Date

    public init(id: CustomerID, name: String, email: String, language: String, since: Date) {
        self.id = id
        self.name = name
        self.email = email
        self.language = language
        self.since = since
    }

    /// "Åsa Lindqvist" → "Åsa": what an agent greets them with.
    public var firstName: String {
        name.split(separator: " ").first.map(String.init) ?? name
    }
}

public struct Message: Codable, Sendable, Equatable {
    public var direction: MessageDirection
    public var author: String
    public var at: Date
    public var body: String
    public var channel: Channel?
    /// The e-mail side: headers of a customer's mail, or how our reply went out. Kept behind
    /// one reference: most messages of a big desk have none, and an inline optional of this
    /// size would cost every message a few hundred bytes.
    public var mail: MailDetails? {
        get { mailBox?.value }
        set { mailBox = newValue.map(MailBox.init) }
    }
    private var mailBox: MailBox?

    private enum CodingKeys: String, CodingKey { case direction, author, at, body, channel, mailBox = "mail" }

    public init(direction: MessageDirection, author: String, at: Date, body: String, channel: Channel? = nil, mail: MailDetails? = nil) {
        self.direction = direction
        self.author = author
        self.at = at
        self.body = body
        self.channel = channel
        self.mail = mail
    }
}

public struct Escalation: Codable, Sendable, Equatable {
    public var level: EscalationLevel
    public var reason: String
    public var by: String
    public var at: Date
}

public struct Apology: Codable, Sendable, Equatable {
    public var kind: ApologyKind
    public var by: String
    public var at: Date
}

/// A promise to come back to the customer. Tracked until kept.
public struct FollowUp: Codable, Sendable, Equatable {
    public var id: Int
    public var due: Date
    public var note: String
    public var by: String
    public var createdAt: Date
    public var done: Bool
    public var outcome: String?
    public var doneAt: Date?

    public func isDue(at now: Date) -> Bool { !done && due <= now }
}

/// Something that happened to a case, shown in its thread ("escalated by alice: reason").
public struct CaseActivity: Codable, Sendable, Equatable {
    public var at: Date
    public var actor: String
    public var text: String
}

public struct SupportCase: Codable, Sendable, Equatable {
    public var id: CaseID
    public var customerID: CustomerID
    public var subject: String
    public var status: CaseStatus
    public var priority: Priority
    public var assignee: String?
    public var tags: [String]
    public var messages: [Message]
    public var activity: [CaseActivity]
    public var escalation: Escalation?
    public var apologies: [Apology]
    public var followUps: [FollowUp]
    public var openedAt: Date
    /// Since when the customer has been waiting for us; nil while the ball is in their court.
    public var waitingSince: Date?
    public var solvedAt: Date?
    public var lastActivityAt: Date

    public var openFollowUps: [FollowUp] { followUps.filter { !$0.done } }

    /// Who solved it, while it is solved (from the case's own history).
    public var solvedBy: String? {
        guard status == .solved else { return nil }
        return activity.last { $0.text.hasPrefix("solved by ") }?.actor
    }

    /// Our latest reply by mail, when the mail system could not take it: shown until answered anew.
    public var failedDelivery: MailDelivery? {
        guard let last = messages.last(where: { $0.direction == .outbound }), let d = last.mail?.delivery, d.needsAttention else { return nil }
        return d
    }

    /// A customer mail whose sender DMARC/SPF could not verify.
    public var senderNotVerified: Bool {
        messages.contains { $0.direction == .inbound && $0.mail?.senderNotVerified == true }
    }

    public func nextFollowUp() -> FollowUp? {
        openFollowUps.min { $0.due < $1.due }
    }
}

/// An immutable box for a message's mail details (copy-on-write by replacing the box).
final class MailBox: Codable, Sendable, Equatable {
    let value: MailDetails
    init(_ value: MailDetails) { self.value = value }
    static func == (a: MailBox, b: MailBox) -> Bool { a === b || a.value == b.value }
    required init(from decoder: Decoder) throws { value = try MailDetails(from: decoder) }
    func encode(to encoder: Encoder) throws { try value.encode(to: encoder) }
}
