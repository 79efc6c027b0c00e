/// Where frames are drawn and keys come from: ncursesw in the app, `TestBackend` in tests.
public protocol TerminalBackend: AnyObject {
    var size: (width: Int, height: Int) { get }
    /// Draws the frame (a real backend diffs against the last frame and writes only the changes).
    func present(_ grid: Grid)
    /// The next key, or nil when none arrived within the timeout.
    func nextKey(timeoutMilliseconds: Int) -> Key?
}
