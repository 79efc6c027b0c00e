import Foundation

/// What the history pane says about a customer at a glance, so the agent can greet them by name
/// and recall the last contact.
public struct CustomerHistory: Sendable, Equatable {
    public var customer: Customer
    /// Every case of this customer, newest first.
    public var cases: [SupportCase]
    /// The latest message of any kind before now, in any of their cases.
    public var lastContact: Message?
    public var lastContactCase: CaseID?

    public init?(desk: HelpDesk, caseID: CaseID) {
        guard let c = desk.cases[caseID], let customer = desk.customer(of: c) else { return nil }
        self.customer = customer
        let ids = desk.casesByCustomer[customer.id] ?? [caseID]
        cases = ids.reversed().compactMap { desk.cases[$0] }
        var last: (Message, CaseID)?
        for k in cases {
            if let m = k.messages.last(where: { $0.direction != .note }), last == nil || m.at > last!.0.at {
                last = (m, k.id)
            }
        }
        lastContact = last?.0
        lastContactCase = last?.1
    }

    /// Cases before the given one.
    public func earlierCaseCount(than caseID: CaseID) -> Int {
        cases.filter { $0.id != caseID }.count
    }
}
