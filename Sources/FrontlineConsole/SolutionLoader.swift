import Foundation
import FrontlineCore

/// Reads the team's solution articles from `$XDG_CONFIG_HOME/frontline/solutions/`:
/// `NAME.LANG.md` (`parcel-missing.sv.md`), a `# Title`, an optional `tags: a, b` line, the text.
/// A broken one is an error naming the file and line.
public enum SolutionLoader {
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    public static func load(directory: String?) throws -> [SolutionArticle] {
        do {
            return try NamedLanguageFiles.read(directory: directory, extension: "md", what: "solution article").map { f in
                try SolutionArticle.parse(f.text, name: f.name, language: f.language, source: f.path)
            }
        } catch let e as NamedLanguageFiles.Failure {
            throw Failure(description: e.description)
        } catch let e as SolutionArticle.Malformed {
            throw Failure(description: e.description)
        }
    }

    public static func library(directory: String?) throws -> SolutionLibrary {
        SolutionLibrary.bundled.overridden(by: try load(directory: directory))
    }
}
