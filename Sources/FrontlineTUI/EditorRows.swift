/// The editor's text cut into visual rows (by `WordWrapRows`, like `TextWrap`), with the
/// mapping between character offsets and (row, column) that cursor movement needs.
///
/// Every offset has one row: an offset at a soft break belongs to the row it starts, and the
/// end of a paragraph to the paragraph's last row. When that end lies at or past the right
/// edge (a full line, or spaces hanging past it), the cursor is shown at the start of an
/// extra empty row, which is where the next typed character will appear.
struct EditorRows {
    struct Row {
        let start: Int
        let end: Int
        /// The last row of its paragraph: `end` is a newline or the end of the text, and is a
        /// cursor position of this row (for other rows it is the next row's first position).
        let endsParagraph: Bool
    }

    let characters: [Character]
    let widths: [Int]
    let width: Int
    let rows: [Row]

    init(characters: [Character], width: Int) {
        self.characters = characters
        self.width = Swift.max(1, width)
        let widths = characters.map(DisplayWidth.of)
        self.widths = widths
        var rows: [Row] = []
        for paragraph in WordWrapRows.paragraphs(of: characters) {
            let ranges = WordWrapRows.rows(of: characters, widths: widths, in: paragraph, width: self.width)
            for (number, range) in ranges.enumerated() {
                rows.append(Row(start: range.lowerBound, end: range.upperBound, endsParagraph: number == ranges.count - 1))
            }
        }
        self.rows = rows
    }

    /// Where an offset is drawn. `onExtraRow` means on the extra empty row below `row`.
    struct Position {
        let row: Int
        let column: Int
        let onExtraRow: Bool
    }

    func row(containing offset: Int) -> Int {
        // Binary search: the first row whose end reaches the offset, preferring a later row at a soft break.
        var low = 0
        var high = rows.count - 1
        while low < high {
            let middle = (low + high) / 2
            let row = rows[middle]
            if offset < row.end || (offset == row.end && row.endsParagraph) {
                high = middle
            } else {
                low = middle + 1
            }
        }
        return low
    }

    func column(of offset: Int, in row: Row) -> Int {
        var column = 0
        for index in row.start..<offset { column += widths[index] }
        return column
    }

    func position(of offset: Int) -> Position {
        let rowIndex = row(containing: offset)
        let row = rows[rowIndex]
        let column = column(of: offset, in: row)
        if column < width { return Position(row: rowIndex, column: column, onExtraRow: false) }
        if offset == row.end && row.endsParagraph { return Position(row: rowIndex, column: 0, onExtraRow: true) }
        // Inside spaces hanging past the edge: pin to the last column.
        return Position(row: rowIndex, column: width - 1, onExtraRow: false)
    }

    /// The offset in row `rowIndex` nearest to `goal` columns without passing it, choosing only
    /// positions drawn on that row (so the cursor visibly lands there).
    func offset(inRow rowIndex: Int, atColumn goal: Int) -> Int {
        let row = rows[rowIndex]
        let lastOffset = row.endsParagraph ? row.end : Swift.max(row.start, row.end - 1)
        var best = row.start
        var column = 0
        var offset = row.start
        while offset < lastOffset {
            column += widths[offset]
            offset += 1
            if column > goal || column >= width { break }
            best = offset
        }
        return best
    }

    /// The last position drawn on row `rowIndex` (End key).
    func lastOffset(inRow rowIndex: Int) -> Int {
        let row = rows[rowIndex]
        return row.endsParagraph ? row.end : Swift.max(row.start, row.end - 1)
    }

    func text(ofRow row: Row) -> String {
        let end = WordWrapRows.visibleEnd(of: row.start..<row.end, characters: characters, widths: widths, width: width)
        return String(characters[row.start..<end])
    }
}
