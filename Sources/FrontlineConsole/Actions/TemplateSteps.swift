import Foundation
import FrontlineCore
import FrontlineTUI

/// Putting a template into the reply: `i` opens a prompt whose list narrows as the agent types,
/// Enter inserts the first match at the cursor, filled for this case and customer in their
/// language (`:template NAME` does the same in one go).
extension ActionSteps {
    static func fill(_ t: ReplyTemplate, case c: SupportCase, customer: Customer, state: ConsoleState, world: ConsoleWorld) -> String {
        t.filled(ReplyTemplate.values(for: c, customer: customer, history: CustomerHistory(desk: world.desk, caseID: c.id),
                                      agent: state.agent, timeZone: world.timeZone))
    }

    /// The template `filter` picks for the case: the one so named, else the first whose name holds every word.
    static func template(_ filter: String, for c: SupportCase, world: ConsoleWorld) -> ReplyTemplate? {
        let language = Language(code: world.desk.customer(of: c)?.language ?? "en")
        let name = filter.trimmingCharacters(in: .whitespaces).lowercased()
        return world.templates.named(name, language: language) ?? world.templates.matching(name, language: language).first
    }

    /// The prompt's list: the names that match what is typed so far.
    static func templateHint(_ filter: String, for c: SupportCase, world: ConsoleWorld) -> String {
        let language = Language(code: world.desk.customer(of: c)?.language ?? "en")
        let names = world.templates.matching(filter, language: language).map(\.name)
        let l = UILanguage.current
        guard !names.isEmpty else { return Words.goodwill.noTemplateMatches(l, ["text": TextSanitiser.singleLine(filter)]) }
        return "Enter: " + names.joined(separator: " · ") + " (\(Words.console.name(of: language, l)))"
    }

    static func insertTemplate(_ t: ReplyTemplate, into c: SupportCase, state: inout ConsoleState, world: ConsoleWorld) -> [ConsoleEffect] {
        guard let customer = world.desk.customer(of: c) else { return [] }
        ConsoleUpdate.loadEditor(for: c.id, state: &state, world: world)
        state.editor.insert(text: fill(t, case: c, customer: customer, state: state, world: world))
        state.draftDirty = true
        state.lastEditAt = world.now
        state.focus = .reply
        let l = UILanguage.current
        state.status = StatusMessage(Words.goodwill.templatePut(l, ["language": Words.console.name(of: t.language, l), "name": t.name]), at: world.now)
        return []
    }
}
