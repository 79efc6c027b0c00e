import Foundation

/// RFC 5322 dates, with the obsolete forms: optional weekday, two- and three-digit years,
/// missing seconds, named zones (UT, GMT, EST…PDT), military letters and unknown names read as
/// UTC, "-0000" as UTC. Nil when it cannot be read or names an impossible time.
enum MailDate {
    private static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
    private static let zones: [String: Int] = [
        "ut": 0, "utc": 0, "gmt": 0, "z": 0,
        "edt": -4 * 60, "est": -5 * 60, "cdt": -5 * 60, "cst": -6 * 60,
        "mdt": -6 * 60, "mst": -7 * 60, "pdt": -7 * 60, "pst": -8 * 60,
    ]

    static func parse(_ text: String) -> Date? {
        var tokens: [Substring] = []
        for t in text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "," || $0 == "\r" || $0 == "\n" }) {
            // "10:52:37+0200" and "1-Jul-2003" come glued together.
            if t.contains("-") && t.first?.isNumber == true && !t.contains(":") {
                tokens.append(contentsOf: t.split(separator: "-"))
            } else if let p = t.firstIndex(where: { $0 == "+" || $0 == "-" }), p != t.startIndex, t.contains(":") {
                tokens.append(t[..<p]); tokens.append(t[p...])
            } else {
                tokens.append(t)
            }
        }
        var day: Int? = nil, month: Int? = nil, year: Int? = nil
        var hour: Int? = nil, minute = 0, second = 0
        var offset: Int? = nil
        var numbers: [Substring] = []
        for t in tokens {
            let lower = t.lowercased()
            if t.contains(":") {
                guard hour == nil else { continue }
                let f = t.split(separator: ":", omittingEmptySubsequences: false)
                guard f.count >= 2, f.count <= 3, let h = Int(f[0]), let m = Int(f[1]) else { return nil }
                hour = h; minute = m
                if f.count == 3 {
                    let sec = f[2].split(separator: ".").first ?? ""
                    guard let s = Int(sec) else { return nil }
                    second = s
                }
            } else if month == nil, lower.count >= 3, let m = months.firstIndex(of: String(lower.prefix(3))),
                      lower.allSatisfy({ $0.isLetter || $0 == "." }) {
                month = m + 1
            } else if (t.first == "+" || t.first == "-"), t.count == 5, let v = Int(t.dropFirst()), hour != nil {
                let mins = (v / 100) * 60 + v % 100
                offset = t.first == "-" ? -mins : mins
            } else if t.allSatisfy({ $0.isASCII && $0.isNumber }) {
                numbers.append(t)
            } else if hour != nil, offset == nil {
                // A named zone: known ones by table, military letters and others as UTC.
                let name = lower.trimmingCharacters(in: CharacterSet(charactersIn: "()"))
                if let z = zones[name] { offset = z } else if name.allSatisfy({ $0.isLetter }) { offset = 0 }
            }
        }
        guard let month else { return nil }
        for n in numbers {
            guard let v = Int(n) else { continue }
            if day == nil, n.count <= 2, v >= 1, v <= 31 { day = v }
            else if year == nil { year = v }
        }
        guard let day, var year, let hour else { return nil }
        if year < 50 && numbersHaveShortYear(numbers, year) { year += 2000 } else if year < 1000 { year += 1900 }
        guard (0..<24).contains(hour), (0..<60).contains(minute), (0...60).contains(second) else { return nil }
        guard day <= daysIn(month: month, year: year) else { return nil }
        let days = daysFromCivil(year, month, day)
        let secs = Int64(days) * 86400 + Int64(hour * 3600 + minute * 60 + min(second, 59)) - Int64((offset ?? 0) * 60)
        return Date(timeIntervalSince1970: TimeInterval(secs))
    }

    private static func numbersHaveShortYear(_ numbers: [Substring], _ year: Int) -> Bool {
        numbers.contains { $0.count <= 2 && Int($0) == year }
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 1970-01-01 (Howard Hinnant's algorithm).
    private static func daysFromCivil(_ y0: Int, _ m: Int, _ d: Int) -> Int {
        let y = m <= 2 ? y0 - 1 : y0
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (m + 9) % 12
        let doy = (153 * mp + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }
}
