import Foundation
import FrontlineCore
import FrontlineTUI
import Testing
@testable import FrontlineConsole

/// The report as a person reads it in a terminal, and as a spreadsheet opens it.
@Suite struct ReportTextTests {
    let clock = ManualClock(t0)

    func report(by: ReportGrouping? = nil) throws -> DeskReport {
        let s = try seededService(clock: clock)
        try s.perform(.tag(s.desk.caseOrder[1], tags: ["=cmd|calc"]), actor: "alice", at: nil)
        return DeskReporting.report(s.desk, since: t0.addingTimeInterval(-86400 * 60), until: t0, now: t0, levels: ServiceLevels(), by: by)
    }

    @Test func theTextFitsEightyColumns() throws {
        let text = ReportText.text(try report(by: .agent), timeZone: utc)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.allSatisfy { DisplayWidth.of(String($0)) <= 80 }, "\(lines.filter { DisplayWidth.of(String($0)) > 80 })")
        #expect(text.hasPrefix("Report 2026-09-24 10:00 – 2026-11-23 10:00 by agent\n"))
        #expect(text.contains("── alice ─") && text.contains("── bob ─"))
        #expect(text.contains("SLA urgent (1h)"))
        #expect(text.contains("first response median   "))
    }

    @Test func theCSVIsOneFigureARowAndNeverAFormula() throws {
        let csv = ReportText.csv(try report(by: .tag))
        let rows = csv.split(separator: "\n")
        #expect(rows.first == "group,figure,value")
        #expect(rows.contains { $0.hasPrefix("all,received,") })
        #expect(rows.contains { $0.hasPrefix("'=cmd|calc,received,") }, "a tag that looks like a formula is quoted: \(rows.filter { $0.contains("cmd") })")
        #expect(!rows.contains { $0.hasPrefix("=") })
    }

    @Test func sparklinesAndBarsScaleToTheirValues() {
        #expect(ReportScreen.sparkline([0, 1, 4, 8]) == "·▂▅█")
        #expect(ReportScreen.sparkline([0, 0]) == "··")
        #expect(ReportScreen.bar(0.5, width: 10) == "█████░░░░░" && ReportScreen.bar(nil, width: 3) == "···")
    }

    @Test func theReportsScreenWrapsRatherThanCutsOnANarrowTerminal() throws {
        let s = try seededService(clock: clock)
        let (app, _, _) = makeApp(s, clock: clock, width: 80, height: 40)
        app.type(.character("R"))
        let screen = app.screen
        #expect(screen.contains("the line is 70%"), "\(screen)")
        // The promises line is longer than the room for it: its last word goes on a line of its own.
        let lines = screen.split(separator: "\n").map(String.init)
        let i = try #require(lines.firstIndex { $0.contains("promises ") && $0.hasSuffix("open │") })
        #expect(lines[i + 1].contains("│                          1 "), "\(lines[i + 1])")
    }
}
