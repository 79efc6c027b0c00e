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
        case .help:
            state.mode = .normal
            return []
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

    static func handleQueueKey(_ key: Key, state: inout ConsoleState, world: ConsoleWorld, pageSize: Int) -> [ConsoleEffect] {
        let count = world.queue.rows.count
        var effects: [ConsoleEffect] = []
        func move(to index: Int) {
            guard count > 0 else { return }
            let i = min(max(0, index), count - 1)
            if world.queue.rows[i] != state.selectedCaseID { state.historyScroll = 0 }
            state.selectedIndex = i
            state.selectedCaseID = world.queue.rows[i]
        }
        let current = world.queue.index(of: state.selectedCaseID) ?? state.selectedIndex
        let selected = world.selectedCase(state)
        func needCase() -> SupportCase? {
            if selected == nil { state.status = StatusMessage("the queue is empty: no case selected", kind: .error, at: world.now) }
            return selected
        }
        switch key {
        case .down, .character("j"): move(to: current + 1)
        case .up, .character("k"): move(to: current - 1)
        case .pageDown, .control("f"): move(to: current + pageSize)
        case .pageUp, .control("b"): move(to: current - pageSize)
        case .home, .character("g"): move(to: 0)
        case .end, .character("G"): move(to: count - 1)
        case .character("J"): state.historyScroll += 3
        case .character("K"): state.historyScroll = max(0, state.historyScroll - 3)
        case .character("S"):
            guard let c = needCase() else { break }
            let count = MailThreadLines.attachments(c).count
            guard count > 0 else {
                state.status = StatusMessage("\(c.id) has no attachments", kind: .error, at: world.now)
                break
            }
            state.mode = .prompt(Prompt(.commandLine, label: ":", text: "save ",
                                        hint: "save N [DIR] — N as the history numbers them (1–\(count)); DIR defaults to the working directory"))
        case .character("T"):
            state.showQuoted.toggle()
            state.status = StatusMessage(state.showQuoted ? "showing quoted text and signatures (T folds them)" : "quoted text and signatures folded (T shows them)", at: world.now)
        case .character(let c) where ("1"..."7").contains(c):
            let view = QueueView.allCases[Int(String(c))! - 1]
            if view != state.view {
                state.view = view
                state.selectedIndex = 0
                state.selectedCaseID = nil
                state.queueTop = 0
                state.historyScroll = 0
            }
        case .character("/"):
            state.mode = .prompt(Prompt(.search, label: "Search", text: state.search,
                                        hint: "name, e-mail, case id, subject or message text · Enter keeps · Esc clears"))
        case .escape:
            if !state.search.isEmpty {
                state.search = ""
                state.status = StatusMessage("search cleared", at: world.now)
            }
        case .character(":"):
            state.mode = .prompt(Prompt(.commandLine, label: ":", hint: "e.g. escalate supervisor \"refund over limit\" · followup +2d call back · assign bob · help"))
        case .character("?"), .function(1):
            state.mode = .help
        case .character("q"), .control("c"):
            effects += flushDraft(&state)
            state.quitRequested = true
            effects.append(.quit)
        case .control("z"):
            effects += flushDraft(&state)
            effects.append(.suspend)
        case .character("r"), .enter:
            if let c = needCase() {
                state.focus = .reply
                state.replyBasis = ReplyBasis(c)   // what the agent sees now is what they answer
            }
        case .character("a"):
            if let c = needCase() {
                state.mode = .picker(Picker(.apology(c.id), title: "Apologise to \(customerName(c, world)) for…",
                                            options: ApologyKind.allCases.map(\.label)))
            }
        case .character("e"):
            if let c = needCase() {
                state.mode = .picker(Picker(.escalation(c.id), title: "Escalate \(c.id) to…",
                                            options: EscalationLevel.allCases.map(\.label)))
            }
        case .character("f"):
            if let c = needCase() {
                state.mode = .prompt(Prompt(.followUpWhen(c.id), label: "Follow up \(c.id) when",
                                            hint: "+2h · +3d · tomorrow 9:00 · mon 14:00 · 2026-12-01 10:00 (\(world.timeZone.identifier))"))
            }
        case .character("F"):
            if let c = needCase() {
                if let next = c.nextFollowUp() {
                    state.mode = .prompt(Prompt(.followUpOutcome(c.id), label: "Done: \(next.note) — outcome",
                                                hint: "a short outcome, or Enter for none"))
                } else {
                    state.status = StatusMessage("\(c.id) has no open follow-up", kind: .error, at: world.now)
                }
            }
        case .character("n"):
            if let c = needCase() { state.mode = .prompt(Prompt(.note(c.id), label: "Note on \(c.id)", hint: "internal: the customer never sees notes")) }
        case .character("A"):
            if let c = needCase() { state.mode = .prompt(Prompt(.assign(c.id), label: "Assign \(c.id) to", text: c.assignee ?? "", hint: "an agent's name; empty unassigns")) }
        case .character("#"):
            if let c = needCase() { state.mode = .prompt(Prompt(.tag(c.id), label: "Tags for \(c.id)", hint: "words separated by spaces")) }
        case .character("p"):
            if let c = needCase() {
                let options = Priority.allCases.map(\.rawValue)
                state.mode = .picker(Picker(.priority(c.id), title: "Priority of \(c.id)", options: options,
                                            selected: Priority.allCases.firstIndex(of: c.priority) ?? 1))
            }
        case .character("s"):
            if let c = needCase() { effects.append(.perform(.solve(c.id), success: "\(c.id) solved")) }
        case .character("o"):
            if let c = needCase() { effects.append(.perform(.reopen(c.id), success: "\(c.id) reopened")) }
        case .character("t"):
            if let c = needCase() { effects.append(.perform(.take(c.id), success: "\(c.id) is yours")) }
        case .character("P"):
            if let c = needCase() { effects.append(.perform(.setPending(c.id), success: "\(c.id) is waiting on the customer")) }
        case .control("e"):
            if let c = needCase() {
                loadEditor(for: c.id, state: &state, world: world)
                effects.append(.openExternalEditor(c.id, state.editor.text))
            }
        default:
            break
        }
        return effects
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
            let kind = ApologyKind.allCases[choice]
            guard let c = world.desk.cases[id], let customer = world.desk.customer(of: c) else { return [] }
            loadEditor(for: id, state: &state, world: world)
            let text = ApologyTemplates.render(kind, customer: customer, caseID: id, agent: state.agent)
            if state.editor.isEmpty {
                state.editor.setText(text)
            } else {
                state.editor.moveToStart()
                state.editor.insert(text: text + "\n\n")
            }
            state.draftDirty = true
            state.lastEditAt = world.now
            state.focus = .reply
            return [.perform(.apologise(id, kind: kind), success: "apology (\(kind.label), \(Language(code: customer.language).englishName)) added to the reply and recorded on \(id)")]
        case let .escalation(id):
            let level = EscalationLevel.allCases[choice]
            state.mode = .prompt(Prompt(.escalationReason(id, level), label: "Reason for escalating \(id) to \(level.label)",
                                        hint: "required: what they need to know"))
            return []
        case let .priority(id):
            let priority = Priority.allCases[choice]
            return [.perform(.setPriority(id, priority), success: "\(id) is now \(priority.rawValue) priority")]
        case let .staleReply(id, body):
            state.status = nil
            if choice == 0 { return [.perform(.reply(id, body: body), success: "reply sent on \(id)")] }
            // Review: the agent has now seen the case as it is; the next Ctrl-S sends.
            if let c = world.desk.cases[id] { state.replyBasis = ReplyBasis(c) }
            state.focus = .reply
            state.status = StatusMessage("review the thread (Esc, then J/K scroll it); Ctrl-S sends when ready", at: world.now)
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
