/// How text becomes grid cells: the one place that decides which scalars take columns, which
/// ride along in a cell, and which are left out. `DisplayWidth` measures with the same rules,
/// so every layout agrees with what `Grid.write` draws.
///
/// The model is the terminal's own: ncurses (with the C library's `wcwidth`) and terminals such
/// as tmux advance the cursor per Unicode scalar, not per grapheme, and a `cchar_t` holds ONE
/// spacing character followed by non-spacing ones. So a cell holds exactly one spacing scalar
/// (width 1 or 2) plus at most `TextSanitiser.maxCombiningMarksPerCharacter` zero-width
/// combining marks after it, and a grapheme of several spacing scalars (a flag's two regional
/// indicators, 👍 + a skin tone, ह + the vowel sign ि) takes several cells side by side, exactly
/// the columns the terminal moves. Variation selectors, joiners (ZWJ/ZWNJ), other format
/// characters and controls are left out of cells: a terminal that widens an emoji for U+FE0F,
/// or merges emoji around a ZWJ, would otherwise no longer agree with ncurses on the columns.
enum CellText {
    /// What one scalar does in the cell model.
    enum Role: Equatable {
        /// Starts a cell of this many columns (1 or 2).
        case spacing(Int)
        /// A zero-width combining mark (Mn, Me): joins the cell before it in the same grapheme;
        /// with none there it is drawn on a dotted circle (U+25CC).
        case mark
        /// A zero-width Hangul vowel or final consonant jamo: joins the cell before it in the same
        /// grapheme (a conjoining syllable), and is left out when there is none.
        case conjoiningJamo
        /// Takes no column and is not drawn: controls, format characters (ZWJ, ZWNJ, bidi, tags,
        /// soft hyphen), variation selectors, line and paragraph separators.
        case omitted
    }

    /// The base a mark with nothing to sit on is drawn on, as the sanitiser does.
    static let dottedCircle: Unicode.Scalar = "\u{25CC}"

    static func role(of scalar: Unicode.Scalar) -> Role {
        let value = scalar.value
        // Fast path for ASCII and Latin-1, the bulk of the text.
        if value < 0x300 {
            if value < 0x20 || (0x7F...0x9F).contains(value) || value == 0xAD { return .omitted }
            return .spacing(1)
        }
        switch value {
        case 0xFE00...0xFE0F, 0xE0100...0xE01EF, 0x180B...0x180D, 0x180F:
            return .omitted  // variation selectors (general category Mn, but never drawn)
        case 0x1160...0x11FF, 0xD7B0...0xD7FF:
            return .conjoiningJamo
        default:
            break
        }
        if value >= 0x1100, WideCharacterTable.contains(value) { return .spacing(2) }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark:
            return .mark
        case .format, .control, .lineSeparator, .paragraphSeparator, .surrogate:
            return .omitted
        default:
            // Letters, digits, symbols, spacing marks (Mc), regional indicators, private use
            // and unassigned code points: one column, as wcwidth gives them.
            return .spacing(1)
        }
    }

    /// Calls `body` with each cell `c` becomes, left to right: the cell's text (one spacing
    /// scalar, then up to `TextSanitiser.maxCombiningMarksPerCharacter` marks) and its width
    /// (1 or 2). Stops early when `body` returns false. A grapheme of only omitted scalars
    /// (a control, a newline, a lone variation selector) gives no cell at all.
    static func forEachCell(in c: Character, _ body: (_ text: String, _ width: Int) -> Bool) {
        let scalars = c.unicodeScalars
        var iterator = scalars.makeIterator()
        guard let first = iterator.next() else { return }
        if iterator.next() == nil {
            // One scalar, the common case: no assembly needed.
            switch role(of: first) {
            case .spacing(let width):
                _ = body(String(c), width)
            case .mark:
                var text = String.UnicodeScalarView()
                text.append(dottedCircle)
                text.append(first)
                _ = body(String(text), 1)
            case .conjoiningJamo, .omitted:
                break
            }
            return
        }
        var text = String.UnicodeScalarView()
        var width = 0
        var marks = 0
        for scalar in scalars {
            switch role(of: scalar) {
            case .spacing(let scalarWidth):
                if width > 0 {
                    guard body(String(text), width) else { return }
                    text = String.UnicodeScalarView()
                }
                text.append(scalar)
                width = scalarWidth
                marks = 0
            case .mark:
                if width == 0 {
                    text.append(dottedCircle)
                    width = 1
                }
                if marks < TextSanitiser.maxCombiningMarksPerCharacter {
                    text.append(scalar)
                    marks += 1
                }
            case .conjoiningJamo:
                if width > 0 && marks < TextSanitiser.maxCombiningMarksPerCharacter {
                    text.append(scalar)
                    marks += 1
                }
            case .omitted:
                break
            }
        }
        if width > 0 { _ = body(String(text), width) }
    }

    /// The columns `c` takes as cells: the sum of its spacing scalars' widths, plus one for the
    /// dotted circle when it starts with a combining mark. Allocates nothing.
    static func width(of c: Character) -> Int {
        var total = 0
        var hasCell = false
        for scalar in c.unicodeScalars {
            switch role(of: scalar) {
            case .spacing(let width):
                total += width
                hasCell = true
            case .mark:
                if !hasCell {
                    total += 1
                    hasCell = true
                }
            case .conjoiningJamo, .omitted:
                break
            }
        }
        return total
    }

    /// The first cell of `c`, or nil when it has none (what `Grid`'s subscript stores).
    static func firstCell(of c: Character) -> (text: String, width: Int)? {
        var result: (text: String, width: Int)?
        forEachCell(in: c) { text, width in
            result = (text, width)
            return false
        }
        return result
    }
}
