import Foundation

/// A reply that still shows the seams of a template: a `{placeholder}` nobody filled, or a
/// greeting whose name came out empty ("Hi ,", "Hej !"). Such a reply is stopped before it goes,
/// by the store (every path: console, `frontline reply`, scripts) and by the console before it
/// asks anything else.
public enum UnfilledReply {
    static let greetings: Set<String> = ["hi", "hello", "dear", "hey", "hej", "hallå", "hei", "moi", "terve", "hyvä"]

    /// What is wrong and where (a line number from 1), or nil.
    public static func problem(in body: String) -> String? {
        let placeholders = ReplyTemplate.placeholderUses(in: body, skippingQuoted: true)
        for (n, line) in body.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if line.hasPrefix(">") { continue }   // the customer's words, quoted
            if let unfilled = placeholders.first(where: { $0.line == n + 1 }) {
                return "line \(n + 1) still has \(unfilled.placeholder) unfilled"
            }
            let words = line.split(separator: " ", omittingEmptySubsequences: true)
            if let first = words.first, greetings.contains(first.lowercased()), words.count >= 2,
               let mark = words[1].first, [",", "!", "."].contains(mark), words[1].count == 1 {
                return "line \(n + 1) greets nobody (\"\(first) \(words[1])\"): the name is missing"
            }
        }
        return nil
    }
}
