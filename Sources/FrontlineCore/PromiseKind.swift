import Foundation

/// What a promise (a follow-up) is about, for the history and for reporting compliance by kind.
public enum PromiseKind: Sendable, Equatable {
    /// Come back at a time.
    case atTime
    /// Until the customer answers, or the time, whichever comes first.
    case untilAnswer
    /// Waiting on a third party (a carrier, a supplier, another team).
    case thirdParty(String)
    /// Telling them when an item is back, or holding one for them (`StockWish`).
    case stock
    /// An offer waiting for a supervisor (`ApprovalRequest`).
    case approval
    /// Checking that a remedy worked (`Recovery`).
    case recoveryCheck
}

extension SupportCase {
    public func kind(of f: FollowUp) -> PromiseKind {
        if offers.contains(where: { $0.approval?.followUp == f.id }) { return .approval }
        if stockWishes.contains(where: { $0.followUp == f.id || $0.noticeFollowUp == f.id }) { return .stock }
        if recoveries.contains(where: { $0.followUp == f.id }) { return .recoveryCheck }
        if let party = f.waitingOn { return .thirdParty(party) }
        return f.untilAnswer ? .untilAnswer : .atTime
    }
}
