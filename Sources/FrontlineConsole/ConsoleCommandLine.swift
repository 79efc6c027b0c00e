import Foundation
import FrontlineCore

/// The `:` command line: the console's actions by name, for the agent who prefers typing
/// (`:escalate supervisor "refund over limit"`, `:followup +2d call back`, `:assign bob`).
public enum ConsoleCommandLine {
    public struct Problem: Error, CustomStringConvertible, Equatable {
        public let description: String
        init(_ d: String) { description = d }
    }

    public static let commands = [
        "apologise KIND", "escalate tier2|supervisor REASON", "deescalate REASON", "followup WHEN WHAT", "done [OUTCOME]",
        "reply TEXT", "note TEXT", "assign AGENT", "take", "priority low|normal|high|urgent", "tag TAG…",
        "solve", "reopen", "pending", "sla PRIORITY TARGET", "save N [DIR]", "view NAME", "search TEXT", "help", "quit",
    ]

    /// Splits on spaces, keeping "double quoted" runs together.
    public static func words(_ line: String) -> [String] {
        var out: [String] = []
        var current = ""
        var quoted = false
        var has = false
        for ch in line {
            if ch == "\"" { quoted.toggle(); has = true; continue }
            if ch == " " && !quoted {
                if has { out.append(current) }
                current = ""
                has = false
            } else {
                current.append(ch)
                has = true
            }
        }
        if has { out.append(current) }
        return out
    }

    static func run(_ line: String, state: inout ConsoleState, world: ConsoleWorld) throws(Problem) -> [ConsoleEffect] {
        let w = words(line)
        guard let name = w.first?.lowercased() else { return [] }
        let args = Array(w.dropFirst())
        let rest = args.joined(separator: " ")
        func target() throws(Problem) -> CaseID {
            guard let c = world.selectedCase(state) else { throw Problem("no case selected") }
            return c.id
        }
        switch name {
        case "q", "quit":
            state.quitRequested = true
            return ConsoleUpdate.flushDraft(&state) + [.quit]
        case "help", "h":
            state.mode = .help
            return []
        case "view", "v":
            guard let v = QueueView(name: rest) else {
                throw Problem("no view \"\(rest)\"; views: \(QueueView.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            state.view = v
            state.selectedIndex = 0
            state.selectedCaseID = nil
            state.queueTop = 0
            return []
        case "search", "find":
            state.search = rest
            state.selectedIndex = 0
            state.selectedCaseID = nil
            return []
        case "apologise", "apologize", "sorry":
            let id = try target()
            guard let kind = ApologyKind(rawValue: args.first?.lowercased() ?? "") else {
                throw Problem("apologise for what: \(ApologyKind.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            var effects: [ConsoleEffect] = []
            if let c = world.desk.cases[id], let k = world.desk.customer(of: c) {
                ConsoleUpdate.loadEditor(for: id, state: &state, world: world)
                let text = ApologyTemplates.render(kind, customer: k, caseID: id, agent: state.agent)
                if state.editor.isEmpty { state.editor.setText(text) } else { state.editor.moveToStart(); state.editor.insert(text: text + "\n\n") }
                state.draftDirty = true
                state.lastEditAt = world.now
                effects.append(.perform(.apologise(id, kind: kind), success: "apology (\(kind.label)) added to the reply and recorded on \(id)"))
            }
            return effects
        case "escalate", "esc":
            let id = try target()
            guard let first = args.first, let level = EscalationLevel(rawValue: first.lowercased().replacingOccurrences(of: " ", with: "")) else {
                throw Problem("escalate to whom: tier2 or supervisor, then the reason")
            }
            let reason = args.dropFirst().joined(separator: " ")
            guard !reason.trimmingCharacters(in: .whitespaces).isEmpty else { throw Problem("escalate needs a reason") }
            return [.perform(.escalate(id, level: level, reason: reason), success: "\(id) escalated to \(level.label)")]
        case "deescalate", "de-escalate":
            let id = try target()
            guard !rest.trimmingCharacters(in: .whitespaces).isEmpty else { throw Problem("deescalate needs a reason") }
            return [.perform(.deescalate(id, reason: rest), success: "\(id) de-escalated")]
        case "sla":
            guard args.count == 2, let p = Priority(rawValue: args[0].lowercased()),
                  let seconds = try? FollowUpTime.relative(args[1], original: args[1]) else {
                throw Problem("sla PRIORITY TARGET, e.g. :sla urgent 30m")
            }
            return [.perform(.setServiceLevel(p, target: seconds), success: "\(p.rawValue) SLA target is now \(AgeFormat.compact(seconds)) for everyone")]
        case "followup", "follow-up", "fu":
            let id = try target()
            let parser = FollowUpTime(timeZone: world.timeZone)
            // The time is the first one or two words that read as a time; the rest is the note.
            for n in stride(from: min(2, args.count), through: 1, by: -1) {
                if let due = try? parser.parse(args.prefix(n).joined(separator: " "), now: world.now) {
                    let note = args.dropFirst(n).joined(separator: " ")
                    guard !note.isEmpty else { throw Problem("followup needs what to follow up on after the time") }
                    let shown = world.time.dayAndTime(due, now: world.now)
                    return [.perform(.scheduleFollowUp(id, due: due, note: note), success: "follow-up on \(id) set for \(shown)")]
                }
            }
            throw Problem("followup WHEN WHAT — WHEN like +2h, +3d, tomorrow 9:00, mon 14:00, 2026-12-01 10:00")
        case "done":
            let id = try target()
            return [.perform(.completeFollowUp(id, id: nil, outcome: rest.isEmpty ? nil : rest), success: "follow-up on \(id) done")]
        case "reply":
            let id = try target()
            guard !rest.isEmpty else { throw Problem("reply TEXT — or press r to write in the reply pane") }
            return [.perform(.reply(id, body: rest), success: "reply sent on \(id)")]
        case "save":
            let id = try target()
            guard let first = args.first, let n = Int(first), n >= 1 else { throw Problem("save N [DIR] — N as the history pane numbers the attachments") }
            let count = world.desk.cases[id].map(MailThreadLines.attachments)?.count ?? 0
            guard n <= count else { throw Problem("\(id) has \(count) attachment\(count == 1 ? "" : "s"), not \(n)") }
            return [.saveAttachment(id, number: n, directory: args.dropFirst().joined(separator: " "))]
        case "note":
            let id = try target()
            guard !rest.isEmpty else { throw Problem("note TEXT") }
            return [.perform(.note(id, body: rest), success: "note added to \(id)")]
        case "assign":
            let id = try target()
            let who = rest.isEmpty ? nil : rest
            return [.perform(.assign(id, agent: who), success: who.map { "\(id) assigned to \($0)" } ?? "\(id) unassigned")]
        case "take":
            let id = try target()
            return [.perform(.take(id), success: "\(id) is yours")]
        case "priority", "prio":
            let id = try target()
            guard let p = Priority(rawValue: rest.lowercased()) else { throw Problem("priority low, normal, high or urgent") }
            return [.perform(.setPriority(id, p), success: "\(id) is now \(p.rawValue) priority")]
        case "tag":
            let id = try target()
            guard !args.isEmpty else { throw Problem("tag TAG…") }
            return [.perform(.tag(id, tags: args), success: "\(id) tagged \(args.joined(separator: " "))")]
        case "solve":
            let id = try target()
            return [.perform(.solve(id), success: "\(id) solved")]
        case "reopen":
            let id = try target()
            return [.perform(.reopen(id), success: "\(id) reopened")]
        case "pending":
            let id = try target()
            return [.perform(.setPending(id), success: "\(id) is waiting on the customer")]
        default:
            throw Problem("unknown command \"\(name)\"; try: \(commands.map { $0.split(separator: " ")[0] }.joined(separator: ", "))")
        }
    }
}
