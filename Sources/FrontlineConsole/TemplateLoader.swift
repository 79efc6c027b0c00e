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
        guard let directory, let entries = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return [] }
        var out: [ReplyTemplate] = []
        for entry in entries.sorted() where !entry.hasPrefix(".") {
            let path = (directory as NSString).appendingPathComponent(entry)
            let parts = entry.split(separator: ".", omittingEmptySubsequences: false)
            guard parts.count == 3, parts[2] == "txt", let language = Language(rawValue: String(parts[1])),
                  !parts[0].isEmpty, parts[0].allSatisfy({ $0.isLowercase || $0.isNumber || $0 == "-" }) else {
                throw Failure(description: "\(path): a template's file is named NAME.LANG.txt, NAME in lower-case letters, digits and dashes, LANG one of en, sv, fi")
            }
            guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
                throw Failure(description: "\(path): cannot read the template (is it UTF-8?)")
            }
            let body = text.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !body.isEmpty else { throw Failure(description: "\(path): the template is empty") }
            if let bad = ReplyTemplate.unknownPlaceholders(in: body).first {
                let known = ReplyTemplate.placeholders.map { "{\($0.name)}" }.joined(separator: " ")
                throw Failure(description: "\(path):\(bad.line): unknown placeholder \(bad.placeholder); known: \(known)")
            }
            out.append(ReplyTemplate(name: String(parts[0]), language: language, text: body, source: path))
        }
        return out
    }

    /// The bundled templates with the team's laid over them.
    public static func library(directory: String?) throws -> TemplateLibrary {
        TemplateLibrary.bundled.overridden(by: try load(directory: directory))
    }
}
