import Foundation

/// Where "now" comes from. Injected everywhere so tests can move time (follow-ups coming due,
/// SLA breaches) without sleeping.
public protocol WallClock: Sendable {
    func now() -> Date
}

/// The real clock, rounded to whole milliseconds so a time survives the journal unchanged.
public struct SystemClock: WallClock {
    public init() {}
    public func now() -> Date { Date().roundedToMilliseconds }
}

/// A clock that only moves when told to; for tests and the demo seeder.
public final class ManualClock: WallClock, @unchecked Sendable {
    // @unchecked: the only state is guarded by `lock`.
    private let lock = NSLock()
    private var current: Date

    public init(_ start: Date) { current = start.roundedToMilliseconds }

    public func now() -> Date { lock.withLock { current } }

    public func advance(by seconds: TimeInterval) {
        lock.withLock { current = current.addingTimeInterval(seconds).roundedToMilliseconds }
    }

    public func set(_ date: Date) { lock.withLock { current = date.roundedToMilliseconds } }
}

extension Date {
    /// Times are kept to the millisecond: the journal stores integer milliseconds, and a time
    /// must compare equal after a round trip through it.
    public var roundedToMilliseconds: Date {
        Date(timeIntervalSince1970: (timeIntervalSince1970 * 1000).rounded() / 1000)
    }
}
