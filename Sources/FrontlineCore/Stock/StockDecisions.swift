import Foundation

/// Back in stock: registering a wish, an arrival that tells the waiting customers first come
/// first served, and a lapsed reservation passing to the next in line.
extension HelpDesk {
    /// Notices are written in this zone (a reservation's last day); the desk's own, UTC.
    static let noticeTimeZone = TimeZone(identifier: "UTC")!

    func decideWish(on c: SupportCase, sku: String, quantity: Int, hold: TimeInterval?, checkBy: Date, actor: String, now: Date) throws(CommandError) -> [PendingChange] {
        let item = try required(sku, "item (a SKU or a name)")
        guard (1...1000).contains(quantity) else { throw CommandError(RefusalWords.shared.quantityRange, ["n": "\(quantity)"]) }
        if let hold, !(3600...(90 * 86400)).contains(hold) { throw CommandError(RefusalWords.shared.holdRange) }
        guard checkBy > now else { throw CommandError(RefusalWords.shared.tellByInTheFuture) }
        if c.stockWishes.contains(where: { $0.state != .ended && StockWish.key($0.sku) == StockWish.key(item) }) {
            throw CommandError(RefusalWords.shared.alreadyWaits, ["case": c.id, "item": item])
        }
        let followUp = (c.followUps.map(\.id).max() ?? 0) + 1
        let wish = StockWish(id: (c.stockWishes.map(\.id).max() ?? 0) + 1, sku: item, quantity: quantity, hold: hold?.rounded(),
                             by: actor, at: now.roundedToMilliseconds, followUp: followUp)
        return [PendingChange(caseID: c.id, change: .stockWished(wish: wish)),
                PendingChange(caseID: c.id, change: .followUpScheduled(id: followUp, due: checkBy.roundedToMilliseconds,
                                                                      note: "back in stock: tell them when \(wish.summary) is back"))]
    }

    func decideArrival(sku: String, count: Int, now: Date, outbound: OutboundMailSettings?) throws(CommandError) -> [PendingChange] {
        let item = try required(sku, "item (a SKU or a name)")
        guard count >= 0 else { throw CommandError(RefusalWords.shared.negativeCount) }
        return notices(for: item, count: count, now: now, outbound: outbound, skipping: nil)
    }

    func decideLapse(on c: SupportCase, wish id: Int, now: Date, outbound: OutboundMailSettings?) throws(CommandError) -> [PendingChange] {
        guard let wish = c.stockWishes.first(where: { $0.id == id }) else { throw CommandError(RefusalWords.shared.noStockWish, ["case": c.id, "id": "\(id)"]) }
        guard wish.state == .reserved, let until = wish.reservedUntil else { throw CommandError(RefusalWords.shared.wishHoldsNoReservation, ["case": c.id, "id": "\(id)"]) }
        guard until <= now else {
            throw CommandError(RefusalWords.shared.reservationRunsUntil, ["case": c.id, "until": ISOTime.format(until), "item": wish.summary])
        }
        var changes = [PendingChange(caseID: c.id, change: .stockLapsed(wish: id))]
        if let f = wish.noticeFollowUp, c.openFollowUps.contains(where: { $0.id == f }) {
            changes.append(PendingChange(caseID: c.id, change: .followUpCancelled(id: f, reason: "the reservation of \(wish.summary) lapsed uncollected; it passed to the next in line")))
        }
        return changes + notices(for: wish.sku, count: wish.quantity, now: now, outbound: outbound, skipping: c.id)
    }

    /// The customers waiting for `item`, oldest wish first; each whose quantity is left is told
    /// (and reserved for, if they asked). One who wants more than is left is passed over this
    /// time and keeps their place.
    private func notices(for item: String, count: Int, now: Date, outbound: OutboundMailSettings?, skipping: CaseID?) -> [PendingChange] {
        let key = StockWish.key(item)
        let line = casesWithStockWishes.flatMap { id in
            (cases[id]?.stockWishes ?? []).filter { $0.state == .waiting && StockWish.key($0.sku) == key }.map { (caseID: id, wish: $0) }
        }.sorted { ($0.wish.at, $0.caseID) < ($1.wish.at, $1.caseID) }
        var left = count
        var changes: [PendingChange] = []
        for (id, wish) in line where wish.quantity <= left && id != skipping {
            guard let c = cases[id], let customer = customers[c.customerID] else { continue }
            left -= wish.quantity
            let reservedUntil = wish.hold.map { now.addingTimeInterval($0).roundedToMilliseconds }
            let body = (outbound?.templates ?? .bundled).stockNotice(wish, reservedUntil: reservedUntil, on: c, customer: customer, timeZone: Self.noticeTimeZone)
            var mail = outbound.flatMap { replyMail(on: c, settings: $0, now: now) }
            // Our automatic mail says so (RFC 3834): no out-of-office answers it, no loop.
            mail?.automatic = .autoReply
            // Two wishes of one case told in one command would share the Message-ID's sequence.
            if let m = mail { mail?.messageID = m.messageID.replacingOccurrences(of: "@", with: ".stock\(wish.id)@") }
            let followUp = (c.followUps.map(\.id).max() ?? 0) + 1
            let note = reservedUntil.map { "customer notified: \(wish.summary) back; reserved until \(ISOTime.format($0))" }
                ?? "customer notified: \(wish.summary) back; check they got it"
            changes += [
                PendingChange(caseID: id, change: .stockNotified(wish: wish.id, body: body, mail: mail, reservedUntil: reservedUntil, followUp: followUp)),
                PendingChange(caseID: id, change: .followUpDone(id: wish.followUp, outcome: "back in stock: the customer was told")),
                PendingChange(caseID: id, change: .followUpScheduled(id: followUp, due: reservedUntil ?? now.addingTimeInterval(86400).roundedToMilliseconds, note: note)),
            ]
            if c.status != .open { changes.append(PendingChange(caseID: id, change: .statusChanged(status: .open))) }
            if left == 0 { break }
        }
        return changes
    }

    /// Every wish still standing, oldest first: who waits for what (`frontline stock`).
    public var stockWishesStanding: [(caseID: CaseID, wish: StockWish)] {
        casesWithStockWishes.flatMap { id in (cases[id]?.stockWishes ?? []).filter { $0.state != .ended }.map { (id, $0) } }
            .sorted { ($0.wish.at, $0.caseID) < ($1.wish.at, $1.caseID) }
    }
}

/// What the server's loop asks at each promise check: which reservations have run out.
public enum StockKeeper {
    public static func lapsed(on desk: HelpDesk, at now: Date) -> [Command] {
        desk.stockWishesStanding.compactMap { id, w in
            guard w.state == .reserved, let until = w.reservedUntil, until <= now else { return nil }
            return .lapseReservation(id, wish: w.id)
        }
    }
}
