import Testing
@testable import FrontlineTUI

@Suite("TestBackend")
struct TestBackendTests {
    @Test func recordsFramesAndCountsOnlyChangedCells() {
        let backend = TestBackend(width: 20, height: 5)
        #expect(backend.size.width == 20 && backend.size.height == 5)
        #expect(backend.lastFrame == nil)
        #expect(backend.framesPresented == 0)

        var frame = Grid(width: 20, height: 5)
        frame.write("Queue · waiting 23", x: 0, y: 0, style: .plain)
        backend.present(frame)
        #expect(backend.framesPresented == 1)
        #expect(backend.cellsWritten == 100)
        #expect(backend.lastFrame == frame)
        #expect(backend.lastFrame?.row(0) == "Queue · waiting 23")

        backend.present(frame)
        #expect(backend.framesPresented == 2)
        #expect(backend.cellsWritten == 100)

        frame.write("4", x: 17, y: 0, style: .plain)
        backend.present(frame)
        #expect(backend.cellsWritten == 101)
        #expect(backend.lastUpdates == [CellUpdate(x: 17, y: 0, cell: Cell(text: "4", style: .plain))])
    }

    @Test func replaysScriptedKeysThenTimesOut() {
        let backend = TestBackend(width: 10, height: 3)
        backend.pendingKeys = [.character("j"), .control("s"), .function(5), .alt("d"), .resize]
        #expect(backend.nextKey(timeoutMilliseconds: 100) == .character("j"))
        #expect(backend.nextKey(timeoutMilliseconds: 100) == .control("s"))
        #expect(backend.nextKey(timeoutMilliseconds: 100) == .function(5))
        #expect(backend.pendingKeys == [.alt("d"), .resize])
        #expect(backend.nextKey(timeoutMilliseconds: 0) == .alt("d"))
        #expect(backend.nextKey(timeoutMilliseconds: 0) == .resize)
        #expect(backend.nextKey(timeoutMilliseconds: 0) == nil)
    }

    @Test func resizeChangesSizeAndForcesAFullRedraw() {
        let backend = TestBackend(width: 4, height: 2)
        backend.present(Grid(width: 4, height: 2))
        backend.size = (width: 6, height: 2)
        #expect(backend.size.width == 6)
        backend.present(Grid(width: 6, height: 2))
        #expect(backend.cellsWritten == 8 + 12)
    }

    @Test func worksAsATerminalBackendAcrossTasks() async {
        let backend = TestBackend(width: 3, height: 1)
        let terminal: any TerminalBackend = backend
        await Task.detached {
            backend.pendingKeys.append(.enter)
        }.value
        #expect(terminal.nextKey(timeoutMilliseconds: 10) == .enter)
        #expect(terminal.size.width == 3)
    }
}
