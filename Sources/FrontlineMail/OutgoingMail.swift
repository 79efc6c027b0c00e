import Foundation

/// A message Frontline sends (a reply to a customer, an acknowledgement): the fields, not yet bytes.
/// `MailComposer.render` turns it into a complete RFC 5322 message. Every text field may hold
/// customer text — the composer strips CR/LF and other controls from header values, so nothing
/// here can add a header line.
public struct OutgoingMail: Sendable, Equatable {
    public var from: MailAddress
    public var to: [MailAddress]
    public var cc: [MailAddress]
    /// The final subject, e.g. "Re: TV:n luktar bränt [C-1042]".
    public var subject: String
    /// With `<>`: "<c-1042.7@desk.example.se>".
    public var messageID: String
    /// With `<>`, the message answered.
    public var inReplyTo: String?
    /// With `<>`, oldest first; capped by `render` (see `MailComposer.cappedReferences`).
    public var references: [String]
    public var date: Date
    /// "sv"; no header when nil.
    public var contentLanguage: String?
    /// UTF-8 text with "\n" line ends ("\r\n" and "\r" are accepted and normalised).
    public var body: String
    /// Further headers, e.g. `Auto-Submitted: auto-replied`, `X-Frontline-Loop: …`. Values are
    /// sanitised and encoded like the subject; names the composer writes itself (Date, From,
    /// To, Cc, Subject, Message-ID, In-Reply-To, References, MIME-Version, Content-*) and Bcc
    /// are ignored here, as are names that are not valid RFC 5322 field names.
    public var extraHeaders: [MailHeader]

    public init(from: MailAddress, to: [MailAddress], cc: [MailAddress] = [], subject: String,
                messageID: String, inReplyTo: String? = nil, references: [String] = [], date: Date,
                contentLanguage: String? = nil, body: String, extraHeaders: [MailHeader] = []) {
        self.from = from
        self.to = to
        self.cc = cc
        self.subject = subject
        self.messageID = messageID
        self.inReplyTo = inReplyTo
        self.references = references
        self.date = date
        self.contentLanguage = contentLanguage
        self.body = body
        self.extraHeaders = extraHeaders
    }
}
