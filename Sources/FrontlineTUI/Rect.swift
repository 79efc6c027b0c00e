/// A rectangle of cells. Width and height are never negative, so layouts computed for a tiny
/// terminal degrade to empty rects instead of trapping in `String(repeating:count:)` and friends.
public struct Rect: Hashable, Sendable {
    public var x: Int
    public var y: Int
    public var width: Int
    public var height: Int

    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = Swift.max(0, width)
        self.height = Swift.max(0, height)
    }

    public var isEmpty: Bool { width <= 0 || height <= 0 }

    /// One past the last column.
    public var maxX: Int { x.saturatingAdd(width) }

    /// One past the last row.
    public var maxY: Int { y.saturatingAdd(height) }

    /// Shrinks every side by `n` cells (a negative `n` grows it). Never negative in size.
    public func inset(by n: Int) -> Rect {
        let twice = n.saturatingMultiply(2)
        return Rect(
            x: x.saturatingAdd(n),
            y: y.saturatingAdd(n),
            width: width.saturatingSubtract(twice),
            height: height.saturatingSubtract(twice)
        )
    }

    /// The top `h` rows (clamped into 0...height) and what is left below them.
    public func splitTop(_ h: Int) -> (top: Rect, rest: Rect) {
        let h = h.clamped(to: 0...height)
        return (
            Rect(x: x, y: y, width: width, height: h),
            Rect(x: x, y: y.saturatingAdd(h), width: width, height: height - h)
        )
    }

    /// The left `w` columns (clamped into 0...width) and what is left to their right.
    public func splitLeft(_ w: Int) -> (left: Rect, rest: Rect) {
        let w = w.clamped(to: 0...width)
        return (
            Rect(x: x, y: y, width: w, height: height),
            Rect(x: x.saturatingAdd(w), y: y, width: width - w, height: height)
        )
    }

    /// The bottom `h` rows (clamped into 0...height) and what is left above them.
    public func splitBottom(_ h: Int) -> (rest: Rect, bottom: Rect) {
        let h = h.clamped(to: 0...height)
        return (
            Rect(x: x, y: y, width: width, height: height - h),
            Rect(x: x, y: y.saturatingAdd(height - h), width: width, height: h)
        )
    }

    /// The right `w` columns (clamped into 0...width) and what is left to their left.
    func splitRight(_ w: Int) -> (rest: Rect, right: Rect) {
        let w = w.clamped(to: 0...width)
        return (
            Rect(x: x, y: y, width: width - w, height: height),
            Rect(x: x.saturatingAdd(width - w), y: y, width: w, height: height)
        )
    }

    /// The part of `self` that is also inside `other` (empty, at `self`'s origin, when they miss).
    func intersection(_ other: Rect) -> Rect {
        let left = Swift.max(x, other.x)
        let top = Swift.max(y, other.y)
        let right = Swift.min(maxX, other.maxX)
        let bottom = Swift.min(maxY, other.maxY)
        guard left < right, top < bottom else { return Rect(x: x, y: y, width: 0, height: 0) }
        return Rect(x: left, y: top, width: right.saturatingSubtract(left), height: bottom.saturatingSubtract(top))
    }

    func contains(x px: Int, y py: Int) -> Bool {
        px >= x && px < maxX && py >= y && py < maxY
    }
}
