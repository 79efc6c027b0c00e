import Foundation
import FrontlineCore

/// Works through our replies the mail system has not taken yet: renders each, hands it to the
/// transport and reports the outcome as a `recordDelivery` command (journaled like any other,
/// so every console sees "delivered 10:42" or "failed: …, retry 10:47"). A reply is
/// acknowledged to the agent once journaled; this runs after, in the background.
///
/// What can be sent twice: a crash after the transport took a message but before its outcome
/// was journaled leaves it queued, and it is sent again with the same Message-ID (the
/// customer's mail client shows one message; the MTA may deliver both).
public final class OutboxSender: @unchecked Sendable {
    // @unchecked: `reported` is only touched on the thread that calls `sendDue`.
    public let transport: MailTransport
    public let rendering: ReplyRendering
    public let policy: DeliveryRetryPolicy
    /// Outcomes already reported but maybe not yet folded into the desk the next pass sees
    /// (through a server the journaled outcome comes back a moment later): Message-ID → the
    /// attempt count the reply had when reported.
    private var reported: [String: Int] = [:]

    public init(transport: MailTransport, rendering: ReplyRendering, policy: DeliveryRetryPolicy) {
        self.transport = transport
        self.rendering = rendering
        self.policy = policy
    }

    /// The replies due at `now` on `desk`, oldest first.
    public func due(on desk: HelpDesk, now: Date) -> [(caseID: CaseID, messageID: String)] {
        var found: [(CaseID, String, Date)] = []
        for (messageID, caseID) in desk.undeliveredReplies {
            guard let c = desk.cases[caseID],
                  let m = c.messages.last(where: { $0.direction == .outbound && $0.mail?.messageID == messageID }),
                  let d = m.mail?.delivery else { continue }
            if let seen = reported[messageID], seen == d.attempts { continue }
            if d.state == .retrying, let next = d.nextAttempt, next > now { continue }
            found.append((caseID, messageID, m.at))
        }
        return found.sorted { ($0.2, $0.1) < ($1.2, $1.1) }.map { ($0.0, $0.1) }
    }

    /// When the next reply waiting for a retry comes due, if any.
    public func nextRetry(on desk: HelpDesk) -> Date? {
        desk.undeliveredReplies.compactMap { messageID, caseID in
            desk.cases[caseID]?.messages.last { $0.direction == .outbound && $0.mail?.messageID == messageID }?.mail?.delivery?.nextAttempt
        }.min()
    }

    /// One pass: sends everything due and returns the commands that record the outcomes (the
    /// caller performs them: directly on a local store, or through the server's loop).
    /// `carryOn` is asked before each message: a stopping worker does not finish a long pass.
    public func sendDue(on desk: HelpDesk, now: () -> Date, carryOn: () -> Bool = { true }) -> [Command] {
        var commands: [Command] = []
        for (caseID, messageID) in due(on: desk, now: now()) {
            guard carryOn() else { break }
            guard let c = desk.cases[caseID],
                  let reply = c.messages.last(where: { $0.direction == .outbound && $0.mail?.messageID == messageID }),
                  let delivery = reply.mail?.delivery else { continue }
            let outcome: DeliveryOutcome
            if let bytes = rendering.render(messageID: messageID, on: c, desk: desk) {
                switch transport.send(bytes) {
                case .accepted:
                    outcome = .delivered
                case let .permanentFailure(why):
                    outcome = .failed(error: why, retryAt: nil)
                case let .temporaryFailure(why):
                    let t = now()
                    if let next = policy.nextAttempt(afterFailure: delivery.attempts + 1, writtenAt: reply.at, now: t) {
                        outcome = .failed(error: why, retryAt: next)
                    } else {
                        outcome = .failed(error: "gave up after \(delivery.attempts + 1) attempts over \(AgeFormat.compact(t.timeIntervalSince(reply.at))): \(why)", retryAt: nil)
                    }
                }
            } else {
                outcome = .failed(error: "the reply could not be rendered", retryAt: nil)
            }
            reported[messageID] = delivery.attempts
            commands.append(.recordDelivery(caseID, messageID: messageID, outcome: outcome))
        }
        if reported.count > 10_000 { reported = reported.filter { desk.undeliveredReplies[$0.key] != nil } }
        return commands
    }
}
