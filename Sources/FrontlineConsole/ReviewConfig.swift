import Foundation
import FrontlineCore
import TOMLKit

/// How the supervisors review: the weekly sample and the scorecard (`[review]` of config.toml).
///
/// ```toml
/// [review]
/// sample = 3                 # replies per agent per week, drawn at random (0: only the flagged)
/// [[review.items]]           # the scorecard, in order; without items the built-in one
/// name = "greeted"           # what `frontline review score --mark greeted=y` says
/// label = "greeted the customer by name"
/// weight = 1                 # 0 or more
/// critical = false           # missing a critical item scores the reply 0
/// ```
public struct ReviewSettings: Sendable, Equatable {
    public var sample: Int
    public var scorecard: Scorecard

    public init(sample: Int = 3, scorecard: Scorecard = .embedded) {
        self.sample = sample
        self.scorecard = scorecard
    }
}

extension FrontlineConfig {
    static func parseReview(_ table: TOMLTable, source: String, line: (String) -> Int) throws -> ReviewSettings {
        var settings = ReviewSettings()
        func fail(_ key: String, _ why: String) -> Failure { Failure(description: "\(source):\(line(key)): \(why)") }
        for key in table.keys {
            switch key {
            case "sample":
                guard let n = table[key]?.int, (0...50).contains(n) else { throw fail(key, "review.sample must be a whole number from 0 to 50") }
                settings.sample = n
            case "items":
                guard let list = table[key]?.array, !list.isEmpty else { throw fail("[[review.items", "review.items must be a list of tables ([[review.items]])") }
                var items: [ScorecardItem] = []
                for i in 0..<list.count {
                    guard let t = list[i].table else { throw fail("[[review.items", "review.items[\(i)] must be a table with name and label") }
                    guard let name = t["name"]?.string?.trimmingCharacters(in: .whitespaces), !name.isEmpty,
                          !name.contains(where: { $0 == "=" || $0 == "," || $0.isWhitespace }) else {
                        throw fail("name", "review.items[\(i)].name must be a short word like \"greeted\" (no spaces, = or ,)")
                    }
                    guard !items.contains(where: { $0.name == name }) else { throw fail("name", "review.items: \"\(name)\" is named twice") }
                    guard let label = t["label"]?.string, !label.trimmingCharacters(in: .whitespaces).isEmpty else {
                        throw fail("label", "review.items[\(i)] (\(name)) needs a label saying what a good reply does")
                    }
                    var weight = 1
                    if let w = t["weight"] {
                        guard let n = w.int, (0...100).contains(n) else { throw fail("weight", "review.items[\(i)].weight must be a whole number from 0 to 100") }
                        weight = n
                    }
                    var critical = false
                    if let c = t["critical"] {
                        guard let b = c.bool else { throw fail("critical", "review.items[\(i)].critical must be true or false") }
                        critical = b
                    }
                    if let unknown = t.keys.first(where: { !["name", "label", "weight", "critical"].contains($0) }) {
                        throw fail(unknown, "unknown setting \"\(unknown)\" in [[review.items]]; known: name, label, weight, critical")
                    }
                    items.append(ScorecardItem(name: name, label: label, weight: weight, critical: critical))
                }
                settings.scorecard = Scorecard(items: items)
            default:
                throw fail(key, "unknown setting \"\(key)\" in [review]; known: sample, items")
            }
        }
        return settings
    }
}
