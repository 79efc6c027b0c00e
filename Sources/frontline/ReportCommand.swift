import ArgumentParser
import Foundation
import FrontlineConsole
import FrontlineCore
import FrontlineTUI

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report", abstract: "The desk's results over a period: response and resolution times, SLA, promises, complaints, goodwill, ratings.",
        discussion: "Every figure is defined in the README under Reports. The period is [--since, --until): 'monday', '7d' (ago), '2026-11-23', '2026-11-23 10:42', in your time zone.")
    @OptionGroup var global: GlobalOptions
    @Option(help: "Start of the period (default: 7d).") var since = "7d"
    @Option(help: "End of the period (default: now).") var until = "now"
    @Option(help: "Group by agent, priority, channel or tag.") var by: String?
    @Option(help: "text (80 columns), csv or json.") var format = "text"

    func run() throws {
        let now = Date()
        let from: Date, to: Date
        do {
            from = try ReportTime.parse(since, now: now, timeZone: .current)
            to = try ReportTime.parse(until, now: now, timeZone: .current)
        } catch { throw CleanExit.failure("\(error)") }
        guard from < to else { throw CleanExit.failure("--since must be before --until") }
        var grouping: ReportGrouping?
        if let by {
            guard let g = ReportGrouping(rawValue: by) else { throw CleanExit.failure("--by \(by): one of agent, priority, channel, tag") }
            grouping = g
        }
        guard ["text", "csv", "json"].contains(format) else { throw CleanExit.failure("--format \(format): one of text, csv, json") }
        let store = try global.openService(owner: "frontline report")
        let desk = store.desk
        store.close()
        let (config, _) = try global.loadConfigAndTheme(explicit: nil)
        let report = DeskReporting.report(desk, since: from, until: to, now: now, levels: desk.serviceLevels(base: config.levels), by: grouping)
        let language = UILanguage.chosen(config: config.language, environment: global.environment)
        switch format {
        case "json": print(String(decoding: try ExportDocument.encoder(pretty: true).encode(report), as: UTF8.self))
        case "csv": print(ReportText.csv(report, language: language), terminator: "")
        default: print(ReportText.text(report, timeZone: .current, language: language), terminator: "")
        }
    }
}
