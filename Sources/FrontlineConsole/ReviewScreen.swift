import Foundation
import FrontlineCore
import FrontlineTUI

/// Draws the Review screen: the list (replies to review, then reviews made) over the selected
/// row's detail — the customer's message and the reply, or the scorecard being marked, or the
/// review with the agent's answer. Customer text is sanitised like everywhere else.
enum ReviewScreen {
    static func draw(_ board: ReviewBoard, state: ConsoleState, into g: inout Grid, area: Rect, world: ConsoleWorld, theme: Theme) {
        g.fill(area, style: theme[.normal])
        g.drawBox(area, style: theme[.accent])
        let rows = board.rows(in: world.desk)
        let waiting = rows.filter { if case .candidate = $0 { true } else { false } }.count
        let week = world.time.date(board.period.start, now: world.now)
        let l = world.language, w = Words.review
        let whose = board.reviewsOf.map { w.reviewsOf(l, ["agent": TextSanitiser.singleLine($0)]) } ?? w.toReview(l, ["n": "\(waiting)"])
        g.write(w.title(l, ["week": week, "whose": whose]), x: area.x + 2, y: area.y, style: theme[.title], maxWidth: area.width - 4)
        let inner = Rect(x: area.x + 2, y: area.y + 1, width: max(0, area.width - 4), height: max(0, area.height - 2))
        guard inner.height > 2 else { return }
        // The list gets up to 40% of the screen (at least 3 rows); the detail the rest.
        let listHeight = max(3, min(rows.count + 2, inner.height * 2 / 5))
        let selected = min(max(0, board.selected), max(0, rows.count - 1))
        let top = max(0, min(selected - listHeight / 2, rows.count - listHeight))
        var y = inner.y
        if rows.isEmpty {
            let none = (board.reviewsOf == nil ? w.nothing : w.noneOfYours)(l)
            g.write(none, x: inner.x, y: y, style: theme[.dim], maxWidth: inner.width)
        }
        for (i, row) in rows.enumerated().dropFirst(top).prefix(listHeight) {
            let style = i == selected && board.scoring == nil ? theme[.selected] : theme[.normal]
            g.fill(Rect(x: inner.x, y: y, width: inner.width, height: 1), style: style)
            g.write(line(row, world: world), x: inner.x, y: y, style: style, maxWidth: inner.width)
            y += 1
        }
        y = inner.y + listHeight
        g.write(String(repeating: "─", count: inner.width), x: inner.x, y: y, style: theme[.border], maxWidth: inner.width)
        y += 1
        let detail = Rect(x: inner.x, y: y, width: inner.width, height: max(0, inner.maxY - y))
        if let scoring = board.scoring {
            drawScoring(scoring, into: &g, area: detail, world: world, theme: theme)
        } else if let row = rows.isEmpty ? nil : rows[selected] {
            switch row {
            case let .candidate(c): drawReply(c.reply, into: &g, area: detail, world: world, theme: theme)
            case let .review(id, r): drawReview(r, on: id, into: &g, area: detail, world: world, theme: theme)
            }
        }
    }

    /// One row of the list: "C-1012.4  bob  Mon 14:03  bad rating, reopened" or a review's summary.
    static func line(_ row: ReviewBoard.Row, world: ConsoleWorld) -> String {
        let l = world.language, w = Words.review
        switch row {
        case let .candidate(c):
            let why = (c.flags.map { w.flag($0)(l) } + (c.sampled ? [w.sample(l)] : [])).joined(separator: ", ")
            return "○ \(DisplayWidth.pad(c.reply.description, toWidth: 10)) \(DisplayWidth.pad(TextSanitiser.singleLine(c.agent), toWidth: 8)) \(DisplayWidth.pad(world.time.dayAndTime(c.at, now: world.now), toWidth: 16))  \(why)"
        case let .review(id, r):
            let score = r.score.map { "\($0)" } ?? "–"
            return "\(r.verdict == .praise ? "★" : "✎") \(DisplayWidth.pad(Review.reference(id, r.message), toWidth: 10)) \(DisplayWidth.pad(TextSanitiser.singleLine(r.agent), toWidth: 8)) "
                + w.rowSummary(l, ["verdict": (r.verdict == .praise ? w.praise : w.coach)(l), "score": score, "by": TextSanitiser.singleLine(r.by), "state": state(of: r, world: world)])
        }
    }

    /// What stands of a review: the agent's answer, and coaching's action item.
    static func state(of r: Review, world: ConsoleWorld) -> String {
        let l = world.language, w = Words.review
        var parts: [String] = []
        switch r.answer?.disputed {
        case let .some(why): parts.append(w.disputed(l, ["why": TextSanitiser.singleLine(why)]))
        case .none: parts.append((r.answer == nil ? w.notYetAnswered : w.acknowledged)(l))
        }
        if let a = r.action {
            if let done = a.doneAt {
                parts.append(w.actionDone(l, ["when": world.time.dayAndTime(done, now: world.now)]) + (done > a.due ? w.late(l) : ""))
            } else {
                parts.append(w.actionDue(l, ["when": world.time.dayAndTime(a.due, now: world.now)]) + (a.isOverdue(now: world.now) ? w.overdue(l) : ""))
            }
        }
        return parts.joined(separator: " · ")
    }

    /// The customer's message the reply answered (the last before it), then the reply.
    static func drawReply(_ ref: ReplyReference, into g: inout Grid, area: Rect, world: ConsoleWorld, theme: Theme) {
        guard let c = world.desk.cases[ref.caseID] else { return }
        let messages = c.messages
        guard messages.indices.contains(ref.message) else { return }
        let reply = messages[ref.message]
        let customer = world.desk.customer(of: c)
        let l = world.language, w = Words.review
        var lines: [(String, ThemeRole)] = []
        let name = customer.map { TextSanitiser.singleLine($0.name) } ?? "?"
        lines.append(("\(c.id) · \(TextSanitiser.singleLine(c.subject)) · \(name) (\(customer?.language ?? "?"))", .title))
        if let asked = messages[..<ref.message].last(where: { $0.direction == .inbound }) {
            lines.append((w.wrote(l, ["name": name, "when": world.time.stamp(asked.at, now: world.now)]), .inbound))
            lines += body(asked.body, width: area.width - 2, most: max(2, area.height / 3), l).map { ("  " + $0, .inbound) }
        }
        lines.append((w.replied(l, ["name": TextSanitiser.singleLine(reply.author), "when": world.time.stamp(reply.at, now: world.now)]), .outbound))
        lines += body(reply.body, width: area.width - 2, most: area.height, l).map { ("  " + $0, .normal) }
        for (i, (text, role)) in lines.prefix(area.height).enumerated() {
            g.write(text, x: area.x, y: area.y + i, style: theme[role], maxWidth: area.width)
        }
    }

    static func body(_ text: String, width: Int, most: Int, _ l: UILanguage) -> [String] {
        let wrapped = TextWrap.wrap(TextSanitiser.sanitise(text), width: max(10, width))
        guard wrapped.count > most else { return wrapped }
        return Array(wrapped.prefix(max(0, most - 1))) + [Words.review.moreLines(l, ["n": "\(wrapped.count - most + 1)"])]
    }

    static func drawScoring(_ s: ReviewBoard.Scoring, into g: inout Grid, area: Rect, world: ConsoleWorld, theme: Theme) {
        let items = world.review.scorecard.items
        // The scorecard at the bottom, the reply above it in what is left.
        let cardHeight = min(area.height, items.count + 2)
        drawReply(s.candidate.reply, into: &g, area: Rect(x: area.x, y: area.y, width: area.width, height: max(0, area.height - cardHeight)), world: world, theme: theme)
        var y = area.maxY - cardHeight
        let l = world.language, w = Words.review
        let score = ReviewSteps.draft(s, items: items).flatMap { Scorecard.score($0.items) }.map { w.score(l, ["score": "\($0)"]) } ?? w.markEach(l)
        g.write(w.scorecardFor(l, ["agent": TextSanitiser.singleLine(s.candidate.agent), "reply": s.candidate.reply.description, "score": score]), x: area.x, y: y, style: theme[.title], maxWidth: area.width)
        y += 1
        for (i, item) in items.enumerated() where y < area.maxY {
            let mark = s.marks.indices.contains(i) ? s.marks[i] : nil
            let style = i == s.cursor ? theme[.selected] : theme[.normal]
            let text = " \(mark?.symbol ?? "·") \(TextSanitiser.singleLine(item.label)) (\(item.weight)\(item.critical ? ", " + w.critical(l) : ""))"
            g.fill(Rect(x: area.x, y: y, width: area.width, height: 1), style: style)
            g.write(text, x: area.x, y: y, style: mark == .missed && i != s.cursor ? theme[.slaBreached] : style, maxWidth: area.width)
            y += 1
        }
    }

    static func drawReview(_ r: Review, on id: CaseID, into g: inout Grid, area: Rect, world: ConsoleWorld, theme: Theme) {
        var lines: [(String, ThemeRole)] = []
        let l = world.language, w = Words.review
        let score = r.score.map { "\($0)/100" } ?? "–"
        lines.append(((r.verdict == .praise ? w.praiseFor : w.coachingFor)(l, ["agent": TextSanitiser.singleLine(r.agent), "by": TextSanitiser.singleLine(r.by),
                                                                            "when": world.time.stamp(r.at, now: world.now), "score": score]), .title))
        if !r.flags.isEmpty { lines.append((w.lookedAtFor(l, ["why": r.flags.map { w.flag($0)(l) }.joined(separator: ", ")]), .dim)) }
        for s in r.items {
            lines.append((" \(s.mark.symbol) \(TextSanitiser.singleLine(s.item.label))\(s.item.critical ? " (\(w.critical(l)))" : "")", s.mark == .missed ? .slaBreached : .normal))
        }
        if let note = r.note { lines += TextWrap.wrap("“" + TextSanitiser.singleLine(note) + "”", width: max(10, area.width)).map { ($0, .accent) } }
        if let a = r.action {
            lines.append((w.actionItem(l, ["text": TextSanitiser.singleLine(a.text), "when": world.time.dayAndTime(a.due, now: world.now)]), a.isOverdue(now: world.now) ? .followUpOverdue : .normal))
            if let done = a.doneAt { lines.append((w.done(l, ["when": world.time.dayAndTime(done, now: world.now)]) + "\(a.outcome.map { ": " + TextSanitiser.singleLine($0) } ?? "")", .slaOK)) }
        }
        lines.append((state(of: r, world: world), r.answer?.disputed != nil ? .statusError : .dim))
        if r.shoutOut { lines.append((w.onWallboard(l), .dim)) }
        for (i, (text, role)) in lines.prefix(area.height).enumerated() {
            g.write(text, x: area.x, y: area.y + i, style: theme[role], maxWidth: area.width)
        }
        if lines.count < area.height - 2 {
            drawReply(ReplyReference(caseID: id, message: r.message), into: &g,
                      area: Rect(x: area.x, y: area.y + lines.count + 1, width: area.width, height: area.height - lines.count - 1), world: world, theme: theme)
        }
    }

    /// The status line's keys on the Review screen.
    static func keys(state: ConsoleState, world: ConsoleWorld) -> [(String, String)] {
        guard let board = state.reviewBoard else { return [] }
        let l = world.language, w = Words.review
        if board.scoring != nil {
            return [("y n x", w.keyMarks(l)), ("↑↓", w.keyItem(l)), ("p", w.keyPraise(l)), ("P", w.keyPraiseWall(l)), ("c", w.keyCoach(l)), ("Esc", w.keyBack(l))]
        }
        switch board.selectedRow(in: world.desk) {
        case .candidate?: return [("↑↓", w.keyMove(l)), ("Enter", w.keyScore(l)), ("Esc", w.keyClose(l))]
        case let .review(_, r)? where r.agent == state.agent:
            return [("↑↓", w.keyMove(l)), ("a", w.keyAcknowledge(l)), ("D", w.keyDispute(l)), ("F", w.keyActionDone(l)), ("Esc", w.keyClose(l))]
        case .review?: return [("↑↓", w.keyMove(l)), ("F", w.keyActionDone(l)), ("Esc", w.keyClose(l))]
        case nil: return [("Esc", w.keyClose(l))]
        }
    }
}
