import Foundation
import FrontlineCore
import FrontlineTUI

/// The bottom line: the keys that matter now, or what just happened, or the open prompt.
enum StatusBar {
    /// The queue's keys on the status line, from the action table in the order it gives them.
    static let queueKeys: [(String, String)] = queueKeys(.en)

    static func queueKeys(_ language: UILanguage) -> [(String, String)] {
        ConsoleActions.all
            .compactMap { a in a.hint.map { (key: a.keyLabel?.components(separatedBy: "  ").first ?? "", word: $0.word, place: $0.place) } }
            .sorted { $0.place < $1.place }
            .map { ($0.key, ActionWords.hint($0.word, language)) }
    }

    static func draw(into g: inout Grid, y: Int, width: Int, state: ConsoleState, world: ConsoleWorld, theme: Theme) {
        g.fill(Rect(x: 0, y: y, width: width, height: 1), style: theme[.statusBar])
        if case let .prompt(p) = state.mode {
            drawPrompt(p, into: &g, y: y, width: width, theme: theme)
            return
        }
        // Right side: overdue promises (never hidden), the agent's room with this customer, the agent, the time.
        let overdue = world.queue.overdueCount(at: world.now)
        let l = world.language, w = Words.console
        let right = " \(TextSanitiser.singleLine(state.agent)) · \(world.time.clock(world.now)) "
        var rightWidth = DisplayWidth.of(right)
        g.write(right, x: width - rightWidth, y: y, style: theme[.statusBar])
        // A message, when there is one, has the line: the room shows between messages.
        if state.status == nil, let room = room(state: state, world: world), width >= 100 {
            rightWidth += DisplayWidth.of(room)
            g.write(room, x: width - rightWidth, y: y, style: theme[.dim])
        }
        if let moment = state.pastMoment {
            // Never hidden: nobody should take the past for the present.
            // While a message has the line, only the sign; the moment is on the clock beside it.
            let flag = state.status == nil ? w.asItWas(l, ["when": world.time.dayAndTime(moment, now: moment)]) : Words.status.pastFlag(l)
            rightWidth += DisplayWidth.of(flag)
            g.write(flag, x: width - rightWidth, y: y, style: theme[.statusError])
        }
        if overdue > 0 {
            let flag = w.overdueCount(l, ["n": "\(overdue)"])
            rightWidth += DisplayWidth.of(flag)
            g.write(flag, x: width - rightWidth, y: y, style: theme[.followUpOverdue])
        }
        let room = max(0, width - rightWidth - 1)
        if let s = state.status {
            g.write(" " + TextSanitiser.singleLine(s.text) + " ", x: 0, y: y, style: s.kind == .error ? theme[.statusError] : theme[.statusBar], maxWidth: room)
            return
        }
        var x = 0
        let keys: [(String, String)] = state.mode == .review ? ReviewScreen.keys(state: state, world: world)
            : state.focus == .reply ? [("Ctrl-S", w.send(l)), ("Esc", w.queue(l)), ("Ctrl-E", "$EDITOR"), ("F1", w.help(l))]
            : l == .en ? queueKeys : queueKeys(l)
        for (key, label) in keys {
            let need = DisplayWidth.of(key) + DisplayWidth.of(label) + 3
            guard x + need <= room else { break }
            x += g.write(" \(key) ", x: x, y: y, style: theme[.key])
            x += g.write(label + " ", x: x, y: y, style: theme[.statusBar])
        }
    }

    /// " room: coupon up to 15% ": what the agent may still give the selected customer of the
    /// goodwill `m` offers, so the answer to "can I do something for them?" is always in sight.
    static func room(state: ConsoleState, world: ConsoleWorld) -> String? {
        guard let c = world.selectedCase(state) else { return nil }
        let kind = world.authority.makeItRight.kind
        let ledger = GoodwillLedger(desk: world.desk, currency: world.authority.currency)
        return Words.console.room(world.language, ["room": world.authority.remainingText(kind, by: state.agent, for: c.customerID, now: world.now, ledger: ledger, in: world.language)])
    }

    static func drawPrompt(_ p: Prompt, into g: inout Grid, y: Int, width: Int, theme: Theme) {
        g.fill(Rect(x: 0, y: y, width: width, height: 1), style: theme[.prompt])
        let label = p.purpose == .commandLine ? ":" : TextSanitiser.singleLine(p.label) + ": "
        let labelWidth = g.write(label, x: 0, y: y, style: theme[.prompt].with(.bold), maxWidth: width / 2)
        let room = max(1, width - labelWidth - 1)
        let layout = p.field.layout(width: 100_000)
        let line = layout.lines.first ?? ""
        // Keep the cursor in view on long input: skip whole characters worth at least the overflow in columns.
        let overflow = max(0, layout.cursorColumn - room + 1)
        var skipped = 0
        var shown = Substring(line)
        while skipped < overflow, let first = shown.first {
            skipped += DisplayWidth.of(first)
            shown = shown.dropFirst()
        }
        g.write(String(shown), x: labelWidth, y: y, style: theme[.prompt], maxWidth: room)
        let cx = labelWidth + min(layout.cursorColumn - skipped, room)
        var cell = g[cx, y]
        if cell.isContinuation { cell = Cell(text: " ", style: theme[.prompt]) }
        cell.style = theme[.selected]
        g[cx, y] = cell
        if let hint = p.hint, y > 0 {
            g.fill(Rect(x: 0, y: y - 1, width: width, height: 1), style: theme[.prompt])
            g.write(" " + TextSanitiser.singleLine(hint), x: 0, y: y - 1, style: theme[.dim], maxWidth: width)
        }
    }
}

extension TextStyle {
    func with(_ a: TextAttributes) -> TextStyle {
        var s = self
        s.attributes.insert(a)
        return s
    }
}
