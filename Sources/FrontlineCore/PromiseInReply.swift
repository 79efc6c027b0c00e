import Foundation

/// Finds a promise an agent wrote into a reply ("I will get back to you tomorrow", "återkommer
/// i morgon", "palaan asiaan huomenna") and when it falls due, so the console can offer the
/// matching follow-up before the reply goes out. A sentence counts when it holds both a
/// commitment ("I will get back", "hör av mig", "otan yhteyttä") and a time ("tomorrow",
/// "på fredag", "kahden päivän sisällä"). Table-driven: each language is a list of cues and
/// times below, and the tests go through each.
public struct PromiseInReply: Sendable, Equatable {
    /// The sentence as written, trimmed: what the follow-up's note quotes.
    public var sentence: String
    public var due: Date

    public init(sentence: String, due: Date) {
        self.sentence = sentence
        self.due = due
    }

    /// The first promise in `text`, or nil. `timeZone` is the agent's: "tomorrow" is their tomorrow.
    public static func find(in text: String, now: Date, timeZone: TimeZone) -> PromiseInReply? {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        for sentence in sentences(text) {
            let words = PromiseWords.words(of: sentence)
            guard PromiseWords.hasCommitment(words) else { continue }
            if let due = PromiseWords.due(in: words, now: now, calendar: calendar) {
                return PromiseInReply(sentence: sentence, due: due)
            }
        }
        return nil
    }

    /// Sentences end at . ! ? or a line break; quoted lines ("> …") are the customer's, not ours.
    static func sentences(_ text: String) -> [String] {
        var out: [String] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) where !line.hasPrefix(">") {
            var current = ""
            for ch in line {
                if ".!?".contains(ch) {
                    out.append(current)
                    current = ""
                } else {
                    current.append(ch)
                }
            }
            out.append(current)
        }
        return out.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}

/// The words of the table, in English, Swedish and Finnish (lower-case; a Finnish word may be
/// inflected, so some entries match as prefixes).
enum PromiseWords {
    /// Commitments, as runs of words.
    static let commitments: [[String]] = [
        // en
        ["i", "will"], ["i'll"], ["we", "will"], ["we'll"], ["get", "back"], ["be", "in", "touch"], ["contact", "you"],
        ["call", "you"], ["update", "you"], ["let", "you", "know"], ["follow", "up"], ["come", "back", "to", "you"],
        ["i", "shall"], ["you", "will", "hear"],
        // sv
        ["återkommer"], ["hör", "av", "mig"], ["hör", "av", "oss"], ["ringer", "dig"], ["ringer", "upp"], ["kontaktar"],
        ["meddelar"], ["återkopplar"], ["jag", "ska"], ["vi", "ska"], ["jag", "lovar"], ["du", "får", "besked"],
        // fi
        ["palaan"], ["palaamme"], ["otan", "yhteyttä"], ["otamme", "yhteyttä"], ["soitan"], ["ilmoitan"], ["ilmoitamme"],
        ["olen", "yhteydessä"], ["olemme", "yhteydessä"], ["lupaan"], ["saat", "tiedon"],
    ]

    /// End of the working day, for "today": the hour a same-day promise is due.
    static let endOfDayHour = 17

    static let today: Set<String> = ["today", "idag", "tänään"]
    static let todayRuns: [[String]] = [["later", "today"], ["end", "of", "the", "day"], ["end", "of", "day"], ["i", "dag"],
                                        ["senare", "i", "dag"], ["under", "dagen"], ["päivän", "aikana"]]
    static let tomorrow: Set<String> = ["tomorrow", "imorgon", "imorron", "huomenna"]
    static let tomorrowRuns: [[String]] = [["i", "morgon"], ["i", "morron"]]
    static let nextWeekRuns: [[String]] = [["next", "week"], ["nästa", "vecka"], ["ensi", "viikolla"], ["ensi", "viikon"]]

    /// Weekday names (Monday first); Finnish ones are prefixes ("perjantaina", "perjantaihin").
    static let weekdays: [[String]] = [
        ["monday", "måndag", "maanantai"], ["tuesday", "tisdag", "tiistai"], ["wednesday", "onsdag", "keskiviikko"],
        ["thursday", "torsdag", "torstai"], ["friday", "fredag", "perjantai"], ["saturday", "lördag", "lauantai"],
        ["sunday", "söndag", "sunnuntai"],
    ]

    /// "within 2 days", "inom två dagar", "kahden päivän sisällä": a number and a unit.
    static let numbers: [String: Int] = [
        "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "a": 1, "an": 1,
        "en": 1, "ett": 1, "två": 2, "tre": 3, "fyra": 4, "fem": 5,
        "yksi": 1, "yhden": 1, "kaksi": 2, "kahden": 2, "kolme": 3, "kolmen": 3, "neljä": 4, "neljän": 4, "viisi": 5, "viiden": 5,
    ]
    static let dayUnits = ["day", "days", "dag", "dagar", "dagarna", "päivä", "päivän", "päivässä"]
    static let hourUnits = ["hour", "hours", "timme", "timmar", "timmarna", "tunti", "tunnin", "tunnissa"]
    static let withinWords: Set<String> = ["within", "in", "inom", "om", "sisällä", "kuluessa", "kuluttua", "mennessä"]

    static func words(of sentence: String) -> [String] {
        sentence.lowercased().split { !($0.isLetter || $0.isNumber || $0 == "'" || $0 == "’") }
            .map { $0.replacingOccurrences(of: "’", with: "'") }
    }

    static func hasCommitment(_ words: [String]) -> Bool {
        commitments.contains { run in index(of: run, in: words) != nil }
    }

    static func index(of run: [String], in words: [String]) -> Int? {
        guard run.count <= words.count else { return nil }
        for i in 0...(words.count - run.count) where Array(words[i..<(i + run.count)]) == run { return i }
        return nil
    }

    /// When the time the sentence names falls due: the first kind found, in the order below.
    static func due(in words: [String], now: Date, calendar: Calendar) -> Date? {
        func at(_ day: Date, hour: Int) -> Date {
            calendar.date(bySettingHour: hour, minute: 0, second: 0, of: day) ?? day
        }
        if let n = withinCount(words, units: hourUnits) { return now.addingTimeInterval(TimeInterval(n) * 3600) }
        if let n = withinCount(words, units: dayUnits) { return calendar.date(byAdding: .day, value: n, to: now) ?? now }
        if words.contains(where: tomorrow.contains) || tomorrowRuns.contains(where: { index(of: $0, in: words) != nil }) {
            return at(calendar.date(byAdding: .day, value: 1, to: now) ?? now, hour: FollowUpTime.defaultHour)
        }
        if words.contains(where: today.contains) || todayRuns.contains(where: { index(of: $0, in: words) != nil }) {
            let evening = at(now, hour: endOfDayHour)
            return evening > now ? evening : now.addingTimeInterval(3600)
        }
        if nextWeekRuns.contains(where: { index(of: $0, in: words) != nil }) { return nextWeekday(0, now: now, calendar: calendar) }
        for (day, names) in weekdays.enumerated() where words.contains(where: { w in names.contains { w.hasPrefix($0) } }) {
            return nextWeekday(day, now: now, calendar: calendar)
        }
        return nil
    }

    /// A count followed by one of `units` ("2 days", "två dagar", "kahden päivän"), in a
    /// sentence that says "within"/"inom"/"sisällä" somewhere.
    static func withinCount(_ words: [String], units: [String]) -> Int? {
        guard words.contains(where: withinWords.contains) else { return nil }
        for (i, w) in words.enumerated().dropLast() where units.contains(words[i + 1]) {
            if let n = Int(w) ?? numbers[w], n > 0, n < 100 { return n }
        }
        return nil
    }

    /// The next such weekday (0 = Monday) at the default hour, never today.
    static func nextWeekday(_ day: Int, now: Date, calendar: Calendar) -> Date {
        let target = (day + 1) % 7 + 1   // Calendar: 1 = Sunday
        let today = calendar.component(.weekday, from: now)
        var days = (target - today + 7) % 7
        if days == 0 { days = 7 }
        let date = calendar.date(byAdding: .day, value: days, to: now) ?? now
        return calendar.date(bySettingHour: FollowUpTime.defaultHour, minute: 0, second: 0, of: date) ?? date
    }
}
