/// One terminal column of a `Grid`.
///
/// `text` is exactly one grapheme cluster of display width 1 or 2. A wide (width 2) character
/// occupies its own cell plus the cell to its right, which holds `""` (a continuation), so that
/// every column of a row is accounted for and diffs can reason about both halves.
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
