import Foundation

/// One mailbox: `"Åsa Lindqvist" <asa@example.se>` → name "Åsa Lindqvist", address "asa@example.se".
/// A broken address is kept as text in `address` (never a crash, never dropped).
public struct MailAddress: Sendable, Equatable, Hashable, Codable {
    public var name: String?
    public var address: String

    public init(name: String?, address: String) {
        self.name = name
        self.address = address
    }
}

/// A part that is not the body: listed with name, type and size, stored, never opened automatically.
public struct MailAttachment: Sendable, Equatable, Codable {
    /// The decoded file name as the sender gave it (not safe as a path), or a made-up one
    /// ("part-3.pdf") when the part had none.
    public var name: String
    /// "application/pdf": lower-cased type/subtype without parameters.
    public var type: String
    /// Size of the decoded content in bytes.
    public var size: Int
    /// True when the part was inline (an embedded image) rather than an attachment.
    public var inline: Bool
    /// The decoded content.
    public var content: [UInt8]

    public init(name: String, type: String, size: Int, inline: Bool, content: [UInt8]) {
        self.name = name
        self.type = type
        self.size = size
        self.inline = inline
        self.content = content
    }
}

/// Mail sent by a machine rather than a person (RFC 3834 and common practice): never answered
/// automatically, never reopens a solved case by itself.
public enum MailAutomatic: String, Sendable, Equatable, Codable {
    case autoReply = "auto-reply"
    case bounce
    case bulk
}

/// What a delivery-status report (RFC 3464) says about a message we sent.
public struct DeliveryReport: Sendable, Equatable {
    /// Message-ID of the message that failed, from the returned headers (with `<>`), if present.
    public var originalMessageID: String?
    /// The recipients that failed and why ("5.1.1 user unknown").
    public var failedRecipients: [String]
    /// `Action:` of the first recipient: "failed", "delayed", "delivered", …
    public var action: String?
    /// `Status:` such as "5.1.1".
    public var status: String?
    /// `Diagnostic-Code:` text, if any.
    public var diagnostic: String?

    public init(originalMessageID: String?, failedRecipients: [String], action: String?, status: String?, diagnostic: String?) {
        self.originalMessageID = originalMessageID
        self.failedRecipients = failedRecipients
        self.action = action
        self.status = status
        self.diagnostic = diagnostic
    }
}

/// One header line as it arrived: name, and the value unfolded (CRLF + WSP removed) but not decoded.
public struct MailHeader: Sendable, Equatable {
    public var name: String
    public var rawValue: String

    public init(name: String, rawValue: String) {
        self.name = name
        self.rawValue = rawValue
    }
}

/// A message as Frontline reads it: the fields the desk needs, decoded to Unicode.
public struct ParsedMail: Sendable {
    /// Top-level headers in order (values unfolded, not decoded).
    public var headers: [MailHeader]
    /// Decoded Subject (RFC 2047), nil when the header is missing.
    public var subject: String?
    public var from: MailAddress?
    public var replyTo: [MailAddress]
    public var to: [MailAddress]
    public var cc: [MailAddress]
    /// The Date header, nil when missing or unparseable.
    public var date: Date?
    /// As written, with `<>` (e.g. "<123@example.com>"), nil when missing.
    public var messageID: String?
    /// Message-IDs with `<>`, in order.
    public var inReplyTo: [String]
    public var references: [String]
    /// `Return-Path` value as written (e.g. "<>" for a bounce), nil when missing.
    public var returnPath: String?
    /// The readable body: text/plain preferred, else HTML converted to text; "" when none.
    public var bodyText: String
    public var bodyType: BodyType?
    public var attachments: [MailAttachment]
    public var automatic: MailAutomatic?
    /// Present when the message is a delivery-status report.
    public var deliveryReport: DeliveryReport?
    /// From `Authentication-Results`: true when DMARC or SPF says fail (the sender is not verified).
    public var senderNotVerified: Bool
    /// `Content-Language` of the message or its body part, if given.
    public var contentLanguage: String?
    /// Things the parser had to work around, for a person to read ("charset x-unknown decoded as
    /// UTF-8 with replacements", "boundary never closed").
    public var notes: [String]
    /// MIME parts in the whole tree and its depth (1 = a single part).
    public var partCount: Int
    public var depth: Int

    public enum BodyType: String, Sendable, Equatable { case plain, html }

    public init(headers: [MailHeader] = [], subject: String? = nil, from: MailAddress? = nil,
                replyTo: [MailAddress] = [], to: [MailAddress] = [], cc: [MailAddress] = [], date: Date? = nil,
                messageID: String? = nil, inReplyTo: [String] = [], references: [String] = [],
                returnPath: String? = nil, bodyText: String = "", bodyType: BodyType? = nil,
                attachments: [MailAttachment] = [], automatic: MailAutomatic? = nil,
                deliveryReport: DeliveryReport? = nil, senderNotVerified: Bool = false,
                contentLanguage: String? = nil, notes: [String] = [], partCount: Int = 1, depth: Int = 1) {
        self.headers = headers
        self.subject = subject
        self.from = from
        self.replyTo = replyTo
        self.to = to
        self.cc = cc
        self.date = date
        self.messageID = messageID
        self.inReplyTo = inReplyTo
        self.references = references
        self.returnPath = returnPath
        self.bodyText = bodyText
        self.bodyType = bodyType
        self.attachments = attachments
        self.automatic = automatic
        self.deliveryReport = deliveryReport
        self.senderNotVerified = senderNotVerified
        self.contentLanguage = contentLanguage
        self.notes = notes
        self.partCount = partCount
        self.depth = depth
    }

    /// The first top-level header of that name (case-insensitive), unfolded, not decoded.
    public func header(_ name: String) -> String? {
        headers.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.rawValue
    }
}

/// Limits that keep a hostile message from hurting the desk. Past any of them the message is
/// quarantined (raw bytes kept, a case says so), never half-stored.
public struct MailLimits: Sendable, Equatable {
    public var maxMessageBytes: Int
    public var maxHeaderBytes: Int
    public var maxDepth: Int
    public var maxParts: Int

    public init(maxMessageBytes: Int = 25 << 20, maxHeaderBytes: Int = 256 << 10, maxDepth: Int = 20, maxParts: Int = 500) {
        self.maxMessageBytes = maxMessageBytes
        self.maxHeaderBytes = maxHeaderBytes
        self.maxDepth = maxDepth
        self.maxParts = maxParts
    }

    public static let standard = MailLimits()
}

/// Why a message was refused by the parser: it goes to quarantine with this reason.
public struct MailRefusal: Error, Sendable, Equatable, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
