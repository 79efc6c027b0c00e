import Foundation

/// Dates as an agent reads them, in their own time zone: "14:03" today, "Tue 09:00" this week,
/// "12 Nov 10:02" this year, "12 Nov 2025" before. Built on Calendar components (no
/// DateFormatter, which is slow to create and depends on the locale).
public struct TimeText: Sendable {
    public var timeZone: TimeZone
    private let calendar: Calendar

    public init(timeZone: TimeZone) {
        self.timeZone = timeZone
        var c = Calendar(identifier: .gregorian)
        c.timeZone = timeZone
        calendar = c
    }

    static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    static let weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]

    public func clock(_ d: Date) -> String {
        let c = calendar.dateComponents([.hour, .minute], from: d)
        return two(c.hour!) + ":" + two(c.minute!)
    }

    public func dayAndTime(_ d: Date, now: Date) -> String {
        let c = calendar.dateComponents([.year, .month, .day, .weekday, .hour, .minute], from: d)
        let time = two(c.hour!) + ":" + two(c.minute!)
        if calendar.isDate(d, inSameDayAs: now) { return "today " + time }
        if let tomorrow = calendar.date(byAdding: .day, value: 1, to: now), calendar.isDate(d, inSameDayAs: tomorrow) {
            return "tomorrow " + time
        }
        if let yesterday = calendar.date(byAdding: .day, value: -1, to: now), calendar.isDate(d, inSameDayAs: yesterday) {
            return "yesterday " + time
        }
        if abs(d.timeIntervalSince(now)) < 6 * 86400 { return Self.weekdays[c.weekday! - 1] + " " + time }
        return date(d, now: now) + " " + time
    }

    /// "12 Nov", or "12 Nov 2025" when not this year.
    public func date(_ d: Date, now: Date) -> String {
        let c = calendar.dateComponents([.year, .month, .day], from: d)
        let year = calendar.component(.year, from: now)
        let base = "\(c.day!) \(Self.months[c.month! - 1])"
        return c.year == year ? base : base + " \(c.year!)"
    }

    /// Thread timestamps: "14:03" today, otherwise "12 Nov 14:03".
    public func stamp(_ d: Date, now: Date) -> String {
        calendar.isDate(d, inSameDayAs: now) ? clock(d) : date(d, now: now) + " " + clock(d)
    }

    public func year(_ d: Date) -> Int { calendar.component(.year, from: d) }

    private func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
}
