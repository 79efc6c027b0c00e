/// A screen of cells. Every screen of the app renders into one; tests compare its text.
///
/// Invariant kept by every mutation: a continuation cell (`""`) always sits right after the
/// wide character it belongs to, and a wide character never starts in the last column.
/// The diff and the terminal backend rely on it.
public struct Grid: Equatable, Sendable {
    public let width: Int
    public let height: Int
    private var cells: [Cell]

    /// Larger sides are clamped: no real terminal is this big, and the cell array must stay allocatable.
    public static let maximumSide = 4096

    public init(width: Int, height: Int, style: TextStyle = .plain) {
        self.width = width.clamped(to: 0...Grid.maximumSide)
        self.height = height.clamped(to: 0...Grid.maximumSide)
        cells = Array(repeating: Cell(text: " ", style: style), count: self.width * self.height)
    }

    /// Every cell of the grid.
    var bounds: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    /// Out of range: get returns `.blank`, set is ignored. Setting keeps the grid's invariant:
    /// the text is cut to its first cell (see `Cell`), a continuation or zero-width text becomes
    /// a space, and so does a wide character that would start in the last column; a wide
    /// character also claims the cell to its right.
    public subscript(x: Int, y: Int) -> Cell {
        get {
            guard contains(x, y) else { return .blank }
            return cells[y * width + x]
        }
        set {
            guard contains(x, y) else { return }
            guard let first = newValue.text.first, let (text, cellWidth) = CellText.firstCell(of: first),
                cellWidth == 1 || x + 1 < width
            else {
                place(" ", width: 1, style: newValue.style, x: x, y: y)
                return
            }
            place(text, width: cellWidth, style: newValue.style, x: x, y: y)
        }
    }

    /// Writes ONE line of text starting at (x, y) and returns the number of columns used.
    /// Stops at x+maxWidth (if given) and at the grid edge. Each grapheme takes one cell per
    /// spacing scalar, `DisplayWidth.of` columns in all (a flag is two cells, 🇸 and 🇪; "👍🏽" is
    /// 👍 and 🏽; "हि" is ह and ि), with its combining marks in the cell of the scalar before them;
    /// variation selectors and joiners are left out (see `CellText`). Text is expected to be
    /// sanitised already, but the grid defends itself: controls (newline, tab, …) and zero-width
    /// or format characters are skipped, as they measure 0 columns, so the layout never shifts.
    /// A wide cell that would straddle the limit is replaced by a single space; a grapheme of
    /// several cells may be cut between them at the limit. Overwriting either half of an
    /// existing wide character blanks its other half.
    @discardableResult
    public mutating func write(_ text: String, x: Int, y: Int, style: TextStyle, maxWidth: Int? = nil) -> Int {
        guard y >= 0, y < height else { return 0 }
        var limit = width
        if let maxWidth {
            limit = Swift.min(width, x.saturatingAdd(Swift.max(0, maxWidth)))
        }
        var column = x
        var full = false
        for character in text {
            if column >= limit { break }
            CellText.forEachCell(in: character) { cellText, cellWidth in
                if column >= limit {
                    full = true
                    return false
                }
                if column + cellWidth > limit {
                    if column >= 0 { place(" ", width: 1, style: style, x: column, y: y) }
                    column += 1
                    full = true
                    return false
                }
                if column >= 0 {
                    place(cellText, width: cellWidth, style: style, x: column, y: y)
                } else if column + cellWidth > 0 {
                    // Only the right half is on screen: show a space rather than half a glyph.
                    place(" ", width: 1, style: style, x: 0, y: y)
                }
                column += cellWidth
                return true
            }
            if full { break }
        }
        return column > x ? column - x : 0
    }

    /// Fills `rect` (clipped to the grid) with spaces in `style`.
    public mutating func fill(_ rect: Rect, style: TextStyle) {
        let area = rect.intersection(bounds)
        for y in area.y..<area.maxY {
            for x in area.x..<area.maxX {
                place(" ", width: 1, style: style, x: x, y: y)
            }
        }
    }

    /// Restyles the cells in `rect`, keeping their text (for selection bars).
    public mutating func setStyle(_ rect: Rect, style: TextStyle) {
        let area = rect.intersection(bounds)
        for y in area.y..<area.maxY {
            for x in area.x..<area.maxX {
                cells[y * width + x].style = style
            }
        }
    }

    /// A frame of Unicode box lines (┌─┐ │ └─┘) on the border of `rect`; rects smaller than 2x2 draw nothing.
    public mutating func drawBox(_ rect: Rect, style: TextStyle) {
        guard rect.width >= 2, rect.height >= 2 else { return }
        let right = rect.maxX - 1
        let bottom = rect.maxY - 1
        let insideX = rect.x.saturatingAdd(1)
        let insideY = rect.y.saturatingAdd(1)
        drawHorizontalLine(x: insideX, y: rect.y, width: rect.width - 2, style: style)
        drawHorizontalLine(x: insideX, y: bottom, width: rect.width - 2, style: style)
        drawVerticalLine(x: rect.x, y: insideY, height: rect.height - 2, style: style)
        drawVerticalLine(x: right, y: insideY, height: rect.height - 2, style: style)
        putSymbol("┌", x: rect.x, y: rect.y, style: style)
        putSymbol("┐", x: right, y: rect.y, style: style)
        putSymbol("└", x: rect.x, y: bottom, style: style)
        putSymbol("┘", x: right, y: bottom, style: style)
    }

    /// ─ from (x, y) rightwards, clipped to the grid.
    public mutating func drawHorizontalLine(x: Int, y: Int, width: Int, style: TextStyle) {
        let area = Rect(x: x, y: y, width: width, height: 1).intersection(bounds)
        for column in area.x..<area.maxX {
            place("─", width: 1, style: style, x: column, y: y)
        }
    }

    /// │ from (x, y) downwards, clipped to the grid.
    public mutating func drawVerticalLine(x: Int, y: Int, height: Int, style: TextStyle) {
        let area = Rect(x: x, y: y, width: 1, height: height).intersection(bounds)
        for row in area.y..<area.maxY {
            place("│", width: 1, style: style, x: x, y: row)
        }
    }

    /// Each row as plain text (continuation cells contribute nothing), trailing spaces trimmed.
    /// The cells of one grapheme join back into it ("🇸" + "🇪" is "🇸🇪"); what cells leave out
    /// (variation selectors, joiners) is not there.
    public func lines() -> [String] {
        (0..<height).map(row)
    }

    /// One row as plain text, same rules as `lines()`; "" outside the grid.
    public func row(_ y: Int) -> String {
        guard y >= 0, y < height else { return "" }
        var text = ""
        for cell in cells[(y * width)..<(y * width + width)] {
            text += cell.text
        }
        while text.last == " " {
            text.removeLast()
        }
        return text
    }

    // MARK: - Keeping wide characters whole

    private func contains(_ x: Int, _ y: Int) -> Bool {
        x >= 0 && x < width && y >= 0 && y < height
    }

    private mutating func putSymbol(_ text: String, x: Int, y: Int, style: TextStyle) {
        guard contains(x, y) else { return }
        place(text, width: 1, style: style, x: x, y: y)
    }

    /// Stores a cell of `cellWidth` columns at (x, y), which must be in range with room for it.
    private mutating func place(_ text: String, width cellWidth: Int, style: TextStyle, x: Int, y: Int) {
        detachWideCharacter(x: x, y: y)
        let index = y * width + x
        if cellWidth == 2 {
            detachWideCharacter(x: x + 1, y: y)
            cells[index] = Cell(text: text, style: style)
            cells[index + 1] = Cell(text: "", style: style)
        } else {
            cells[index] = Cell(text: text, style: style)
        }
    }

    /// Before (x, y) is overwritten: blanks the other half of a wide character that covers it.
    private mutating func detachWideCharacter(x: Int, y: Int) {
        let index = y * width + x
        if cells[index].isContinuation {
            if x > 0 { cells[index - 1].text = " " }
        } else if x + 1 < width, cells[index + 1].isContinuation {
            cells[index + 1].text = " "
        }
    }
}
