/// The model of the multi-line reply editor; the app draws it from `layout(width:)`.
///
/// Text entering the editor passes through `TextSanitiser`, so a paste cannot smuggle escape
/// sequences or bidi controls into a reply. Edits re-segment the text, so the character
/// array always matches `text`'s graphemes (typing a combining mark joins it to its base).
public struct TextEditorState: Equatable, Sendable {
    public private(set) var text: String
    /// Offset in Characters, 0...text.count.
    public private(set) var cursor: Int
    private var characters: [Character]
    /// The column Up/Down aim for, kept across consecutive vertical moves so passing a short
    /// line does not lose it. Not part of equality.
    private var goalColumn: Int?

    public init(text: String = "") {
        self.text = TextSanitiser.sanitise(text)
        characters = Array(self.text)
        cursor = characters.count
        goalColumn = nil
    }

    public static func == (lhs: TextEditorState, rhs: TextEditorState) -> Bool {
        lhs.cursor == rhs.cursor && lhs.text == rhs.text
    }

    public var isEmpty: Bool { characters.isEmpty }

    // MARK: - Editing

    public mutating func insert(_ c: Character) {
        if c.isNewline {
            newline()
        } else {
            insert(text: String(c))
        }
    }

    public mutating func insert(text inserted: String) {
        replace(cursor..<cursor, with: sanitisedForInsertion(inserted))
    }

    public mutating func newline() {
        replace(cursor..<cursor, with: "\n")
    }

    /// Deletes the character before the cursor.
    public mutating func backspace() {
        guard cursor > 0 else {
            goalColumn = nil
            return
        }
        replace((cursor - 1)..<cursor, with: "")
    }

    /// Deletes the character after the cursor.
    public mutating func deleteForward() {
        guard cursor < characters.count else {
            goalColumn = nil
            return
        }
        replace(cursor..<(cursor + 1), with: "")
    }

    /// Ctrl-W / Alt-Backspace: deletes the spaces before the cursor, then the word before them.
    /// At the start of a line it joins the line to the one above (deletes just the newline).
    public mutating func deleteWordBackward() {
        guard cursor > 0 else {
            goalColumn = nil
            return
        }
        var start = cursor
        if characters[cursor - 1].isNewline {
            start -= 1
        } else {
            while start > 0 && characters[start - 1] == " " { start -= 1 }
            while start > 0 && !isWhitespace(characters[start - 1]) { start -= 1 }
        }
        replace(start..<cursor, with: "")
    }

    /// Alt-D: deletes the spaces after the cursor, then the word after them.
    /// At the end of a line it joins the next line to it (deletes just the newline).
    public mutating func deleteWordForward() {
        guard cursor < characters.count else {
            goalColumn = nil
            return
        }
        var end = cursor
        if characters[cursor].isNewline {
            end += 1
        } else {
            while end < characters.count && characters[end] == " " { end += 1 }
            while end < characters.count && !isWhitespace(characters[end]) { end += 1 }
        }
        replace(cursor..<end, with: "")
    }

    /// Ctrl-U: deletes from the start of the logical line to the cursor.
    public mutating func deleteToLineStart() {
        let start = logicalLineStart(before: cursor)
        guard start < cursor else {
            goalColumn = nil
            return
        }
        replace(start..<cursor, with: "")
    }

    /// Replaces everything; the cursor goes to the end.
    public mutating func setText(_ s: String) {
        self = TextEditorState(text: s)
    }

    // MARK: - Moving along the text

    public mutating func moveLeft() {
        goalColumn = nil
        cursor = Swift.max(0, cursor - 1)
    }

    public mutating func moveRight() {
        goalColumn = nil
        cursor = Swift.min(characters.count, cursor + 1)
    }

    /// To the start of the word before the cursor (skipping spaces and line breaks first).
    public mutating func moveWordLeft() {
        goalColumn = nil
        var offset = cursor
        while offset > 0 && isWhitespace(characters[offset - 1]) { offset -= 1 }
        while offset > 0 && !isWhitespace(characters[offset - 1]) { offset -= 1 }
        cursor = offset
    }

    /// To the end of the word after the cursor (skipping spaces and line breaks first).
    public mutating func moveWordRight() {
        goalColumn = nil
        var offset = cursor
        while offset < characters.count && isWhitespace(characters[offset]) { offset += 1 }
        while offset < characters.count && !isWhitespace(characters[offset]) { offset += 1 }
        cursor = offset
    }

    public mutating func moveToStart() {
        goalColumn = nil
        cursor = 0
    }

    public mutating func moveToEnd() {
        goalColumn = nil
        cursor = characters.count
    }

    // MARK: - Moving by visual line

    /// Up one visual (wrapped) line, keeping the display column (clamped to the line).
    /// On the first line it goes to the start of the text.
    public mutating func moveUp(width: Int) {
        moveVertically(by: -1, width: width)
    }

    /// Down one visual (wrapped) line, keeping the display column (clamped to the line).
    /// On the last line it goes to the end of the text.
    public mutating func moveDown(width: Int) {
        moveVertically(by: 1, width: width)
    }

    /// Home: the start of the visual line.
    public mutating func moveLineStart(width: Int) {
        goalColumn = nil
        let rows = EditorRows(characters: characters, width: width)
        let position = rows.position(of: cursor)
        if !position.onExtraRow {
            cursor = rows.rows[position.row].start
        }
    }

    /// End: the end of the visual line (for a soft-wrapped line, the last position drawn on it).
    public mutating func moveLineEnd(width: Int) {
        goalColumn = nil
        let rows = EditorRows(characters: characters, width: width)
        let position = rows.position(of: cursor)
        if !position.onExtraRow {
            cursor = rows.lastOffset(inRow: position.row)
        }
    }

    // MARK: - Layout

    /// The wrapped visual lines (TextWrap's rules; spaces at a break hang at the end of the line
    /// before it, so every offset has a place) and the cursor's visual row and display column.
    /// A cursor at the end of a paragraph whose last line is full shows at the start of an extra
    /// empty line below it. `width < 1` gives no lines and the cursor at (0, 0).
    public func layout(width: Int) -> EditorLayout {
        guard width >= 1 else { return EditorLayout(lines: [], cursorRow: 0, cursorColumn: 0) }
        let rows = EditorRows(characters: characters, width: width)
        var lines = rows.rows.map(rows.text(ofRow:))
        let position = rows.position(of: cursor)
        if position.onExtraRow {
            lines.insert("", at: position.row + 1)
            return EditorLayout(lines: lines, cursorRow: position.row + 1, cursorColumn: 0)
        }
        return EditorLayout(lines: lines, cursorRow: position.row, cursorColumn: position.column)
    }

    // MARK: - Helpers

    private mutating func moveVertically(by step: Int, width: Int) {
        let rows = EditorRows(characters: characters, width: width)
        let position = rows.position(of: cursor)
        let goal = goalColumn ?? position.column
        // From the extra row below a full line, "up" is that full line itself.
        let target = position.onExtraRow && step < 0 ? position.row : position.row + step
        if target < 0 {
            cursor = 0
        } else if target >= rows.rows.count {
            cursor = characters.count
        } else {
            cursor = rows.offset(inRow: target, atColumn: goal)
        }
        goalColumn = goal
    }

    /// Replaces `range` with `replacement`, re-segments the text (graphemes may join or split
    /// at the seams) and puts the cursor right after the replacement.
    private mutating func replace(_ range: Range<Int>, with replacement: String) {
        goalColumn = nil
        let before = String(characters[..<range.lowerBound]) + replacement
        let after = String(characters[range.upperBound...])
        text = before + after
        characters = Array(text)
        // The cursor goes to the first grapheme boundary at or after the end of `before`.
        let target = before.utf8.count
        var bytes = 0
        var offset = 0
        while offset < characters.count && bytes < target {
            bytes += characters[offset].utf8.count
            offset += 1
        }
        cursor = offset
    }

    /// Sanitises `inserted` as if it followed the character before the cursor, so a typed
    /// combining mark joins that character (and counts against its cap) instead of being
    /// treated as an orphan at the start of a string.
    private func sanitisedForInsertion(_ inserted: String) -> String {
        guard cursor > 0 else { return TextSanitiser.sanitise(inserted) }
        let context = String(characters[cursor - 1])
        let clean = TextSanitiser.sanitise(context + inserted).unicodeScalars
        let contextScalars = context.unicodeScalars
        // The text already in the editor is clean, so the sanitiser gives it back unchanged.
        guard clean.starts(with: contextScalars) else { return TextSanitiser.sanitise(inserted) }
        return String(clean.dropFirst(contextScalars.count))
    }

    private func logicalLineStart(before offset: Int) -> Int {
        var start = offset
        while start > 0 && !characters[start - 1].isNewline { start -= 1 }
        return start
    }

    /// Words are separated by spaces and line breaks only, as readline's Ctrl-W does.
    private func isWhitespace(_ c: Character) -> Bool {
        c == " " || c.isNewline
    }
}
