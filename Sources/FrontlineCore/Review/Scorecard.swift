import Foundation

/// One line of the review scorecard: what a good reply does, how much it weighs, and whether
/// missing it fails the whole reply (a critical item: the customer felt it).
public struct ScorecardItem: Codable, Sendable, Equatable {
    /// Short and stable ("next-step"): what `frontline review score --mark` and the config name.
    public var name: String
    public var label: String
    public var weight: Int
    public var critical: Bool

    public init(name: String, label: String, weight: Int = 1, critical: Bool = false) {
        self.name = name
        self.label = label
        self.weight = weight
        self.critical = critical
    }
}

/// How a reply did on one item.
public enum ReviewMark: String, Codable, Sendable, CaseIterable {
    case met, missed
    /// The item does not apply (nothing to own up to, say): it counts neither way.
    case notApplicable = "n/a"

    /// What `--mark name=y` and the review screen's keys say.
    public init?(word: String) {
        switch word.lowercased() {
        case "y", "yes", "met", "+": self = .met
        case "n", "no", "missed", "-": self = .missed
        case "x", "na", "n/a", "skip": self = .notApplicable
        default: return nil
        }
    }

    public var symbol: String {
        switch self {
        case .met: "✓"
        case .missed: "✗"
        case .notApplicable: "–"
        }
    }
}

/// An item as the review scored it. The item is copied into the review, so changing the
/// scorecard later does not rewrite old scores.
public struct ScoredItem: Codable, Sendable, Equatable {
    public var item: ScorecardItem
    public var mark: ReviewMark

    public init(_ item: ScorecardItem, _ mark: ReviewMark) {
        self.item = item
        self.mark = mark
    }

    // Flat in the journal and the export: {"name", "label", "weight", "critical", "mark"}.
    enum CodingKeys: String, CodingKey { case mark }

    public init(from decoder: Decoder) throws {
        item = try ScorecardItem(from: decoder)
        mark = try decoder.container(keyedBy: CodingKeys.self).decode(ReviewMark.self, forKey: .mark)
    }

    public func encode(to encoder: Encoder) throws {
        try item.encode(to: encoder)
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(mark, forKey: .mark)
    }
}

/// The scorecard supervisors review replies with (`[review]` of the config, or this default).
public struct Scorecard: Sendable, Equatable {
    public var items: [ScorecardItem]

    public init(items: [ScorecardItem]) { self.items = items }

    public static let embedded = Scorecard(items: [
        ScorecardItem(name: "greeted", label: "greeted the customer by name", weight: 1),
        ScorecardItem(name: "owned", label: "owned the mistake", weight: 2, critical: true),
        ScorecardItem(name: "next-step", label: "a clear next step", weight: 2, critical: true),
        ScorecardItem(name: "language", label: "in the customer's language", weight: 1, critical: true),
    ])

    /// 0–100: the weight of the items met over the weight of the items that apply; 0 when a
    /// critical item was missed; nil when nothing applied.
    public static func score(_ items: [ScoredItem]) -> Int? {
        let applicable = items.filter { $0.mark != .notApplicable }
        guard !applicable.isEmpty else { return nil }
        if applicable.contains(where: { $0.item.critical && $0.mark == .missed }) { return 0 }
        let total = applicable.reduce(0) { $0 + $1.item.weight }
        guard total > 0 else { return nil }
        let met = applicable.filter { $0.mark == .met }.reduce(0) { $0 + $1.item.weight }
        return Int((Double(met) * 100 / Double(total)).rounded())
    }

    /// Marks by item name ("greeted=y,owned=x") onto this card, in its order; every item must
    /// be marked and no unknown name given.
    public func scored(_ marks: [String: ReviewMark]) throws(CommandError) -> [ScoredItem] {
        if let unknown = marks.keys.sorted().first(where: { name in !items.contains { $0.name == name } }) {
            throw CommandError(RefusalWords.shared.noScorecardItem, ["items": items.map(\.name).joined(separator: ", "), "item": unknown])
        }
        let missing = items.filter { marks[$0.name] == nil }.map(\.name)
        guard missing.isEmpty else { throw CommandError(RefusalWords.shared.markEveryItem, ["items": missing.joined(separator: ", ")]) }
        return items.map { ScoredItem($0, marks[$0.name]!) }
    }
}
