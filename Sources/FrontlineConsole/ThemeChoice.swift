/// Which theme to use: `--theme` wins; otherwise `NO_COLOR` (any non-empty value, per
/// no-color.org) means monochrome; otherwise the config's theme, else dark.
public enum ThemeChoice {
    public static func name(explicit: String?, environment: [String: String], config: FrontlineConfig) -> String {
        if let explicit { return explicit }
        if !(environment["NO_COLOR"] ?? "").isEmpty { return "monochrome" }
        return config.theme ?? "dark"
    }

    /// Colour is drawn unless NO_COLOR asked for none and no theme was named explicitly.
    public static func usesColour(explicit: String?, environment: [String: String]) -> Bool {
        explicit != nil || (environment["NO_COLOR"] ?? "").isEmpty
    }
}
