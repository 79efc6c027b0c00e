/// One key press as the console sees it, independent of the terminal backend.
public enum Key: Hashable, Sendable {
    /// Printable text, including space and non-ASCII.
    case character(Character)
    case enter, tab, backTab, backspace, delete, escape
    case up, down, left, right, home, end, pageUp, pageDown, insert
    /// F1...F12.
    case function(Int)
    /// Ctrl+letter as the lowercase letter, e.g. `.control("s")`.
    /// Ctrl-I, Ctrl-M and Ctrl-H arrive as `.tab`, `.enter` and `.backspace` (terminals cannot tell them apart).
    case control(Character)
    /// An Esc-prefixed character (Alt/Meta+character).
    case alt(Character)
    /// The terminal changed size; re-layout from the backend's new `size`.
    case resize
}
