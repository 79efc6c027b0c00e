import Foundation
import FrontlineCore

/// The team's own files in a config folder, one per name and language (`NAME.LANG.EXT`, plain
/// UTF-8): what templates and solution articles are read from. A file that cannot be used is an
/// error naming it; a folder that does not exist is none.
enum NamedLanguageFiles {
    struct File {
        let name: String
        let language: Language
        let text: String
        let path: String
    }

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    static func read(directory: String?, extension ext: String, what: String) throws(Failure) -> [File] {
        guard let directory, let entries = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return [] }
        var out: [File] = []
        for entry in entries.sorted() where !entry.hasPrefix(".") {
            let path = (directory as NSString).appendingPathComponent(entry)
            let parts = entry.split(separator: ".", omittingEmptySubsequences: false)
            guard parts.count == 3, parts[2] == ext, let language = Language(rawValue: String(parts[1])),
                  !parts[0].isEmpty, parts[0].allSatisfy({ $0.isLowercase || $0.isNumber || $0 == "-" }) else {
                throw Failure(description: "\(path): a\(what.first.map { "aeiou".contains($0) } == true ? "n" : "") \(what)'s file is named NAME.LANG.\(ext), NAME in lower-case letters, digits and dashes, LANG one of en, sv, fi")
            }
            guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
                throw Failure(description: "\(path): cannot read the \(what) (is it UTF-8?)")
            }
            out.append(File(name: String(parts[0]), language: language, text: text, path: path))
        }
        return out
    }
}
