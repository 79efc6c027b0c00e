import Testing
@testable import FrontlineTUI

@Suite("Rect")
struct RectTests {
    @Test func initClampsNegativeSizes() {
        let rect = Rect(x: 2, y: 3, width: -4, height: -1)
        #expect(rect.width == 0 && rect.height == 0)
        #expect(rect.isEmpty)
        #expect(Rect(x: 1, y: 2, width: 3, height: 4).maxX == 4)
        #expect(Rect(x: 1, y: 2, width: 3, height: 4).maxY == 6)
        #expect(!Rect(x: 0, y: 0, width: 1, height: 1).isEmpty)
    }

    @Test func insetClamps() {
        let rect = Rect(x: 0, y: 0, width: 10, height: 4)
        #expect(rect.inset(by: 1) == Rect(x: 1, y: 1, width: 8, height: 2))
        #expect(rect.inset(by: 3).height == 0)
        #expect(rect.inset(by: 3).width == 4)
        #expect(rect.inset(by: 100).isEmpty)
        #expect(rect.inset(by: Int.max).isEmpty)
        #expect(rect.inset(by: -1) == Rect(x: -1, y: -1, width: 12, height: 6))
    }

    @Test func splitsClamp() {
        let rect = Rect(x: 1, y: 1, width: 10, height: 6)
        let (top, below) = rect.splitTop(2)
        #expect(top == Rect(x: 1, y: 1, width: 10, height: 2))
        #expect(below == Rect(x: 1, y: 3, width: 10, height: 4))
        #expect(rect.splitTop(99).rest.height == 0)
        #expect(rect.splitTop(-3).top.height == 0)
        let (left, right) = rect.splitLeft(4)
        #expect(left == Rect(x: 1, y: 1, width: 4, height: 6))
        #expect(right == Rect(x: 5, y: 1, width: 6, height: 6))
        #expect(rect.splitLeft(50).left.width == 10)
        let (above, bottom) = rect.splitBottom(1)
        #expect(above == Rect(x: 1, y: 1, width: 10, height: 5))
        #expect(bottom == Rect(x: 1, y: 6, width: 10, height: 1))
        #expect(rect.splitBottom(-1).bottom.height == 0)
        #expect(rect.splitRight(3).right == Rect(x: 8, y: 1, width: 3, height: 6))
    }

    @Test func intersectionAndContains() {
        let a = Rect(x: 0, y: 0, width: 5, height: 5)
        #expect(a.intersection(Rect(x: 3, y: -2, width: 5, height: 4)) == Rect(x: 3, y: 0, width: 2, height: 2))
        #expect(a.intersection(Rect(x: 9, y: 9, width: 1, height: 1)).isEmpty)
        #expect(a.contains(x: 4, y: 4))
        #expect(!a.contains(x: 5, y: 0))
        #expect(Rect(x: Int.max, y: 0, width: 10, height: 1).maxX == Int.max)
    }
}
