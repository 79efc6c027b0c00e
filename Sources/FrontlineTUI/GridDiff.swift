/// One cell a terminal backend must write.
public struct CellUpdate: Equatable, Sendable {
    public let x: Int
    public let y: Int
    public let cell: Cell

    public init(x: Int, y: Int, cell: Cell) {
        self.x = x
        self.y = y
        self.cell = cell
    }
}

/// The minimal updates between two frames; the ncurses backend writes only these.
public enum GridDiff {
    /// With no old frame, or a size change, every cell (continuations skipped). Otherwise the
    /// changed cells in row-major order. A continuation is never emitted by itself: when one
    /// changes, its wide leading cell is emitted instead, since writing a wide character covers
    /// both columns. A wide character replaced by narrow ones changes both columns, so both are emitted.
    public static func updates(from old: Grid?, to new: Grid) -> [CellUpdate] {
        guard let old, old.width == new.width, old.height == new.height else {
            return everyCell(of: new)
        }
        var updates: [CellUpdate] = []
        for y in 0..<new.height {
            var lastEmittedX = -1
            for x in 0..<new.width {
                let cell = new[x, y]
                guard cell != old[x, y] else { continue }
                if cell.isContinuation {
                    // The grid keeps a continuation right after its leading cell, so x > 0.
                    let leadX = x - 1
                    if leadX >= 0 && leadX > lastEmittedX {
                        updates.append(CellUpdate(x: leadX, y: y, cell: new[leadX, y]))
                        lastEmittedX = leadX
                    }
                } else {
                    updates.append(CellUpdate(x: x, y: y, cell: cell))
                    lastEmittedX = x
                }
            }
        }
        return updates
    }

    private static func everyCell(of grid: Grid) -> [CellUpdate] {
        var updates: [CellUpdate] = []
        updates.reserveCapacity(grid.width * grid.height)
        for y in 0..<grid.height {
            for x in 0..<grid.width where !grid[x, y].isContinuation {
                updates.append(CellUpdate(x: x, y: y, cell: grid[x, y]))
            }
        }
        return updates
    }
}
