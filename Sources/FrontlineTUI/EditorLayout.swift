/// The reply editor wrapped for display: its visual lines and where the cursor sits on them.
///
/// `lines` never run past the width (spaces hanging past the edge at a break are not shown);
/// `cursorColumn` is always in `0..<width`, so the app can draw the cursor inside its box.
public struct EditorLayout: Equatable, Sendable {
    public let lines: [String]
    public let cursorRow: Int
    public let cursorColumn: Int

    public init(lines: [String], cursorRow: Int, cursorColumn: Int) {
        self.lines = lines
        self.cursorRow = cursorRow
        self.cursorColumn = cursorColumn
    }
}
