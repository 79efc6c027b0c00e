import Foundation
import FrontlineCore

/// Remembers the wrapped thread of the case on screen, so an idle tick or a key press does not
/// sanitise and re-wrap every message again (a 1 MB customer message made that cost real CPU).
public final class ThreadLayoutCache: @unchecked Sendable {
    // @unchecked: the entry is only read and written under `lock`.
    struct Key: Equatable {
        var caseID: CaseID
        var messages: Int
        var activity: Int
        var lastActivity: Date
        var width: Int
        /// Thread stamps say "14:03" for today and "12 Nov 14:03" otherwise.
        var day: Int
        /// Quoted mail history shown (T) or folded.
        var showQuoted: Bool = false
        /// Moves with every delivery outcome of our mailed replies.
        var deliveries: Int = 0
    }

    private let lock = NSLock()
    private var entry: (key: Key, lines: [StyledLine])?

    public init() {}

    func lines(for key: Key, compute: () -> [StyledLine]) -> [StyledLine] {
        if let hit = lock.withLock({ entry?.key == key ? entry?.lines : nil }) { return hit }
        let lines = compute()
        lock.withLock { entry = (key, lines) }
        return lines
    }
}
