import Foundation
import FrontlineCore
import FrontlineTUI

/// "Tell me when it is back" from the console (`w`, `:want`): the item, how many, and whether
/// to put them aside. The promise to tell them is due in two weeks (the customer hears from us
/// by then either way).
extension ActionSteps {
    static let stockPromiseFor: TimeInterval = 14 * 86400

    /// `ITEM [QUANTITY] [hold DURATION]`.
    static func stockWish(_ words: [String], on id: CaseID, world: ConsoleWorld) throws(ConsoleCommandLine.Problem) -> ConsoleEffect {
        let l = UILanguage.current, w = Words.goodwill
        let usage = w.wantUsage(l)
        guard let item = words.first, !item.isEmpty else { throw .init(usage) }
        var rest = words.dropFirst()
        var quantity = 1
        if let n = rest.first.flatMap({ Int($0) }) {
            guard (1...1000).contains(n) else { throw .init(w.quantityRange(l)) }
            quantity = n
            rest = rest.dropFirst()
        }
        var hold: TimeInterval?
        if rest.first?.lowercased() == "hold" {
            guard let spec = rest.dropFirst().first, let seconds = try? FollowUpTime.relative(spec, original: spec) else {
                throw .init(w.holdHowLong(l))
            }
            hold = seconds
            rest = rest.dropFirst(2)
        }
        guard rest.isEmpty else { throw .init(usage) }
        let checkBy = world.now.addingTimeInterval(stockPromiseFor)
        let what = quantity == 1 ? item : "\(quantity) × \(item)"
        return .perform(.wantWhenBack(id, sku: item, quantity: quantity, hold: hold, checkBy: checkBy),
                        success: w.waitsFor(l, ["case": id, "held": hold.map { w.heldOnceBack(l, ["age": AgeFormat.chosen($0)]) } ?? "", "what": what]))
    }
}
