import Foundation

/// Mail sent by a machine (RFC 3834 and common practice), by the same rules as the corpus
/// oracle: bounce > auto-reply > bulk. Also `X-Auto-Response-Suppress` (Exchange's marker on
/// its automatic replies) counts as an auto-reply.
enum Automatic {
    static func classify(_ root: MimeEntity, senderAddress: String?) -> MailAutomatic? {
        if containsDeliveryStatus(root) { return .bounce }
        let local = (senderAddress ?? "").split(separator: "@", omittingEmptySubsequences: false).first
            .map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
        if local == "mailer-daemon" || local == "postmaster" { return .bounce }
        func value(_ name: String) -> String? { root.header(name).map { EncodedWords.decode($0) } }
        let precedence = (value("Precedence") ?? "").trimmingCharacters(in: .whitespaces).lowercased()
        let bulk = ["bulk", "junk", "list"].contains(precedence)
        let auto = (value("Auto-Submitted") ?? "").split(separator: ";", omittingEmptySubsequences: false).first
            .map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
        if auto.hasPrefix("auto-replied") { return .autoReply }
        if root.header("X-Autoreply") != nil || root.header("X-Autorespond") != nil { return .autoReply }
        if root.header("X-Auto-Response-Suppress") != nil && !bulk { return .autoReply }
        if !auto.isEmpty && auto != "no" && !bulk { return .autoReply }
        if let rp = value("Return-Path"), ["", "<>"].contains(rp.trimmingCharacters(in: .whitespaces)), !bulk { return .autoReply }
        if bulk || (!auto.isEmpty && auto != "no") { return .bulk }
        return nil
    }

    /// A message/delivery-status part or a multipart/report of report-type delivery-status,
    /// anywhere in the tree (attached messages included).
    static func containsDeliveryStatus(_ e: MimeEntity) -> Bool {
        if e.type == "message/delivery-status" { return true }
        if e.type == "multipart/report", e.contentType["report-type"]?.lowercased() == "delivery-status" { return true }
        return e.children.contains { containsDeliveryStatus($0) }
    }
}
