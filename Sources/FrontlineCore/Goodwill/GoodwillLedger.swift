import Foundation

/// What has been given, counted the way the allowances are written: for a customer over 30
/// days (everything they received, approved or not), for an agent over 7 days (what they gave
/// on their own authority; what a supervisor approved was the supervisor's to give).
public struct GoodwillLedger: Sendable {
    public static let customerWindow: TimeInterval = 30 * 86400
    public static let agentWindow: TimeInterval = 7 * 86400

    let offers: [Offer]
    let currency: String

    /// The offers of every case that has one (`HelpDesk.casesWithOffers`: not the whole desk).
    public init(desk: HelpDesk, currency: String) {
        var all: [Offer] = []
        for id in desk.casesWithOffers { all += desk.cases[id]?.offers ?? [] }
        offers = all
        self.currency = currency.uppercased()
    }

    /// An offer's size in its kind's window measure: minor units for money, else one.
    func size(_ o: Offer) -> Int64 {
        if case let .money(m) = o.value { return m.currency == currency ? m.minorUnits : 0 }
        return 1
    }

    public func givenTo(customer: CustomerID, _ kind: OfferKind, now: Date) -> Int64 {
        let since = now.addingTimeInterval(-Self.customerWindow)
        return offers.filter { $0.kind == kind && $0.customerID == customer && $0.inEffect && $0.at > since }.reduce(0) { $0 + size($1) }
    }

    public func givenBy(agent: String, _ kind: OfferKind, now: Date) -> Int64 {
        let since = now.addingTimeInterval(-Self.agentWindow)
        return offers.filter { $0.kind == kind && $0.by == agent && $0.state == .given && $0.at > since }.reduce(0) { $0 + size($1) }
    }

    /// Every coupon code handed out, so a pool's next one and a generated one are new.
    public var couponCodes: Set<String> { Set(offers.compactMap { $0.coupon?.code }) }
}

/// Whether an offer is within the actor's authority, and if not, why, for a person.
public enum OfferVerdict: Sendable, Equatable {
    case within
    case beyond(String)
}

extension GoodwillAuthority {
    /// Within `actor`'s authority for `customer` at `now`, or why not.
    public func verdict(on kind: OfferKind, _ value: OfferValue, by actor: String, for customer: Customer,
                        now: Date, ledger: GoodwillLedger) -> OfferVerdict {
        let limit = limit(kind, for: actor)
        guard limit.allowed else { return .beyond("\(actor) may not give a \(kind.label) on their own") }
        var size: Int64 = 1
        switch value {
        case let .percent(p): size = Int64(p)
        case let .money(m):
            guard m.currency == currency else { return .beyond("it is in \(m.currency) and allowances are in \(currency)") }
            size = m.minorUnits
        default: break
        }
        if let most = limit.most, kind.measure == .percent || kind.measure == .money, size > most {
            return .beyond("\(value.written(in: .en)) is over \(actor)'s most of \(written(most, kind, window: false)) per \(kind.label)")
        }
        let windowSize = kind.measure == .money ? size : 1
        if let cap = limit.perCustomer30Days {
            let had = ledger.givenTo(customer: customer.id, kind, now: now)
            if had + windowSize > cap {
                return .beyond("\(customer.name) has had \(written(had, kind, window: true)) in \(kind.label)s in 30 days (\(actor)'s limit: \(written(cap, kind, window: true)))")
            }
        }
        if let cap = limit.perAgentWeek {
            let gave = ledger.givenBy(agent: actor, kind, now: now)
            if gave + windowSize > cap {
                return .beyond("\(actor) has given \(written(gave, kind, window: true)) in \(kind.label)s in 7 days (limit: \(written(cap, kind, window: true)))")
            }
        }
        return .within
    }

    /// The most `actor` may still give of `kind` to `customer` now: a size (percent or minor
    /// units) for kinds with one, else how many more times; nil when nothing limits it.
    public func remaining(_ kind: OfferKind, by actor: String, for customer: CustomerID, now: Date, ledger: GoodwillLedger) -> Int64? {
        let limit = limit(kind, for: actor)
        guard limit.allowed else { return 0 }
        var left: [Int64] = []
        if let c = limit.perCustomer30Days { left.append(max(0, c - ledger.givenTo(customer: customer, kind, now: now))) }
        if let w = limit.perAgentWeek { left.append(max(0, w - ledger.givenBy(agent: actor, kind, now: now))) }
        switch kind.measure {
        case .money:
            if let most = limit.most { left.append(most) }
            return left.min()
        case .percent:
            // The windows count offers: none left means none, otherwise the most per offer.
            if left.contains(0) { return 0 }
            return limit.most
        case .item, .none:
            return left.min()
        }
    }

    /// "refund up to 50,00 €", "coupon up to 15%", "replacement 1 more", "coupon: needs approval", in `language` (the picker, the status line).
    public func remainingText(_ kind: OfferKind, by actor: String, for customer: CustomerID, now: Date, ledger: GoodwillLedger,
                              in language: UILanguage = .en) -> String {
        let w = KindWords.shared, name = kind.label(in: language)
        guard let left = remaining(kind, by: actor, for: customer, now: now, ledger: ledger) else { return w.noLimit(language, ["kind": name]) }
        if left == 0 { return w.needsApproval(language, ["kind": name]) }
        switch kind.measure {
        case .money: return w.upTo(language, ["kind": name, "most": written(left, kind, window: false)])
        case .percent: return w.upTo(language, ["kind": name, "most": "\(left)%"])
        case .item, .none: return w.timesMore(language, ["kind": name, "n": "\(left)"])
        }
    }

    /// A new coupon code: the pool's next unused one, or a generated one ("FL-7K3M-Q9XD",
    /// from letters and digits that cannot be misread). Nil when the pool is used up.
    public func nextCouponCode(used: Set<String>, caseID: CaseID, offerID: Int) -> String? {
        if !couponPool.isEmpty { return couponPool.first { !used.contains($0) } }
        let alphabet = Array("23456789ABCDEFGHJKMNPQRSTUVWXYZ")
        var random: any RandomNumberGenerator = couponSeed.map {
            var h = $0
            for b in "\(caseID)/\(offerID)".utf8 { h = (h ^ UInt64(b)) &* 0x100_0000_01B3 }
            return SeededRandom(seed: h) as any RandomNumberGenerator
        } ?? SystemRandomNumberGenerator()
        for _ in 0..<100 {
            let chars = (0..<8).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] }
            let code = "FL-" + String(chars[0..<4]) + "-" + String(chars[4..<8])
            if !used.contains(code) { return code }
        }
        return nil
    }
}
