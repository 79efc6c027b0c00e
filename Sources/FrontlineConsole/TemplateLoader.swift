import Foundation
import FrontlineCore

/// Reads the team's templates from `$XDG_CONFIG_HOME/frontline/templates/`: one file per
/// template and language, `NAME.LANG.txt` (`refund-sent.sv.txt`), plain UTF-8 text. A file that
/// cannot be used is an error naming the file (and the line, for a placeholder nobody fills):
/// a template with a typo would otherwise reach a customer as "Hej {frist_name}".
public enum TemplateLoader {
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    /// Nil directory, or one that does not exist: no templates of the team's own.
    public static func load(directory: String?) throws -> [ReplyTemplate] {
        let files: [NamedLanguageFiles.File]
        do { files = try NamedLanguageFiles.read(directory: directory, extension: "txt", what: "template") } catch { throw Failure(description: error.description) }
        return try files.map { f in
            let body = f.text.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !body.isEmpty else { throw Failure(description: "\(f.path): the template is empty") }
            if let bad = ReplyTemplate.unknownPlaceholders(in: body).first {
                let known = ReplyTemplate.placeholders.map { "{\($0.name)}" }.joined(separator: " ")
                throw Failure(description: "\(f.path):\(bad.line): unknown placeholder \(bad.placeholder); known: \(known)")
            }
            return ReplyTemplate(name: f.name, language: f.language, text: body, source: f.path)
        }
    }

    /// The bundled templates with the team's laid over them.
    public static func library(directory: String?) throws -> TemplateLibrary {
        TemplateLibrary.bundled.overridden(by: try load(directory: directory))
    }
}
