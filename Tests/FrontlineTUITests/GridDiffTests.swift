import Testing
@testable import FrontlineTUI

/// What a terminal would show after writing `updates` over `old`: each update written as the
/// backend does (a wide character covering both of its columns).
private func replay(_ updates: [CellUpdate], onto old: Grid) -> Grid {
    var grid = old
    for update in updates {
        grid[update.x, update.y] = update.cell
    }
    return grid
}

@Suite("GridDiff")
struct GridDiffTests {
    let red = TextStyle(foreground: .indexed(1))

    @Test func noOldFrameMeansEveryCellButContinuations() {
        var grid = Grid(width: 4, height: 3)
        #expect(GridDiff.updates(from: nil, to: grid).count == 12)
        grid.write("漢", x: 0, y: 1, style: .plain)
        let updates = GridDiff.updates(from: nil, to: grid)
        #expect(updates.count == 11)
        #expect(!updates.contains { $0.cell.isContinuation })
        #expect(updates.first == CellUpdate(x: 0, y: 0, cell: .blank))
    }

    @Test func sizeChangeMeansEveryCell() {
        let old = Grid(width: 4, height: 3)
        let new = Grid(width: 5, height: 3)
        #expect(GridDiff.updates(from: old, to: new).count == 15)
    }

    @Test func identicalFramesNeedNothing() {
        var grid = Grid(width: 10, height: 4)
        grid.write("hello 漢字", x: 0, y: 2, style: red)
        #expect(GridDiff.updates(from: grid, to: grid).isEmpty)
    }

    @Test func oneChangedCellGivesOneUpdate() {
        let old = Grid(width: 80, height: 24)
        var new = old
        new.write("x", x: 17, y: 9, style: .plain)
        #expect(GridDiff.updates(from: old, to: new) == [CellUpdate(x: 17, y: 9, cell: Cell(text: "x", style: .plain))])
        var restyled = old
        restyled.setStyle(Rect(x: 3, y: 4, width: 1, height: 1), style: red)
        #expect(GridDiff.updates(from: old, to: restyled) == [CellUpdate(x: 3, y: 4, cell: Cell(text: " ", style: red))])
    }

    @Test func narrowToWideIsOneUpdate() {
        var old = Grid(width: 4, height: 1)
        old.write("ab", x: 0, y: 0, style: .plain)
        var new = old
        new.write("漢", x: 0, y: 0, style: .plain)
        #expect(GridDiff.updates(from: old, to: new) == [CellUpdate(x: 0, y: 0, cell: Cell(text: "漢", style: .plain))])
    }

    @Test func wideToWideIsOneUpdate() {
        var old = Grid(width: 4, height: 1)
        old.write("漢", x: 0, y: 0, style: .plain)
        var new = old
        new.write("字", x: 0, y: 0, style: .plain)
        #expect(GridDiff.updates(from: old, to: new).map(\.x) == [0])
    }

    @Test func wideReplacedByNarrowEmitsBothColumns() {
        var old = Grid(width: 4, height: 1)
        old.write("漢", x: 0, y: 0, style: .plain)
        var new = old
        new.write("ab", x: 0, y: 0, style: .plain)
        #expect(GridDiff.updates(from: old, to: new) == [
            CellUpdate(x: 0, y: 0, cell: Cell(text: "a", style: .plain)),
            CellUpdate(x: 1, y: 0, cell: Cell(text: "b", style: .plain)),
        ])
        var halfOverwritten = old
        halfOverwritten.write("a", x: 0, y: 0, style: .plain)
        #expect(GridDiff.updates(from: old, to: halfOverwritten).map(\.x) == [0, 1])
    }

    @Test func changedContinuationEmitsItsLeadingCell() {
        var old = Grid(width: 4, height: 1)
        old.write("漢", x: 1, y: 0, style: .plain)
        var new = old
        new.setStyle(Rect(x: 2, y: 0, width: 1, height: 1), style: red)
        let updates = GridDiff.updates(from: old, to: new)
        #expect(updates.count == 1)
        #expect(updates.first?.x == 1)
        #expect(updates.first?.cell.text == "漢")
    }

    @Test func restyledWideCharacterIsOneUpdate() {
        var old = Grid(width: 4, height: 1)
        old.write("漢", x: 0, y: 0, style: .plain)
        var new = old
        new.setStyle(Rect(x: 0, y: 0, width: 2, height: 1), style: red)
        #expect(GridDiff.updates(from: old, to: new) == [CellUpdate(x: 0, y: 0, cell: Cell(text: "漢", style: red))])
    }

    @Test func wideCharacterMovingRight() {
        var old = Grid(width: 4, height: 1)
        old.write("漢", x: 0, y: 0, style: .plain)
        var new = Grid(width: 4, height: 1)
        new.write("漢", x: 1, y: 0, style: .plain)
        let updates = GridDiff.updates(from: old, to: new)
        #expect(updates.map(\.x) == [0, 1])
        #expect(replay(updates, onto: old) == new)
    }

    @Test func aFlagReplacingAWideCharacterRewritesBothColumns() {
        var old = Grid(width: 4, height: 1)
        old.write("漢", x: 0, y: 0, style: .plain)
        var new = old
        new.write("🇸🇪", x: 0, y: 0, style: .plain)
        #expect(GridDiff.updates(from: old, to: new) == [
            CellUpdate(x: 0, y: 0, cell: Cell(text: "🇸", style: .plain)),
            CellUpdate(x: 1, y: 0, cell: Cell(text: "🇪", style: .plain)),
        ])
        #expect(replay(GridDiff.updates(from: old, to: new), onto: old) == new)
    }

    @Test func aSkinToneChangeIsOneUpdate() {
        var old = Grid(width: 6, height: 1)
        old.write("👍🏽", x: 0, y: 0, style: .plain)
        var new = Grid(width: 6, height: 1)
        new.write("👍🏿", x: 0, y: 0, style: .plain)
        #expect(GridDiff.updates(from: old, to: new) == [CellUpdate(x: 2, y: 0, cell: Cell(text: "🏿", style: .plain))])
    }

    @Test func updatesAreInRowMajorOrder() {
        let old = Grid(width: 5, height: 3)
        var new = old
        new.write("z", x: 4, y: 2, style: .plain)
        new.write("漢", x: 2, y: 0, style: .plain)
        new.write("a", x: 0, y: 1, style: .plain)
        let positions = GridDiff.updates(from: old, to: new).map { [$0.y, $0.x] }
        #expect(positions == [[0, 2], [1, 0], [2, 4]])
    }

    @Test func replayingRandomChangesReproducesTheNewFrame() {
        var generator = SeededGenerator(seed: 2024)
        let words = ["a", "bc", "漢", "字x", "😀", "  ", "åäö", "e\u{301}", "🇸🇪", "👍🏽", "हिं", "❤\u{FE0F}", "1\u{FE0F}\u{20E3}"]
        var old = Grid(width: 9, height: 3)
        for _ in 0..<400 {
            var new = old
            for _ in 0..<Int.random(in: 0...3, using: &generator) {
                let word = words.randomElement(using: &generator)!
                let style = Bool.random(using: &generator) ? red : .plain
                new.write(word, x: Int.random(in: -1...9, using: &generator), y: Int.random(in: 0...2, using: &generator), style: style)
            }
            let updates = GridDiff.updates(from: old, to: new)
            #expect(!updates.contains { $0.cell.isContinuation })
            #expect(replay(updates, onto: old) == new)
            let changedColumns = (0..<3).flatMap { y in (0..<9).filter { old[$0, y] != new[$0, y] } }
            #expect(updates.count <= changedColumns.count)
            old = new
        }
    }
}
