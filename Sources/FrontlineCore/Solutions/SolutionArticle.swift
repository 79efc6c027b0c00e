import Foundation

/// A short answer to a common problem, kept where the agent works: Markdown, one language,
/// with tags. `NAME.LANG.md`; the first `# ` line is its title, a `tags:` line under it its tags,
/// the rest the text that goes into the reply.
public struct SolutionArticle: Sendable, Equatable {
    public var name: String
    public var language: Language
    public var title: String
    public var tags: [String]
    public var body: String
    /// "bundled" or the file's path, for errors.
    public var source: String

    public init(name: String, language: Language, title: String, tags: [String], body: String, source: String = "bundled") {
        self.name = name
        self.language = language
        self.title = title
        self.tags = tags
        self.body = body
        self.source = source
    }

    public struct Malformed: Error, CustomStringConvertible, Equatable {
        public let description: String
    }

    /// Reads an article's text; a broken one is an error naming `source` and the line.
    public static func parse(_ text: String, name: String, language: Language, source: String) throws(Malformed) -> SolutionArticle {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { String($0).trimmingCharacters(in: CharacterSet(charactersIn: "\r")) }
        guard let first = lines.firstIndex(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty }) else {
            throw Malformed(description: "\(source): the article is empty")
        }
        guard lines[first].hasPrefix("# "), !lines[first].dropFirst(2).trimmingCharacters(in: .whitespaces).isEmpty else {
            throw Malformed(description: "\(source):\(first + 1): an article starts with its title, like \"# The parcel has not arrived\"")
        }
        let title = lines[first].dropFirst(2).trimmingCharacters(in: .whitespaces)
        var rest = first + 1
        var tags: [String] = []
        if rest < lines.count, lines[rest].lowercased().hasPrefix("tags:") {
            tags = lines[rest].dropFirst(5).split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }.filter { !$0.isEmpty }
            if let bad = tags.first(where: { $0.contains(" ") }) {
                throw Malformed(description: "\(source):\(rest + 1): a tag is one word (\"\(bad)\"); separate tags with commas")
            }
            rest += 1
        }
        let body = lines[rest...].joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
        guard !body.isEmpty else { throw Malformed(description: "\(source): \"\(title)\" has no text under its title") }
        if let unknown = ReplyTemplate.unknownPlaceholders(in: body).first {
            throw Malformed(description: "\(source):\(rest + unknown.line): unknown placeholder \(unknown.placeholder)")
        }
        return SolutionArticle(name: name, language: language, title: title, tags: tags, body: body, source: source)
    }
}

/// A solution article put into a reply on a case.
public struct SolutionUse: Codable, Sendable, Equatable {
    public var name: String
    public var by: String
    public var at: Date

    public init(name: String, by: String, at: Date) {
        self.name = name
        self.by = by
        self.at = at
    }
}
