import FrontlineTUI

/// A line of text made of styled runs, for panes that build their content before laying it out.
public struct StyledLine: Sendable, Equatable {
    public var runs: [(text: String, role: ThemeRole)]

    public init(_ runs: [(String, ThemeRole)] = []) {
        self.runs = runs.map { (text: $0.0, role: $0.1) }
    }

    public init(_ text: String, _ role: ThemeRole = .normal) {
        runs = [(text: text, role: role)]
    }

    public static func == (a: StyledLine, b: StyledLine) -> Bool {
        a.runs.map(\.text) == b.runs.map(\.text) && a.runs.map(\.role) == b.runs.map(\.role)
    }

    public var plainText: String { runs.map(\.text).joined() }

    public mutating func append(_ text: String, _ role: ThemeRole = .normal) {
        runs.append((text: text, role: role))
    }
}

extension Grid {
    /// Writes the runs left to right, clipped to `width`, and returns the columns used.
    @discardableResult
    mutating func write(_ line: StyledLine, x: Int, y: Int, width: Int, theme: Theme, base: TextStyle? = nil) -> Int {
        var used = 0
        for run in line.runs where used < width {
            var style = theme[run.role]
            if let base, run.role == .normal { style = base }
            used += write(run.text, x: x + used, y: y, style: style, maxWidth: width - used)
        }
        return used
    }
}

/// Wraps text into lines of `width`, each with `indent` spaces after the first.
func wrapped(_ text: String, width: Int, firstPrefix: String, indent: Int, role: ThemeRole, prefixRole: ThemeRole) -> [StyledLine] {
    let prefixWidth = DisplayWidth.of(firstPrefix)
    let bodyWidth = max(1, width - max(prefixWidth, indent))
    let pieces = TextWrap.wrap(text, width: bodyWidth)
    var out: [StyledLine] = []
    for (i, piece) in (pieces.isEmpty ? [""] : pieces).enumerated() {
        if i == 0 {
            out.append(StyledLine([(firstPrefix, prefixRole), (piece, role)]))
        } else {
            out.append(StyledLine([(String(repeating: " ", count: max(0, indent)), role), (piece, role)]))
        }
    }
    return out
}
