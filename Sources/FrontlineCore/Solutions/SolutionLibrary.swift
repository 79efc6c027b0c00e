import Foundation

/// Every solution article: bundled examples with the team's own laid over them, and the ones
/// that best fit a case, by the search's word rules (lower-cased and folded, so "laddaren" finds
/// an article about "laddare" and "asa" finds "Åsa").
public struct SolutionLibrary: Sendable, Equatable {
    public private(set) var articles: [SolutionArticle]
    /// Each article's words and tag words, worked out once: the reply pane asks at every frame.
    private let words: [[String]: (all: Set<String>, tags: Set<String>)]

    public init(_ articles: [SolutionArticle]) {
        self.articles = articles
        var words: [[String]: (all: Set<String>, tags: Set<String>)] = [:]
        for a in articles {
            words[[a.name, a.language.rawValue]] = (Self.stems(a.title + " " + a.tags.joined(separator: " ") + " " + a.body),
                                                    Set(a.tags.flatMap { Self.stems($0) }))
        }
        self.words = words
    }

    public static func == (a: SolutionLibrary, b: SolutionLibrary) -> Bool { a.articles == b.articles }

    /// The team's articles replace bundled ones of the same name and language, and add the rest.
    public func overridden(by own: [SolutionArticle]) -> SolutionLibrary {
        let replaced = Set(own.map { "\($0.name).\($0.language.rawValue)" })
        return SolutionLibrary(articles.filter { !replaced.contains("\($0.name).\($0.language.rawValue)") } + own)
    }

    public func named(_ name: String, language: Language) -> SolutionArticle? {
        articles.first { $0.name == name && $0.language == language } ?? articles.first { $0.name == name && $0.language == .en }
    }

    /// Folded words of four letters or more, cut to their first six (a crude stem that joins
    /// "laddaren"/"laddare", "refunded"/"refund", "paketti"/"paketin").
    static func stems(_ text: String) -> Set<String> {
        var out = Set<String>()
        for term in SearchTerm.parse(text) {
            let word = SearchText.foldForm(term.text)
            guard word.count >= 4, !word.allSatisfy({ $0.isNumber }) else { continue }
            out.insert(String(word.prefix(6)))
        }
        return out
    }

    /// The articles that fit case `c` best, in the customer's language (English where a team
    /// wrote only that), best first: a tag the case has counts three, a word of the subject two,
    /// a word of the customer's latest message one. Only articles that share something.
    public func suggestions(for c: SupportCase, language: Language, limit: Int = 3) -> [SolutionArticle] {
        let subject = Self.stems(c.subject)
        let latest = c.messages.last { $0.direction == .inbound }.map { Self.stems(String($0.body.prefix(2000))) } ?? []
        let caseTags = Set(c.tags)
        var scored: [(Int, SolutionArticle)] = []
        for name in Set(articles.map(\.name)).sorted() {
            guard let a = named(name, language: language) else { continue }
            guard let (words, tagStems) = self.words[[a.name, a.language.rawValue]] else { continue }
            let score = 3 * caseTags.intersection(a.tags).count + 2 * subject.intersection(words).count
                + latest.intersection(words).count + 2 * tagStems.intersection(subject.union(latest)).count
            if score > 0 { scored.append((score, a)) }
        }
        return scored.sorted { ($0.0, $1.1.name) > ($1.0, $0.1.name) }.prefix(limit).map(\.1)
    }

    public static let bundled = SolutionLibrary(BundledSolutions.all)
}
