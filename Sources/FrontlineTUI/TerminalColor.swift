/// A terminal colour: the terminal's own default, or an entry of the 256-colour palette
/// (0–15 are the ANSI colours the user's theme controls, 16–255 the fixed xterm palette).
public enum TerminalColor: Hashable, Sendable {
    case `default`
    case indexed(UInt8)
}
