import Foundation
import FrontlineCore
import FrontlineTUI

/// Large digits drawn from block characters, five rows tall: digits are full height, the unit
/// letters (d h m s) lower case, so "5" and "s" never look alike.
public enum BigDigits {
    public static let height = 5

    static let glyphs: [Character: [String]] = [
        "0": ["████", "█  █", "█  █", "█  █", "████"],
        "1": ["  █ ", " ██ ", "  █ ", "  █ ", " ███"],
        "2": ["████", "   █", "████", "█   ", "████"],
        "3": ["████", "   █", " ███", "   █", "████"],
        "4": ["█  █", "█  █", "████", "   █", "   █"],
        "5": ["████", "█   ", "████", "   █", "████"],
        "6": ["████", "█   ", "████", "█  █", "████"],
        "7": ["████", "   █", "  █ ", " █  ", " █  "],
        "8": ["████", "█  █", "████", "█  █", "████"],
        "9": ["████", "█  █", "████", "   █", "████"],
        "d": ["   █", "   █", "█▀▀█", "█  █", "████"],
        "h": ["█   ", "█   ", "█▀▀█", "█  █", "█  █"],
        "m": ["     ", "     ", "█▀█▀█", "█ █ █", "█ █ █"],
        "s": ["    ", "    ", "█▀▀▀", "▀▀▀█", "▄▄▄█"],
        "-": ["    ", "    ", "████", "    ", "    "],
        " ": ["  ", "  ", "  ", "  ", "  "],
    ]

    /// Columns the text takes (one blank column between glyphs); unknown characters are skipped.
    public static func width(of text: String) -> Int {
        let widths = text.compactMap { glyphs[$0]?.first.map { DisplayWidth.of($0) } }
        return widths.isEmpty ? 0 : widths.reduce(0, +) + widths.count - 1
    }

    /// The text's five rows.
    public static func rows(of text: String) -> [String] {
        var rows = [String](repeating: "", count: height)
        var first = true
        for ch in text {
            guard let g = glyphs[ch] else { continue }
            for i in 0..<height { rows[i] += (first ? "" : " ") + g[i] }
            first = false
        }
        return rows
    }

    /// Draws the text with its top-left at (x, y), clipped to `maxWidth`; returns the columns used.
    @discardableResult
    static func draw(_ text: String, into g: inout Grid, x: Int, y: Int, style: TextStyle, maxWidth: Int) -> Int {
        var used = 0
        for (i, row) in rows(of: text).enumerated() {
            // Spaces are written too, so the glyphs' holes take the style's background.
            used = max(used, g.write(row, x: x, y: y + i, style: style, maxWidth: maxWidth))
        }
        return used
    }
}

/// Figures → one full-screen frame, for any terminal size. Pure, like the console's renderer.
public enum WallboardRenderer {
    public static let minimumWidth = 24
    public static let minimumHeight = 6

    /// `problem`: why the desk stores nothing now (its server lost, or the server's database):
    /// the bottom row says it, so the room knows before anyone tries.
    public static func render(figures f: WallboardFigures, theme: Theme, time: TimeText, redact: Bool, width: Int, height: Int,
                              trends: WallboardTrends? = nil, problem: String? = nil) -> Grid {
        var g = renderFigures(f, theme: theme, time: time, redact: redact, width: width, height: height, trends: trends)
        if let problem, width >= minimumWidth, height >= minimumHeight {
            g.fill(Rect(x: 0, y: height - 1, width: width, height: 1), style: theme[.slaBreached])
            g.write("⚠ " + TextSanitiser.singleLine(problem), x: 0, y: height - 1, style: theme[.slaBreached].with(.bold), maxWidth: width)
        }
        return g
    }

    static func renderFigures(_ f: WallboardFigures, theme: Theme, time: TimeText, redact: Bool, width: Int, height: Int,
                              trends: WallboardTrends?) -> Grid {
        var g = Grid(width: width, height: height, style: theme[.normal])
        let l = time.language, w = Words.wallboard, c = Words.console
        if width < minimumWidth || height < minimumHeight {
            let lines = width >= 20
                ? [c.tooSmall(l), c.need(l, ["size": "\(width)×\(height)", "need": "\(minimumWidth)×\(minimumHeight)"]), c.qQuits(l)]
                : ["too small", "\(width)×\(height)", c.qQuits(l)]
            for (i, l) in lines.enumerated() {
                let y = max(0, height / 2 - 1) + i
                g.write(l, x: max(0, (width - DisplayWidth.of(l)) / 2), y: y, style: i == 0 ? theme[.title] : theme[.dim], maxWidth: width)
            }
            return g
        }

        // Header: what this is, the time, the only key.
        g.fill(Rect(x: 0, y: 0, width: width, height: 1), style: theme[.statusBar])
        let right = " \(time.clock(f.now))" + w.qQuits(l)
        let rightWidth = DisplayWidth.of(right)
        g.write(right, x: max(0, width - rightWidth), y: 0, style: theme[.statusBar])
        let title = width >= 60 ? w.title(l) + (redact ? w.redacted(l) : "") : w.shortTitle(l)
        g.write(title, x: 0, y: 0, style: theme[.statusBar].with(.bold), maxWidth: max(0, width - rightWidth - 1))

        var y = 1
        let waitText = f.oldestWait.map { AgeFormat.compact($0) } ?? "--"
        let waitRole: ThemeRole = switch f.oldestSLA {
        case .breached: .slaBreached
        case .atRisk: .slaAtRisk
        case .ok: .slaOK
        case .none: .dim
        }
        let countText = "\(f.waiting)"
        let waitBig = BigDigits.width(of: waitText), countBig = BigDigits.width(of: countText)
        let oldestLine = oldestDescription(f, l)
        // Big digits when there is room for them and the panels under them.
        if height >= 20, 2 + waitBig + 6 + max(countBig, 7) <= width {
            y += 1
            g.write(w.oldestWait(l), x: 2, y: y, style: theme[.title])
            BigDigits.draw(waitText, into: &g, x: 2, y: y + 1, style: theme[waitRole], maxWidth: width - 2)
            let cx = 2 + waitBig + 6
            g.write(w.waitingBig(l), x: cx, y: y, style: theme[.title])
            BigDigits.draw(countText, into: &g, x: cx, y: y + 1, style: theme[f.waiting > 0 ? .accent : .dim], maxWidth: width - cx)
            y += 1 + BigDigits.height
            g.write(oldestLine, x: 2, y: y, style: theme[.dim], maxWidth: width - 4)
            y += 1
        } else {
            var x = 1
            x += g.write(w.oldestShort(l), x: x, y: y, style: theme[.title], maxWidth: width - x)
            x += g.write(waitText, x: x, y: y, style: theme[waitRole].with(.bold), maxWidth: width - x)
            x += g.write(" · ", x: x, y: y, style: theme[.dim], maxWidth: width - x)
            x += g.write(countText, x: x, y: y, style: theme[.accent].with(.bold), maxWidth: width - x)
            g.write(w.waitingShort(l), x: x, y: y, style: theme[.title], maxWidth: width - x)
            y += 1
            g.write(oldestLine, x: 1, y: y, style: theme[.dim], maxWidth: width - 2)
            y += 1
        }

        let boxed = height >= 20
        let age = Panel(title: w.queueAge(l), lines: histogramLines(f, width: boxed ? (width >= 70 ? width / 2 - 2 : width - 2) : width - 2, language: l))
        let alerts = Panel(title: w.alerts(l), lines: boxed || width >= 70 ? alertLines(f, l) : compactAlertLines(f, l))
        let rest = Rect(x: 0, y: y, width: width, height: max(0, height - y))
        if width >= 70 {
            let rowHeight = max(age.lines.count, alerts.lines.count) + (boxed ? 2 : 1)
            let top = rest.splitTop(min(rowHeight, rest.height))
            let halves = top.top.splitLeft(width / 2)
            draw(age, into: &g, in: halves.left, boxed: boxed, theme: theme)
            draw(alerts, into: &g, in: halves.rest, boxed: boxed, theme: theme)
            var agentsArea = top.rest
            // The day and the last four hours, when there is room for them above the agents.
            if let trends, boxed, height >= 30, agentsArea.height >= 12 {
                let panel = Panel(title: w.today(l), lines: trendLines(trends, width: width - 2, language: l))
                let split = agentsArea.splitTop(panel.lines.count + 2)
                draw(panel, into: &g, in: split.top, boxed: true, theme: theme)
                agentsArea = split.rest
            }
            draw(Panel(title: w.agents(l), lines: agentLines(f, width: agentsArea.width - (boxed ? 2 : 0), language: l)), into: &g, in: agentsArea, boxed: boxed, theme: theme)
        } else {
            var area = rest
            // One column: the alarms first, they are what a passer-by must see.
            for p in [alerts, age, Panel(title: w.agents(l), lines: agentLines(f, width: width - (boxed ? 2 : 0), language: l))] {
                guard area.height >= (boxed ? 3 : 2) else { break }
                let h = min(area.height, p.lines.count + (boxed ? 2 : 1))
                let split = area.splitTop(h)
                draw(p, into: &g, in: split.top, boxed: boxed, theme: theme)
                area = split.rest
            }
        }
        return g
    }

    /// A four-row bar chart of the oldest wait every 15 minutes (readable across a room), and the
    /// day's figures under it.
    static func trendLines(_ t: WallboardTrends, width: Int, language l: UILanguage = .en) -> [StyledLine] {
        let w = Words.wallboard
        let rows = 4
        let top = max(1, t.oldestWait.max() ?? 1)
        let column = max(1, min(4, (width - 16) / max(1, t.oldestWait.count)))
        let eighths: [Character] = [" ", "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
        var lines: [StyledLine] = []
        for row in (0..<rows).reversed() {
            var text = row == rows - 1 ? DisplayWidth.pad(AgeFormat.compact(top), toWidth: 7) : String(repeating: " ", count: 7)
            for v in t.oldestWait {
                let filled = Int((v / top * Double(rows * 8)).rounded())
                let here = max(0, min(8, filled - row * 8))
                text += String(repeating: eighths[here], count: column)
            }
            lines.append(StyledLine(text, .accent))
        }
        let nowWord = w.now(l)
        lines.append(StyledLine(String(repeating: " ", count: 7) + DisplayWidth.pad(w.fourHoursAgo(l), toWidth: max(0, column * t.oldestWait.count - DisplayWidth.of(nowWord))) + nowWord, .dim))
        let rating = t.ratingAverageToday.map { NumberText.decimal($0, l) + " (\(t.ratingsToday))" } ?? w.none(l)
        let sla = t.slaToday.map { ReportText.percent($0.attainment, l) } ?? "–"
        lines.append(StyledLine(w.day(l, ["received": "\(t.receivedToday)", "solved": "\(t.solvedToday)", "sla": sla, "rating": rating,
                                         "approvals": "\(t.approvalsWaiting)", "recovered": ReportText.percent(t.weekRecovered.share, l)]), .normal))
        for praise in t.shoutOuts.prefix(2) { lines.append(StyledLine(w.wellDone(l, ["praise": praise]), .slaOK)) }
        return lines
    }

    /// "oldest waiting: C-1042 Åsa L.", or without the name when redacted.
    static func oldestDescription(_ f: WallboardFigures, _ l: UILanguage = .en) -> String {
        guard let id = f.oldestCaseID else { return Words.wallboard.nobodyWaiting(l) }
        var s = Words.wallboard.oldestWaiting(l, ["case": TextSanitiser.singleLine(id)])
        if let name = f.oldestCustomer, !name.isEmpty { s += " " + name }
        return s
    }

    struct Panel {
        var title: String
        var lines: [StyledLine]
    }

    static func draw(_ p: Panel, into g: inout Grid, in rect: Rect, boxed: Bool, theme: Theme) {
        guard rect.width > 2, rect.height > 1 else { return }
        let inner: Rect
        if boxed {
            guard rect.height >= 3 else { return }
            g.drawBox(rect, style: theme[.border])
            g.write(" \(p.title) ", x: rect.x + 2, y: rect.y, style: theme[.title], maxWidth: max(0, rect.width - 4))
            inner = Rect(x: rect.x + 2, y: rect.y + 1, width: max(0, rect.width - 4), height: max(0, rect.height - 2))
        } else {
            g.write(p.title, x: rect.x + 1, y: rect.y, style: theme[.title], maxWidth: rect.width - 2)
            inner = Rect(x: rect.x + 1, y: rect.y + 1, width: max(0, rect.width - 2), height: max(0, rect.height - 1))
        }
        for (i, line) in p.lines.enumerated() where i < inner.height {
            g.write(line, x: inner.x, y: inner.y + i, width: inner.width, theme: theme)
        }
    }

    static let bucketRoles: [ThemeRole] = [.slaOK, .slaOK, .slaAtRisk, .slaBreached, .slaBreached]

    /// One bar per bucket, scaled to the largest; a non-empty bucket always shows at least one block.
    static func histogramLines(_ f: WallboardFigures, width: Int, language l: UILanguage = .en) -> [StyledLine] {
        let label = { (b: WallboardFigures.Bucket) in b.below == nil ? Words.wallboard.older(l) : b.label }
        let labelWidth = f.buckets.map { DisplayWidth.of(label($0)) }.max() ?? 0
        let maxCount = f.buckets.map(\.count).max() ?? 0
        let countWidth = max(1, String(maxCount).count)
        let barRoom = max(1, width - 2 - labelWidth - countWidth - 2)
        return f.buckets.enumerated().map { i, b in
            let bar = b.count == 0 || maxCount == 0 ? 0 : max(1, (b.count * barRoom + maxCount / 2) / maxCount)
            return StyledLine([
                (DisplayWidth.pad(label(b), toWidth: labelWidth) + " ", .normal),
                (String(b.count).padLeft(countWidth) + " ", b.count > 0 ? .normal : .dim),
                (String(repeating: "█", count: bar), bucketRoles[min(i, bucketRoles.count - 1)]),
            ])
        }
    }

    static func alertLines(_ f: WallboardFigures, _ l: UILanguage = .en) -> [StyledLine] {
        let w = Words.wallboard
        let labels = [w.slaBreached, w.breachSoon, w.tier2, w.supervisor, w.followUpsOverdue, w.followUpsToday].map { $0(l) }
        let labelWidth = max(22, (labels.map { DisplayWidth.of($0) }.max() ?? 0) + 1)
        func line(_ label: String, _ n: Int, _ role: ThemeRole) -> StyledLine {
            StyledLine([(DisplayWidth.pad(label, toWidth: labelWidth), .normal), (String(n).padLeft(5), n > 0 ? role : .dim)])
        }
        return [
            line(labels[0], f.breached, .slaBreached),
            line(labels[1], f.breachingSoon, .slaAtRisk),
            line(labels[2], f.escalations[.tier2] ?? 0, .escalated),
            line(labels[3], f.escalations[.supervisor] ?? 0, .escalated),
            line(labels[4], f.followUpsOverdue, .followUpOverdue),
            line(labels[5], f.followUpsDueToday, .followUpDue),
        ]
    }

    /// The same figures in three lines, for short narrow terminals.
    static func compactAlertLines(_ f: WallboardFigures, _ l: UILanguage = .en) -> [StyledLine] {
        let w = Words.wallboard
        func n(_ v: Int, _ role: ThemeRole) -> (String, ThemeRole) { ("\(v)", v > 0 ? role : .dim) }
        return [
            StyledLine([(w.compactSLA(l), .normal), n(f.breached, .slaBreached), (w.compactSoon(l), .normal), n(f.breachingSoon, .slaAtRisk)]),
            StyledLine([(w.compactT2(l), .normal), n(f.escalations[.tier2] ?? 0, .escalated),
                        (w.compactSup(l), .normal), n(f.escalations[.supervisor] ?? 0, .escalated)]),
            StyledLine([(w.compactOverdue(l), .normal), n(f.followUpsOverdue, .followUpOverdue),
                        (w.compactToday(l), .normal), n(f.followUpsDueToday, .followUpDue)]),
        ]
    }

    static func agentLines(_ f: WallboardFigures, width: Int, language l: UILanguage = .en) -> [StyledLine] {
        let w = Words.wallboard
        let nameWidth = min(16, max(6, DisplayWidth.of(w.agent(l)), (f.agents.map { DisplayWidth.of($0.name) }.max() ?? 0)))
        // Each column as wide as its heading in this language, and at least as the figures need.
        let openWidth = max(6, DisplayWidth.of(w.open(l)) + 2), oldestWidth = max(8, DisplayWidth.of(w.oldest(l)) + 2)
        let wideWidth = DisplayWidth.of(w.repliesToday(l)) + 2, narrowWidth = max(9, DisplayWidth.of(w.replies(l)) + 2)
        let wide = width >= nameWidth + openWidth + oldestWidth + wideWidth + 3
        func cols(_ name: String, _ open: String, _ oldest: String, _ replies: String) -> String {
            DisplayWidth.pad(DisplayWidth.truncate(name, toWidth: nameWidth), toWidth: nameWidth)
                + open.padLeft(openWidth) + oldest.padLeft(oldestWidth) + replies.padLeft(wide ? wideWidth : narrowWidth)
        }
        var out = [StyledLine(cols(w.agent(l), w.open(l), w.oldest(l), (wide ? w.repliesToday : w.replies)(l)), .dim)]
        if f.agents.isEmpty { out.append(StyledLine(w.noAgents(l), .dim)) }
        for a in f.agents {
            out.append(StyledLine(cols(a.name, "\(a.openCases)", a.oldestWait.map { AgeFormat.compact($0) } ?? "-", "\(a.repliesToday)")))
        }
        return out
    }
}
