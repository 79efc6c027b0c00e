import Foundation
import FrontlineCore
import FrontlineTUI

/// A report as text for an 80-column terminal, and as CSV (group, figure, value) for a spreadsheet.
public enum ReportText {
    static func duration(_ s: Double?) -> String { s.map { AgeFormat.compact($0) } ?? "–" }
    static func percent(_ share: Double?) -> String { share.map { String(format: "%.0f%%", $0 * 100) } ?? "–" }
    static func share(_ f: ShareFigure) -> String { "\(percent(f.share)) (\(f.count) of \(f.of))" }

    /// The figures of one group, label and value, in the order the text shows them.
    static func rows(_ g: GroupFigures) -> [(String, String)] {
        let q = g.quality
        var out: [(String, String)] = [
            ("received", "\(g.received)"), ("solved", "\(g.solved)"),
            ("first response median", duration(g.firstResponse.median)), ("first response p90", duration(g.firstResponse.p90)),
        ]
        for p in Priority.allCases.reversed() {
            guard let s = g.sla[p.rawValue] else { continue }
            out.append(("SLA \(p.rawValue) (\(AgeFormat.chosen(s.target)))", "\(percent(s.attainment)) (\(s.met) met, \(s.missed) missed)"))
        }
        out += [
            ("resolution median", duration(g.resolution.median)), ("resolution p90", duration(g.resolution.p90)),
            ("one-touch resolution", share(g.oneTouch)), ("reopened", share(g.reopened)),
            ("backlog now", DeskReporting.backlogBuckets.map { "\($0.name) \(g.backlog[$0.name] ?? 0)" }.joined(separator: "  ")),
            ("promises", "kept \(g.promises.keptOnTime) on time, \(g.promises.keptLate) late; broken \(g.promises.broken); cancelled \(g.promises.cancelled); open \(g.promises.open)"),
            ("complaints", "\(g.complaints.complaints)"),
            ("complaints recovered", "\(share(g.complaints.recovered)) — target \(percent(g.complaints.target))"),
            ("first recovery action", "median \(duration(g.complaints.timeToFirstRecoveryAction.median))"),
            ("apologies", list(g.apologies)), ("escalations", list(g.escalations)),
            ("goodwill given", list(g.goodwill.given) + (g.goodwill.value.isEmpty ? "" : "; " + g.goodwill.value.keys.sorted().map {
                Money(minorUnits: g.goodwill.value[$0]!, currency: $0).written(in: .en) }.joined(separator: ", "))),
            ("approvals", "asked \(g.goodwill.approvalsAsked): granted \(g.goodwill.approvalsGranted), declined \(g.goodwill.approvalsDeclined), open \(g.goodwill.approvalsOpen); wait median \(duration(g.goodwill.approvalWait.median))"),
            ("ratings", "\(g.ratings.count), average \(g.ratings.average.map { String(format: "%.1f", $0) } ?? "–"), good \(share(g.ratings.good))"),
            ("feedback answered", share(g.ratings.requests)),
            ("reviews", "\(q.reviews): praised \(q.praised), coached \(q.coached); critical missed \(q.criticalMissed)"),
            ("quality score", q.score.map { String(format: "%.0f of 100", $0) } ?? "–"),
            ("reviews answered", "acknowledged \(q.acknowledged), disputed \(q.disputed), not yet \(q.unanswered)"),
            ("action items", "done \(q.actionsOnTime) on time, \(q.actionsLate) late; overdue \(q.actionsOverdue); open \(q.actionsOpen)"),
        ]
        return out
    }

    static func list(_ counts: [String: Int]) -> String {
        counts.isEmpty ? "none" : counts.keys.sorted().map { "\($0) \(counts[$0]!)" }.joined(separator: ", ")
    }

    public static func text(_ r: DeskReport, timeZone: TimeZone) -> String {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = timeZone
        f.dateFormat = "yyyy-MM-dd HH:mm"
        var out = "Report \(f.string(from: r.since)) – \(f.string(from: r.until))\(r.by.map { " by \($0)" } ?? "")\n"
        for g in r.groups {
            out += "\n── \(TextSanitiser.singleLine(g.group)) " + String(repeating: "─", count: max(0, 75 - DisplayWidth.of(TextSanitiser.singleLine(g.group)))) + "\n"
            for (label, value) in rows(g) {
                // 24 columns of label, the value wrapped under itself within 80.
                let lines = TextWrap.wrap(value, width: 55)
                for (i, line) in lines.enumerated() { out += (i == 0 ? DisplayWidth.pad(label, toWidth: 24) : String(repeating: " ", count: 24)) + " " + line + "\n" }
            }
        }
        return out
    }

    public static func csv(_ r: DeskReport) -> String {
        func cell(_ s: String) -> String {
            var v = s
            if let first = v.first, "=+-@".contains(first) { v = "'" + v }   // never a formula in a spreadsheet
            return v.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) ? "\"" + v.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : v
        }
        var out = "group,figure,value\n"
        for g in r.groups { for (label, value) in rows(g) { out += [g.group, label, value].map(cell).joined(separator: ",") + "\n" } }
        return out
    }
}
