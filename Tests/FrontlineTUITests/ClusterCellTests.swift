import Testing
@testable import FrontlineTUI

/// The non-continuation cells of row `y` from column `from` to `to` (exclusive), with their columns.
private func cells(of grid: Grid, y: Int = 0, from: Int = 0, to: Int? = nil) -> [(x: Int, text: String)] {
    (from..<(to ?? grid.width)).compactMap { x in grid[x, y].isContinuation ? nil : (x, grid[x, y].text) }
}

private func texts(of grid: Grid, y: Int = 0, to: Int) -> [String] {
    cells(of: grid, y: y, to: to).map(\.text)
}

private func isVariationSelector(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0xFE00...0xFE0F, 0xE0100...0xE01EF, 0x180B...0x180D, 0x180F: return true
    default: return false
    }
}

private func isConjoiningJamo(_ scalar: Unicode.Scalar) -> Bool {
    (0x1160...0x11FF).contains(scalar.value) || (0xD7B0...0xD7FF).contains(scalar.value)
}

/// A zero-width scalar a cell may carry after its spacing scalar.
private func isCellMark(_ scalar: Unicode.Scalar) -> Bool {
    guard DisplayWidth.width(of: scalar) == 0, !isVariationSelector(scalar) else { return false }
    switch scalar.properties.generalCategory {
    case .nonspacingMark, .enclosingMark: return true
    default: return isConjoiningJamo(scalar)
    }
}

/// The cell model's invariant: one spacing scalar first, then at most the cap of marks, nothing else.
private func isWellFormedCellText(_ text: String) -> Bool {
    let scalars = Array(text.unicodeScalars)
    guard let first = scalars.first, DisplayWidth.width(of: first) >= 1 else { return false }
    let rest = scalars.dropFirst()
    return rest.count <= TextSanitiser.maxCombiningMarksPerCharacter && rest.allSatisfy(isCellMark)
}

/// Checks that `grid` row `y` holds exactly `used` columns of well-formed cells from `x`, and
/// that each wide cell is followed by its continuation.
private func expectWellFormedCells(_ grid: Grid, x: Int, y: Int, used: Int, _ comment: String) {
    var column = x
    while column < x + used {
        let cell = grid[column, y]
        #expect(!cell.isContinuation, "a continuation without its wide cell at \(column): \(comment)")
        #expect(isWellFormedCellText(cell.text), "cell \(column) holds \(cell.text.unicodeScalars.map { String($0.value, radix: 16) }): \(comment)")
        let width = cell.text.unicodeScalars.first.map(DisplayWidth.width(of:)) ?? 1
        if width == 2 {
            #expect(grid[column + 1, y].isContinuation, "wide cell at \(column) without continuation: \(comment)")
        }
        column += Swift.max(1, width)
    }
    #expect(column == x + used, "\(comment)")
}

/// Samples of text made of several code points per character, as customers write it.
let clusterSamples: [String] = [
    "🇸🇪🇫🇮", "👍🏽👍🏽", "❤\u{FE0F}❤\u{FE0F}", "1\u{FE0F}\u{20E3}2\u{FE0F}\u{20E3}", "☺\u{FE0E}☺\u{FE0F}",
    "क्षि हिंदी", "ที่ดี", "नमस्ते", "e\u{301}t\u{E9}", "a\u{30A}", "漢字とひらがな", "한국어", "ᄀ\u{1161}\u{11A8}",
    "\u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467}", "\u{1F469}\u{1F3FD}\u{200D}\u{1F4BB}", "🏴\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}",
    "Åsa", "Việt Nam", "#\u{20E3}", "😀", "Z\u{336}\u{301}",
]

@Suite("Multi-code-point characters in cells")
struct ClusterCellTests {
    let red = TextStyle(foreground: .indexed(1))

    @Test func aFlagIsTwoOneColumnCells() {
        var grid = Grid(width: 10, height: 1)
        #expect(grid.write("🇸🇪🇫🇮", x: 0, y: 0, style: red) == 4)
        #expect(texts(of: grid, to: 4) == ["🇸", "🇪", "🇫", "🇮"])
        #expect((0..<4).allSatisfy { grid[$0, 0].style == red && !grid[$0, 0].isContinuation })
        #expect(grid.row(0) == "🇸🇪🇫🇮")
    }

    @Test func aSkinToneIsItsOwnWideCell() {
        var grid = Grid(width: 10, height: 1)
        #expect(grid.write("👍🏽x", x: 0, y: 0, style: .plain) == 5)
        #expect(grid[0, 0].text == "👍")
        #expect(grid[1, 0].isContinuation)
        #expect(grid[2, 0].text == "🏽")
        #expect(grid[3, 0].isContinuation)
        #expect(grid[4, 0].text == "x")
        #expect(grid.row(0) == "👍🏽x")
    }

    @Test func variationSelectorsAreLeftOut() {
        var grid = Grid(width: 10, height: 1)
        #expect(grid.write("❤\u{FE0F}☺\u{FE0E}☺\u{FE0F}!", x: 0, y: 0, style: .plain) == 4)
        #expect(texts(of: grid, to: 4) == ["❤", "☺", "☺", "!"])
        #expect(grid.row(0) == "❤☺☺!")
    }

    @Test func aKeycapIsOneCellWithItsEnclosingMark() {
        var grid = Grid(width: 10, height: 1)
        #expect(grid.write("1\u{FE0F}\u{20E3}2\u{FE0F}\u{20E3}", x: 0, y: 0, style: .plain) == 2)
        #expect(texts(of: grid, to: 2) == ["1\u{20E3}", "2\u{20E3}"])
    }

    @Test func devanagariSpacingVowelSignsTakeTheirOwnCell() {
        var grid = Grid(width: 20, height: 1)
        #expect(grid.write("क्षि हिंदी", x: 0, y: 0, style: .plain) == 8)
        #expect(texts(of: grid, to: 8) == ["क\u{94D}", "ष", "\u{93F}", " ", "ह", "\u{93F}\u{902}", "द", "\u{940}"])
        #expect(grid.row(0) == "क्षि हिंदी")
    }

    @Test func thaiMarksStayOnTheirBase() {
        var grid = Grid(width: 10, height: 1)
        #expect(grid.write("ที่ดี", x: 0, y: 0, style: .plain) == 2)
        #expect(texts(of: grid, to: 2) == ["ท\u{E35}\u{E48}", "ด\u{E35}"])
    }

    @Test func joinedEmojiAreDrawnSideBySideWithoutTheJoiner() {
        var grid = Grid(width: 10, height: 1)
        #expect(grid.write("\u{1F469}\u{1F3FD}\u{200D}\u{1F4BB}", x: 0, y: 0, style: .plain) == 6)
        #expect(texts(of: grid, to: 6) == ["\u{1F469}", "\u{1F3FD}", "\u{1F4BB}"])
        var flag = Grid(width: 10, height: 1)
        #expect(flag.write("🏴\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}", x: 0, y: 0, style: .plain) == 2)
        #expect(flag[0, 0].text == "🏴")
    }

    @Test func combiningAccentsAndCJKAreUnchanged() {
        var grid = Grid(width: 10, height: 1)
        #expect(grid.write("e\u{301}漢a\u{30A}", x: 0, y: 0, style: .plain) == 4)
        #expect(grid[0, 0].text == "e\u{301}")
        #expect(grid[1, 0].text == "漢")
        #expect(grid[2, 0].isContinuation)
        #expect(grid[3, 0].text == "a\u{30A}")
    }

    @Test func conjoiningJamoStayInTheirSyllablesCell() {
        var grid = Grid(width: 10, height: 1)
        #expect(grid.write("ᄀ\u{1161}\u{11A8}", x: 0, y: 0, style: .plain) == 2)
        #expect(grid[0, 0].text == "ᄀ\u{1161}\u{11A8}")
        var lone = Grid(width: 10, height: 1)
        #expect(lone.write("a\u{1160}b", x: 0, y: 0, style: .plain) == 2)
        #expect(lone.row(0) == "ab")
    }

    @Test func aMarkWithNoBaseGetsADottedCircle() {
        var grid = Grid(width: 10, height: 1)
        #expect(grid.write("\u{301}x\t\u{20E3}", x: 0, y: 0, style: .plain) == 3)
        #expect(texts(of: grid, to: 3) == ["\u{25CC}\u{301}", "x", "\u{25CC}\u{20E3}"])
        #expect(DisplayWidth.of("\u{301}x\t\u{20E3}") == 3)
    }

    @Test func multiCellCharactersAreClippedBetweenCells() {
        var grid = Grid(width: 5, height: 1)
        #expect(grid.write("abc🇸🇪🇫🇮", x: 0, y: 0, style: .plain) == 5)
        #expect(grid.row(0) == "abc🇸🇪")
        var cut = Grid(width: 10, height: 1)
        #expect(cut.write("abc🇸🇪", x: 0, y: 0, style: .plain, maxWidth: 4) == 4)
        #expect(cut.row(0) == "abc🇸")
        var tone = Grid(width: 5, height: 1)
        tone.write("#####", x: 0, y: 0, style: .plain)
        #expect(tone.write("ab👍🏽", x: 0, y: 0, style: .plain) == 5)
        #expect(tone[2, 0].text == "👍")
        #expect(tone[4, 0].text == " ")
        #expect(tone.row(0) == "ab👍")
        var left = Grid(width: 6, height: 1)
        left.write("######", x: 0, y: 0, style: .plain)
        #expect(left.write("👍🏽x", x: -1, y: 0, style: .plain) == 5)
        #expect(left.row(0) == " 🏽x##")
    }

    @Test func subscriptStoresTheFirstCellOfItsText() {
        var grid = Grid(width: 4, height: 1)
        grid[0, 0] = Cell(text: "🇸🇪", style: red)
        #expect(grid[0, 0].text == "🇸")
        grid[1, 0] = Cell(text: "👍🏽", style: red)
        #expect(grid[1, 0].text == "👍")
        #expect(grid[2, 0].isContinuation)
        grid[3, 0] = Cell(text: "❤\u{FE0F}", style: red)
        #expect(grid[3, 0].text == "❤")
        grid[0, 0] = Cell(text: "\u{301}", style: red)
        #expect(grid[0, 0].text == "\u{25CC}\u{301}")
    }

    @Test func restoringACellKeepsItAsItWas() {
        // The app restyles a cell by reading it and setting it back (the cursor, the prompt).
        for sample in clusterSamples {
            var grid = Grid(width: 40, height: 1)
            let used = grid.write(sample, x: 0, y: 0, style: .plain)
            for x in 0..<used {
                var copy = grid
                var cell = copy[x, 0]
                guard !cell.isContinuation else { continue }
                cell.style = red
                copy[x, 0] = cell
                #expect(copy[x, 0] == cell, "\(sample) @ \(x)")
                #expect(copy.row(0) == grid.row(0), "\(sample) @ \(x)")
            }
        }
    }

    @Test func wellFormedTextLosesOnlyWhatIsNeverDrawn() {
        for sample in clusterSamples {
            var grid = Grid(width: 40, height: 1)
            let used = grid.write(sample, x: 0, y: 0, style: .plain)
            #expect(used == DisplayWidth.of(sample), "\(sample)")
            expectWellFormedCells(grid, x: 0, y: 0, used: used, sample)
            let drawn = cells(of: grid, to: used).map(\.text).joined()
            let expected = String(String.UnicodeScalarView(sample.unicodeScalars.filter {
                DisplayWidth.width(of: $0) > 0 || isCellMark($0)
            }))
            #expect(drawn.unicodeScalars.elementsEqual(expected.unicodeScalars), "\(sample)")
            // Every cell's text is what a cchar_t holds: the backend's 7 wide characters are plenty.
            #expect(cells(of: grid, to: used).allSatisfy { $0.text.unicodeScalars.count <= 1 + TextSanitiser.maxCombiningMarksPerCharacter })
        }
    }

    /// The property the terminal needs: for any sanitised text, the grid uses exactly the columns
    /// `DisplayWidth` measures, every cell is one spacing scalar plus marks, and every spacing
    /// scalar of the text reaches a cell in order.
    @Test func sanitisedTextTakesExactlyItsMeasuredColumns() {
        var generator = SeededGenerator(seed: 2025)
        for round in 0..<600 {
            var input = randomHostileString(length: Int.random(in: 0...30, using: &generator), using: &generator)
            if Bool.random(using: &generator) {
                input += clusterSamples.randomElement(using: &generator)!
                input += randomHostileString(length: Int.random(in: 0...6, using: &generator), using: &generator)
            }
            let text = round.isMultiple(of: 2) ? TextSanitiser.sanitise(input) : TextSanitiser.singleLine(input)
            let x = Int.random(in: 0...3, using: &generator)
            var grid = Grid(width: 200, height: 1)
            let used = grid.write(text, x: x, y: 0, style: .plain)
            let comment = text.unicodeScalars.map { String($0.value, radix: 16) }.joined(separator: " ")
            #expect(used == DisplayWidth.of(text), "\(comment)")
            expectWellFormedCells(grid, x: x, y: 0, used: used, comment)
            #expect((0..<x).allSatisfy { grid[$0, 0] == .blank } && (x + used..<200).allSatisfy { grid[$0, 0] == .blank }, "\(comment)")

            let spacing: (String) -> [Unicode.Scalar] = { s in
                s.unicodeScalars.filter { DisplayWidth.width(of: $0) >= 1 && $0 != "\u{25CC}" }
            }
            let drawn = cells(of: grid, from: x, to: x + used).map(\.text).joined()
            #expect(spacing(drawn) == spacing(text), "\(comment)")
        }
    }

    @Test func writingTheRowBackGivesTheSameCells() {
        // Grid.lines() is what goldens and tests read: writing it again must reproduce the row.
        for sample in clusterSamples {
            var grid = Grid(width: 40, height: 1)
            grid.write(sample, x: 1, y: 0, style: .plain)
            var again = Grid(width: 40, height: 1)
            again.write(grid.row(0), x: 0, y: 0, style: .plain)
            #expect(again == grid, "\(sample)")
        }
    }
}
