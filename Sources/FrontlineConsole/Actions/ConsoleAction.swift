import Foundation
import FrontlineCore
import FrontlineTUI

/// One thing an agent can do in the queue: its `:` name and aliases, its keys, its usage and
/// help line, the role it needs, and what it does when its key is pressed or its line typed.
/// `ConsoleActions.all` is the only list: key dispatch, the `:` line, the `?` help and the
/// README's key table (held to it by a test) all read it.
public struct ConsoleAction: Sendable {
    /// The `:` name ("" for a key-only action such as moving).
    public let name: String
    public let aliases: [String]
    public let keys: [Key]
    /// The keys as help shows them ("↑ ↓  j k"); nil: no key, only the `:` line.
    public let keyLabel: String?
    /// The `:` form with its arguments ("escalate tier2|supervisor REASON"); nil: no `:` form.
    public let usage: String?
    public let help: String
    /// Its word on the status line and its place there (1 first; the line shows what fits).
    public let hint: (word: String, place: Int)?
    public let role: ActionRole
    /// The `frontline` subcommand that does the same from a script (nil: the console only).
    public let cli: String?
    /// Whether it acts on the selected case (refused with "no case selected" when there is none).
    public let needsCase: Bool
    let onKey: (@Sendable (Key, inout ConsoleState, ActionContext) -> [ConsoleEffect])?
    let onLine: (@Sendable ([String], inout ConsoleState, ActionContext) throws(ConsoleCommandLine.Problem) -> [ConsoleEffect])?

    init(_ name: String, cli: String? = nil, aliases: [String] = [], keys: [Key] = [], keyLabel: String? = nil, usage: String? = nil, help: String,
         hint: (word: String, place: Int)? = nil, role: ActionRole = .agent, needsCase: Bool = true,
         onKey: (@Sendable (Key, inout ConsoleState, ActionContext) -> [ConsoleEffect])? = nil,
         onLine: (@Sendable ([String], inout ConsoleState, ActionContext) throws(ConsoleCommandLine.Problem) -> [ConsoleEffect])? = nil) {
        self.name = name
        self.aliases = aliases
        self.keys = keys
        self.keyLabel = keyLabel
        self.usage = usage
        self.help = help
        self.hint = hint
        self.role = role
        self.cli = cli
        self.needsCase = needsCase
        self.onKey = onKey
        self.onLine = onLine
    }

    public func answers(to typed: String) -> Bool {
        !name.isEmpty && (typed == name || aliases.contains(typed))
    }
}

/// Who may take an action. The server decides for real (`AccessPolicy`); the console uses this
/// to say no at once, without a round trip, when it knows its role.
public enum ActionRole: Sendable, Equatable {
    /// Looking around: moving, views, search, help, quitting.
    case anyone
    /// Changing a case.
    case agent
    /// Desk-wide or overriding decisions.
    case supervisor

    /// Nil when `role` may; otherwise why not. An unknown role (a console on its own store, the
    /// server's owner) may do anything.
    func refusal(for role: TeamRole?, action: String) -> String? {
        guard let role else { return nil }
        switch (self, role) {
        case (.anyone, _), (_, .supervisor), (.agent, .agent): return nil
        case (.supervisor, .agent): return Words.status.onlySupervisor(UILanguage.current, ["action": action])
        case (_, .viewer): return Words.status.viewer(UILanguage.current)
        case (_, .intake): return Words.status.intake(UILanguage.current)
        }
    }
}

/// What an action sees when it runs.
struct ActionContext {
    let world: ConsoleWorld
    /// The selected case; never nil for an action that `needsCase`.
    let selected: SupportCase?
    /// Queue rows on screen (PgUp/PgDn).
    let pageSize: Int
}
