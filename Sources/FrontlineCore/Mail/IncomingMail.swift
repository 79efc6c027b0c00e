import Foundation

/// A customer e-mail as intake read it, ready for the desk to thread. The intake process parses
/// the bytes (FrontlineMail); the desk decides where the message belongs.
public struct IncomingMail: Sendable, Equatable {
    public var details: MailDetails
    /// The readable text (the parser's choice of part); may be empty for an attachment-only mail.
    public var body: String
    /// The subject without reply prefixes and without our case tag: what a new case is called.
    public var caseSubject: String
    /// `C-123` when the subject carries our tag `[C-123]`.
    public var subjectTag: CaseID?
    /// For a delivery-status report: the Message-ID of our message that it is about, and why it failed.
    public var bounceOf: String?
    public var bounceReason: String?
    /// "sv", from Content-Language or config; a returning customer keeps theirs.
    public var language: String
    public var receivedAt: Date?
    /// A reply to a solved case reopens it within this long after solving; later it opens a new
    /// case that links the old one.
    public var reopenWithin: TimeInterval
    /// The message as it arrived. The service keeps these bytes (0600, in the data directory)
    /// before the message is journaled; they are never journaled themselves.
    public var rawBytes: [UInt8]

    public init(details: MailDetails, body: String, caseSubject: String, subjectTag: CaseID? = nil,
                bounceOf: String? = nil, bounceReason: String? = nil, language: String = "en",
                receivedAt: Date? = nil, reopenWithin: TimeInterval = 30 * 86400, rawBytes: [UInt8] = []) {
        self.details = details
        self.body = body
        self.caseSubject = caseSubject
        self.subjectTag = subjectTag
        self.bounceOf = bounceOf
        self.bounceReason = bounceReason
        self.language = language
        self.receivedAt = receivedAt
        self.reopenWithin = reopenWithin
        self.rawBytes = rawBytes
    }
}

/// How our replies go out as mail: who they are from and the domain of their Message-IDs.
public struct OutboundMailSettings: Sendable, Equatable {
    public var from: MailParty
    /// Our Message-IDs end in `@domain`, so a reference to one is recognisably ours.
    public var messageIDDomain: String
    /// Acknowledge new cases by mail (nil: never).
    public var acknowledge: AcknowledgementPolicy?
    /// The team's templates, for what the desk writes by itself (stock notices, feedback requests).
    public var templates: TemplateLibrary = .bundled

    public init(from: MailParty, messageIDDomain: String? = nil, acknowledge: AcknowledgementPolicy? = nil) {
        self.from = from
        self.acknowledge = acknowledge
        self.messageIDDomain = messageIDDomain ?? from.address.split(separator: "@").last.map(String.init) ?? "localhost"
    }

    /// The embedded default: replies land in the data directory's outbox Maildir.
    public static let embedded = OutboundMailSettings(from: MailParty(name: "Frontline Support", address: "support@localhost"))
}

/// What became of one delivery attempt of one of our replies.
public enum DeliveryOutcome: Sendable, Equatable {
    /// The mail system took it.
    case delivered
    /// It failed; `retryAt` nil means permanently (or retries are used up).
    case failed(error: String, retryAt: Date?)
}
