import Foundation

/// One person on a mail: the display name (if any) and the address.
public struct MailParty: Codable, Sendable, Equatable, Hashable {
    public var name: String?
    public var address: String

    public init(name: String?, address: String) {
        self.name = name
        self.address = address
    }

    /// `Åsa Lindqvist <asa@example.se>`, or the bare address.
    public var display: String {
        guard let name, !name.isEmpty else { return address }
        return "\(name) <\(address)>"
    }
}

/// An attachment as the case lists it; the content stays in the raw message (re-read on save).
public struct MailAttachmentInfo: Codable, Sendable, Equatable {
    public var name: String
    public var type: String
    public var size: Int

    public init(name: String, type: String, size: Int) {
        self.name = name
        self.type = type
        self.size = size
    }
}

/// Where one of our replies is on its way to the customer.
public enum DeliveryState: String, Codable, Sendable, CaseIterable {
    /// Journaled; not handed to the mail system yet.
    case queued
    /// Accepted by the mail system (sendmail exited 0, or written to the outbox Maildir).
    case delivered
    /// A temporary failure; tried again at `nextAttempt`.
    case retrying
    /// A permanent failure, a bounce, or retries used up: an agent must deal with it.
    case failed
}

public struct MailDelivery: Codable, Sendable, Equatable {
    public var state: DeliveryState
    public var attempts: Int
    public var error: String?
    public var nextAttempt: Date?
    /// When the mail system took it (delivered), or when it last failed.
    public var at: Date?

    public init(state: DeliveryState, attempts: Int = 0, error: String? = nil, nextAttempt: Date? = nil, at: Date? = nil) {
        self.state = state
        self.attempts = attempts
        self.error = error
        self.nextAttempt = nextAttempt
        self.at = at
    }

    /// Needs an agent: shown on the case and in the queue until dealt with.
    public var needsAttention: Bool { state == .failed }
}

/// Why mail was sent by a machine; such mail never gets an automatic answer and never reopens a case.
public enum AutomaticMail: String, Codable, Sendable, CaseIterable {
    case autoReply = "auto-reply"
    case bounce
    case bulk
}

/// The e-mail side of a message: headers as read (inbound) or as we wrote them (our replies).
public struct MailDetails: Codable, Sendable, Equatable {
    /// With `<>`; synthesised from the raw bytes when the message had none.
    public var messageID: String
    /// Decoded, as written (reply prefixes kept).
    public var subject: String
    public var from: MailParty
    public var to: [MailParty]
    public var cc: [MailParty]
    /// Where an answer goes, when it differs from From.
    public var replyTo: [MailParty]
    /// The Date header; nil when missing or unreadable (the message's `at` is when it arrived).
    public var date: Date?
    public var inReplyTo: String?
    public var references: [String]
    public var attachments: [MailAttachmentInfo]
    public var automatic: AutomaticMail?
    /// Why the message could not be read (too big, too deep…); its raw bytes are kept.
    public var quarantined: String?
    /// Authentication-Results said DMARC or SPF failed.
    public var senderNotVerified: Bool
    /// The raw message's name in the data directory's mail store (inbound), if kept.
    public var raw: String?
    /// Our replies only.
    public var delivery: MailDelivery?

    public init(messageID: String, subject: String, from: MailParty, to: [MailParty] = [], cc: [MailParty] = [],
                replyTo: [MailParty] = [], date: Date? = nil, inReplyTo: String? = nil, references: [String] = [],
                attachments: [MailAttachmentInfo] = [], automatic: AutomaticMail? = nil, quarantined: String? = nil,
                senderNotVerified: Bool = false, raw: String? = nil, delivery: MailDelivery? = nil) {
        self.messageID = messageID
        self.subject = subject
        self.from = from
        self.to = to
        self.cc = cc
        self.replyTo = replyTo
        self.date = date
        self.inReplyTo = inReplyTo
        self.references = references
        self.attachments = attachments
        self.automatic = automatic
        self.quarantined = quarantined
        self.senderNotVerified = senderNotVerified
        self.raw = raw
        self.delivery = delivery
    }

    /// Where our answer to this message goes: Reply-To when given, else From.
    public var answerTo: [MailParty] { replyTo.isEmpty ? [from] : replyTo }
}
