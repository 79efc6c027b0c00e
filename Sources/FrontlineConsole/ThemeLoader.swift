import Foundation
import FrontlineTUI
import TOMLKit

/// Reads themes from TOML:
///
/// ```toml
/// name = "dark"
/// [normal]
/// fg = "white"        # a colour name, "default", or 0–255
/// bg = "default"
/// [selected]
/// fg = "black"
/// bg = 39
/// bold = true          # also: dim, underline, reverse, italic
/// ```
///
/// Lookup order for `--theme NAME`: `$XDG_CONFIG_HOME/frontline/themes/NAME.toml` (a user theme
/// overrides a bundled one of the same name), then the themes compiled into the binary, so they
/// work from any directory.
public enum ThemeLoader {
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    public static func load(name: String, userThemeDirectory: String?) throws -> Theme {
        if let dir = userThemeDirectory {
            let path = (dir as NSString).appendingPathComponent("\(name).toml")
            if FileManager.default.fileExists(atPath: path) {
                guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
                    throw Failure(description: "\(path): cannot read the theme file (is it UTF-8?)")
                }
                return try parse(text, source: path)
            }
        }
        if let text = BundledThemes.all[name] {
            return try parse(text, source: "bundled theme \(name)")
        }
        var known = Set(BundledThemes.all.keys)
        if let dir = userThemeDirectory, let files = try? FileManager.default.contentsOfDirectory(atPath: dir) {
            known.formUnion(files.filter { $0.hasSuffix(".toml") }.map { String($0.dropLast(5)) })
        }
        throw Failure(description: "no theme named \"\(name)\"; available: \(known.sorted().joined(separator: ", "))")
    }

    public static func parse(_ text: String, source: String) throws -> Theme {
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let e as TOMLParseError {
            throw Failure(description: "\(source):\(e.source.begin.line): \(e.description)")
        }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        func lineOf(_ section: String, _ key: String?) -> Int {
            var inSection = false
            for (i, raw) in lines.enumerated() {
                let l = raw.trimmingCharacters(in: .whitespaces)
                if l.hasPrefix("[") { inSection = l == "[\(section)]" || l.hasPrefix("[\(section)]") ; if inSection && key == nil { return i + 1 }; continue }
                if inSection, let key, l.hasPrefix(key), l.dropFirst(key.count).trimmingCharacters(in: .whitespaces).hasPrefix("=") { return i + 1 }
            }
            return 1
        }
        func fail(_ section: String, _ key: String?, _ what: String) -> Failure {
            Failure(description: "\(source):\(lineOf(section, key)): \(what)")
        }
        let name = table["name"]?.string ?? "unnamed"
        var styles: [ThemeRole: TextStyle] = [:]
        for key in table.keys where key != "name" {
            guard let role = ThemeRole(rawValue: key) else {
                throw fail(key, nil, "unknown section [\(key)]; known: \(ThemeRole.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            guard let section = table[key]?.table else { throw fail(key, nil, "[\(key)] must be a table") }
            var style = TextStyle()
            for field in section.keys {
                let value = section[field]!
                switch field {
                case "fg", "bg":
                    let colour: TerminalColor
                    if let n = value.int {
                        guard (0...255).contains(n) else { throw fail(key, field, "\(field) = \(n) is not a colour number (0–255)") }
                        colour = .indexed(UInt8(n))
                    } else if let s = value.string, let c = colourNames[s.lowercased()] {
                        colour = c
                    } else {
                        throw fail(key, field, "\(field) must be a colour name (\(colourNames.keys.sorted().joined(separator: ", "))) or 0–255")
                    }
                    if field == "fg" { style.foreground = colour } else { style.background = colour }
                case "bold", "dim", "underline", "reverse", "italic":
                    guard let on = value.bool else { throw fail(key, field, "\(field) must be true or false") }
                    let attr: TextAttributes = ["bold": .bold, "dim": .dim, "underline": .underline, "reverse": .reverse, "italic": .italic][field]!
                    if on { style.attributes.insert(attr) }
                default:
                    throw fail(key, field, "unknown key \"\(field)\" in [\(key)]; use fg, bg, bold, dim, underline, reverse, italic")
                }
            }
            styles[role] = style
        }
        return Theme(name: name, styles: styles)
    }

    static let colourNames: [String: TerminalColor] = [
        "default": .default,
        "black": .indexed(0), "red": .indexed(1), "green": .indexed(2), "yellow": .indexed(3),
        "blue": .indexed(4), "magenta": .indexed(5), "cyan": .indexed(6), "white": .indexed(7),
        "gray": .indexed(8), "grey": .indexed(8), "bright_red": .indexed(9), "bright_green": .indexed(10),
        "bright_yellow": .indexed(11), "bright_blue": .indexed(12), "bright_magenta": .indexed(13),
        "bright_cyan": .indexed(14), "bright_white": .indexed(15),
    ]
}
