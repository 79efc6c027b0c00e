import Foundation

extension QueueOrder {
    /// One case's place in every view, inline in one table entry: the key the views that sort
    /// like All share, the keys of the two views with their own order, which views hold the case
    /// (a bit per `QueueView.allCases` slot), and its wait. Seven optional keys in an array per
    /// case were 100,000 heap arrays at 100,000 cases, and the waits a second table.
    struct CaseKeys: Sendable {
        var shared: SortKey
        var followups = SortKey.none
        var solved = SortKey.none
        var member: UInt16 = 0
        /// Since when the customer waits for us, while the case is open.
        var wait: Date?

        init(shared: SortKey, wait: Date?) {
            self.shared = shared
            self.wait = wait
        }

        static let followupsSlot = QueueView.allCases.firstIndex(of: .followups)!
        static let solvedSlot = QueueView.allCases.firstIndex(of: .solved)!

        /// The case's key in the view at `slot`, nil when it is not in that view.
        subscript(slot: Int) -> SortKey? {
            get {
                guard member & (1 << UInt16(slot)) != 0 else { return nil }
                switch slot {
                case Self.followupsSlot: return followups
                case Self.solvedSlot: return solved
                default: return shared
                }
            }
            set {
                guard let newValue else {
                    member &= ~(1 << UInt16(slot))
                    return
                }
                member |= 1 << UInt16(slot)
                switch slot {
                case Self.followupsSlot: followups = newValue
                case Self.solvedSlot: solved = newValue
                default: shared = newValue
                }
            }
        }
    }
}

extension QueueQuery.SortKey {
    /// A placeholder for a view the case is not in.
    static let none = QueueQuery.SortKey(group: 0, primary: 0, secondary: 0, tiebreak: 0)
}
