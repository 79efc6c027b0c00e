/// The named slices of the queue an agent can switch between (number keys 1–9).
public enum QueueView: String, Sendable, CaseIterable, Codable {
    case waiting, mine, escalated, followups, pending, solved, all
    /// Offers waiting for a supervisor's answer.
    case approvals
    /// Customers waiting for an item to be back, or with one put aside for them.
    case stock

    public var title: String {
        switch self {
        case .waiting: "Waiting"
        case .mine: "Mine"
        case .escalated: "Escalated"
        case .followups: "Follow-ups"
        case .pending: "Pending"
        case .solved: "Solved"
        case .all: "All"
        case .approvals: "Approvals"
        case .stock: "Stock"
        }
    }

    /// For narrow terminals.
    public var shortTitle: String {
        switch self {
        case .waiting: "Wait"
        case .mine: "Mine"
        case .escalated: "Esc"
        case .followups: "F-up"
        case .pending: "Pend"
        case .solved: "Solv"
        case .all: "All"
        case .approvals: "Appr"
        case .stock: "Stck"
        }
    }

    /// Accepts the raw name, the title, or a unique prefix ("follow", "esc").
    public init?(name: String) {
        let n = name.lowercased().replacingOccurrences(of: "-", with: "")
        if let exact = QueueView(rawValue: n) { self = exact; return }
        let matches = QueueView.allCases.filter { $0.rawValue.hasPrefix(n) }
        guard !n.isEmpty, matches.count == 1 else { return nil }
        self = matches[0]
    }
}
