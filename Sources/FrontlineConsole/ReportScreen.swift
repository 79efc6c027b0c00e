import Foundation
import FrontlineCore
import FrontlineTUI

/// The supervisors' Reports screen (`R`, `:report [DAYS]`): the last days' figures as the report
/// gives them, received and solved per day as sparklines, SLA attainment per priority as bars.
/// Worked out once when opened (a report reads every case) and shown as of then.
public struct ReportView: Sendable, Equatable {
    public var days: Int
    public var report: DeskReport
    public var received: [Int]
    public var solved: [Int]
    public var asOf: Date

    public static func make(days: Int, world: ConsoleWorld) -> ReportView {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = world.timeZone
        let since = calendar.date(byAdding: .day, value: -(days - 1), to: calendar.startOfDay(for: world.now))!
        let report = DeskReporting.report(world.desk, since: since, until: world.now, now: world.now, levels: world.levels)
        let (received, solved) = DeskReporting.daily(world.desk, days: days, until: world.now, timeZone: world.timeZone)
        return ReportView(days: days, report: report, received: received, solved: solved, asOf: world.now)
    }
}

enum ReportScreen {
    static let ticks: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

    /// One character a value, scaled to the largest ("▁▃█▅").
    static func sparkline(_ values: [Int]) -> String {
        let top = max(1, values.max() ?? 1)
        return String(values.map { $0 == 0 ? "·" : ticks[min(7, ($0 * 7 + top - 1) / top)] })
    }

    static func bar(_ share: Double?, width: Int) -> String {
        guard let share else { return String(repeating: "·", count: width) }
        let filled = Int((share * Double(width)).rounded())
        return String(repeating: "█", count: filled) + String(repeating: "░", count: max(0, width - filled))
    }

    static func draw(_ v: ReportView, into g: inout Grid, area: Rect, world: ConsoleWorld, theme: Theme) {
        g.fill(area, style: theme[.normal])
        g.drawBox(area, style: theme[.accent])
        let l = world.language, w = Words.report
        let title = w.screenTitle(l, ["days": "\(v.days)", "time": world.time.clock(v.asOf)])
        g.write(title, x: area.x + 2, y: area.y, style: theme[.title], maxWidth: area.width - 4)
        let inner = Rect(x: area.x + 2, y: area.y + 1, width: max(0, area.width - 4), height: max(0, area.height - 2))
        guard let all = v.report.groups.first, inner.height > 0 else { return }
        var y = inner.y
        let figures = ReportText.figures(all, l)
        let column = ReportText.labelColumn(figures.map(\.label) + [w.receivedPerDay(l), w.recovered(l)])
        func line(_ label: String, _ value: String, _ role: ThemeRole = .normal) {
            guard y < inner.maxY else { return }
            g.write(DisplayWidth.pad(label, toWidth: column), x: inner.x, y: y, style: theme[.dim], maxWidth: inner.width)
            // A long value wraps under itself, so a narrow terminal loses nothing off the edge.
            for part in TextWrap.wrap(value, width: max(10, inner.width - column - 1)) where y < inner.maxY {
                g.write(part, x: inner.x + column + 1, y: y, style: theme[role], maxWidth: max(0, inner.width - column - 1))
                y += 1
            }
        }
        line(w.receivedPerDay(l), w.inAll(l, ["spark": sparkline(v.received), "total": "\(v.received.reduce(0, +))", "today": "\(v.received.last ?? 0)"]), .accent)
        line(w.solvedPerDay(l), w.inAll(l, ["spark": sparkline(v.solved), "total": "\(v.solved.reduce(0, +))", "today": "\(v.solved.last ?? 0)"]), .accent)
        for p in Priority.allCases.reversed() {
            guard let s = all.sla[p.rawValue] else { continue }
            let role: ThemeRole = (s.attainment ?? 1) < 0.8 ? .slaBreached : .slaOK
            line(w.sla(l, ["priority": Words.views.priority(p)(l), "target": AgeFormat.chosen(s.target)]),
                 bar(s.attainment, width: 20) + " " + w.slaValue(l, ["percent": ReportText.percent(s.attainment, l), "met": "\(s.met)", "missed": "\(s.missed)"]), role)
        }
        let recovered = all.complaints.recovered.share
        line(w.recovered(l), w.theLine(l, ["bar": bar(recovered, width: 20), "share": ReportText.share(all.complaints.recovered, l)]),
             (recovered ?? 1) < all.complaints.target ? .slaBreached : .slaOK)
        y += 1
        // The rest as the report gives it, skipping what the lines above already show.
        for row in figures where row.figure != "sla" && row.figure != "complaints recovered" {
            line(row.label, row.value)
        }
        if y < inner.maxY {
            g.write(w.screenFooter(l), x: inner.x, y: inner.maxY - 1, style: theme[.dim], maxWidth: inner.width)
        }
    }
}
