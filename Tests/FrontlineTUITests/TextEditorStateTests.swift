import Testing
@testable import FrontlineTUI

/// An editor holding `text` with the cursor at `cursor`.
private func editor(_ text: String, cursor: Int) -> TextEditorState {
    var state = TextEditorState(text: text)
    state.moveToStart()
    for _ in 0..<cursor { state.moveRight() }
    return state
}

@Suite("TextEditorState")
struct TextEditorStateTests {
    @Test func startsEmptyOrWithTextAndCursorAtEnd() {
        let empty = TextEditorState()
        #expect(empty.isEmpty)
        #expect(empty.text == "")
        #expect(empty.cursor == 0)
        let filled = TextEditorState(text: "Hej Åsa")
        #expect(!filled.isEmpty)
        #expect(filled.cursor == 7)
    }

    @Test func typingInsertsAtTheCursor() {
        var state = TextEditorState()
        for c in "Hej" { state.insert(c) }
        state.insert(" ")
        state.insert(text: "Åsa")
        #expect(state.text == "Hej Åsa")
        #expect(state.cursor == 7)
        state.moveLeft()
        state.moveLeft()
        state.moveLeft()
        state.insert(text: "kära ")
        #expect(state.text == "Hej kära Åsa")
        #expect(state.cursor == 9)
        state.insert("漢")
        #expect(state.text == "Hej kära 漢Åsa")
        #expect(state.cursor == 10)
    }

    @Test func newlineAndEnterCharacter() {
        var state = TextEditorState(text: "ab")
        state.moveLeft()
        state.newline()
        #expect(state.text == "a\nb")
        #expect(state.cursor == 2)
        state.insert("\n")
        #expect(state.text == "a\n\nb")
        #expect(state.cursor == 3)
    }

    @Test func insertedTextIsSanitised() {
        var state = TextEditorState(text: "a\tb\u{1B}[2J\u{202E}")
        #expect(state.text == "a    b␛[2J")
        state.insert(text: "x\r\ny\u{200B}")
        #expect(state.text == "a    b␛[2Jx\ny")
        #expect(state.cursor == state.text.count)
        state.setText("\u{9B}31m")
        #expect(state.text == "\u{FFFD}31m")
        #expect(state.cursor == 4)
    }

    @Test func combiningMarkJoinsItsBase() {
        var state = TextEditorState(text: "e")
        state.insert("\u{301}")
        #expect(state.text == "é")
        #expect(state.text.count == 1)
        #expect(state.cursor == 1)
        state.insert("\u{302}")
        state.insert("\u{303}")
        #expect(state.text.unicodeScalars.count == 1 + TextSanitiser.maxCombiningMarksPerCharacter)
        #expect(state.cursor == 1)
        state.backspace()
        #expect(state.text == "")
        state.insert("\u{301}")
        #expect(state.text == "\u{25CC}\u{301}")
    }

    @Test func backspaceAndDeleteForward() {
        var state = editor("abc", cursor: 1)
        state.backspace()
        #expect(state.text == "bc")
        #expect(state.cursor == 0)
        state.backspace()
        #expect(state.text == "bc")
        state.deleteForward()
        #expect(state.text == "c")
        state.moveToEnd()
        state.deleteForward()
        #expect(state.text == "c")
        #expect(state.cursor == 1)
    }

    @Test func deleteWordBackward() {
        var state = TextEditorState(text: "hello big world")
        state.deleteWordBackward()
        #expect(state.text == "hello big ")
        state.deleteWordBackward()
        #expect(state.text == "hello ")
        state.deleteWordBackward()
        #expect(state.text == "")
        state.deleteWordBackward()
        #expect(state.text == "")

        var middle = editor("foo bar   baz", cursor: 10)
        middle.deleteWordBackward()
        #expect(middle.text == "foo baz")
        #expect(middle.cursor == 4)

        var lineStart = editor("one\ntwo", cursor: 4)
        lineStart.deleteWordBackward()
        #expect(lineStart.text == "onetwo")
        #expect(lineStart.cursor == 3)

        var afterNewline = TextEditorState(text: "one\ntwo three")
        afterNewline.deleteWordBackward()
        afterNewline.deleteWordBackward()
        afterNewline.deleteWordBackward()
        #expect(afterNewline.text == "one")
    }

    @Test func deleteWordForward() {
        var state = editor("hello big world", cursor: 0)
        state.deleteWordForward()
        #expect(state.text == " big world")
        state.deleteWordForward()
        #expect(state.text == " world")
        #expect(state.cursor == 0)
        var middle = editor("hello   world x", cursor: 5)
        middle.deleteWordForward()
        #expect(middle.text == "hello x")
        var lineEnd = editor("one\ntwo", cursor: 3)
        lineEnd.deleteWordForward()
        #expect(lineEnd.text == "onetwo")
        var end = TextEditorState(text: "x")
        end.deleteWordForward()
        #expect(end.text == "x")
    }

    @Test func deleteToLineStart() {
        var state = editor("line one\nabcdef", cursor: 12)
        state.deleteToLineStart()
        #expect(state.text == "line one\ndef")
        #expect(state.cursor == 9)
        state.deleteToLineStart()
        #expect(state.text == "line one\ndef")
        var first = editor("abc", cursor: 2)
        first.deleteToLineStart()
        #expect(first.text == "c")
        #expect(first.cursor == 0)
    }

    @Test func movesByCharacterAndWord() {
        var state = editor("hello big  world", cursor: 0)
        state.moveLeft()
        #expect(state.cursor == 0)
        state.moveWordRight()
        #expect(state.cursor == 5)
        state.moveWordRight()
        #expect(state.cursor == 9)
        state.moveWordRight()
        #expect(state.cursor == 16)
        state.moveWordRight()
        #expect(state.cursor == 16)
        state.moveRight()
        #expect(state.cursor == 16)
        state.moveWordLeft()
        #expect(state.cursor == 11)
        state.moveWordLeft()
        #expect(state.cursor == 6)
        state.moveWordLeft()
        state.moveWordLeft()
        #expect(state.cursor == 0)
        var lines = TextEditorState(text: "one\ntwo")
        lines.moveWordLeft()
        lines.moveWordLeft()
        #expect(lines.cursor == 0)
    }

    @Test func layoutWrapsLikeTextWrapAndPlacesTheCursor() {
        let state = TextEditorState(text: "the quick brown fox")
        let layout = state.layout(width: 10)
        #expect(layout.lines == ["the quick ", "brown fox"])
        #expect(TextWrap.wrap(state.text, width: 10) == ["the quick", "brown fox"])
        #expect(layout.cursorRow == 1)
        #expect(layout.cursorColumn == 9)
        #expect(editor("the quick brown fox", cursor: 10).layout(width: 10).cursorRow == 1)
        #expect(editor("the quick brown fox", cursor: 10).layout(width: 10).cursorColumn == 0)
        #expect(editor("the quick brown fox", cursor: 9).layout(width: 10).cursorColumn == 9)
    }

    @Test func cursorAfterTrailingSpacesAndNewline() {
        let spaces = TextEditorState(text: "hi   ").layout(width: 10)
        #expect(spaces == EditorLayout(lines: ["hi   "], cursorRow: 0, cursorColumn: 5))
        let newline = TextEditorState(text: "hi\n").layout(width: 10)
        #expect(newline == EditorLayout(lines: ["hi", ""], cursorRow: 1, cursorColumn: 0))
        let empty = TextEditorState().layout(width: 10)
        #expect(empty == EditorLayout(lines: [""], cursorRow: 0, cursorColumn: 0))
        let blankLines = TextEditorState(text: "a\n\n").layout(width: 4)
        #expect(blankLines == EditorLayout(lines: ["a", "", ""], cursorRow: 2, cursorColumn: 0))
    }

    @Test func cursorAtTheEndOfAFullLineMovesToAnExtraRow() {
        let full = TextEditorState(text: "hello").layout(width: 5)
        #expect(full == EditorLayout(lines: ["hello", ""], cursorRow: 1, cursorColumn: 0))
        let hanging = TextEditorState(text: "hello   ").layout(width: 5)
        #expect(hanging == EditorLayout(lines: ["hello", ""], cursorRow: 1, cursorColumn: 0))
        var typed = TextEditorState(text: "hello")
        typed.insert("x")
        #expect(typed.layout(width: 5) == EditorLayout(lines: ["hello", "x"], cursorRow: 1, cursorColumn: 1))
        let elsewhere = editor("hello", cursor: 2).layout(width: 5)
        #expect(elsewhere == EditorLayout(lines: ["hello"], cursorRow: 0, cursorColumn: 2))
    }

    @Test func cursorInSpacesHangingPastTheEdgeStaysOnItsRow() {
        let state = editor("hello   world", cursor: 7)
        #expect(state.layout(width: 5) == EditorLayout(lines: ["hello", "world"], cursorRow: 0, cursorColumn: 4))
    }

    @Test func cursorColumnIsAlwaysInsideTheWidth() {
        var generator = SeededGenerator(seed: 99)
        let alphabet: [Character] = ["a", "b", " ", " ", "漢", "😀", "å", "\n"]
        for _ in 0..<150 {
            let text = String((0..<Int.random(in: 0...40, using: &generator)).map { _ in
                alphabet.randomElement(using: &generator)!
            })
            let width = Int.random(in: 1...9, using: &generator)
            var state = TextEditorState(text: text)
            state.moveToStart()
            var previousRow = 0
            for offset in 0...state.text.count {
                let layout = state.layout(width: width)
                #expect(layout.cursorColumn >= 0 && layout.cursorColumn < width)
                #expect(layout.cursorRow >= previousRow && layout.cursorRow < layout.lines.count)
                if width >= 2 {
                    #expect(layout.lines.allSatisfy { DisplayWidth.of($0) <= width })
                }
                #expect(state.cursor == offset)
                previousRow = layout.cursorRow
                state.moveRight()
            }
        }
    }

    @Test func upAndDownAcrossWrappedLinesWithWideCharacters() {
        // Rows at width 6: "abcd " | "漢字漢" | "字"
        var state = editor("abcd 漢字漢字", cursor: 3)
        #expect(state.layout(width: 6).lines == ["abcd ", "漢字漢", "字"])
        state.moveDown(width: 6)
        #expect(state.cursor == 6)
        #expect(state.layout(width: 6).cursorRow == 1)
        #expect(state.layout(width: 6).cursorColumn == 2)
        state.moveDown(width: 6)
        #expect(state.cursor == 9)
        #expect(state.layout(width: 6).cursorColumn == 2)
        state.moveUp(width: 6)
        #expect(state.cursor == 6)
        state.moveUp(width: 6)
        #expect(state.cursor == 3, "the column is kept across a narrower line")
        state.moveUp(width: 6)
        #expect(state.cursor == 0)
        state.moveToStart()
        state.moveDown(width: 6)
        state.moveDown(width: 6)
        state.moveDown(width: 6)
        #expect(state.cursor == state.text.count)
    }

    @Test func upAndDownAcrossLogicalLines() {
        var state = editor("first line\nab\nthird line", cursor: 8)
        state.moveDown(width: 40)
        #expect(state.cursor == 13)
        state.moveDown(width: 40)
        #expect(state.cursor == 22)
        state.moveUp(width: 40)
        state.moveUp(width: 40)
        #expect(state.cursor == 8)
        var trailing = TextEditorState(text: "abc\n")
        trailing.moveUp(width: 10)
        #expect(trailing.cursor == 0)
        trailing.moveDown(width: 10)
        #expect(trailing.cursor == 4)
        #expect(trailing.layout(width: 10).cursorRow == 1)
    }

    @Test func upFromTheExtraRowGoesToTheFullLine() {
        var state = TextEditorState(text: "abcde\nhello")
        #expect(state.layout(width: 5).cursorRow == 2)
        state.moveUp(width: 5)
        #expect(state.cursor == 6)
        state.moveUp(width: 5)
        #expect(state.cursor == 0)
    }

    @Test func homeAndEndOfVisualLines() {
        var state = editor("abcd 漢字漢字", cursor: 6)
        state.moveLineStart(width: 6)
        #expect(state.cursor == 5)
        state.moveLineEnd(width: 6)
        #expect(state.cursor == 7)
        #expect(state.layout(width: 6).cursorRow == 1)
        var first = editor("abcd 漢字漢字", cursor: 2)
        first.moveLineEnd(width: 6)
        #expect(first.cursor == 4)
        first.moveLineStart(width: 6)
        #expect(first.cursor == 0)
        var last = editor("ab\ncd", cursor: 3)
        last.moveLineEnd(width: 6)
        #expect(last.cursor == 5)
        last.moveLineStart(width: 6)
        #expect(last.cursor == 3)
    }

    @Test func aMultiCodePointCharacterIsOneCursorStepAndAllItsColumns() {
        // 🇸🇪 2 columns, 👍🏽 4, हिं 2, ❤️ 1, 1️⃣ 1, x 1.
        var state = TextEditorState(text: "🇸🇪👍🏽हिं❤\u{FE0F}1\u{FE0F}\u{20E3}x")
        #expect(state.cursor == 6)
        var columns: [Int] = []
        for _ in 0...6 {
            columns.append(state.layout(width: 40).cursorColumn)
            state.moveLeft()
        }
        #expect(columns == [11, 10, 9, 8, 6, 2, 0])
        state.moveToEnd()
        state.backspace()
        state.backspace()
        #expect(state.text == "🇸🇪👍🏽हिं❤\u{FE0F}")
        #expect(state.layout(width: 40).cursorColumn == 9)
    }

    @Test func upAndDownKeepTheColumnAcrossMultiCodePointCharacters() {
        var state = editor("🇸🇪🇫🇮🇳🇴\nabcdefgh\nहिंदीहिंदी", cursor: 2)
        #expect(state.layout(width: 20).cursorColumn == 4)
        state.moveDown(width: 20)
        #expect(state.cursor == 8)
        #expect(state.layout(width: 20).cursorColumn == 4)
        state.moveDown(width: 20)
        #expect(state.cursor == 15)
        #expect(state.layout(width: 20).cursorColumn == 4)
        state.moveUp(width: 20)
        state.moveUp(width: 20)
        #expect(state.cursor == 2)
    }

    @Test func wideClustersWrapWhole() {
        let state = TextEditorState(text: "ab 👍🏽👍🏽")
        let layout = state.layout(width: 5)
        #expect(layout.lines == ["ab ", "👍🏽", "👍🏽"])
        #expect(layout.cursorRow == 2)
        #expect(layout.cursorColumn == 4)
    }

    /// The editor's cursor column must point at the cell where the grid draws the character
    /// after the cursor, or the highlighted cell is not the one that gets edited.
    @Test func cursorColumnIsWhereTheGridDrawsTheCharacter() {
        let text = "Kim 🇸🇪🇫🇮 Lee 👍🏽 ok ❤\u{FE0F} 1\u{FE0F}\u{20E3} क्षि हिंदी ที่ดี e\u{301} 漢字"
        let characters = Array(text)
        for width in [7, 11, 40] {
            for cursor in 0..<characters.count {
                let state = editor(text, cursor: cursor)
                let layout = state.layout(width: width)
                guard characters[cursor] != " " else { continue }
                var grid = Grid(width: width, height: 1)
                grid.write(layout.lines[layout.cursorRow], x: 0, y: 0, style: .plain)
                let cell = grid[layout.cursorColumn, 0]
                let firstDrawn = characters[cursor].unicodeScalars.first { DisplayWidth.width(of: $0) > 0 }
                #expect(cell.text.unicodeScalars.first == firstDrawn, "\(characters[cursor]) at \(cursor), width \(width)")
            }
        }
    }

    @Test func layoutOfNonPositiveWidthIsEmpty() {
        let state = TextEditorState(text: "abc")
        #expect(state.layout(width: 0) == EditorLayout(lines: [], cursorRow: 0, cursorColumn: 0))
        #expect(state.layout(width: -5).lines.isEmpty)
        var moved = state
        moved.moveUp(width: 0)
        moved.moveDown(width: -1)
        moved.moveLineStart(width: 0)
        #expect(moved.cursor <= 3)
    }

    @Test func equalityIgnoresTheRememberedColumn() {
        var moved = editor("abc\nd\nxyz", cursor: 2)
        moved.moveDown(width: 10)
        moved.moveDown(width: 10)
        moved.moveLeft()
        moved.moveRight()
        let direct = editor("abc\nd\nxyz", cursor: 8)
        #expect(moved == direct)
        #expect(moved != editor("abc\nd\nxyz", cursor: 7))
    }

    @Test func longReplyStaysConsistent() {
        let paragraph = "Hej Åsa, jag är ledsen för besväret med din nya TV. 漢字 😀 "
        var state = TextEditorState(text: String(repeating: paragraph, count: 90))
        #expect(state.text.count > 5_000)
        state.moveToStart()
        for _ in 0..<50 { state.moveDown(width: 60) }
        let middle = state.cursor
        #expect(middle > 0)
        state.insert(text: "NEW ")
        #expect(state.cursor == middle + 4)
        state.deleteWordBackward()
        #expect(state.cursor == middle)
        #expect(state.text == String(repeating: paragraph, count: 90))
        let layout = state.layout(width: 60)
        #expect(layout.cursorRow == 50)
        state.moveToEnd()
        #expect(state.cursor == state.text.count)
    }
}
