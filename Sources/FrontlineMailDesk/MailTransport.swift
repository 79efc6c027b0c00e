import Foundation

/// Hands a finished message to the mail system.
public protocol MailTransport: Sendable {
    /// Where mail goes, for the console's status line ("outbox Maildir /…", "sendmail").
    var description: String { get }
    func send(_ message: [UInt8]) -> TransportResult
}

public enum TransportResult: Sendable, Equatable {
    /// The mail system has it.
    case accepted
    /// Try again later (sendmail exited 75, the spool is full, the program is missing).
    case temporaryFailure(String)
    /// Trying again will not help (the message or its recipients were refused).
    case permanentFailure(String)
}
