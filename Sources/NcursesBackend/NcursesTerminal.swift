@preconcurrency import CNcursesw
import FrontlineTUI
import Glibc
import Synchronization

// The only file that talks to ncurses (htop's CRT.c lesson): setup, colours, drawing, keys,
// signals and restoring the terminal, whatever happens.

/// The signal that asked us to stop (SIGHUP from an ssh drop, SIGTERM), 0 if none.
private let pendingSignal = Atomic<Int32>(0)
/// Saved before initscr, restored by the crash handler with async-signal-safe calls only.
nonisolated(unsafe) private var savedTermios = termios()
nonisolated(unsafe) private var haveSavedTermios = false

private func restoreTerminalFromSignal() {
    if haveSavedTermios { _ = tcsetattr(STDIN_FILENO, TCSANOW, &savedTermios) }
    // Reset attributes, show the cursor, leave the alternate screen.
    let reset: StaticString = "\u{1B}[0m\u{1B}[?25h\u{1B}[?1049l"
    _ = write(STDOUT_FILENO, reset.utf8Start, reset.utf8CodeUnitCount)
}

private func stopSignalHandler(_ signal: Int32) {
    pendingSignal.store(signal, ordering: .relaxed)
}

private func crashSignalHandler(_ signal: Int32) {
    restoreTerminalFromSignal()
    // Let the default action run (core dump, exit status) now that the terminal is sane.
    Glibc.signal(signal, SIG_DFL)
    raise(signal)
}

public final class NcursesTerminal: TerminalBackend {
    public struct StartError: Error, CustomStringConvertible { public let description: String }

    private var lastFrame: Grid?
    private var pairs: [Int64: Int32] = [:]
    private var nextPair: Int32 = 1
    private let useColour: Bool
    private var emptyReads = 0
    public private(set) var terminalGone = false

    /// Sets up the locale, signals and the full screen. Throws (before touching the screen)
    /// when stdin/stdout are not a terminal or the locale is not UTF-8.
    /// The locale the environment names; its character set.
    static func useEnvironmentLocale() -> String {
        setlocale(LC_ALL, "")
        return String(cString: nl_langinfo(nl_item(CODESET)))
    }

    /// Whether LC_ALL, LC_CTYPE or LANG (the first one set) names a UTF-8 locale.
    static func environmentAsksForUTF8() -> Bool {
        for name in ["LC_ALL", "LC_CTYPE", "LANG"] {
            guard let v = getenv(name).map({ String(cString: $0) }), !v.isEmpty else { continue }
            let lower = v.lowercased()
            return lower.contains("utf-8") || lower.contains("utf8")
        }
        return false
    }

    public init(colour: Bool) throws {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            throw StartError(description: "the console needs a terminal (stdin and stdout are not a tty); for scripts use the subcommands, e.g. `frontline queue`")
        }
        var codeset = Self.useEnvironmentLocale()
        if codeset != "UTF-8", Self.environmentAsksForUTF8() {
            // LANG=fi_FI.UTF-8 on a machine without the Finnish locale: the terminal is UTF-8 all
            // the same, and the console's language comes from the name, not from the C library.
            setlocale(LC_CTYPE, "C.UTF-8")
            codeset = String(cString: nl_langinfo(nl_item(CODESET)))
        }
        guard codeset == "UTF-8" else {
            throw StartError(description: "the terminal's locale uses \(codeset), not UTF-8, so names like Åsa and the box lines would be garbled; set LANG=C.UTF-8 (or another UTF-8 locale) and try again")
        }
        if tcgetattr(STDIN_FILENO, &savedTermios) == 0 { haveSavedTermios = true }
        for s in [SIGHUP, SIGTERM, SIGINT, SIGQUIT] { signal(s, stopSignalHandler) }
        for s in [SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP] { signal(s, crashSignalHandler) }
        // Ctrl-Z is read as a key (raw mode) and suspends through `suspend()`.
        guard initscr() != nil else { throw StartError(description: "ncurses could not start on TERM=\(String(cString: getenv("TERM") ?? strdup("?")))") }
        raw()
        noecho()
        nonl()
        keypad(fl_stdscr(), true)
        set_escdelay(25)
        curs_set(0)
        useColour = colour && has_colors()
        if useColour {
            start_color()
            use_default_colors()
        }
    }

    public var size: (width: Int, height: Int) {
        (Int(fl_cols()), Int(fl_lines()))
    }

    /// Why the program must stop now, if it must.
    public var stopReason: String? {
        if terminalGone { return "the terminal went away" }
        switch pendingSignal.load(ordering: .relaxed) {
        case 0: return nil
        case SIGHUP: return "hangup (SIGHUP): the terminal closed"
        case SIGTERM: return "terminated (SIGTERM)"
        case SIGINT: return "interrupted (SIGINT)"
        case let s: return "signal \(s)"
        }
    }

    public func present(_ grid: Grid) {
        let updates = GridDiff.updates(from: lastFrame, to: grid)
        if lastFrame == nil || lastFrame!.width != grid.width || lastFrame!.height != grid.height { erase() }
        for u in updates where !u.cell.isContinuation {
            let (attrs, pair) = attributes(for: u.cell.style)
            if u.x + 1 < grid.width && grid[u.x + 1, u.y].isContinuation {
                // Blank the right half first: if the terminal thinks this character is narrower
                // than we do, no stale character is left behind it.
                var space: [wchar_t] = [32, 0]
                _ = fl_put_cell(Int32(u.y), Int32(u.x + 1), &space, attrs, pair)
            }
            var wide: [wchar_t] = u.cell.text.unicodeScalars.prefix(7).map { wchar_t(bitPattern: $0.value) }
            // A character the system's wcwidth does not know (newer than its Unicode tables) would
            // be drawn as nothing at all: show a replacement character instead.
            if let first = wide.first, fl_wcwidth(first) < 0 { wide = [0xFFFD] }
            wide.append(0)
            // ERR is expected for the bottom-right cell (the cursor cannot move past it); the
            // character is drawn all the same.
            _ = fl_put_cell(Int32(u.y), Int32(u.x), &wide, attrs, pair)
        }
        lastFrame = grid
        refresh()
    }

    /// Forgets the last frame so the next one is drawn whole (after $EDITOR, fg, or a resize).
    public func invalidate() {
        lastFrame = nil
        clearok(fl_stdscr(), true)
    }

    /// Another descriptor to wait on with the terminal (the server's change feed): when it is
    /// readable the wait ends early, so a change shows at once rather than at the next tick.
    /// Asked before every wait, so a feed that has gone (a lost server) stops waking the loop.
    public var wakeDescriptor: () -> Int32? = { nil }

    public func nextKey(timeoutMilliseconds: Int) -> Key? {
        if terminalGone || pendingSignal.load(ordering: .relaxed) != 0 { return nil }
        if let k = readKey(waitMilliseconds: 0) { return k }
        var all = [pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)]
        if let wake = wakeDescriptor() { all.append(pollfd(fd: wake, events: Int16(POLLIN), revents: 0)) }
        let ready = poll(&all, nfds_t(all.count), Int32(timeoutMilliseconds))
        if ready < 0 { return errno == EINTR ? readKey(waitMilliseconds: 0) : markGone() }
        if ready == 0 { return nil }
        let fds = all[0]
        // Only the change feed is ready: return to the loop, which folds the changes in and draws.
        if fds.revents == 0 { return nil }
        if fds.revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0 && fds.revents & Int16(POLLIN) == 0 { return markGone() }
        if let k = readKey(waitMilliseconds: 0) { emptyReads = 0; return k }
        // Readable yet nothing to read, again and again: end of file on the terminal.
        emptyReads += 1
        if emptyReads > 20 { return markGone() }
        return nil
    }

    private func markGone() -> Key? {
        terminalGone = true
        return nil
    }

    private func readKey(waitMilliseconds: Int32) -> Key? {
        timeout(waitMilliseconds)
        var ch: wint_t = 0
        let r = get_wch(&ch)
        if r == ERR {
            if errno == EIO { terminalGone = true }
            return nil
        }
        if r == KEY_CODE_YES { return Self.functionKey(Int32(ch)) }
        switch ch {
        case 27:
            // Esc alone, or Alt+key (Esc-prefixed).
            timeout(0)
            var next: wint_t = 0
            if get_wch(&next) == OK, let s = Unicode.Scalar(UInt32(next)) {
                return .alt(Character(s))
            }
            return .escape
        case 13, 10: return .enter
        case 9: return .tab
        case 127, 8: return .backspace
        case 0: return .control(" ")
        case 1...26: return .control(Character(Unicode.Scalar(UInt8(ch) + 96)))
        case 28...31: return nil
        default:
            guard let s = Unicode.Scalar(UInt32(ch)) else { return nil }
            return .character(Character(s))
        }
    }

    static func functionKey(_ code: Int32) -> Key? {
        switch code {
        case KEY_UP: .up
        case KEY_DOWN: .down
        case KEY_LEFT: .left
        case KEY_RIGHT: .right
        case KEY_HOME: .home
        case KEY_END: .end
        case KEY_NPAGE: .pageDown
        case KEY_PPAGE: .pageUp
        case KEY_DC: .delete
        case KEY_IC: .insert
        case KEY_BACKSPACE: .backspace
        case KEY_ENTER: .enter
        case KEY_BTAB: .backTab
        case KEY_RESIZE: .resize
        default:
            (1...12).first { fl_key_f(Int32($0)) == code }.map { .function($0) }
        }
    }

    private func attributes(for style: TextStyle) -> (attr_t, Int32) {
        var a = fl_attr_normal()
        if style.attributes.contains(.bold) { a |= fl_attr_bold() }
        if style.attributes.contains(.dim) { a |= fl_attr_dim() }
        if style.attributes.contains(.underline) { a |= fl_attr_underline() }
        if style.attributes.contains(.reverse) { a |= fl_attr_reverse() }
        if style.attributes.contains(.italic) { a |= fl_attr_italic() }
        guard useColour else { return (a, 0) }
        return (a, pair(style.foreground, style.background))
    }

    private func colourNumber(_ c: TerminalColor) -> Int32 {
        switch c {
        case .default: return -1
        case let .indexed(n):
            let colours = Int(fl_colors())
            if Int(n) < colours { return Int32(n) }
            // Fewer colours than asked for: bright → normal, the 256-colour cube → white.
            return n < 16 ? Int32(n) - 8 : 7
        }
    }

    private func pair(_ fg: TerminalColor, _ bg: TerminalColor) -> Int32 {
        let f = colourNumber(fg), b = colourNumber(bg)
        if f == -1 && b == -1 { return 0 }
        let key = Int64(f) << 32 | Int64(UInt32(bitPattern: b))
        if let p = pairs[key] { return p }
        guard nextPair < fl_color_pairs() else { return 0 }
        let p = nextPair
        nextPair += 1
        init_extended_pair(p, f, b)
        pairs[key] = p
        return p
    }

    /// Leaves curses mode so another program (an editor) can own the terminal.
    public func leaveFullScreen() {
        endwin()
    }

    public func enterFullScreen() {
        refresh()
        invalidate()
    }

    /// Ctrl-Z: restore the terminal, stop, and redraw whole on `fg`.
    public func suspend() {
        endwin()
        signal(SIGTSTP, SIG_DFL)
        raise(SIGTSTP)
        // Resumed.
        refresh()
        invalidate()
    }

    /// Restores the terminal; safe to call more than once.
    public func shutdown() {
        if isendwin() == false { endwin() }
    }
}
