import Foundation
import FrontlineCore

/// Dates as an agent reads them, in their own time zone and language: in English "14:03" today,
/// "Tue 09:00" this week, "12 Nov 10:02" this year, "12 Nov 2025" before; in Swedish "i dag
/// 14:03", "tis 09:00", "12 nov", "2025-11-12"; in Finnish "tänään klo 14.03", "ti klo 9.00",
/// "12.11.", "12.11.2025". Built on Calendar components (no DateFormatter, which is slow to
/// create and depends on the locale).
public struct TimeText: Sendable {
    public var timeZone: TimeZone
    public let language: UILanguage
    /// Between hours and minutes: ":" or "." (Swedish allows both; Finnish writes ".").
    public let clockSeparator: String
    private let calendar: Calendar

    public init(timeZone: TimeZone, language: UILanguage = .en, clockSeparator: String? = nil) {
        self.timeZone = timeZone
        self.language = language
        self.clockSeparator = clockSeparator ?? (language == .fi ? "." : ":")
        var c = Calendar(identifier: .gregorian)
        c.timeZone = timeZone
        calendar = c
    }

    static let months: [UILanguage: [String]] = [
        .en: ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
        .sv: ["jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec"],
        .fi: ["tammi", "helmi", "maalis", "huhti", "touko", "kesä", "heinä", "elo", "syys", "loka", "marras", "joulu"],
    ]
    static let weekdays: [UILanguage: [String]] = [
        .en: ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"],
        .sv: ["sön", "mån", "tis", "ons", "tors", "fre", "lör"],
        .fi: ["su", "ma", "ti", "ke", "to", "pe", "la"],
    ]
    static let relativeDays: [UILanguage: (today: String, tomorrow: String, yesterday: String)] = [
        .en: ("today", "tomorrow", "yesterday"), .sv: ("i dag", "i morgon", "i går"), .fi: ("tänään", "huomenna", "eilen"),
    ]

    /// "14:03"; Finnish "14.03" (hours without a leading zero: "9.05").
    public func clock(_ d: Date) -> String {
        let c = calendar.dateComponents([.hour, .minute], from: d)
        return (language == .fi ? "\(c.hour!)" : two(c.hour!)) + clockSeparator + two(c.minute!)
    }

    /// A time with its day: "today 14:03", "Tue 09:00", "12 Nov 10:02"; Finnish puts "klo" before the time.
    public func dayAndTime(_ d: Date, now: Date) -> String {
        let c = calendar.dateComponents([.weekday], from: d)
        let time = (language == .fi ? "klo " : "") + clock(d)
        let names = Self.relativeDays[language]!
        if calendar.isDate(d, inSameDayAs: now) { return names.today + " " + time }
        if let tomorrow = calendar.date(byAdding: .day, value: 1, to: now), calendar.isDate(d, inSameDayAs: tomorrow) {
            return names.tomorrow + " " + time
        }
        if let yesterday = calendar.date(byAdding: .day, value: -1, to: now), calendar.isDate(d, inSameDayAs: yesterday) {
            return names.yesterday + " " + time
        }
        if abs(d.timeIntervalSince(now)) < 6 * 86400 { return Self.weekdays[language]![c.weekday! - 1] + " " + time }
        return date(d, now: now) + " " + time
    }

    /// "12 Nov" / "12 nov" / "12.11." this year; "12 Nov 2025" / "2025-11-12" / "12.11.2025" before.
    public func date(_ d: Date, now: Date) -> String {
        let c = calendar.dateComponents([.year, .month, .day], from: d)
        let thisYear = c.year == calendar.component(.year, from: now)
        switch language {
        case .en:
            let base = "\(c.day!) \(Self.months[.en]![c.month! - 1])"
            return thisYear ? base : base + " \(c.year!)"
        case .sv:
            return thisYear ? "\(c.day!) \(Self.months[.sv]![c.month! - 1])" : fullDate(d)
        case .fi:
            return thisYear ? "\(c.day!).\(c.month!)." : fullDate(d)
        }
    }

    /// The whole date the language's way: "1 Dec 2026", "2026-12-01", "1.12.2026".
    public func fullDate(_ d: Date) -> String {
        let c = calendar.dateComponents([.year, .month, .day], from: d)
        switch language {
        case .en: return "\(c.day!) \(Self.months[.en]![c.month! - 1]) \(c.year!)"
        case .sv: return "\(c.year!)-\(two(c.month!))-\(two(c.day!))"
        case .fi: return "\(c.day!).\(c.month!).\(c.year!)"
        }
    }

    /// Thread timestamps: "14:03" today, otherwise "12 Nov 14:03".
    public func stamp(_ d: Date, now: Date) -> String {
        calendar.isDate(d, inSameDayAs: now) ? clock(d) : date(d, now: now) + " " + clock(d)
    }

    public func year(_ d: Date) -> Int { calendar.component(.year, from: d) }

    private func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
}
