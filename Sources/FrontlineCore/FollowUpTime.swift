import Foundation

/// Parses when a follow-up is due, as an agent types it, in the agent's time zone:
/// `+30m`, `+2h`, `+3d`, `+1w`, `today 17:00`, `tomorrow` (09:00), `tomorrow 9:00`,
/// `mon 14:00` (the next Monday), `2026-12-01 10:00`, `2026-12-01` (09:00), `14:00` (today, or tomorrow if past).
public struct FollowUpTime: Sendable {
    public var timeZone: TimeZone
    public static let defaultHour = 9

    public init(timeZone: TimeZone = .current) { self.timeZone = timeZone }

    public func parse(_ text: String, now: Date) throws(CommandError) -> Date {
        let words = text.lowercased().split(whereSeparator: \.isWhitespace).map(String.init)
        guard let first = words.first else { throw CommandError(RefusalWords.shared.sayWhen) }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let rest = Array(words.dropFirst())

        if first.hasPrefix("+") || first.hasPrefix("in") && rest.count >= 1 {
            let spec = first.hasPrefix("+") ? String(first.dropFirst()) + rest.joined() : rest.joined()
            return now.addingTimeInterval(try Self.relative(spec, original: text))
        }
        let clock = try rest.first.map { s throws(CommandError) in try Self.timeOfDay(s, original: text) }
        if rest.count > 1 { throw unreadable(text) }
        func at(_ day: Date, _ hm: (Int, Int)?) throws(CommandError) -> Date {
            let (h, m) = hm ?? (Self.defaultHour, 0)
            guard let d = calendar.date(bySettingHour: h, minute: m, second: 0, of: day) else { throw unreadable(text) }
            return d
        }
        switch first {
        case "today":
            return try at(now, clock)
        case "tomorrow", "tmrw":
            return try at(calendar.date(byAdding: .day, value: 1, to: now)!, clock)
        default:
            break
        }
        if let weekday = Self.weekdays.firstIndex(where: { first.hasPrefix($0) }), first.count >= 3 {
            // Calendar weekday: 1 = Sunday.
            let target = (weekday + 1) % 7 + 1
            let today = calendar.component(.weekday, from: now)
            var days = (target - today + 7) % 7
            var candidate = try at(calendar.date(byAdding: .day, value: days, to: now)!, clock)
            if candidate <= now {
                days += 7
                candidate = try at(calendar.date(byAdding: .day, value: days, to: now)!, clock)
            }
            return candidate
        }
        if let date = Self.isoDate(first) {
            var parts = DateComponents()
            parts.year = date.0
            parts.month = date.1
            parts.day = date.2
            let (h, m) = clock ?? (Self.defaultHour, 0)
            parts.hour = h
            parts.minute = m
            guard let d = calendar.date(from: parts), calendar.component(.day, from: d) == date.2 else {
                throw CommandError(RefusalWords.shared.notARealDate, ["date": first])
            }
            return d
        }
        if rest.isEmpty, let hm = try? Self.timeOfDay(first, original: text) {
            let today = try at(now, hm)
            return today > now ? today : try at(calendar.date(byAdding: .day, value: 1, to: now)!, hm)
        }
        throw unreadable(text)
    }

    private func unreadable(_ text: String) -> CommandError {
        CommandError(RefusalWords.shared.unreadableTime, ["text": text])
    }

    static let weekdays = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]

    /// A duration like "2h", "1h30m", "3d" in seconds.
    public static func relative(_ spec: String, original: String) throws(CommandError) -> TimeInterval {
        // "2h", "3d", "1h30m", "45min", "2hours"
        var total: TimeInterval = 0
        var number = ""
        var unit = ""
        func flush() throws(CommandError) {
            guard let n = Double(number), n >= 0 else { throw CommandError(RefusalWords.shared.expectedNumber, ["text": original]) }
            let seconds: Double
            switch unit {
            case "m", "min", "mins", "minute", "minutes": seconds = 60
            case "h", "hr", "hrs", "hour", "hours": seconds = 3600
            case "d", "day", "days": seconds = 86400
            case "w", "wk", "week", "weeks": seconds = 7 * 86400
            default: throw CommandError(RefusalWords.shared.unknownUnit, ["unit": unit, "text": original])
            }
            total += n * seconds
            number = ""
            unit = ""
        }
        for ch in spec {
            if ch.isNumber || ch == "." {
                if !unit.isEmpty { try flush() }
                number.append(ch)
            } else {
                unit.append(ch)
            }
        }
        try flush()
        guard total > 0 else { throw CommandError(RefusalWords.shared.inTheFuture) }
        return total
    }

    static func timeOfDay(_ s: String, original: String) throws(CommandError) -> (Int, Int) {
        let parts = s.split(separator: ":", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let h = Int(parts[0]), (0...23).contains(h) else {
            throw CommandError(RefusalWords.shared.unreadableTimeOfDay, ["text": s])
        }
        let m = parts.count == 2 ? Int(parts[1]) : 0
        guard let minute = m, (0...59).contains(minute) else {
            throw CommandError(RefusalWords.shared.unreadableTimeOfDay, ["text": s])
        }
        return (h, minute)
    }

    static func isoDate(_ s: String) -> (Int, Int, Int)? {
        let p = s.split(separator: "-")
        guard p.count == 3, p[0].count == 4, let y = Int(p[0]), let m = Int(p[1]), let d = Int(p[2]),
              (1...12).contains(m), (1...31).contains(d) else { return nil }
        return (y, m, d)
    }
}
