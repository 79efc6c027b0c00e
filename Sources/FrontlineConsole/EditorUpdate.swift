import Foundation
import FrontlineCore
import FrontlineTUI

/// Keys while the reply pane has focus: a small multi-line editor.
enum EditorUpdate {
    static func handle(_ key: Key, state: inout ConsoleState, world: ConsoleWorld) -> [ConsoleEffect] {
        guard let c = world.selectedCase(state) else {
            state.focus = .queue
            return []
        }
        ConsoleUpdate.loadEditor(for: c.id, state: &state, world: world)
        if state.replyBasis?.caseID != c.id { state.replyBasis = ReplyBasis(c) }
        let width = max(1, state.replyWidth)
        var e = state.editor
        switch key {
        case .escape:
            state.focus = .queue
            return ConsoleUpdate.flushDraft(&state)
        case .control("s"):
            let body = e.text.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !body.isEmpty else {
                state.status = StatusMessage(Words.messages.replyEmpty(UILanguage.current), kind: .error, at: world.now)
                return []
            }
            let name = world.desk.customer(of: c).map { TextSanitiser.singleLine($0.firstName) } ?? Words.messages.theCustomer(UILanguage.current)
            let changed = state.replyBasis?.changes(in: c, customerName: name, agent: state.agent) ?? []
            if !changed.isEmpty {
                let l = UILanguage.current, w = Words.status
                state.status = StatusMessage(Words.messages.changedWhileWriting(l, ["case": c.id, "changes": changed.joined(separator: "; ")]), kind: .error, at: world.now)
                state.mode = .picker(Picker(.staleReply(c.id, body: e.text), title: w.sendAnyway(l), options: [w.sendAnywayOption(l), w.reviewFirst(l)], selected: 1))
                return []
            }
            return ActionSteps.sendReply(c.id, e.text, state: &state, world: world)
        case .control("e"):
            return [.openExternalEditor(c.id, e.text)]
        case .control("z"):
            return ConsoleUpdate.flushDraft(&state) + [.suspend]
        case .control("c"):
            // The terminal is in raw mode, so Ctrl-C arrives as a key: quit, keeping the draft.
            state.quitRequested = true
            return ConsoleUpdate.flushDraft(&state) + [.quit]
        case .character(let ch): e.insert(ch)
        case .tab: e.insert(text: "    ")
        case .enter: e.newline()
        case .backspace: e.backspace()
        case .delete, .control("d"): e.deleteForward()
        case .control("w"), .alt("\u{7F}"), .alt("\u{08}"): e.deleteWordBackward()
        case .alt("d"): e.deleteWordForward()
        case .control("u"): e.deleteToLineStart()
        case .left: e.moveLeft()
        case .right: e.moveRight()
        case .alt("b"): e.moveWordLeft()
        case .alt("f"): e.moveWordRight()
        case .up: e.moveUp(width: width)
        case .down: e.moveDown(width: width)
        case .home, .control("a"): e.moveLineStart(width: width)
        case .end: e.moveLineEnd(width: width)
        case .pageUp: e.moveToStart()
        case .pageDown: e.moveToEnd()
        case .function(1):
            state.mode = .help
            return []
        default:
            return []
        }
        if e.text != state.editor.text {
            state.draftDirty = true
            state.lastEditAt = world.now
        }
        state.editor = e
        return []
    }
}
