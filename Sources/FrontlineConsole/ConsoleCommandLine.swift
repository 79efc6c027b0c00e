import Foundation
import FrontlineCore

/// The `:` command line: the console's actions by name, for the agent who prefers typing
/// (`:escalate supervisor "refund over limit"`, `:followup +2d call back`, `:assign bob`).
public enum ConsoleCommandLine {
    public struct Problem: Error, CustomStringConvertible, Equatable {
        public let description: String
        init(_ d: String) { description = d }
    }

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

    /// Runs the action the line names (`ConsoleActions`), with the rest of the line as its arguments.
    static func run(_ line: String, state: inout ConsoleState, world: ConsoleWorld) throws(Problem) -> [ConsoleEffect] {
        let w = words(line)
        guard let name = w.first?.lowercased() else { return [] }
        guard let action = ConsoleActions.action(named: name), let run = action.onLine else {
            let names = ConsoleActions.all.filter { $0.onLine != nil }.map(\.name)
            throw Problem(Words.messages.unknownCommand(UILanguage.current, ["names": names.joined(separator: ", "), "name": name]))
        }
        let ctx = ActionContext(world: world, selected: world.selectedCase(state), pageSize: 10)
        if let why = ConsoleActions.refusal(of: action, state: state, ctx: ctx, emptyQueue: Words.messages.noCaseSelected(UILanguage.current)) { throw Problem(why) }
        return try run(Array(w.dropFirst()), &state, ctx)
    }
}
