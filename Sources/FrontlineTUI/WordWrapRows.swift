/// The greedy word-wrap shared by `TextWrap` and the reply editor, so both break lines at the
/// same places. It splits one paragraph (no newlines) into rows that cover every character:
/// the spaces at a break stay at the end of the row before it ("hanging"), which lets the
/// editor place its cursor on them while `TextWrap` simply drops them.
enum WordWrapRows {
    /// Rows of `characters[range]` for a width of `width` (>= 1) columns, as index ranges that
    /// partition `range` in order. `widths[i]` is the display width of `characters[i]`.
    /// Words wider than `width` are broken between graphemes (a grapheme of several cells, such
    /// as a flag, is never split across rows); a wide character never straddles the edge, and
    /// one wider than `width` gets a row of its own. Always at least one row.
    static func rows(of characters: [Character], widths: [Int], in range: Range<Int>, width: Int) -> [Range<Int>] {
        var rows: [Range<Int>] = []
        var rowStart = range.lowerBound
        var column = 0
        var index = range.lowerBound
        while index < range.upperBound {
            if characters[index] == " " {
                column += widths[index]
                index += 1
                continue
            }
            var wordEnd = index
            var wordWidth = 0
            while wordEnd < range.upperBound && characters[wordEnd] != " " {
                wordWidth += widths[wordEnd]
                wordEnd += 1
            }
            if column + wordWidth <= width {
                column += wordWidth
                index = wordEnd
                continue
            }
            if index > rowStart {
                rows.append(rowStart..<index)
                rowStart = index
                column = 0
                if wordWidth <= width {
                    column = wordWidth
                    index = wordEnd
                    continue
                }
            }
            // The word alone is too wide: break it between graphemes.
            while index < wordEnd {
                let characterWidth = widths[index]
                if column + characterWidth > width && column > 0 {
                    rows.append(rowStart..<index)
                    rowStart = index
                    column = 0
                }
                column += characterWidth
                index += 1
            }
        }
        rows.append(rowStart..<range.upperBound)
        return rows
    }

    /// Where each paragraph of `characters` lies (split on newlines, which belong to no paragraph).
    static func paragraphs(of characters: [Character]) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var start = 0
        for (index, character) in characters.enumerated() where character.isNewline {
            result.append(start..<index)
            start = index + 1
        }
        result.append(start..<characters.count)
        return result
    }

    /// Trailing spaces of `row` that still fit in `width` columns (the others are dropped from display).
    static func visibleEnd(of row: Range<Int>, characters: [Character], widths: [Int], width: Int) -> Int {
        var rowWidth = 0
        for index in row { rowWidth += widths[index] }
        var end = row.upperBound
        while end > row.lowerBound && rowWidth > width && characters[end - 1] == " " {
            end -= 1
            rowWidth -= widths[end]
        }
        return end
    }
}
