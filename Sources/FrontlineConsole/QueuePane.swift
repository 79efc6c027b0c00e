import Foundation
import FrontlineCore
import FrontlineTUI

/// The queue: what to work next, how long each customer has waited, and SLA state.
enum QueuePane {
    /// Draws the pane and returns the top row actually used (so the selection stays visible).
    static func draw(into g: inout Grid, box: Rect, state: ConsoleState, world: ConsoleWorld, theme: Theme) -> Int {
        let rows = world.queue.rows
        let inner = box.inset(by: 1)
        let l = world.language, w = Words.console
        var title = " \(Words.views.title(state.view)(l)) \(rows.count)"
        if let oldest = world.queue.oldestWaitingSince {
            title += " · " + w.oldest(l, ["age": AgeFormat.compact(world.now.timeIntervalSince(oldest))])
        }
        if !state.search.isEmpty { title += " · " + w.searching(l, ["text": TextSanitiser.singleLine(state.search)]) }
        g.write(title + " ", x: box.x + 2, y: box.y, style: theme[.title], maxWidth: max(0, box.width - 4))

        // View bar: every view with its count, the current one highlighted; shorter labels when narrow.
        let forms: [(QueueView, Int) -> String] = [
            { v, n in "\(n) \(Words.views.title(v)(l)) \(world.queue.counts[v] ?? 0)" },
            { v, n in "\(n) \(Words.views.title(v, short: true)(l)) \(world.queue.counts[v] ?? 0)" },
            { v, _ in "\(Words.views.title(v, short: true)(l)) \(world.queue.counts[v] ?? 0)" },
        ]
        // Approvals and Stock are occasional: their tabs show while they hold a case (or are open).
        let shown = QueueView.allCases.enumerated().filter { v in
            ![.approvals, .stock].contains(v.element) || v.element == state.view || (world.queue.counts[v.element] ?? 0) > 0
        }
        let labels = forms.lazy.map { form in shown.map { form($0.element, $0.offset + 1) } }
            .first { $0.reduce(0) { $0 + DisplayWidth.of($1) + 1 } - 1 <= inner.width } ?? shown.map { forms[2]($0.element, $0.offset + 1) }
        var x = inner.x
        for (v, label) in zip(shown.map(\.element), labels) where x < inner.maxX {
            let style = v == state.view ? theme[.selected] : theme[.dim]
            x += g.write(label, x: x, y: inner.y, style: style, maxWidth: inner.maxX - x)
            x += g.write(" ", x: x, y: inner.y, style: theme[.normal], maxWidth: inner.maxX - x)
        }

        let listTop = inner.y + 1
        let visible = max(0, inner.height - 1)
        guard visible > 0 else { return 0 }
        if rows.isEmpty {
            let why = state.search.isEmpty ? w.nothingHere(l) : world.queue.searchPending ? w.buildingIndex(l) : w.noMatch(l)
            g.write(why, x: inner.x + 2, y: listTop + 1, style: theme[.dim], maxWidth: inner.width - 2)
            return 0
        }
        let selected = world.queue.index(of: state.selectedCaseID) ?? min(state.selectedIndex, rows.count - 1)
        var top = min(state.queueTop, max(0, rows.count - visible))
        if selected < top { top = selected }
        if selected >= top + visible { top = selected - visible + 1 }
        for line in 0..<visible {
            let i = top + line
            guard i < rows.count, let c = world.desk.cases[rows[i]] else { break }
            drawRow(into: &g, c, x: inner.x, y: listTop + line, width: inner.width, isSelected: i == selected, world: world, theme: theme)
        }
        if rows.count > visible {
            let mark = "\(selected + 1)/\(rows.count)"
            g.write(" \(mark) ", x: box.maxX - DisplayWidth.of(mark) - 4, y: box.maxY - 1, style: theme[.dim])
        }
        return top
    }

    static func drawRow(into g: inout Grid, _ c: SupportCase, x: Int, y: Int, width: Int, isSelected: Bool, world: ConsoleWorld, theme: Theme) {
        let base = isSelected ? theme[.selected] : theme[.normal]
        g.fill(Rect(x: x, y: y, width: width, height: 1), style: base)
        func style(_ role: ThemeRole) -> TextStyle { isSelected ? theme[.selected] : theme[role] }
        var used = 0
        func put(_ s: String, _ role: ThemeRole) {
            guard used < width else { return }
            used += g.write(s, x: x + used, y: y, style: role == .normal ? base : style(role), maxWidth: width - used)
        }
        put(isSelected ? "▶ " : "  ", .normal)
        put(DisplayWidth.pad(c.id, toWidth: 7) + " ", .normal)
        put(DisplayWidth.pad(Words.views.shortPriority(c.priority)(world.language), toWidth: 3) + " ", c.priority == .urgent ? .slaBreached : (c.priority == .high ? .accent : .normal))
        let sla = world.levels.state(of: c, at: world.now)
        let ageRole: ThemeRole = switch sla {
        case .breached: .slaBreached
        case .atRisk: .slaAtRisk
        case .ok: .slaOK
        case .none: .dim
        }
        put(AgeFormat.compact(c.age(at: world.now)).padLeft(6) + " ", ageRole)

        // Right-hand markers: the things that must not be missed.
        var markers: [(String, ThemeRole)] = []
        let l = world.language, w = Words.console
        // The next promise as a countdown: how long is left, or how late it is.
        if let f = c.nextFollowUp() {
            let left = f.due.timeIntervalSince(world.now)
            if left <= 0 {
                markers.append(("⏰ \((f.brokenAt == nil ? w.overdue : w.broken)(l)) \(AgeFormat.compact(-left))", .followUpOverdue))
            } else {
                markers.append(("⏰ " + w.dueIn(l, ["age": AgeFormat.compact(left)]), left < 86400 ? .followUpDue : .dim))
            }
        }
        if let e = c.escalation {
            markers.append((e.level == .supervisor ? "⚑ SUP" : "⚑ T2", .escalated))
        }
        if c.failedDelivery != nil { markers.append((w.failedMail(l), .slaBreached)) }
        if c.senderNotVerified { markers.append((w.unverified(l), .slaAtRisk)) }
        switch c.status {
        case .pending: markers.append(("⏸", .dim))
        case .solved: markers.append(("✓", .dim))
        case .open: break
        }
        let markerText = markers.map(\.0).joined(separator: " ")
        let markerWidth = markers.isEmpty ? 0 : DisplayWidth.of(markerText) + 1
        let subjectWidth = max(0, width - used - markerWidth)
        let customer = world.desk.customer(of: c).map { TextSanitiser.singleLine($0.name) } ?? ""
        var subject = TextSanitiser.singleLine(c.subject)
        if width >= 70, !customer.isEmpty { subject = customer + " · " + subject }
        put(DisplayWidth.pad(subject, toWidth: subjectWidth), .normal)
        if !markers.isEmpty {
            used = max(used, width - markerWidth)
            put(" ", .normal)
            for (i, m) in markers.enumerated() {
                if i > 0 { put(" ", .normal) }
                // Overdue stays red even on the selected row: it must be impossible to miss.
                used += g.write(m.0, x: x + used, y: y, style: m.1 == .followUpOverdue ? theme[m.1] : style(m.1), maxWidth: width - used)
            }
        }
    }
}

extension String {
    func padLeft(_ width: Int) -> String {
        let w = DisplayWidth.of(self)
        return w >= width ? self : String(repeating: " ", count: width - w) + self
    }
}
