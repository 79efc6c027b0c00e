import ArgumentParser
import Foundation
import FrontlineConsole
import FrontlineCore
import FrontlineTUI

// Back in stock from a script: registering a wish, and what a stock system or cron job calls.

struct WantCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "want", abstract: "Note that the customer wants a sold-out item when it is back (a promise).")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The case id.") var caseID: String
    @Argument(help: "The item: a SKU or a name.") var item: String
    @Option(help: "How many.") var quantity = 1
    @Option(help: "Put them aside this long once back: 2d, 48h.") var hold: String?
    @Option(name: .customLong("check-by"), help: "When we tell them either way (default +14d): +7d, 2026-12-20 10:00.") var checkBy = "+14d"

    func run() throws {
        var held: TimeInterval?
        if let hold {
            guard let seconds = try? FollowUpTime.relative(hold, original: hold) else { throw CleanExit.failure(Words.commandLine.holdDuration(UILanguage.current)) }
            held = seconds
        }
        let due: Date
        do { due = try FollowUpTime().parse(checkBy, now: SystemClock().now()) } catch { throw CleanExit.failure("--check-by: \(error.text())") }
        try performAction(global, .wantWhenBack(caseID, sku: item, quantity: quantity, hold: held, checkBy: due), owner: "frontline want") {
            Words.commandLine.waitsFor(UILanguage.current, ["case": $0, "item": quantity == 1 ? item : "\(quantity) × \(item)"])
        }
    }
}

struct StockCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stock", abstract: "Who waits for what; with --available, tell them an item is back.",
        discussion: "`frontline stock` lists every customer waiting for an item or holding a reservation. `frontline stock SKU --available N` (what a stock system or a cron job calls) tells the waiting customers, first come first served, in their language by e-mail, puts one aside for those who asked, and brings each case back to its agent with a promise. A reservation that lapses passes to the next in line.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The item (SKU or name), with --available.") var item: String?
    @Option(help: "How many can be sold now.") var available: Int?
    @Flag(help: "JSON instead of text (the list).") var json = false

    func validate() throws {
        if (item == nil) != (available == nil) { throw ValidationError("give the item and --available together, e.g. `frontline stock TV-55X --available 3`") }
    }

    func run() throws {
        if let item, let available {
            return try performAction(global, .stockAvailable(sku: item, count: available), owner: "frontline stock") { events, desk in
                let w = Words.commandLine, l = UILanguage.current
                let told = events.compactMap { e -> String? in
                    guard case let .stockNotified(id, _, mail, until, _) = e.change else { return nil }
                    let who = desk.cases[e.caseID].flatMap { desk.customer(of: $0)?.name } ?? ""
                    let wish = desk.cases[e.caseID]?.stockWishes.first { $0.id == id }
                    return (mail == nil ? w.toldCallThem : w.toldByMail)(l, ["case": e.caseID, "name": TextSanitiser.singleLine(who)])
                        + (until.map { w.reservedUntil(l, ["n": "\(wish?.quantity ?? 1)", "until": ISOTime.format($0)]) } ?? "")
                }
                return told.isEmpty ? w.nobodyWaits(l, ["item": item, "n": "\(available)"]) : told.joined(separator: "\n")
            }
        }
        let store = try global.openService(owner: "frontline stock")
        let desk = store.desk
        store.close()
        let standing = desk.stockWishesStanding
        if json {
            struct Row: Encodable {
                let `case`: String, customer: String, item: String, quantity: Int, state: String, since: Date, hold_seconds: Int?, reserved_until: Date?
            }
            let rows = standing.map { id, w in
                Row(case: id, customer: desk.cases[id].flatMap { desk.customer(of: $0)?.name } ?? "", item: w.sku, quantity: w.quantity,
                    state: w.state.rawValue, since: w.at, hold_seconds: w.hold.map { Int($0) }, reserved_until: w.reservedUntil)
            }
            print(String(decoding: try ExportDocument.encoder().encode(rows), as: UTF8.self))
            return
        }
        let w = Words.commandLine, l = UILanguage.current
        print(w.stockStanding(l, ["waiting": "\(standing.filter { $0.wish.state == .waiting }.count)", "reserved": "\(standing.filter { $0.wish.state == .reserved }.count)"]))
        for (id, wish) in standing {
            let who = desk.cases[id].flatMap { desk.customer(of: $0)?.name } ?? ""
            let state = wish.reservedUntil.map { w.reservedState(l, ["until": ISOTime.format($0)]) } ?? (wish.state == .notified ? w.toldState(l) : w.waitingSince(l, ["since": ISOTime.format(wish.at)]))
            print([DisplayWidth.pad(id, toWidth: 8), DisplayWidth.pad(TextSanitiser.singleLine(wish.summary), toWidth: 20),
                   DisplayWidth.pad(TextSanitiser.singleLine(who), toWidth: 20), state].joined(separator: " "))
        }
    }
}
