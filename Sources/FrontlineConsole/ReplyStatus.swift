import FrontlineCore
import FrontlineTUI

/// The status line after an action: for a reply that goes out as mail, to whom and through
/// what, so nobody believes a customer was written to when the mail sits in an outbox.
enum ReplyStatus {
    static func text(_ success: String, events: [Event], destination: String?) -> String {
        for e in events {
            guard case let .replySent(_, mail?) = e.change else { continue }
            let to = mail.to.map { TextSanitiser.singleLine($0.address) }.joined(separator: ", ")
            return success + " · mailing to \(to)" + (destination.map { " via \(TextSanitiser.singleLine($0))" } ?? "")
        }
        return success
    }
}
