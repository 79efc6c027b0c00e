import FrontlineCore
import FrontlineTUI

/// Things drawn over the panes: a picker menu and the help screen.
enum Overlays {
    static func drawPicker(_ p: Picker, into g: inout Grid, over area: Rect, theme: Theme, language: UILanguage = .en) {
        let title = TextSanitiser.singleLine(p.title)
        let labels = p.options.enumerated().map { " \($0.offset + 1)  \($0.element) " }
        let footer = Words.console.pickerFooter(language)
        let width = min(area.width, max(DisplayWidth.of(title) + 4, DisplayWidth.of(footer) + 2, (labels.map { DisplayWidth.of($0) }.max() ?? 0) + 4))
        let height = min(area.height, p.options.count + 2)
        let box = Rect(x: area.x + max(0, (area.width - width) / 2), y: area.y + max(0, (area.height - height) / 2), width: width, height: height)
        g.fill(box, style: theme[.normal])
        g.drawBox(box, style: theme[.accent])
        g.write(" " + title + " ", x: box.x + 1, y: box.y, style: theme[.title], maxWidth: box.width - 2)
        for (i, label) in labels.enumerated() where box.y + 1 + i < box.maxY - 1 {
            let style = i == p.selected ? theme[.selected] : theme[.normal]
            g.fill(Rect(x: box.x + 1, y: box.y + 1 + i, width: box.width - 2, height: 1), style: style)
            g.write(label, x: box.x + 1, y: box.y + 1 + i, style: style, maxWidth: box.width - 2)
        }
        g.write(footer, x: box.x + 1, y: box.maxY - 1, style: theme[.dim], maxWidth: box.width - 2)
    }

    /// From the action table: each key and its line, then the actions only the `:` line has.
    static let queueHelp: [(String, String)] = queueHelp(.en)

    static func queueHelp(_ l: UILanguage) -> [(String, String)] {
        let supervisors = [UILanguage.en: " (supervisors)", .sv: " (arbetsledare)", .fi: " (esihenkilöt)"][l]!
        return ConsoleActions.all.compactMap { a in a.keyLabel.map { ($0, ActionWords.help(a, l)) } }
            + ConsoleActions.all.filter { $0.keyLabel == nil }.compactMap { a in
                a.usage.map { (":" + $0, ActionWords.help(a, l) + (a.role == .supervisor ? supervisors : "")) }
            }
    }

    static func editorHelp(_ l: UILanguage) -> [(String, String)] {
        let w = Words.console
        return [
            ("Ctrl-S", w.sendReply(l)), ("Esc", w.backToQueue(l)), ("Ctrl-E", w.continueInEditor(l)), ("← → ↑ ↓", w.moveWrapped(l)),
            ("Home End  Ctrl-A", w.lineStartEnd(l)), ("PgUp PgDn", w.replyStartEnd(l)), ("Ctrl-W  Alt-Backspace", w.deleteWordBefore(l)),
            ("Alt-D", w.deleteWordAfter(l)), ("Ctrl-U", w.deleteToLineStart(l)), ("Alt-B Alt-F", w.wordLeftRight(l)),
        ]
    }

    static func drawHelp(into g: inout Grid, area: Rect, focus: ConsoleState.Focus, theme: Theme, language l: UILanguage = .en) {
        let w = Words.console
        let box = area   // the whole screen: half-covered panes around a box only distract
        g.fill(box, style: theme[.normal])
        g.drawBox(box, style: theme[.accent])
        let title = (focus == .reply ? w.editorKeysTitle : w.keysTitle)(l)
        g.write(title, x: box.x + 2, y: box.y, style: theme[.title], maxWidth: box.width - 4)
        let entries = focus == .reply ? editorHelp(l) : (l == .en ? queueHelp : queueHelp(l))
        let keyWidth = min(24, (entries.map { DisplayWidth.of($0.0) }.max() ?? 0) + 2)
        // A terminal too short for every line says what it left out, rather than cutting silently.
        let rows = max(0, box.height - 2)
        let shown = entries.count <= rows ? entries.count : max(0, rows - 1)
        for (i, (key, what)) in entries.prefix(shown).enumerated() {
            let y = box.y + 1 + i
            g.write(key, x: box.x + 2, y: y, style: theme[.accent], maxWidth: keyWidth)
            g.write(what, x: box.x + 2 + keyWidth, y: y, style: theme[.normal], maxWidth: max(0, box.width - keyWidth - 4))
        }
        if shown < entries.count {
            let rest = entries.dropFirst(shown).map(\.0).joined(separator: "  ")
            g.write(w.andMore(l, ["n": "\(entries.count - shown)", "keys": rest]), x: box.x + 2, y: box.y + 1 + shown,
                    style: theme[.dim], maxWidth: max(0, box.width - 4))
        }
        g.write(w.anyKeyCloses(l), x: box.x + 2, y: box.maxY - 1, style: theme[.dim], maxWidth: box.width - 4)
    }
}
