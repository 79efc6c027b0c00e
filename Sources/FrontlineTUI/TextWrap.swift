/// Word wrapping by display width, for message bodies and other read-only text.
public enum TextWrap {
    /// Paragraphs split on "\n"; greedy word wrap on spaces by `DisplayWidth`; words longer than
    /// `width` are hard-broken (never inside a grapheme, so no line starts with a combining mark
    /// or vowel sign; a wide character never straddles). A grapheme measures all the cells
    /// `Grid.write` draws it in: a flag 2, "👍🏽" 4, "हिं" 2, "❤️" 1.
    /// `width < 1` gives []; "" gives [""]; an empty paragraph gives a "" line; the trailing
    /// spaces of a broken line are dropped. A character wider than `width` gets a line of its own
    /// (the grid clips it when drawn).
    public static func wrap(_ s: String, width: Int) -> [String] {
        guard width >= 1 else { return [] }
        let characters = Array(s)
        let widths = characters.map(DisplayWidth.of)
        var lines: [String] = []
        for paragraph in WordWrapRows.paragraphs(of: characters) {
            let rows = WordWrapRows.rows(of: characters, widths: widths, in: paragraph, width: width)
            for (number, row) in rows.enumerated() {
                var end: Int
                if number < rows.count - 1 {
                    end = row.upperBound
                    while end > row.lowerBound && characters[end - 1] == " " { end -= 1 }
                } else {
                    end = WordWrapRows.visibleEnd(of: row, characters: characters, widths: widths, width: width)
                }
                lines.append(String(characters[row.lowerBound..<end]))
            }
        }
        return lines
    }
}
