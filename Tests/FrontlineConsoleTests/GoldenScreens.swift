import Foundation
import FrontlineTUI
@testable import FrontlineConsole

/// Golden files: the screen as plain text plus a style map (one letter per cell naming its
/// theme role), so a layout or colour change shows up as a readable diff.
/// `UPDATE_GOLDEN=1 swift test` rewrites them.
enum GoldenScreens {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    static func styleMap(_ grid: Grid, theme: Theme) -> String {
        // Roles in a fixed order, each with a letter; the first role with an equal style wins.
        let roles = ThemeRole.allCases
        let letters = Array("nbtsdaokxfFeiOEuUpKz")
        var legend: [String] = []
        var byStyle: [TextStyle: Character] = [:]
        for (i, role) in roles.enumerated() where byStyle[theme[role]] == nil {
            byStyle[theme[role]] = letters[i]
            legend.append("\(letters[i]) \(role.rawValue)")
        }
        var rows: [String] = []
        for y in 0..<grid.height {
            var row = ""
            for x in 0..<grid.width where !grid[x, y].isContinuation {
                row.append(byStyle[grid[x, y].style] ?? "?")
            }
            rows.append(row)
        }
        return legend.joined(separator: "\n") + "\n\n" + rows.joined(separator: "\n") + "\n"
    }

    /// Compares with (or, with UPDATE_GOLDEN=1, writes) Golden/<name>.txt and <name>.style.
    static func check(_ name: String, grid: Grid, theme: Theme) -> [String] {
        let text = grid.lines().joined(separator: "\n") + "\n"
        let style = styleMap(grid, theme: theme)
        var problems: [String] = []
        for (file, content) in [("\(name).txt", text), ("\(name).style", style)] {
            let url = folder.appendingPathComponent(file)
            if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
                try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                try? content.write(to: url, atomically: true, encoding: .utf8)
                continue
            }
            guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
                problems.append("missing golden \(file); run UPDATE_GOLDEN=1 swift test --filter ConsoleGoldenTests")
                continue
            }
            if expected != content {
                let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
                let a = content.split(separator: "\n", omittingEmptySubsequences: false)
                let firstDiff = zip(e, a).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(e.count, a.count)
                let want = firstDiff < e.count ? String(e[firstDiff]) : "<end>"
                let got = firstDiff < a.count ? String(a[firstDiff]) : "<end>"
                problems.append("\(file) differs at line \(firstDiff + 1):\n  expected: \(want)\n  actual:   \(got)")
            }
        }
        return problems
    }
}
