import Foundation

/// "Tell me when it is back": the customer wants an item that is sold out. While it waits it is
/// a promise (follow-up `followUp`); when the item is back the customer is told (by mail, in
/// their language) and, if they asked, one is put aside for them until `reservedUntil` (the
/// follow-up `noticeFollowUp`). A reservation that lapses passes to the next in line.
public struct StockWish: Codable, Sendable, Equatable {
    /// Numbered per case from 1.
    public var id: Int
    /// The item as the agent named it (a SKU or a name); matched without regard to case.
    public var sku: String
    public var quantity: Int
    /// Put one aside for this long once it is back; nil: only tell them.
    public var hold: TimeInterval?
    public var by: String
    public var at: Date
    /// The promise while it waits.
    public var followUp: Int
    public var notifiedAt: Date?
    public var reservedUntil: Date?
    /// The promise after the notice: the reservation (due when it lapses), or checking the
    /// customer got the news. Kept ("collected"), it ends the wish.
    public var noticeFollowUp: Int?
    /// How it ended: "collected", "reservation lapsed", "cancelled: …"; nil while it stands.
    public var ended: String?

    public init(id: Int, sku: String, quantity: Int, hold: TimeInterval?, by: String, at: Date, followUp: Int) {
        self.id = id
        self.sku = sku
        self.quantity = quantity
        self.hold = hold
        self.by = by
        self.at = at
        self.followUp = followUp
    }

    public enum State: String, Sendable, Equatable { case waiting, notified, reserved, ended }

    public var state: State {
        if ended != nil { return .ended }
        guard notifiedAt != nil else { return .waiting }
        return reservedUntil == nil ? .notified : .reserved
    }

    /// The key two spellings of one item share ("tv-55x" and "TV-55X ").
    public static func key(_ sku: String) -> String { sku.trimmingCharacters(in: .whitespacesAndNewlines).lowercased() }

    /// "2 × TV-55X": what the customer waits for.
    public var summary: String { quantity == 1 ? sku : "\(quantity) × \(sku)" }

    enum CodingKeys: String, CodingKey {
        case id, sku, quantity, hold = "hold_seconds", by, at, followUp = "follow_up", notifiedAt = "notified_at"
        case reservedUntil = "reserved_until", noticeFollowUp = "notice_follow_up", ended
    }

    func write(into w: inout BinaryWriter) {
        w.int(id); w.string(sku); w.int(quantity); w.bool(hold != nil); if let hold { w.int(Int(hold.rounded())) }
        w.string(by); w.date(at); w.int(followUp); w.optionalDate(notifiedAt); w.optionalDate(reservedUntil)
        w.bool(noticeFollowUp != nil); if let r = noticeFollowUp { w.int(r) }
        w.optionalString(ended)
    }

    static func read(_ r: inout BinaryReader) throws -> StockWish {
        let id = try r.int(), sku = try r.string(), quantity = try r.int()
        let hold = try r.bool() ? TimeInterval(try r.int()) : nil
        var wish = StockWish(id: id, sku: sku, quantity: quantity, hold: hold, by: try r.string(), at: try r.date(), followUp: try r.int())
        wish.notifiedAt = try r.optionalDate()
        wish.reservedUntil = try r.optionalDate()
        wish.noticeFollowUp = try r.bool() ? try r.int() : nil
        wish.ended = try r.optionalString()
        return wish
    }
}
