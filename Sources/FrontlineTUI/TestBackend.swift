import Synchronization

/// A terminal for tests: records the frames presented and replays scripted keys.
///
/// Its state sits behind a `Mutex`, so it is honestly `Sendable` (no `@unchecked`): a test may
/// script keys from one task while the run loop under test reads them on another.
public final class TestBackend: TerminalBackend, Sendable {
    private struct State {
        var size: (width: Int, height: Int)
        var pendingKeys: [Key] = []
        var lastFrame: Grid?
        var lastUpdates: [CellUpdate] = []
        var framesPresented = 0
        var cellsWritten = 0
    }

    private let state: Mutex<State>

    public init(width: Int, height: Int) {
        state = Mutex(State(size: (width, height)))
    }

    /// Settable so a test can simulate a resize (then queue `.resize`).
    public var size: (width: Int, height: Int) {
        get { state.withLock { $0.size } }
        set { state.withLock { $0.size = newValue } }
    }

    /// `nextKey` pops from the front; nil when empty.
    public var pendingKeys: [Key] {
        get { state.withLock { $0.pendingKeys } }
        set { state.withLock { $0.pendingKeys = newValue } }
    }

    public var lastFrame: Grid? { state.withLock { $0.lastFrame } }

    public var framesPresented: Int { state.withLock { $0.framesPresented } }

    /// Sum of the `GridDiff` update counts of every frame, to test that redraws are minimal.
    public var cellsWritten: Int { state.withLock { $0.cellsWritten } }

    /// The updates the last `present` would have written to a terminal.
    public var lastUpdates: [CellUpdate] { state.withLock { $0.lastUpdates } }

    public func present(_ grid: Grid) {
        state.withLock { state in
            let updates = GridDiff.updates(from: state.lastFrame, to: grid)
            state.lastUpdates = updates
            state.cellsWritten += updates.count
            state.framesPresented += 1
            state.lastFrame = grid
        }
    }

    /// Never waits: a script that runs out of keys reads as a timeout.
    public func nextKey(timeoutMilliseconds: Int) -> Key? {
        state.withLock { state in
            state.pendingKeys.isEmpty ? nil : state.pendingKeys.removeFirst()
        }
    }
}
