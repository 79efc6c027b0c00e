import Foundation
import FrontlineCore
import FrontlineTUI

/// The reply editor for the selected case.
enum ReplyPane {
    static func draw(into g: inout Grid, box: Rect, state: ConsoleState, world: ConsoleWorld, theme: Theme) {
        let inner = Rect(x: box.x + 2, y: box.y + 1, width: max(0, box.width - 4), height: max(0, box.height - 2))
        let l = world.language, w = Words.console
        guard let c = world.selectedCase(state) else {
            g.write(" \(w.replyTitle(l)) ", x: box.x + 2, y: box.y, style: theme[.title], maxWidth: max(0, box.width - 4))
            return
        }
        let customer = world.desk.customer(of: c)
        let language = w.name(of: Language(code: customer?.language ?? "en"), l)
        var title = " " + w.replyTo(l, ["case": c.id, "name": customer.map { TextSanitiser.singleLine($0.firstName) } ?? "", "language": language]) + " "
        if state.editorCaseID == c.id, !state.editor.isEmpty {
            title += (state.draftDirty ? w.draftUnsaved : w.draftSaved)(l)
        }
        let used = g.write(title, x: box.x + 2, y: box.y, style: state.focus == .reply ? theme[.accent] : theme[.title], maxWidth: max(0, box.width - 4))
        // Someone else on this case: say so where the reply is written.
        let here = world.others.filter { $0.caseID == c.id }
        if !here.isEmpty {
            let replying = here.filter(\.replying).map { TextSanitiser.singleLine($0.agent) }
            let viewing = here.filter { !$0.replying }.map { TextSanitiser.singleLine($0.agent) }
            var words: [String] = []
            if !replying.isEmpty { words.append((replying.count == 1 ? w.isReplying : w.areReplying)(l, ["who": replying.joined(separator: ", ")])) }
            if !viewing.isEmpty { words.append(w.viewing(l, ["who": viewing.joined(separator: ", ")])) }
            g.write(" " + words.joined(separator: " · ") + " ", x: box.x + 2 + used, y: box.y,
                    style: replying.isEmpty ? theme[.dim] : theme[.escalated], maxWidth: max(0, box.width - 4 - used))
        }

        let text = state.editorCaseID == c.id ? state.editor : TextEditorState(text: world.desk.draft(caseID: c.id, agent: state.agent) ?? "")
        if text.isEmpty && state.focus != .reply {
            g.write(w.replyHint(l), x: inner.x, y: inner.y, style: theme[.dim], maxWidth: inner.width)
            // The solutions to this case's problem, where the answer is written.
            let fits = ActionSteps.suggestedSolutions(c, world: world).prefix(3).map(\.name)
            if !fits.isEmpty, inner.height > 1 {
                g.write(w.solutionsFit(l, ["names": fits.joined(separator: " · ")]), x: inner.x, y: inner.y + 1,
                        style: theme[.accent], maxWidth: inner.width)
            }
            return
        }
        // The editor sanitises everything that enters it (typing, pastes, $EDITOR, drafts), so its
        // lines are drawn as they are: leading spaces must stay where the cursor expects them.
        let layout = text.layout(width: max(1, inner.width))
        let top = max(0, layout.cursorRow - inner.height + 1)
        for (row, line) in layout.lines.dropFirst(top).prefix(inner.height).enumerated() {
            g.write(line, x: inner.x, y: inner.y + row, style: theme[.normal], maxWidth: inner.width)
        }
        if state.focus == .reply && state.mode == .normal {
            let y = inner.y + layout.cursorRow - top
            let x = inner.x + min(layout.cursorColumn, max(0, inner.width - 1))
            var cell = g[x, y]
            if cell.isContinuation || cell.text.isEmpty { cell = Cell(text: " ", style: theme[.normal]) }
            cell.style = theme[.selected]
            g[x, y] = cell
            let help = w.editorKeys(l)
            g.write(help, x: box.x + 2, y: box.maxY - 1, style: theme[.dim], maxWidth: max(0, box.width - 4))
        }
    }
}
