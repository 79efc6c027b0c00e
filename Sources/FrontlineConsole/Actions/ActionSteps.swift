import Foundation
import FrontlineCore
import FrontlineTUI

/// The last step of each action, whichever way it was started (a key and its prompt or picker,
/// or the `:` line): the command it performs and what the status line says once it is durable.
/// Defined once here, so `a` and `:apologise` cannot drift apart again.
enum ActionSteps {
    static var w: StatusWords { Words.status }
    static var l: UILanguage { UILanguage.current }

    static func note(_ id: CaseID, _ body: String) -> ConsoleEffect { .perform(.note(id, body: body), success: w.noteAdded(l, ["case": id])) }
    static func reply(_ id: CaseID, _ body: String) -> ConsoleEffect { .perform(.reply(id, body: body), success: w.replySent(l, ["case": id])) }
    static func solve(_ id: CaseID, overriding reason: String? = nil) -> ConsoleEffect {
        .perform(.solve(id, overriding: reason), success: (reason == nil ? w.solved : w.solvedOver)(l, ["case": id]))
    }

    /// `s` and `:solve`: solves, or first asks why while a promise to the customer is still open
    /// (the store refuses that without a reason, and records the one given).
    static func solveAsking(_ c: SupportCase, reason: String?, state: inout ConsoleState, world: ConsoleWorld) -> [ConsoleEffect] {
        guard let next = c.nextFollowUp(), reason?.isEmpty != false else { return [solve(c.id, overriding: reason)] }
        let when = world.time.dayAndTime(next.due, now: world.now)
        let m = Words.messages
        let more = c.openFollowUps.count > 1 ? m.andMore(l, ["n": "\(c.openFollowUps.count - 1)"]) : ""
        state.mode = .prompt(Prompt(.solveOverFollowUps(c.id),
                                    label: m.solveAnyway(l, ["case": c.id, "id": "\(next.id)", "when": when, "more": more, "note": TextSanitiser.singleLine(next.note)]),
                                    hint: m.solveAnywayHint(l)))
        return []
    }
    static func reopen(_ id: CaseID) -> ConsoleEffect { .perform(.reopen(id), success: w.reopened(l, ["case": id])) }
    static func take(_ id: CaseID) -> ConsoleEffect { .perform(.take(id), success: w.yours(l, ["case": id])) }
    static func pending(_ id: CaseID) -> ConsoleEffect { .perform(.setPending(id), success: w.pending(l, ["case": id])) }

    static func escalate(_ id: CaseID, _ level: EscalationLevel, reason: String) -> ConsoleEffect {
        .perform(.escalate(id, level: level, reason: reason), success: w.escalated(l, ["case": id, "level": w.level(level)(l)]))
    }

    static func deescalate(_ id: CaseID, reason: String) -> ConsoleEffect {
        .perform(.deescalate(id, reason: reason), success: w.deescalated(l, ["case": id]))
    }

    static func assign(_ id: CaseID, to agent: String?) -> ConsoleEffect {
        .perform(.assign(id, agent: agent), success: agent.map { w.assigned(l, ["case": id, "agent": $0]) } ?? w.unassigned(l, ["case": id]))
    }

    static func priority(_ id: CaseID, _ p: Priority) -> ConsoleEffect {
        .perform(.setPriority(id, p), success: w.priority(l, ["case": id, "priority": Words.views.priority(p)(l)]))
    }

    static func tag(_ id: CaseID, _ tags: [String]) -> ConsoleEffect {
        .perform(.tag(id, tags: tags), success: w.tagged(l, ["case": id, "tags": tags.joined(separator: " ")]))
    }

    static func followUp(_ id: CaseID, due: Date, note: String, untilAnswer: Bool = false, world: ConsoleWorld) -> ConsoleEffect {
        let (party, what) = waitingOn(note)
        return .perform(.scheduleFollowUp(id, due: due, note: what, untilAnswer: untilAnswer, waitingOn: party),
                        success: w.followUpSet(l, ["case": id, "when": world.time.dayAndTime(due, now: world.now)]) + (untilAnswer ? w.unlessFirst(l) : "")
                            + (party.map { w.waitingOn(l, ["party": $0]) } ?? ""))
    }

    /// "waiting on DHL: trace the parcel" → ("DHL", "trace the parcel"): a promise that waits on a third party.
    static func waitingOn(_ note: String) -> (String?, String) {
        let t = note.trimmingCharacters(in: .whitespaces)
        guard t.lowercased().hasPrefix("waiting on "), let colon = t.firstIndex(of: ":") else { return (nil, t) }
        let party = t[t.index(t.startIndex, offsetBy: 11)..<colon].trimmingCharacters(in: .whitespaces)
        let rest = t[t.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        guard !party.isEmpty, !rest.isEmpty else { return (nil, t) }
        return (party, rest)
    }

    /// "until +3d" → ("+3d", true): a follow-up the customer's answer keeps.
    static func untilAnswer(_ when: String) -> (String, Bool) {
        let t = when.trimmingCharacters(in: .whitespaces)
        guard t.lowercased().hasPrefix("until ") else { return (t, false) }
        return (String(t.dropFirst(6)).trimmingCharacters(in: .whitespaces), true)
    }

    static func rate(_ id: CaseID, _ score: Int, comment: String?) -> ConsoleEffect {
        .perform(.rate(id, score: score, comment: comment),
                 success: (score <= Rating.badAtMost ? Words.messages.ratedBad : Words.messages.rated)(l, ["case": id, "score": "\(score)"]))
    }

    static func cancelFollowUp(_ id: CaseID, reason: String) -> ConsoleEffect {
        .perform(.cancelFollowUp(id, id: nil, reason: reason), success: w.followUpCancelled(l, ["case": id]))
    }

    static func followUpDone(_ id: CaseID, outcome: String) -> ConsoleEffect {
        .perform(.completeFollowUp(id, id: nil, outcome: outcome.isEmpty ? nil : outcome), success: w.followUpDone(l, ["case": id]))
    }

    static func serviceLevel(_ p: Priority, _ seconds: TimeInterval) -> ConsoleEffect {
        .perform(.setServiceLevel(p, target: seconds), success: Words.messages.slaTarget(l, ["priority": Words.views.priority(p)(l), "target": AgeFormat.compact(seconds)]))
    }

    /// The apology goes at the top of the reply, in the customer's language, and the reply pane
    /// takes the focus so the agent goes on writing under it; the apology is recorded at once.
    static func apologise(_ id: CaseID, _ kind: ApologyKind, state: inout ConsoleState, world: ConsoleWorld) -> [ConsoleEffect] {
        guard let c = world.desk.cases[id], let customer = world.desk.customer(of: c) else { return [] }
        putAtTopOfReply(world.templates.apology(kind, on: c, customer: customer, history: CustomerHistory(desk: world.desk, caseID: id),
                                                agent: state.agent, timeZone: world.timeZone), on: id, state: &state, world: world)
        return [.perform(.apologise(id, kind: kind),
                         success: Words.messages.apologyAdded(l, ["kind": w.apology(kind)(l), "language": Words.console.name(of: Language(code: customer.language), l), "case": id]))]
    }

    /// `text` opens the case's reply (above what the agent wrote) and the reply pane takes the
    /// focus, so the agent goes on writing under it.
    static func putAtTopOfReply(_ text: String, on id: CaseID, state: inout ConsoleState, world: ConsoleWorld) {
        ConsoleUpdate.loadEditor(for: id, state: &state, world: world)
        if state.editor.isEmpty {
            state.editor.setText(text)
        } else {
            state.editor.moveToStart()
            state.editor.insert(text: text + "\n\n")
        }
        state.draftDirty = true
        state.lastEditAt = world.now
        state.focus = .reply
    }

    /// `text` at the end of the case's reply, a blank line after what the agent wrote.
    static func putAtEndOfReply(_ text: String, on id: CaseID, focusing: Bool, state: inout ConsoleState, world: ConsoleWorld) {
        ConsoleUpdate.loadEditor(for: id, state: &state, world: world)
        state.editor.moveToEnd()
        state.editor.insert(text: (state.editor.isEmpty ? "" : "\n\n") + text)
        state.draftDirty = true
        state.lastEditAt = world.now
        if focusing { state.focus = .reply }
    }

    /// Another view, from the top.
    static func show(_ view: QueueView, state: inout ConsoleState) {
        guard view != state.view else { return }
        state.view = view
        state.selectedIndex = 0
        state.selectedCaseID = nil
        state.queueTop = 0
        state.historyScroll = 0
    }

    static func quit(state: inout ConsoleState) -> [ConsoleEffect] {
        state.quitRequested = true
        return ConsoleUpdate.flushDraft(&state) + [.quit]
    }
}
