import Foundation

/// When a reply that failed temporarily is tried again: after minutes, then hourly, for
/// `retryFor` after it was written; then it is failed for good and an agent sees it.
public struct DeliveryRetryPolicy: Sendable, Equatable {
    /// Wait after the 1st, 2nd, … failure; the last one repeats.
    public var waits: [TimeInterval]
    public var retryFor: TimeInterval

    public init(waits: [TimeInterval] = [60, 300, 900, 1800, 3600], retryFor: TimeInterval = 2 * 86400) {
        self.waits = waits
        self.retryFor = retryFor
    }

    /// When to try again after failure number `attempts` (1-based) of a reply written at
    /// `writtenAt`, or nil when it is time to give up.
    public func nextAttempt(afterFailure attempts: Int, writtenAt: Date, now: Date) -> Date? {
        guard let last = waits.last else { return nil }
        let wait = attempts - 1 < waits.count ? waits[max(0, attempts - 1)] : last
        let next = now.addingTimeInterval(wait)
        return next.timeIntervalSince(writtenAt) > retryFor ? nil : next
    }
}
