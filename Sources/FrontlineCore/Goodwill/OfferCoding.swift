import Foundation

/// Offers in the journal and the export (flat, snake_case) and in the snapshot's case heads.
/// `OfferKind`'s case order is part of the snapshot format (cases are stored by index): add
/// new kinds at the end.
extension OfferValue {
    private enum Keys: String, CodingKey { case percent, amount, currency, item }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: Keys.self)
        if let p = try c.decodeIfPresent(Int.self, forKey: .percent) { self = .percent(p); return }
        if let minor = try c.decodeIfPresent(Int64.self, forKey: .amount) {
            self = .money(Money(minorUnits: minor, currency: try c.decode(String.self, forKey: .currency)))
            return
        }
        if let what = try c.decodeIfPresent(String.self, forKey: .item) { self = .item(what); return }
        self = .none
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        switch self {
        case let .percent(p): try c.encode(p, forKey: .percent)
        case let .money(m):
            try c.encode(m.minorUnits, forKey: .amount)   // minor units: 12550 is 125,50
            try c.encode(m.currency, forKey: .currency)
        case let .item(what): try c.encode(what, forKey: .item)
        case .none: break
        }
    }

    func write(into w: inout BinaryWriter) {
        switch self {
        case let .percent(p): w.uint(0); w.int(p)
        case let .money(m): w.uint(1); w.int(Int(m.minorUnits)); w.string(m.currency)
        case let .item(what): w.uint(2); w.string(what)
        case .none: w.uint(3)
        }
    }

    static func read(_ r: inout BinaryReader) throws -> OfferValue {
        switch try r.uint() {
        case 0: return .percent(try r.int())
        case 1: return .money(Money(minorUnits: Int64(try r.int()), currency: try r.string()))
        case 2: return .item(try r.string())
        case 3: return .none
        case let other: throw r.fail("unknown offer value kind \(other)")
        }
    }
}

extension Offer {
    enum CodingKeys: String, CodingKey {
        case id, kind, value, reason, by, at, customerID = "customer", coupon, approval, recovery
    }

    func write(into w: inout BinaryWriter) {
        w.int(id); w.code(kind); value.write(into: &w); w.string(reason); w.string(by); w.date(at); w.string(customerID)
        w.bool(coupon != nil)
        if let coupon { w.string(coupon.code); w.date(coupon.expires) }
        w.bool(approval != nil)
        if let a = approval {
            w.int(a.followUp); w.date(a.due); w.string(a.over)
            w.bool(a.answer != nil)
            if let answer = a.answer { w.bool(answer.approved); w.string(answer.by); w.date(answer.at); w.optionalString(answer.note) }
        }
        w.bool(recovery)
    }

    static func read(_ r: inout BinaryReader) throws -> Offer {
        var o = Offer(id: try r.int(), kind: try r.code(OfferKind.self), value: try OfferValue.read(&r), reason: try r.string(),
                      by: try r.string(), at: try r.date(), customerID: try r.string())
        if try r.bool() { o.coupon = Coupon(code: try r.string(), expires: try r.date()) }
        if try r.bool() {
            var a = ApprovalRequest(followUp: try r.int(), due: try r.date(), over: try r.string())
            if try r.bool() { a.answer = ApprovalAnswer(approved: try r.bool(), by: try r.string(), at: try r.date(), note: try r.optionalString()) }
            o.approval = a
        }
        o.recovery = try r.bool()
        return o
    }
}

extension ApprovalRequest {
    enum CodingKeys: String, CodingKey { case followUp = "follow_up", due, over, answer }
}
