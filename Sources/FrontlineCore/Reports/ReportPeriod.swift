import Foundation

/// The start or end of a report's period as a supervisor writes it: "today", "yesterday",
/// "monday" (the last one, this week's if today is later), "7d" or "-7d" (that long ago), "2026-11-23"
/// (its midnight), "2026-11-23 10:42", "10:42" (today's, or yesterday's when today's is still to
/// come), in the given time zone.
public enum ReportTime {
    public static func parse(_ text: String, now: Date, timeZone: TimeZone) throws(CommandError) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let t = text.trimmingCharacters(in: .whitespaces).lowercased()
        let today = calendar.startOfDay(for: now)
        switch t {
        case "now": return now
        case "today": return today
        case "yesterday": return calendar.date(byAdding: .day, value: -1, to: today)!
        default: break
        }
        let weekdays = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"]
        if let w = weekdays.firstIndex(where: { $0.hasPrefix(t) && t.count >= 3 }) {
            let todayWeekday = calendar.component(.weekday, from: today) - 1
            let back = (todayWeekday - w + 7) % 7
            return calendar.date(byAdding: .day, value: -back, to: today)!
        }
        let ago = t.hasPrefix("-") ? String(t.dropFirst()) : t
        if ago.last?.isLetter == true, ago.first?.isNumber == true, let seconds = try? FollowUpTime.relative(ago, original: text) {
            return now.addingTimeInterval(-seconds)
        }
        let clock = t.split(separator: ":")
        if clock.count == 2, let h = Int(clock[0]), let m = Int(clock[1]), clock[1].count == 2, (0..<24).contains(h), (0..<60).contains(m),
           let at = calendar.date(bySettingHour: h, minute: m, second: 0, of: today) {
            return at <= now ? at : calendar.date(byAdding: .day, value: -1, to: at)!
        }
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = timeZone
        for format in ["yyyy-MM-dd HH:mm", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd"] {
            f.dateFormat = format
            if let d = f.date(from: t) { return d }
        }
        throw CommandError(RefusalWords.shared.unreadableReportTime, ["text": text])
    }
}
