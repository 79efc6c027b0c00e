import Foundation

/// A customer's answer to "how did we do", read from their mail: a number 1–5 or a word
/// (good/bad, bra/dåligt, hyvä/huono, …) at the start of what they wrote above the quote, the
/// rest as their comment. Nil when the mail does not start with a rating (then it is ordinary
/// mail on the case).
public struct FeedbackAnswer: Sendable, Equatable {
    public var score: Int
    public var comment: String?

    /// Words a customer answers with, longest first so "mycket bra" wins over "bra".
    static let words: [(String, Int)] = [
        ("very good", 5), ("excellent", 5), ("great", 5), ("good", 5), ("ok", 3), ("okay", 3), ("poor", 2), ("terrible", 1), ("bad", 1),
        ("mycket bra", 5), ("jättebra", 5), ("utmärkt", 5), ("bra", 5), ("okej", 3), ("dåligt", 1), ("dålig", 1), ("mycket dåligt", 1),
        ("erittäin hyvä", 5), ("erinomainen", 5), ("hyvä", 5), ("ihan ok", 3), ("huono", 1), ("tosi huono", 1),
    ].sorted { $0.0.count > $1.0.count }

    /// Where quoted history starts: "On … wrote:", "Den … skrev:", "… kirjoitti:", Outlook's block.
    static func startsQuote(_ line: String) -> Bool {
        let l = line.trimmingCharacters(in: .whitespaces).lowercased()
        let header = l.hasSuffix(":") && (l.contains(" wrote") || l.contains(" skrev") || l.contains(" kirjoitti"))
        return l.hasPrefix(">") || header
            || l.hasPrefix("-----original message") || l.hasPrefix("från:") || l.hasPrefix("from:") || l.hasPrefix("lähettäjä:") || l == "--"
    }

    public static func read(_ body: String) -> FeedbackAnswer? {
        var lines: [String] = []
        for raw in body.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if startsQuote(raw) { break }
            lines.append(raw.trimmingCharacters(in: .whitespaces))
        }
        guard let first = lines.firstIndex(where: { !$0.isEmpty }) else { return nil }
        let line = lines[first]
        var score: Int?
        var rest = Substring(line)
        if let digit = line.first, let n = Int(String(digit)), (1...5).contains(n), line.dropFirst().first.map({ !$0.isNumber }) ?? true {
            score = n
            rest = line.dropFirst()
            for suffix in ["/5", " / 5", " av 5", " of 5", "/ 5"] where rest.hasPrefix(suffix) { rest = rest.dropFirst(suffix.count) }
        } else {
            let lower = line.lowercased()
            for (word, n) in words where lower.hasPrefix(word) {
                let after = lower.dropFirst(word.count).first
                guard after.map({ !$0.isLetter }) ?? true else { continue }
                score = n
                rest = line.dropFirst(word.count)
                break
            }
        }
        guard let score else { return nil }
        // What follows the score, without the punctuation that joined them ("4 – quick", "Bra! Tack").
        let tail = String(rest.drop { " .,!:;–-".contains($0) })
        let said = ([tail] + lines[(first + 1)...])
            .joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
        return FeedbackAnswer(score: score, comment: said.isEmpty ? nil : said)
    }
}
