import Foundation

/// The language the console, the wallboard, the reports and the command line speak to the
/// people who work the desk (not the customer's language: that is each case's own).
public enum UILanguage: String, Sendable, CaseIterable, Codable {
    case en, sv, fi

    /// `language` from config.toml when given; otherwise the locale as POSIX orders it
    /// (LC_ALL, then LC_MESSAGES, then LANG: "sv_SE.UTF-8" is Swedish); English otherwise.
    public static func chosen(config: UILanguage?, environment: [String: String]) -> UILanguage {
        if let config { return config }
        for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            guard let value = environment[name], !value.isEmpty else { continue }
            // The first one set decides, even when it is C or a language we do not speak.
            return UILanguage(locale: value) ?? .en
        }
        return .en
    }

    /// The language of the console or command that is running now: what its status messages,
    /// prompts and refusals are said in. Each console speaks one language, set around its work
    /// (`ConsoleApp`), so the pure steps that word a message need not carry it; elsewhere English.
    @TaskLocal public static var current: UILanguage = .en

    /// "sv", "sv_SE.UTF-8", "fi_FI@euro", "en_GB"; nil for C, POSIX and the rest.
    public init?(locale: String) {
        let code = locale.prefix { $0.isLetter }.lowercased()
        guard let l = UILanguage(rawValue: code) else { return nil }
        self = l
    }
}

/// One thing said to the people at the desk, in each language. Every phrase has all three, so a
/// missing translation does not compile; `{name}` marks a value filled in when it is said (the
/// same names in every language: `WordsTests` holds them to it).
public struct Phrase: Sendable, Equatable {
    public let en: String
    public let sv: String
    public let fi: String

    public init(en: String, sv: String, fi: String) {
        self.en = en
        self.sv = sv
        self.fi = fi
    }

    public func callAsFunction(_ language: UILanguage) -> String {
        switch language {
        case .en: en
        case .sv: sv
        case .fi: fi
        }
    }

    /// Said with its values: `Phrase("{n} waiting")(.en, ["n": "3"])` is "3 waiting".
    /// One pass over the text: a value that itself holds "{name}" (a customer's words) is not filled again.
    public func callAsFunction(_ language: UILanguage, _ values: KeyValuePairs<String, String>) -> String {
        fill(self(language)) { name in values.first { $0.key == name }?.value }
    }

    public func callAsFunction(_ language: UILanguage, _ values: [String: String]) -> String {
        fill(self(language)) { values[$0] }
    }

    private func fill(_ text: String, _ value: (String) -> String?) -> String {
        var out = ""
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            out += rest[..<open]
            if let filled = value(String(rest[rest.index(after: open)..<close])) {
                out += filled
                rest = rest[rest.index(after: close)...]
            } else {
                out += "{"
                rest = rest[rest.index(after: open)...]
            }
        }
        return out + rest
    }

    /// The `{name}`s in one language's text, in order.
    public func placeholders(_ language: UILanguage) -> [String] {
        var out: [String] = []
        var rest = Substring(self(language))
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            out.append(String(rest[rest.index(after: open)..<close]))
            rest = rest[rest.index(after: close)...]
        }
        return out.sorted()
    }
}
