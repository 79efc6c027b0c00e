import Foundation
import FrontlineCore
import FrontlineTUI

/// A report as text for an 80-column terminal, and as CSV (group, figure, value) for a spreadsheet.
public enum ReportText {
    static func duration(_ s: Double?) -> String { s.map { AgeFormat.compact($0) } ?? "–" }
    static func percent(_ share: Double?, _ language: UILanguage = .en) -> String { share.map { NumberText.percent($0, language) } ?? "–" }
    static func share(_ f: ShareFigure, _ l: UILanguage = .en) -> String {
        Words.report.shareOf(l, ["percent": percent(f.share, l), "count": "\(f.count)", "of": "\(f.of)"])
    }

    /// A figure of the report: what it is (stable, for the Reports screen to pick), its label and value.
    struct Row {
        let figure: String
        let label: String
        let value: String
    }

    /// The figures of one group, label and value, in the order the text shows them.
    static func rows(_ g: GroupFigures, _ l: UILanguage = .en) -> [(String, String)] { figures(g, l).map { ($0.label, $0.value) } }

    static func figures(_ g: GroupFigures, _ l: UILanguage = .en) -> [Row] {
        let w = Words.report, q = g.quality
        func n(_ v: Int) -> String { "\(v)" }
        var out = [
            Row(figure: "received", label: w.received(l), value: n(g.received)), Row(figure: "solved", label: w.solved(l), value: n(g.solved)),
            Row(figure: "first response median", label: w.firstResponseMedian(l), value: duration(g.firstResponse.median)),
            Row(figure: "first response p90", label: w.firstResponseP90(l), value: duration(g.firstResponse.p90)),
        ]
        for p in Priority.allCases.reversed() {
            guard let s = g.sla[p.rawValue] else { continue }
            out.append(Row(figure: "sla", label: w.sla(l, ["priority": Words.views.priority(p)(l), "target": AgeFormat.chosen(s.target)]),
                           value: w.slaValue(l, ["percent": percent(s.attainment, l), "met": n(s.met), "missed": n(s.missed)])))
        }
        let money = g.goodwill.value.keys.sorted().map { Money(minorUnits: g.goodwill.value[$0]!, currency: $0).written(in: l == .en ? .en : (l == .sv ? .sv : .fi)) }
        out += [
            Row(figure: "resolution median", label: w.resolutionMedian(l), value: duration(g.resolution.median)),
            Row(figure: "resolution p90", label: w.resolutionP90(l), value: duration(g.resolution.p90)),
            Row(figure: "one-touch resolution", label: w.oneTouch(l), value: share(g.oneTouch, l)),
            Row(figure: "reopened", label: w.reopened(l), value: share(g.reopened, l)),
            Row(figure: "backlog now", label: w.backlog(l), value: DeskReporting.backlogBuckets.map { "\($0.name) \(g.backlog[$0.name] ?? 0)" }.joined(separator: "  ")),
            Row(figure: "promises", label: w.promises(l), value: w.promisesValue(l, ["onTime": n(g.promises.keptOnTime), "late": n(g.promises.keptLate),
                                                                                    "broken": n(g.promises.broken), "cancelled": n(g.promises.cancelled), "open": n(g.promises.open)])),
            Row(figure: "complaints", label: w.complaints(l), value: n(g.complaints.complaints)),
            Row(figure: "complaints recovered", label: w.recovered(l),
                value: w.recoveredValue(l, ["share": share(g.complaints.recovered, l), "target": percent(g.complaints.target, l)])),
            Row(figure: "first recovery action", label: w.firstRecovery(l), value: w.medianValue(l, ["value": duration(g.complaints.timeToFirstRecoveryAction.median)])),
            Row(figure: "apologies", label: w.apologies(l), value: list(g.apologies, l)),
            Row(figure: "escalations", label: w.escalations(l), value: list(g.escalations, l)),
            Row(figure: "goodwill given", label: w.goodwill(l), value: list(g.goodwill.given, l) + (money.isEmpty ? "" : "; " + money.joined(separator: ", "))),
            Row(figure: "approvals", label: w.approvals(l), value: w.approvalsValue(l, ["asked": n(g.goodwill.approvalsAsked), "granted": n(g.goodwill.approvalsGranted),
                                                                                      "declined": n(g.goodwill.approvalsDeclined), "open": n(g.goodwill.approvalsOpen),
                                                                                      "wait": duration(g.goodwill.approvalWait.median)])),
            Row(figure: "ratings", label: w.ratings(l), value: w.ratingsValue(l, ["n": n(g.ratings.count), "average": g.ratings.average.map { NumberText.decimal($0, l) } ?? "–",
                                                                                "good": share(g.ratings.good, l)])),
            Row(figure: "feedback answered", label: w.feedback(l), value: share(g.ratings.requests, l)),
            Row(figure: "reviews", label: w.reviews(l), value: w.reviewsValue(l, ["n": n(q.reviews), "praised": n(q.praised), "coached": n(q.coached), "critical": n(q.criticalMissed)])),
            Row(figure: "quality score", label: w.quality(l), value: q.score.map { w.qualityValue(l, ["score": String(format: "%.0f", $0)]) } ?? "–"),
            Row(figure: "reviews answered", label: w.answered(l), value: w.answeredValue(l, ["ack": n(q.acknowledged), "disputed": n(q.disputed), "unanswered": n(q.unanswered)])),
            Row(figure: "action items", label: w.actions(l), value: w.actionsValue(l, ["onTime": n(q.actionsOnTime), "late": n(q.actionsLate),
                                                                                     "overdue": n(q.actionsOverdue), "open": n(q.actionsOpen)])),
        ]
        return out
    }

    static func list(_ counts: [String: Int], _ l: UILanguage = .en) -> String {
        counts.isEmpty ? Words.report.none(l) : counts.keys.sorted().map { "\($0) \(counts[$0]!)" }.joined(separator: ", ")
    }

    public static func text(_ r: DeskReport, timeZone: TimeZone, language l: UILanguage = .en) -> String {
        let time = TimeText(timeZone: timeZone, language: l)
        let iso = DateFormatter()
        iso.locale = Locale(identifier: "en_US_POSIX")
        iso.timeZone = timeZone
        iso.dateFormat = "yyyy-MM-dd HH:mm"
        func at(_ d: Date) -> String { l == .en ? iso.string(from: d) : time.fullDate(d) + " " + time.clock(d) }
        var out = Words.report.report(l, ["since": at(r.since), "until": at(r.until)]) + (r.by.map { Words.report.by(l, ["by": $0]) } ?? "") + "\n"
        for g in r.groups {
            out += "\n── \(TextSanitiser.singleLine(g.group)) " + String(repeating: "─", count: max(0, 75 - DisplayWidth.of(TextSanitiser.singleLine(g.group)))) + "\n"
            let rows = rows(g, l)
            // The labels' column (24 at least, Finnish needs more), the value wrapped under itself within 80.
            let column = labelColumn(rows.map(\.0))
            for (label, value) in rows {
                let lines = TextWrap.wrap(value, width: 79 - column)
                for (i, line) in lines.enumerated() { out += (i == 0 ? DisplayWidth.pad(label, toWidth: column) : String(repeating: " ", count: column)) + " " + line + "\n" }
            }
        }
        return out
    }

    /// As wide as the longest label, from 24 to 32 columns (a longer one is cut with "…").
    static func labelColumn(_ labels: [String]) -> Int {
        max(24, min(32, labels.map { DisplayWidth.of($0) }.max() ?? 0))
    }

    public static func csv(_ r: DeskReport, language l: UILanguage = .en) -> String {
        func cell(_ s: String) -> String {
            var v = s
            if let first = v.first, "=+-@".contains(first) { v = "'" + v }   // never a formula in a spreadsheet
            return v.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) ? "\"" + v.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : v
        }
        var out = Words.report.csvHeader(l) + "\n"
        for g in r.groups { for (label, value) in rows(g, l) { out += [g.group, label, value].map(cell).joined(separator: ",") + "\n" } }
        return out
    }
}
