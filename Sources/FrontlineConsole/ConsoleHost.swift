/// What the run loop needs from the process around it, beyond drawing and keys: signals,
/// leaving the full screen for `$EDITOR`, and Ctrl-Z. The ncurses host implements it; tests use a fake.
public protocol ConsoleHost: AnyObject {
    /// Set when the program must end: SIGTERM, SIGHUP (an ssh drop), or the terminal went away.
    var exitReason: String? { get }
    /// Leaves full-screen mode, runs `body` (e.g. an editor), then restores and repaints everything.
    func runOutsideFullScreen(_ body: () -> Void)
    /// Stops the process (Ctrl-Z) with the terminal restored; returns after `fg`.
    func suspend()
}
