/// One terminal column of a `Grid`.
///
/// `text` is what the terminal draws in one `cchar_t`: exactly one spacing Unicode scalar of
/// display width 1 or 2, followed by at most `TextSanitiser.maxCombiningMarksPerCharacter`
/// zero-width combining marks (so at most 1 + 2 scalars; never a variation selector, joiner or
/// other format character). A grapheme made of several spacing scalars (a flag, an emoji with a
/// skin tone, a Devanagari syllable with a spacing vowel sign) takes several cells, one per
/// spacing scalar, just as a terminal that moves by `wcwidth` draws it; `Grid.row` joins them back.
/// A wide (width 2) cell occupies its own column plus the one to its right, which holds `""`
/// (a continuation), so that every column of a row is accounted for and diffs can reason about
/// both halves.
public struct Cell: Hashable, Sendable {
    public var text: String
    public var style: TextStyle

    public init(text: String, style: TextStyle) {
        self.text = text
        self.style = style
    }

    /// A plain space.
    public static let blank = Cell(text: " ", style: .plain)

    /// True for the right half of a wide character.
    public var isContinuation: Bool { text.isEmpty }
}
