import Foundation

/// An amount in one currency, held in minor units (cents, öre) so sums are exact.
public struct Money: Codable, Sendable, Equatable, Hashable, Comparable {
    public var minorUnits: Int64
    /// ISO 4217, upper case ("SEK", "EUR", "USD").
    public var currency: String

    public init(minorUnits: Int64, currency: String) {
        self.minorUnits = minorUnits
        self.currency = currency.uppercased()
    }

    public static func < (a: Money, b: Money) -> Bool { a.minorUnits < b.minorUnits }

    /// How each currency is written: its symbol and whether it goes before the number in English.
    static let symbols: [String: (symbol: String, before: Bool)] = [
        "EUR": ("€", true), "USD": ("$", true), "GBP": ("£", true),
        "SEK": ("kr", false), "NOK": ("kr", false), "DKK": ("kr", false),
    ]

    /// "kr", "EUR", "€": a word that names a currency, so "125 kr" is one amount in two words.
    public static func isCurrencyWord(_ word: String, deskCurrency: String) -> Bool {
        let w = word.uppercased()
        return w == "KR" || w == deskCurrency.uppercased() || symbols.keys.contains(w) || symbols.values.contains { $0.symbol == word }
    }

    /// "125,50 kr" (sv), "654,30 €" (fi), "$12.50" (en): the amount the way the customer's
    /// language writes it. Thousands are grouped with a no-break space in Swedish and Finnish,
    /// a comma in English.
    public func written(in language: Language) -> String {
        let negative = minorUnits < 0
        let units = negative ? -minorUnits : minorUnits
        let whole = String(units / 100), cents = String(format: "%02lld", units % 100)
        let separator = language == .en ? "," : "\u{00A0}"
        var grouped = ""
        for (i, ch) in whole.enumerated() {
            if i > 0, (whole.count - i) % 3 == 0 { grouped += separator }
            grouped.append(ch)
        }
        let number = (negative ? "-" : "") + grouped + (language == .en ? "." : ",") + cents
        let mark = Self.symbols[currency]
        switch language {
        case .en:
            guard let mark else { return "\(currency) \(number)" }
            return mark.before ? "\(mark.symbol)\(number)" : "\(currency) \(number)"
        case .sv, .fi:
            return "\(number)\u{00A0}\(mark?.symbol ?? currency)"
        }
    }

    /// "125.50", "125,50", "SEK 125.50", "125,50 kr", "€12.50", "12 EUR": an amount as an agent
    /// or a config file writes it. A bare number is in `currency`; "kr" means `currency` when
    /// that is a krona. Nil when it does not read as an amount (with at most two decimals).
    public static func parse(_ text: String, currency: String) -> Money? {
        var t = text.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "\u{00A0}", with: " ")
        var code = currency.uppercased()
        for (iso, mark) in symbols where t.hasPrefix(mark.symbol) || t.hasSuffix(mark.symbol) {
            // "kr" belongs to three currencies: it means the desk's own when that is one of them.
            if mark.symbol == "kr" && symbols[code]?.symbol == "kr" { t = t.replacingOccurrences(of: "kr", with: ""); break }
            if mark.symbol != "kr" { code = iso; t = t.replacingOccurrences(of: mark.symbol, with: ""); break }
        }
        let words = t.split(separator: " ").map(String.init)
        var digits: String
        switch words.count {
        case 1: digits = words[0]
        case 2 where words[0].count == 3 && words[0].allSatisfy(\.isLetter): code = words[0].uppercased(); digits = words[1]
        case 2 where words[1].count == 3 && words[1].allSatisfy(\.isLetter): code = words[1].uppercased(); digits = words[0]
        default: return nil
        }
        digits = digits.replacingOccurrences(of: ",", with: ".")
        let parts = digits.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let whole = Int64(parts[0]), whole >= 0, whole < 1_000_000_000 else { return nil }
        var cents: Int64 = 0
        if parts.count == 2 {
            let fraction = parts[1]
            guard (1...2).contains(fraction.count), fraction.allSatisfy(\.isASCII), let f = Int64(fraction) else { return nil }
            cents = fraction.count == 1 ? f * 10 : f
        }
        return Money(minorUnits: whole * 100 + cents, currency: code)
    }
}
