import Foundation

/// Compact durations for narrow columns: "45s", "12m", "3h12m", "2d04h", "15d".
public enum AgeFormat {
    public static func compact(_ seconds: TimeInterval) -> String {
        let s = Int(max(0, seconds))
        if s < 60 { return "\(s)s" }
        let m = s / 60
        if m < 60 { return "\(m)m" }
        let h = m / 60
        if h < 24 { return "\(h)h" + pad2(m % 60) + "m" }
        let d = h / 24
        if d < 10 { return "\(d)d" + pad2(h % 24) + "h" }
        return "\(d)d"
    }

    /// A duration someone chose ("hold 2d", "30m"): whole days, hours or minutes said as such,
    /// where `compact` (made for ages) would say "2d00h".
    public static func chosen(_ seconds: TimeInterval) -> String {
        let s = Int(max(0, seconds.rounded()))
        if s >= 86400, s % 86400 == 0 { return "\(s / 86400)d" }
        if s >= 3600, s % 3600 == 0 { return "\(s / 3600)h" }
        if s >= 60, s % 60 == 0, s < 3600 { return "\(s / 60)m" }
        return compact(seconds)
    }

    /// Signed, for "due in 2h" / "overdue 3h".
    public static func relative(_ seconds: TimeInterval) -> String {
        seconds >= 0 ? "in \(compact(seconds))" : "\(compact(-seconds)) ago"
    }

    private static func pad2(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
}
