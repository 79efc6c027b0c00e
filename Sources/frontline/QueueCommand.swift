import ArgumentParser
import Foundation
import FrontlineConsole
import FrontlineCore
import FrontlineStore
import FrontlineTUI

struct QueueCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "queue", abstract: "Print the queue as the console orders it, with ages.")

    @OptionGroup var global: GlobalOptions

    @Option(help: "waiting, mine, escalated, followups, pending, solved or all.")
    var view = "waiting"

    @Flag(help: "JSON instead of a table.")
    var json = false

    @Option(help: "Show the queue as it was then: \"2026-11-30 10:42\", yesterday, 2h (ago). Reads the whole event log.")
    var at: String?

    func run() throws {
        guard let v = QueueView(name: view) else {
            throw CleanExit.failure("no view \"\(view)\"; views: \(QueueView.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let moment = try at.map(DeskHistory.moment)
        let desk: HelpDesk
        let agent: String
        if let moment {
            desk = try DeskHistory.desk(at: moment, global: global)
            agent = global.resolvedAgent
        } else {
            let store = try global.openService(owner: "frontline queue")
            desk = store.desk
            agent = global.actingName(on: store)
            store.close()
        }
        let config = (try? FrontlineConfig.load(path: XDGPaths(environment: global.environment).configHome + "/frontline/config.toml")) ?? FrontlineConfig()
        let now = moment ?? SystemClock().now()
        if let moment, !json { print(Words.status.asItWasAt(UILanguage.current, ["when": ISOTime.format(moment)])) }
        let levels = desk.serviceLevels(base: config.levels)
        let ids = QueueQuery(view: v, agent: agent, levels: levels).run(on: desk, now: now)
        try QueueListing.print(ids, title: Words.views.title(v)(UILanguage.current), desk: desk, levels: levels, now: now, json: json)
    }
}

/// The queue's rows as text or JSON: `queue` and `search` print the same shape.
enum QueueListing {
    static func print(_ ids: [CaseID], title: String, desk: HelpDesk, levels: ServiceLevels, now: Date, json: Bool) throws {
        if json {
            struct Row: Encodable {
                let id: String, status: String, priority: String, age_seconds: Int, sla: String, assignee: String?
                let customer: String, subject: String, escalation: String?, next_follow_up: Date?, follow_up_overdue: Bool
            }
            let rows = ids.compactMap { id -> Row? in
                guard let c = desk.cases[id] else { return nil }
                let f = c.nextFollowUp()
                return Row(id: c.id, status: c.status.rawValue, priority: c.priority.rawValue, age_seconds: Int(c.age(at: now)),
                           sla: levels.state(of: c, at: now).rawValue, assignee: c.assignee, customer: desk.customer(of: c)?.name ?? "",
                           subject: c.subject, escalation: c.escalation?.level.rawValue, next_follow_up: f?.due,
                           follow_up_overdue: f.map { $0.due <= now } ?? false)
            }
            let data = try ExportDocument.encoder().encode(rows)
            Swift.print(String(decoding: data, as: UTF8.self))
            return
        }
        let l = UILanguage.current, w = Words.status
        Swift.print((ids.count == 1 ? w.oneCase : w.cases)(l, ["view": title, "n": "\(ids.count)"]))
        for id in ids {
            guard let c = desk.cases[id] else { continue }
            var marks: [String] = []
            let sla = levels.state(of: c, at: now)
            if sla == .breached { marks.append(w.slaBreachedMark(l)) } else if sla == .atRisk { marks.append(w.slaAtRiskMark(l)) }
            if let e = c.escalation { marks.append("escalated:\(e.level.rawValue)") }
            if let f = c.nextFollowUp() { marks.append(f.due <= now ? w.followUpOverdueMark(l) : w.followUpMark(l, ["when": AgeFormat.relative(f.due.timeIntervalSince(now))])) }
            let name = TextSanitiser.singleLine(desk.customer(of: c)?.name ?? "")
            let cols = [
                DisplayWidth.pad(c.id, toWidth: 8), DisplayWidth.pad(Words.views.shortPriority(c.priority)(l), toWidth: 3), AgeFormat.compact(c.age(at: now)).padding(toLength: 6, withPad: " ", startingAt: 0),
                DisplayWidth.pad(Words.views.status(c.status)(l), toWidth: 9), DisplayWidth.pad(c.assignee.map(TextSanitiser.singleLine) ?? "-", toWidth: 8),
                DisplayWidth.pad(name, toWidth: 20), DisplayWidth.truncate(TextSanitiser.singleLine(c.subject), toWidth: 40),
            ]
            Swift.print(cols.joined(separator: " ") + (marks.isEmpty ? "" : "  [" + marks.joined(separator: ", ") + "]"))
        }
    }
}

struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Print a case with its customer's history (sanitised).")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The case id, e.g. C-1042.") var caseID: String
    @Flag(help: "JSON (the case as in export) instead of text.") var json = false
    @Option(help: "Text width.") var width = 100

    func run() throws {
        let store = try global.openService(owner: "frontline show")
        let desk = store.desk
        store.close()
        guard desk.cases[caseID] != nil else { throw CleanExit.failure(RefusalWords.shared.noCase(UILanguage.current, ["case": caseID])) }
        if json {
            guard let entry = ExportDocument.entry(caseID, desk: desk) else { throw CleanExit.failure(RefusalWords.shared.noCase(UILanguage.current, ["case": caseID])) }
            print(String(decoding: try ExportDocument.encoder(pretty: true).encode(entry), as: UTF8.self))
            return
        }
        for line in CaseReport.lines(desk: desk, caseID: caseID, now: SystemClock().now(), timeZone: .current, width: max(40, width)) {
            print(line)
        }
    }
}
