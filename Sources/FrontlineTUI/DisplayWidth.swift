/// How many terminal columns text takes. The one width table of Frontline: every layout
/// (grid, wrap, truncation, editor) measures with it, so they agree with each other and with
/// what `Grid.write` draws.
///
/// Widths are per Unicode scalar and agree with the C library's `wcwidth`, which is what ncurses
/// and terminals such as tmux use to move the cursor, from Frontline's own table (never the
/// locale's `wcwidth`, which differs between machines): 0 for controls, format characters (ZWJ,
/// ZWNJ, bidi controls, tags), variation selectors and combining marks (Mn, Me); 2 for East Asian
/// Wide and Fullwidth characters, which include the emoji with emoji presentation (😀, 👍, the
/// skin tones 🏻…🏿); 1 for everything else, including spacing marks (Mc, such as the Devanagari
/// vowel sign ि), regional indicators (a flag 🇸🇪 is two of them, so 2 columns) and symbols that
/// default to text presentation (❤, ☺; a U+FE0F after them changes nothing).
public enum DisplayWidth {
    /// The sum of the widths of its scalars (see `width(of:)`), as `Grid.write` lays it out:
    /// "👍🏽" is 4, "🇸🇪" 2, "❤\u{FE0F}" 1, "हि" 2, "e\u{301}" 1, "漢" 2. The one exception is a
    /// character that starts with a combining mark: it is drawn on a dotted circle (◌), so it
    /// takes one column more than its scalars.
    public static func of(_ c: Character) -> Int {
        let utf8 = c.utf8
        if utf8.count == 1, let byte = utf8.first {
            return byte >= 0x20 && byte < 0x7F ? 1 : 0
        }
        return CellText.width(of: c)
    }

    public static func of(_ s: String) -> Int {
        var total = 0
        for c in s {
            total += of(c)
        }
        return total
    }

    /// The width of one scalar on its own: 0, 1 or 2, as `wcwidth` (0 rather than -1 for controls).
    static func width(of scalar: Unicode.Scalar) -> Int {
        if case .spacing(let width) = CellText.role(of: scalar) { return width }
        return 0
    }

    /// `s` cut to at most `w` columns; `ellipsis` marks a cut (and only a cut). `w <= 0` gives "".
    /// The cut falls between graphemes: one that does not fit whole (a wide character, a flag,
    /// an emoji with a skin tone) is left out rather than split.
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
