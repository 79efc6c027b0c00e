import Foundation
import FrontlineCore
import FrontlineTUI

/// Keys → new state + effects. Pure: no I/O here, so every journey can be scripted in tests.
public enum ConsoleUpdate {
    /// `pageSize` is the number of queue rows on screen (for PgUp/PgDn).
    public static func handle(_ key: Key, state: inout ConsoleState, world: ConsoleWorld, pageSize: Int = 10) -> [ConsoleEffect] {
        if key == .resize { return [] }
        // Any key dismisses an old status message, except while it is the prompt's feedback.
        if case .normal = state.mode { state.status = nil }
        switch state.mode {
        case .help, .report:
            state.mode = .normal
            return []
        case .review:
            return ReviewSteps.handle(key, state: &state, world: world)
        case let .picker(p):
            return handlePicker(key, picker: p, state: &state, world: world)
        case let .prompt(p):
            return PromptUpdate.handle(key, prompt: p, state: &state, world: world)
        case .normal:
            if state.focus == .reply { return EditorUpdate.handle(key, state: &state, world: world) }
            return handleQueueKey(key, state: &state, world: world, pageSize: max(1, pageSize))
        }
    }

    // MARK: - Queue focus

    /// A key in the queue runs the action bound to it in `ConsoleActions` (after its checks).
    static func handleQueueKey(_ key: Key, state: inout ConsoleState, world: ConsoleWorld, pageSize: Int) -> [ConsoleEffect] {
        guard let action = ConsoleActions.action(forKey: key), let run = action.onKey else { return [] }
        let ctx = ActionContext(world: world, selected: world.selectedCase(state), pageSize: pageSize)
        if let why = ConsoleActions.refusal(of: action, state: state, ctx: ctx, emptyQueue: Words.status.noCase(UILanguage.current)) {
            state.status = StatusMessage(why, kind: .error, at: world.now)
            return []
        }
        return run(key, &state, ctx)
    }

    // MARK: - Pickers

    static func handlePicker(_ key: Key, picker p: Picker, state: inout ConsoleState, world: ConsoleWorld) -> [ConsoleEffect] {
        var p = p
        var chosen: Int?
        switch key {
        case .escape, .character("q"): state.mode = .normal; return []
        case .down, .character("j"), .tab: p.selected = (p.selected + 1) % p.options.count
        case .up, .character("k"), .backTab: p.selected = (p.selected + p.options.count - 1) % p.options.count
        case .enter: chosen = p.selected
        case .character(let c):
            if let n = Int(String(c)), (1...p.options.count).contains(n) { chosen = n - 1 }
        default: break
        }
        guard let choice = chosen else { state.mode = .picker(p); return [] }
        state.mode = .normal
        switch p.purpose {
        case let .apology(id):
            return ActionSteps.apologise(id, ApologyKind.allCases[choice], state: &state, world: world)
        case let .escalation(id):
            let level = EscalationLevel.allCases[choice]
            state.mode = .prompt(Prompt(.escalationReason(id, level), label: Words.status.escalationReason(UILanguage.current, ["case": id, "level": Words.status.level(level)(UILanguage.current)]),
                                        hint: Words.status.escalationHint(UILanguage.current)))
            return []
        case let .priority(id):
            return [ActionSteps.priority(id, Priority.allCases[choice])]
        case let .makeItRight(id):
            return [ActionSteps.makeItRight(id, ApologyKind.allCases[choice])]
        case let .solution(id, names):
            return ActionSteps.insertSolution(names[choice], into: id, state: &state, world: world)
        case let .offer(id):
            return ActionSteps.offerKindChosen(OfferKind.allCases[choice], on: id, state: &state, world: world)
        case let .promiseInReply(id, body, due, sentence):
            return ActionSteps.promiseChoice(choice, id, body: body, due: due, sentence: sentence, state: &state, world: world)
        case let .staleReply(id, body):
            state.status = nil
            if choice == 0 { return ActionSteps.sendReply(id, body, state: &state, world: world) }
            // Review: the agent has now seen the case as it is; the next Ctrl-S sends.
            if let c = world.desk.cases[id] { state.replyBasis = ReplyBasis(c) }
            state.focus = .reply
            state.status = StatusMessage(Words.messages.reviewThread(UILanguage.current), at: world.now)
            return []
        }
    }

    // MARK: - Drafts

    /// Points the editor at `id`'s draft (saving the one it held first is the caller's job).
    static func loadEditor(for id: CaseID, state: inout ConsoleState, world: ConsoleWorld) {
        guard state.editorCaseID != id else { return }
        state.editorCaseID = id
        state.editor = TextEditorState(text: world.desk.draft(caseID: id, agent: state.agent) ?? "")
        state.draftDirty = false
    }

    /// The effect that saves the editor's text as a draft, if it changed since the last save.
    public static func flushDraft(_ state: inout ConsoleState) -> [ConsoleEffect] {
        guard state.draftDirty, let id = state.editorCaseID else { return [] }
        state.draftDirty = false
        return [.saveDraft(id, state.editor.text)]
    }

    /// Called when the selection may have moved: keeps the editor on the selected case.
    public static func followSelection(state: inout ConsoleState, world: ConsoleWorld) -> [ConsoleEffect] {
        guard let c = world.selectedCase(state), c.id != state.editorCaseID else { return [] }
        let effects = flushDraft(&state)
        loadEditor(for: c.id, state: &state, world: world)
        return effects
    }

    static func customerName(_ c: SupportCase, _ world: ConsoleWorld) -> String {
        world.desk.customer(of: c).map { TextSanitiser.singleLine($0.name) } ?? c.id
    }
}
