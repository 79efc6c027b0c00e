import Foundation

/// Bytes of one message in, a `ParsedMail` out. Pure. Refuses (for quarantine) only a message
/// over the limits; anything else malformed is read as far as it goes, with notes.
public enum MailParser {
    public static func parse(_ bytes: [UInt8], limits: MailLimits = .standard) throws(MailRefusal) -> ParsedMail {
        if bytes.count > limits.maxMessageBytes {
            throw MailRefusal("message is \(Size.describe(bytes.count)), over the \(Size.describe(limits.maxMessageBytes)) limit")
        }
        let tree = try MimeTree.parse(bytes[...], limits: limits)
        let root = tree.root
        var notes = tree.notes

        func decoded(_ name: String) -> String? { root.header(name).map { EncodedWords.decode($0) } }
        func addresses(_ name: String) -> [MailAddress] {
            root.allHeaders(name).flatMap { AddressList.parse($0) }
        }

        var mail = ParsedMail()
        mail.headers = root.headers.map { MailHeader(name: $0.name, rawValue: HeaderBlock.text($0.value, fallbackCharset: root.headerCharset)) }
        mail.subject = decoded("Subject")
        mail.from = root.header("From").flatMap { AddressList.parse($0).first }
        mail.replyTo = addresses("Reply-To")
        mail.to = addresses("To")
        mail.cc = addresses("Cc")
        mail.date = root.header("Date").flatMap { MailDate.parse($0) }
        if root.header("Date") != nil && mail.date == nil { notes.append("unreadable Date header") }
        mail.messageID = root.header("Message-ID").map { $0.trimmingCharacters(in: .whitespaces) }.flatMap { $0.isEmpty ? nil : $0 }
        mail.inReplyTo = MessageIDs.all(root.header("In-Reply-To") ?? "")
        mail.references = MessageIDs.all(root.allHeaders("References").joined(separator: " "))
        mail.returnPath = root.header("Return-Path").map { $0.trimmingCharacters(in: .whitespaces) }

        let body = MessageBody.build(root, notes: &notes)
        mail.bodyText = body.text
        mail.bodyType = body.type
        mail.attachments = body.attachments
        mail.contentLanguage = body.language
        mail.automatic = Automatic.classify(root, senderAddress: mail.from?.address)
        mail.deliveryReport = DeliveryStatus.report(root)
        mail.senderNotVerified = AuthenticationResults.senderNotVerified(root.allHeaders("Authentication-Results"))
        mail.notes = notes
        mail.partCount = tree.partCount
        mail.depth = tree.depth
        return mail
    }
}

/// Every "<…>" message id in a header value, with its brackets.
enum MessageIDs {
    static func all(_ value: String) -> [String] {
        var out: [String] = []
        var i = value.startIndex
        while let open = value[i...].firstIndex(of: "<") {
            guard let close = value[open...].firstIndex(of: ">") else { break }
            let id = value[open...close].filter { !$0.isWhitespace }
            if id.count > 2 { out.append(String(id)) }
            i = value.index(after: close)
        }
        return out
    }
}
