import Foundation

/// A goodwill action an agent takes to make a complaint right. Raw values are what the journal,
/// the export and `frontline offer` use.
public enum OfferKind: String, Codable, Sendable, CaseIterable {
    /// A percentage off the customer's next purchase.
    case discount
    /// A single-use code for a percentage off, with an expiry.
    case coupon
    /// Money back, in an amount and currency.
    case refund
    /// Store credit, in an amount and currency.
    case credit
    /// A new item instead of the one that failed.
    case replacement
    case freeShipping = "free_shipping"

    public var label: String {
        switch self {
        case .discount: "discount"
        case .coupon: "coupon"
        case .refund: "refund"
        case .credit: "credit"
        case .replacement: "replacement"
        case .freeShipping: "free shipping"
        }
    }

    /// What the offer's value is: a percentage, an amount, what is replaced, or nothing.
    public var measure: Measure {
        switch self {
        case .discount, .coupon: .percent
        case .refund, .credit: .money
        case .replacement: .item
        case .freeShipping: .none
        }
    }

    public enum Measure: Sendable, Equatable { case percent, money, item, none }

    /// "free-shipping", "free shipping" and "shipping" all name free shipping.
    public init?(name: String) {
        let n = name.lowercased().replacingOccurrences(of: "-", with: "_").replacingOccurrences(of: " ", with: "_")
        if let k = OfferKind(rawValue: n) { self = k; return }
        if n == "shipping" { self = .freeShipping; return }
        if n == "discount_code" || n == "code" { self = .coupon; return }
        return nil
    }
}

/// How much an offer is worth, in the measure of its kind.
public enum OfferValue: Codable, Sendable, Equatable, Hashable {
    case percent(Int)
    case money(Money)
    /// A replacement: what is sent.
    case item(String)
    case none

    /// "15%", "125,50 kr", "a new kettle": in the customer's language.
    public func written(in language: Language) -> String {
        switch self {
        case let .percent(p): language == .en ? "\(p)%" : "\(p)\u{00A0}%"
        case let .money(m): m.written(in: language)
        case let .item(what): what
        case .none: ""
        }
    }

    /// Read as an agent types it for `kind`: "15%" or "15", an amount, an item; nil if it does not fit.
    public static func parse(_ text: String, kind: OfferKind, currency: String) -> OfferValue? {
        let t = text.trimmingCharacters(in: .whitespaces)
        switch kind.measure {
        case .percent:
            let digits = t.hasSuffix("%") ? String(t.dropLast()).trimmingCharacters(in: .whitespaces) : t
            guard let p = Int(digits), (1...100).contains(p) else { return nil }
            return .percent(p)
        case .money:
            guard let m = Money.parse(t, currency: currency), m.minorUnits > 0 else { return nil }
            return .money(m)
        case .item:
            return t.isEmpty ? nil : .item(t)
        case .none:
            return .none
        }
    }
}

/// A single-use code and its last day.
public struct Coupon: Codable, Sendable, Equatable {
    public var code: String
    public var expires: Date
    public init(code: String, expires: Date) {
        self.code = code
        self.expires = expires
    }
}

/// A supervisor's answer to a request for an offer beyond the agent's authority.
public struct ApprovalAnswer: Codable, Sendable, Equatable {
    public var approved: Bool
    public var by: String
    public var at: Date
    public var note: String?

    public init(approved: Bool, by: String, at: Date, note: String?) {
        self.approved = approved
        self.by = by
        self.at = at
        self.note = note
    }
}

/// An offer beyond the agent's authority waits for a supervisor: the request is a promise (the
/// follow-up `followUp` on the case, due at `due`) so it cannot stall silently.
public struct ApprovalRequest: Codable, Sendable, Equatable {
    public var followUp: Int
    public var due: Date
    /// Why it needed approval ("over your most of 50,00 € per refund").
    public var over: String
    public var answer: ApprovalAnswer?

    public init(followUp: Int, due: Date, over: String, answer: ApprovalAnswer? = nil) {
        self.followUp = followUp
        self.due = due
        self.over = over
        self.answer = answer
    }
}

/// A goodwill action on a case, with its value: given at once within the agent's authority, or
/// asked for and then approved or declined.
public struct Offer: Codable, Sendable, Equatable {
    /// Numbered per case from 1: "C-1001/2" names the second offer on C-1001.
    public var id: Int
    public var kind: OfferKind
    public var value: OfferValue
    public var reason: String
    public var by: String
    public var at: Date
    /// The customer this went to (the case's, when it was made): allowances count per customer.
    public var customerID: CustomerID
    /// Set for a coupon once it takes effect.
    public var coupon: Coupon?
    /// Present when it was beyond the agent's authority.
    public var approval: ApprovalRequest?
    /// Part of "make it right" (an apology, a thank-you, this, and a check that it worked).
    public var recovery: Bool = false

    public init(id: Int, kind: OfferKind, value: OfferValue, reason: String, by: String, at: Date, customerID: CustomerID,
                coupon: Coupon? = nil, approval: ApprovalRequest? = nil, recovery: Bool = false) {
        self.id = id
        self.kind = kind
        self.value = value
        self.reason = reason
        self.by = by
        self.at = at
        self.customerID = customerID
        self.coupon = coupon
        self.approval = approval
        self.recovery = recovery
    }

    public enum State: String, Sendable, Equatable { case given, awaitingApproval = "awaiting_approval", approved, declined }

    public var state: State {
        guard let approval else { return .given }
        guard let answer = approval.answer else { return .awaitingApproval }
        return answer.approved ? .approved : .declined
    }

    /// Given, or approved: the customer has it, and it counts against allowances.
    public var inEffect: Bool { state == .given || state == .approved }

    /// "coupon 15%", "refund 125,50 kr", "replacement: a new kettle", "free shipping".
    public func summary(in language: Language = .en) -> String {
        switch value {
        case .none: kind.label
        case let .item(what): "\(kind.label): \(what)"
        default: "\(kind.label) \(value.written(in: language))"
        }
    }

    /// "palautus 50,00 €": the offer as the desk's own people read it, in their language (the
    /// record and the customer's texts keep `summary(in:)`).
    public func said(in language: UILanguage) -> String { Self.said(kind, value, in: language) }

    public static func said(_ kind: OfferKind, _ value: OfferValue, in language: UILanguage) -> String {
        let name = kind.label(in: language), written = value.written(in: Language(rawValue: language.rawValue) ?? .en)
        switch value {
        case .none: return name
        case .item: return "\(name): \(written)"
        default: return "\(name) \(written)"
        }
    }

    /// The request's name on the command line and in the Approvals view.
    public static func requestName(_ caseID: CaseID, _ id: Int) -> String { "\(caseID)/\(id)" }
}

/// "Make it right" on a case: an apology, a thank-you, the goodwill the agent could give (if
/// any was left in their room) and a promise to check that the remedy worked. What the reports
/// count as a recovery.
public struct Recovery: Codable, Sendable, Equatable {
    public var at: Date
    public var by: String
    public var apology: ApologyKind
    /// The offer given with it (its number on the case); nil when the agent had no room left.
    public var offer: Int?
    /// The follow-up that checks the remedy worked.
    public var followUp: Int

    public init(at: Date, by: String, apology: ApologyKind, offer: Int?, followUp: Int) {
        self.at = at
        self.by = by
        self.apology = apology
        self.offer = offer
        self.followUp = followUp
    }

    enum CodingKeys: String, CodingKey { case at, by, apology, offer, followUp = "follow_up" }
}
