import FrontlineTUI

/// Where each pane goes for a terminal size. Pure arithmetic, guarded against tiny sizes.
public struct ConsoleLayout: Sendable, Equatable {
    public static let minimumWidth = 60
    public static let minimumHeight = 16

    public var width: Int
    public var height: Int
    /// Outer boxes (borders included). Neighbouring boxes share their border line.
    public var queueBox: Rect
    public var historyBox: Rect
    public var replyBox: Rect
    public var statusRow: Int

    public var isTooSmall: Bool { width < Self.minimumWidth || height < Self.minimumHeight }

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        statusRow = max(0, height - 1)
        let replyHeight = min(12, max(6, height / 4))
        let topHeight = max(3, height - 1 - replyHeight + 1)   // +1: shares its bottom line with the reply box's top
        let queueWidth = min(max(34, width * 46 / 100), max(0, width - 24))
        queueBox = Rect(x: 0, y: 0, width: queueWidth + 1, height: topHeight)
        historyBox = Rect(x: queueWidth, y: 0, width: max(0, width - queueWidth), height: topHeight)
        replyBox = Rect(x: 0, y: topHeight - 1, width: width, height: max(0, height - 1 - (topHeight - 1)))
    }

    /// Queue rows that fit (the first interior row is the view bar).
    public var queueRows: Int { max(0, queueBox.height - 3) }
    public var replyTextWidth: Int { max(1, replyBox.width - 4) }
}
