import Testing
@testable import FrontlineTUI

@Suite("Grid")
struct GridTests {
    let red = TextStyle(foreground: .indexed(1))

    @Test func writesASCIIAndReportsColumnsUsed() {
        var grid = Grid(width: 10, height: 2)
        let used = grid.write("hello", x: 2, y: 1, style: .plain)
        #expect(used == 5)
        #expect(grid.lines() == ["", "  hello"])
        #expect(grid[2, 1].text == "h")
    }

    @Test func writesSwedishComposedAndDecomposed() {
        var grid = Grid(width: 10, height: 1)
        let decomposedA = "a\u{30A}"
        let used = grid.write("åäö \(decomposedA)", x: 0, y: 0, style: .plain)
        #expect(used == 5)
        #expect(grid.row(0) == "åäö \(decomposedA)")
        #expect(grid[4, 0].text == decomposedA)
    }

    @Test func wideCharactersTakeTwoCellsWithContinuation() {
        var grid = Grid(width: 6, height: 1)
        let used = grid.write("漢字", x: 0, y: 0, style: .plain)
        #expect(used == 4)
        #expect(grid[0, 0].text == "漢")
        #expect(grid[1, 0].isContinuation)
        #expect(grid[2, 0].text == "字")
        #expect(grid[3, 0].isContinuation)
        #expect(grid.row(0) == "漢字")
    }

    @Test func emojiIsWide() {
        var grid = Grid(width: 4, height: 1)
        #expect(grid.write("😀x", x: 0, y: 0, style: .plain) == 3)
        #expect(grid[1, 0].isContinuation)
        #expect(grid.row(0) == "😀x")
    }

    @Test func wideCharacterStraddlingTheGridEdgeBecomesASpace() {
        var grid = Grid(width: 5, height: 1)
        grid.write("xxxxx", x: 0, y: 0, style: .plain)
        let used = grid.write("ab漢字", x: 0, y: 0, style: red)
        #expect(used == 5)
        #expect(grid[4, 0] == Cell(text: " ", style: red))
        #expect(grid.row(0) == "ab漢")
    }

    @Test func emojiAtTheLastColumnBecomesASpace() {
        var grid = Grid(width: 3, height: 1)
        #expect(grid.write("😀", x: 2, y: 0, style: .plain) == 1)
        #expect(grid[2, 0].text == " ")
        #expect(!grid[2, 0].isContinuation)
    }

    @Test func maxWidthStopsTextAndWideCharacterStraddlingItBecomesASpace() {
        var grid = Grid(width: 10, height: 2)
        #expect(grid.write("abcdef", x: 1, y: 0, style: .plain, maxWidth: 3) == 3)
        #expect(grid.row(0) == " abc")
        grid.write("zzzz", x: 0, y: 1, style: .plain)
        #expect(grid.write("漢字", x: 0, y: 1, style: .plain, maxWidth: 3) == 3)
        #expect(grid[2, 1].text == " ")
        #expect(grid.row(1) == "漢 z")
        #expect(grid.write("abc", x: 0, y: 0, style: .plain, maxWidth: 0) == 0)
        #expect(grid.write("abc", x: 0, y: 0, style: .plain, maxWidth: -4) == 0)
        #expect(grid.row(0) == " abc")
    }

    @Test func overwritingTheRightHalfOfAWideCharacterBlanksTheLeftHalf() {
        var grid = Grid(width: 4, height: 1)
        grid.write("漢", x: 0, y: 0, style: .plain)
        grid.write("x", x: 1, y: 0, style: .plain)
        #expect(grid[0, 0].text == " ")
        #expect(grid[1, 0].text == "x")
        #expect(grid.row(0) == " x")
    }

    @Test func overwritingTheLeftHalfOfAWideCharacterBlanksTheRightHalf() {
        var grid = Grid(width: 4, height: 1)
        grid.write("漢", x: 0, y: 0, style: .plain)
        grid.write("y", x: 0, y: 0, style: .plain)
        #expect(grid[1, 0].text == " ")
        #expect(!grid[1, 0].isContinuation)
        #expect(grid.row(0) == "y")
    }

    @Test func wideOverlappingTwoWideCharactersBlanksBothOuterHalves() {
        var grid = Grid(width: 5, height: 1)
        grid.write("漢字", x: 0, y: 0, style: .plain)
        grid.write("中", x: 1, y: 0, style: .plain)
        #expect(grid[0, 0].text == " ")
        #expect(grid[1, 0].text == "中")
        #expect(grid[2, 0].isContinuation)
        #expect(grid[3, 0].text == " ")
        #expect(grid.row(0) == " 中")
    }

    @Test func negativeXClipsAndHalfVisibleWideCharacterBecomesASpace() {
        var grid = Grid(width: 5, height: 1)
        grid.write("#####", x: 0, y: 0, style: .plain)
        let used = grid.write("漢ab", x: -1, y: 0, style: .plain)
        #expect(used == 4)
        #expect(grid.row(0) == " ab##")
        #expect(grid.write("abc", x: -10, y: 0, style: .plain) == 3)
        #expect(grid.row(0) == " ab##")
    }

    @Test func controlAndInvisibleCharactersNeverShiftTheLayout() {
        var grid = Grid(width: 20, height: 2)
        let used = grid.write("a\nb\tc\u{1B}[2Jd\u{202E}e\u{200B}f\u{9B}g", x: 0, y: 0, style: .plain)
        #expect(grid.row(0) == "abc[2Jdefg")
        #expect(used == 10)
        #expect(grid.row(1) == "")
    }

    @Test func joinedEmojiAreDrawnSideBySideAndZalgoIsCutToOneCell() {
        var grid = Grid(width: 10, height: 1)
        let family = "\u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467}"
        let zalgo = "e" + String(repeating: "\u{301}", count: 50)
        #expect(grid.write(family + zalgo + "!", x: 0, y: 0, style: .plain) == 8)
        #expect(grid[0, 0].text == "\u{1F468}")
        #expect(grid[2, 0].text == "\u{1F469}")
        #expect(grid[4, 0].text == "\u{1F467}")
        #expect(grid[6, 0].text.unicodeScalars.count == 1 + TextSanitiser.maxCombiningMarksPerCharacter)
        #expect(grid[7, 0].text == "!")
    }

    @Test func outOfRangeAccessNeverTraps() {
        var grid = Grid(width: 3, height: 2)
        #expect(grid[-1, 0] == .blank)
        #expect(grid[3, 0] == .blank)
        #expect(grid[0, 2] == .blank)
        grid[5, 5] = Cell(text: "x", style: .plain)
        grid[-1, -1] = Cell(text: "x", style: .plain)
        #expect(grid == Grid(width: 3, height: 2))
        #expect(grid.write("x", x: 0, y: -1, style: .plain) == 0)
        #expect(grid.write("x", x: 0, y: 2, style: .plain) == 0)
        #expect(grid.write("x", x: 3, y: 0, style: .plain) == 0)
        #expect(grid.write("x", x: Int.max, y: 0, style: .plain, maxWidth: Int.max) == 0)
        #expect(grid.write("x", x: Int.min, y: 0, style: .plain, maxWidth: Int.max) == 1)
        #expect(grid.row(-1) == "")
        #expect(grid.row(2) == "")
    }

    @Test func emptyAndNegativeGridsNeverTrap() {
        for (w, h) in [(0, 0), (-5, 3), (3, -5), (-1, -1), (Int.min, Int.min)] {
            var grid = Grid(width: w, height: h)
            #expect(grid.width >= 0 && grid.height >= 0)
            #expect(grid.write("hello 漢", x: 0, y: 0, style: .plain) == 0)
            grid.fill(Rect(x: 0, y: 0, width: 10, height: 10), style: red)
            grid.setStyle(Rect(x: 0, y: 0, width: 10, height: 10), style: red)
            grid.drawBox(Rect(x: 0, y: 0, width: 10, height: 10), style: red)
            grid.drawHorizontalLine(x: 0, y: 0, width: 5, style: red)
            grid.drawVerticalLine(x: 0, y: 0, height: 5, style: red)
            grid[0, 0] = Cell(text: "x", style: red)
            #expect(grid[0, 0] == .blank)
            #expect(grid.lines().allSatisfy { $0.isEmpty })
            #expect(GridDiff.updates(from: nil, to: grid).isEmpty)
        }
        #expect(Grid(width: 0, height: 0).lines() == [])
    }

    @Test func hugeGridsAreClamped() {
        let grid = Grid(width: Int.max, height: 1)
        #expect(grid.width == Grid.maximumSide)
    }

    @Test func oneByOneGrid() {
        var grid = Grid(width: 1, height: 1)
        #expect(grid.write("漢", x: 0, y: 0, style: .plain) == 1)
        #expect(grid[0, 0].text == " ")
        #expect(grid.write("ab", x: 0, y: 0, style: .plain) == 1)
        #expect(grid.lines() == ["a"])
        grid.drawBox(Rect(x: 0, y: 0, width: 1, height: 1), style: .plain)
        #expect(grid.lines() == ["a"])
    }

    @Test func drawBoxDrawsUnicodeFrame() {
        var grid = Grid(width: 5, height: 4)
        grid.drawBox(Rect(x: 0, y: 0, width: 5, height: 3), style: red)
        #expect(grid.lines() == ["┌───┐", "│   │", "└───┘", ""])
        #expect(grid[0, 0].style == red)
    }

    @Test func drawBoxOnTinyRects() {
        var grid = Grid(width: 4, height: 4)
        grid.drawBox(Rect(x: 0, y: 0, width: 2, height: 2), style: .plain)
        #expect(grid.lines() == ["┌┐", "└┘", "", ""])

        for rect in [
            Rect(x: 0, y: 0, width: 1, height: 4), Rect(x: 0, y: 0, width: 4, height: 1),
            Rect(x: 0, y: 0, width: 0, height: 0), Rect(x: 1, y: 1, width: -3, height: 5),
        ] {
            var untouched = Grid(width: 4, height: 4)
            untouched.drawBox(rect, style: .plain)
            #expect(untouched == Grid(width: 4, height: 4))
        }
    }

    @Test func drawBoxIsClippedToTheGrid() {
        var grid = Grid(width: 3, height: 3)
        grid.drawBox(Rect(x: -1, y: -1, width: 4, height: 4), style: .plain)
        #expect(grid.lines() == ["  │", "  │", "──┘"])
        grid.drawBox(Rect(x: Int.max - 1, y: Int.max - 1, width: 5, height: 5), style: .plain)
        grid.drawBox(Rect(x: Int.min, y: Int.min, width: Int.max, height: Int.max), style: .plain)
    }

    @Test func linesAreDrawnAndClipped() {
        var grid = Grid(width: 4, height: 3)
        grid.drawHorizontalLine(x: -2, y: 1, width: 10, style: .plain)
        grid.drawVerticalLine(x: 1, y: -1, height: 3, style: .plain)
        #expect(grid.lines() == [" │", "─│──", ""])
        grid.drawHorizontalLine(x: 0, y: 2, width: -3, style: .plain)
        #expect(grid.row(2) == "")
    }

    @Test func lineOverWideCharacterKeepsItWhole() {
        var grid = Grid(width: 4, height: 2)
        grid.write("漢字", x: 0, y: 0, style: .plain)
        grid.drawVerticalLine(x: 1, y: 0, height: 2, style: .plain)
        #expect(grid.lines() == [" │字", " │"])
    }

    @Test func fillClearsAndSetStyleKeepsText() {
        var grid = Grid(width: 4, height: 2)
        grid.write("abcd", x: 0, y: 0, style: .plain)
        grid.write("efgh", x: 0, y: 1, style: .plain)
        grid.setStyle(Rect(x: 0, y: 0, width: 4, height: 1), style: red)
        #expect(grid.row(0) == "abcd")
        #expect((0..<4).allSatisfy { grid[$0, 0].style == red })
        #expect(grid[0, 1].style == .plain)
        grid.fill(Rect(x: 1, y: 1, width: 2, height: 5), style: red)
        #expect(grid.row(1) == "e  h")
        #expect(grid[1, 1] == Cell(text: " ", style: red))
    }

    @Test func fillCuttingAWideCharacterBlanksItsOtherHalf() {
        var grid = Grid(width: 4, height: 1)
        grid.write("a漢b", x: 0, y: 0, style: .plain)
        grid.fill(Rect(x: 2, y: 0, width: 1, height: 1), style: .plain)
        #expect(grid.row(0) == "a  b")
        #expect(!(0..<4).contains { grid[$0, 0].isContinuation })
    }

    @Test func subscriptSetKeepsWideCharactersConsistent() {
        var grid = Grid(width: 3, height: 1)
        grid[0, 0] = Cell(text: "漢", style: red)
        #expect(grid[1, 0].isContinuation)
        #expect(grid.row(0) == "漢")
        grid[2, 0] = Cell(text: "字", style: red)
        #expect(grid[2, 0].text == " ")
        grid[1, 0] = Cell(text: "", style: red)
        #expect(grid[0, 0].text == " ")
        #expect(grid[1, 0].text == " ")
        grid[0, 0] = Cell(text: "\u{1B}", style: red)
        #expect(grid[0, 0].text == " ")
    }

    @Test func rowTrimsOnlyTrailingSpaces() {
        var grid = Grid(width: 8, height: 1)
        grid.write(" a b ", x: 1, y: 0, style: .plain)
        #expect(grid.row(0) == "  a b")
    }
}
