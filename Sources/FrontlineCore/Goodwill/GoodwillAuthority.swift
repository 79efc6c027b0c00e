import Foundation

/// How far one person may go with one kind of offer on their own: the most in one offer, the
/// most one customer may receive in 30 days, and the most they may give in 7 days. For money
/// kinds the windows are amounts in the desk's currency; for the rest they are how many times.
/// A nil limit is no limit.
public struct OfferLimit: Sendable, Equatable {
    /// Percent for discounts and coupons, minor units for refunds and credit; nil for kinds that have no size.
    public var most: Int64?
    public var perCustomer30Days: Int64?
    public var perAgentWeek: Int64?
    /// False: this person may not make this kind of offer at all on their own.
    public var allowed: Bool

    public init(most: Int64? = nil, perCustomer30Days: Int64? = nil, perAgentWeek: Int64? = nil, allowed: Bool = true) {
        self.most = most
        self.perCustomer30Days = perCustomer30Days
        self.perAgentWeek = perAgentWeek
        self.allowed = allowed
    }

    public static let none = OfferLimit(allowed: false)
}

/// Who may give what, from the config's `[authority]`: limits per role, a named agent's own
/// limits over their role's, the desk's currency, and how requests beyond them are handled.
/// Pure: the service that decides commands holds one (the server's, on a team desk).
public struct GoodwillAuthority: Sendable, Equatable {
    /// Allowance amounts are in this currency; an offer in another one needs approval.
    public var currency: String
    public var byRole: [TeamRole: [OfferKind: OfferLimit]]
    /// Per named agent, kind by kind, over their role's.
    public var byAgent: [String: [OfferKind: OfferLimit]]
    /// The roles of the team (`[team]`), to find each actor's limits.
    public var team: TeamAccess
    /// How long a request may wait for a supervisor before it is overdue.
    public var approvalDue: TimeInterval
    /// How long a coupon is valid.
    public var couponValidity: TimeInterval
    /// Codes to hand out in order (a pool file); empty: codes are generated.
    public var couponPool: [String]
    /// Fixes generated codes (tests); nil: random.
    public var couponSeed: UInt64?
    /// What "make it right" offers, at most (less when the agent's room is smaller).
    public var makeItRight: (kind: OfferKind, value: OfferValue) = (.coupon, .percent(10))
    /// When "make it right" checks that the remedy worked.
    public var checkAfter: TimeInterval = 3 * 86400

    public static func == (a: GoodwillAuthority, b: GoodwillAuthority) -> Bool {
        a.currency == b.currency && a.byRole == b.byRole && a.byAgent == b.byAgent && a.team == b.team && a.approvalDue == b.approvalDue
            && a.couponValidity == b.couponValidity && a.couponPool == b.couponPool && a.couponSeed == b.couponSeed
            && a.makeItRight == b.makeItRight && a.checkAfter == b.checkAfter
    }

    public init(currency: String = "EUR", byRole: [TeamRole: [OfferKind: OfferLimit]] = GoodwillAuthority.defaultLimits,
                byAgent: [String: [OfferKind: OfferLimit]] = [:], team: TeamAccess = TeamAccess(),
                approvalDue: TimeInterval = 30 * 60, couponValidity: TimeInterval = 90 * 86400,
                couponPool: [String] = [], couponSeed: UInt64? = nil) {
        self.currency = currency.uppercased()
        self.byRole = byRole
        self.byAgent = byAgent
        self.team = team
        self.approvalDue = approvalDue
        self.couponValidity = couponValidity
        self.couponPool = couponPool
        self.couponSeed = couponSeed
    }

    public static let embedded = GoodwillAuthority()

    /// Modest limits for agents, wider ones for supervisors, nothing for viewers and intake.
    /// Money is in the desk's currency's minor units (5000 = 50,00).
    public static let defaultLimits: [TeamRole: [OfferKind: OfferLimit]] = [
        .agent: [
            .discount: OfferLimit(most: 10, perCustomer30Days: 2, perAgentWeek: 20),
            .coupon: OfferLimit(most: 15, perCustomer30Days: 1, perAgentWeek: 10),
            .refund: OfferLimit(most: 5_000, perCustomer30Days: 10_000, perAgentWeek: 50_000),
            .credit: OfferLimit(most: 5_000, perCustomer30Days: 10_000, perAgentWeek: 50_000),
            .replacement: OfferLimit(perCustomer30Days: 1, perAgentWeek: 5),
            .freeShipping: OfferLimit(perCustomer30Days: 2, perAgentWeek: 20),
        ],
        .supervisor: [
            .discount: OfferLimit(most: 25, perCustomer30Days: 4, perAgentWeek: 100),
            .coupon: OfferLimit(most: 30, perCustomer30Days: 2, perAgentWeek: 50),
            .refund: OfferLimit(most: 50_000, perCustomer30Days: 100_000, perAgentWeek: 1_000_000),
            .credit: OfferLimit(most: 50_000, perCustomer30Days: 100_000, perAgentWeek: 1_000_000),
            .replacement: OfferLimit(perCustomer30Days: 2, perAgentWeek: 30),
            .freeShipping: OfferLimit(perCustomer30Days: 5, perAgentWeek: 100),
        ],
    ]

    /// The actor's role on this desk (a console on its own store is its owner's: a supervisor).
    public func role(of actor: String) -> TeamRole { team.role(of: actor, isOwner: true) ?? .supervisor }

    /// The limit `actor` works under for `kind`: their own where set, else their role's.
    public func limit(_ kind: OfferKind, for actor: String) -> OfferLimit {
        if let own = byAgent[actor]?[kind] { return own }
        return byRole[role(of: actor)]?[kind] ?? .none
    }

    /// "50,00 €", "15%", "2 times": a limit's figure as a person reads it.
    public func written(_ amount: Int64, _ kind: OfferKind, window: Bool) -> String {
        switch kind.measure {
        case .money: Money(minorUnits: amount, currency: currency).written(in: .en)
        case .percent where !window: "\(amount)%"
        default: amount == 1 ? "once" : "\(amount) times"
        }
    }
}
