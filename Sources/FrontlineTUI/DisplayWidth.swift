/// How many terminal columns text takes. The one width table of Frontline: every layout
/// (grid, wrap, truncation, editor) measures with it, so they agree with each other.
public enum DisplayWidth {
    /// 0 for controls, format and zero-width characters and lone combining marks; 2 for East
    /// Asian Wide/Fullwidth characters, emoji presentation and flags; otherwise 1.
    /// A grapheme measures as its first scalar (combining marks add nothing), except that an
    /// emoji presentation sequence (one carrying U+FE0F) takes 2.
    public static func of(_ c: Character) -> Int {
        let scalars = c.unicodeScalars
        guard let first = scalars.first else { return 0 }
        let base = width(of: first)
        if base == 1, scalars.count > 1, scalars.contains(where: { $0.value == 0xFE0F }) {
            return 2
        }
        return base
    }

    public static func of(_ s: String) -> Int {
        var total = 0
        for c in s {
            total += of(c)
        }
        return total
    }

    /// The width of one scalar on its own.
    static func width(of scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        // Fast path for ASCII and Latin-1, the bulk of the text.
        if value < 0x300 {
            if value < 0x20 || (0x7F...0x9F).contains(value) || value == 0xAD { return 0 }
            return 1
        }
        // Hangul jungseong/jongseong only ever extend a leading syllable.
        if (0x1160...0x11FF).contains(value) || (0xD7B0...0xD7FF).contains(value) { return 0 }
        if value >= 0x1100, WideCharacterTable.contains(value) { return 2 }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format, .control, .lineSeparator, .paragraphSeparator:
            return 0
        default:
            return 1
        }
    }

    /// `s` cut to at most `w` columns; `ellipsis` marks a cut (and only a cut). `w <= 0` gives "".
    /// A wide character that does not fit whole is left out rather than split.
    public static func truncate(_ s: String, toWidth w: Int, ellipsis: String = "…") -> String {
        guard w > 0 else { return "" }
        guard of(s) > w else { return s }
        let ellipsisWidth = of(ellipsis)
        let keepsEllipsis = ellipsisWidth <= w
        let budget = keepsEllipsis ? w - ellipsisWidth : w
        var result = ""
        var used = 0
        for c in s {
            let cw = of(c)
            if used + cw > budget { break }
            result.append(c)
            used += cw
        }
        if keepsEllipsis { result += ellipsis }
        return result
    }

    /// Exactly `w` columns: truncated with an ellipsis when too wide, padded with spaces when short.
    public static func pad(_ s: String, toWidth w: Int) -> String {
        guard w > 0 else { return "" }
        let cut = truncate(s, toWidth: w)
        let missing = w - of(cut)
        return missing > 0 ? cut + String(repeating: " ", count: missing) : cut
    }
}
