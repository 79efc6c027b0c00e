import Foundation
import FrontlineCore
import FrontlineTUI

/// State + world → one frame. Pure: golden tests render into a Grid and compare text.
public enum ConsoleRenderer {
    public struct Frame: Sendable {
        public var grid: Grid
        /// Scroll positions as drawn (clamped so the selection is visible); the app keeps them.
        public var queueTop: Int
        public var historyScroll: Int
    }

    public static func render(state: ConsoleState, world: ConsoleWorld, theme: Theme, width: Int, height: Int) -> Frame {
        var g = Grid(width: width, height: height, style: theme[.normal])
        let layout = ConsoleLayout(width: width, height: height)
        if layout.isTooSmall {
            let w = Words.console, l = world.language
            let lines = [w.tooSmall(l), w.need(l, ["size": "\(width)×\(height)", "need": "\(ConsoleLayout.minimumWidth)×\(ConsoleLayout.minimumHeight)"]), w.qQuits(l)]
            for (i, l) in lines.enumerated() {
                let y = max(0, height / 2 - 1) + i
                g.write(l, x: max(0, (width - DisplayWidth.of(l)) / 2), y: y, style: i == 0 ? theme[.title] : theme[.dim], maxWidth: width)
            }
            return Frame(grid: g, queueTop: state.queueTop, historyScroll: state.historyScroll)
        }
        let border = theme[.border]
        g.drawBox(layout.queueBox, style: border)
        g.drawBox(layout.historyBox, style: border)
        g.drawBox(layout.replyBox, style: border)
        // Join the shared borders.
        let q = layout.queueBox, r = layout.replyBox
        g[q.maxX - 1, q.y] = Cell(text: "┬", style: border)
        g[0, r.y] = Cell(text: "├", style: border)
        g[r.maxX - 1, r.y] = Cell(text: "┤", style: border)
        g[q.maxX - 1, r.y] = Cell(text: "┴", style: border)

        let top = QueuePane.draw(into: &g, box: layout.queueBox, state: state, world: world, theme: theme)
        let scroll = HistoryPane.draw(into: &g, box: layout.historyBox, state: state, world: world, theme: theme)
        ReplyPane.draw(into: &g, box: layout.replyBox, state: state, world: world, theme: theme)
        StatusBar.draw(into: &g, y: layout.statusRow, width: width, state: state, world: world, theme: theme)
        switch state.mode {
        case let .picker(p):
            Overlays.drawPicker(p, into: &g, over: layout.historyBox, theme: theme, language: world.language)
        case .help:
            Overlays.drawHelp(into: &g, area: Rect(x: 0, y: 0, width: width, height: height - 1), focus: state.focus, theme: theme, language: world.language)
        case let .report(v):
            ReportScreen.draw(v, into: &g, area: Rect(x: 0, y: 0, width: width, height: height - 1), world: world, theme: theme)
        case .review:
            if let board = state.reviewBoard {
                ReviewScreen.draw(board, state: state, into: &g, area: Rect(x: 0, y: 0, width: width, height: height - 1), world: world, theme: theme)
            }
        case .prompt where state.reviewBoard != nil:
            // The Review screen stays behind its prompts (the note, the action item, a dispute).
            ReviewScreen.draw(state.reviewBoard!, state: state, into: &g, area: Rect(x: 0, y: 0, width: width, height: height - 2), world: world, theme: theme)
        default:
            break
        }
        return Frame(grid: g, queueTop: top, historyScroll: scroll)
    }
}
