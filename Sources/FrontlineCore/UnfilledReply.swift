import Foundation

/// A reply that still shows the seams of a template: a `{placeholder}` nobody filled, or a
/// greeting whose name came out empty ("Hi ,", "Hej !"). Such a reply is stopped before it goes,
/// by the store (every path: console, `frontline reply`, scripts) and by the console before it
/// asks anything else.
public enum UnfilledReply {
    static let greetings: Set<String> = ["hi", "hello", "dear", "hey", "hej", "hallå", "hei", "moi", "terve", "hyvä"]

    /// What is wrong and where (a line number from 1), or nil: in English, as the journal reads it.
    public static func problem(in body: String) -> String? {
        found(in: body).map { $0.phrase(.en, $0.values) }
    }

    /// The store's refusal of such a reply, worded in every language: "not sent: line 3 still has
    /// {first_name} unfilled". Nil when the reply may go.
    public static func refusal(in body: String) -> CommandError? {
        guard let (phrase, values) = found(in: body) else { return nil }
        var worded: [UILanguage: String] = [:]
        for l in UILanguage.allCases { worded[l] = RefusalWords.shared.notSent(l, ["problem": phrase(l, values)]) }
        return CommandError(worded: worded, english: worded[.en]!)
    }

    /// The problem as a phrase and its values; the template's own `{name}` is filled in last, so
    /// nothing in it is taken for one of the phrase's.
    private static func found(in body: String) -> (phrase: Phrase, values: KeyValuePairs<String, String>)? {
        let placeholders = ReplyTemplate.placeholderUses(in: body, skippingQuoted: true)
        for (n, line) in body.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if line.hasPrefix(">") { continue }   // the customer's words, quoted
            if let unfilled = placeholders.first(where: { $0.line == n + 1 }) {
                return (RefusalWords.shared.placeholderUnfilled, ["line": "\(n + 1)", "placeholder": unfilled.placeholder])
            }
            let words = line.split(separator: " ", omittingEmptySubsequences: true)
            if let first = words.first, greetings.contains(first.lowercased()), words.count >= 2,
               let mark = words[1].first, [",", "!", "."].contains(mark), words[1].count == 1 {
                return (RefusalWords.shared.greetsNobody, ["line": "\(n + 1)", "greeting": "\(first) \(words[1])"])
            }
        }
        return nil
    }
}
