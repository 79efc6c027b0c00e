import ArgumentParser
import Foundation
import FrontlineCore
import FrontlineStore

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Print every case and customer as JSON or CSV, or every event (--events) as JSON lines.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case json, csv }

    @OptionGroup var global: GlobalOptions
    @Option(help: "json or csv.") var format: Format = .json
    @Flag(help: "Print the event log instead, one JSON object per line.") var events = false

    func run() throws {
        if events, try global.runOnServer(.exportEvents) { return }
        let opened = try global.open(owner: "frontline export")
        let store = opened.service
        defer { store.close() }
        let out = FileHandle.standardOutput
        if events {
            guard case let .own(local) = opened else { throw CleanExit.failure("a frontline server started meanwhile; run the export again") }
            let encoder = ExportDocument.encoder()
            do {
                try local.forEachJournaledEvent { event in
                    out.write(try encoder.encode(event))
                    out.write(Data("\n".utf8))
                }
            } catch {
                throw CleanExit.failure("export --events: \(error)")
            }
            return
        }
        switch format {
        case .json:
            out.write(try ExportDocument.encoder().encode(ExportDocument(desk: store.desk)))
            out.write(Data("\n".utf8))
        case .csv:
            out.write(Data(CSVExport.text(desk: store.desk).utf8))
        }
    }
}

/// One row per case. Cells are quoted per RFC 4180, and cells that a spreadsheet would run as a
/// formula (= + - @) are prefixed with ' — customer text must not become a formula.
enum CSVExport {
    static func text(desk: HelpDesk) -> String {
        var out = "id,status,priority,assignee,customer_id,customer_name,customer_email,language,subject,tags,escalation_level,escalation_reason,opened_at,waiting_since,solved_at,messages,apologies,open_follow_ups,next_follow_up_due\n"
        for id in desk.caseOrder {
            guard let c = desk.cases[id] else { continue }
            let k = desk.customer(of: c)
            let fields: [String] = [
                c.id, c.status.rawValue, c.priority.rawValue, c.assignee ?? "", c.customerID, k?.name ?? "", k?.email ?? "", k?.language ?? "",
                c.subject, c.tags.joined(separator: " "), c.escalation?.level.rawValue ?? "", c.escalation?.reason ?? "",
                ISOTime.format(c.openedAt), c.waitingSince.map { ISOTime.format($0) } ?? "", c.solvedAt.map { ISOTime.format($0) } ?? "",
                String(c.messages.count), c.apologies.map(\.kind.rawValue).joined(separator: " "), String(c.openFollowUps.count),
                c.nextFollowUp().map { ISOTime.format($0.due) } ?? "",
            ]
            out += fields.map(cell).joined(separator: ",") + "\n"
        }
        return out
    }

    static func cell(_ s: String) -> String {
        var v = s
        if let first = v.first, "=+-@\t\r".contains(first) { v = "'" + v }
        if v.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
            return "\"" + v.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return v
    }
}

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Verify the journal and snapshots without changing anything; report what is wrong and where.")

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let path = global.resolvedDataDir
        guard FileManager.default.fileExists(atPath: path) else { throw CleanExit.failure("no data directory at \(path)") }
        // A running server owns the files: it checks them between commands, so nothing moves underneath.
        if try global.runOnServer(.check) { return }
        let dir: DataDirectory
        do { dir = try DataDirectory.prepare(path: path) } catch { throw CleanExit.failure("\(error)") }
        let report = StoreChecker.check(directory: dir)
        for line in report.lines(dataDirectory: path) { print(line) }
        if !report.isHealthy {
            throw CleanExit.failure("problems found in \(path) (listed above)")
        }
    }
}
