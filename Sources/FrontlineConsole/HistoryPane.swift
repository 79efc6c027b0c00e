import Foundation
import FrontlineCore
import FrontlineTUI

/// Who this customer is and everything that happened with them: the selected case's full
/// thread first, then their earlier cases.
enum HistoryPane {
    static func draw(into g: inout Grid, box: Rect, state: ConsoleState, world: ConsoleWorld, theme: Theme) -> Int {
        let inner = box.inset(by: 1)
        let l = world.language, w = Words.console
        guard let c = world.selectedCase(state), let history = CustomerHistory(desk: world.desk, caseID: c.id) else {
            g.write(" \(w.historyTitle(l)) ", x: box.x + 2, y: box.y, style: theme[.title], maxWidth: max(0, box.width - 4))
            return 0
        }
        let k = history.customer
        let text = world.time
        let language = Language(rawValue: k.language.lowercased()).map(\.rawValue) ?? TextSanitiser.singleLine(k.language)
        let title = " " + w.customerSince(l, ["name": TextSanitiser.singleLine(k.name), "language": language, "year": "\(text.year(k.since))"]) + " "
        g.write(title, x: box.x + 2, y: box.y, style: theme[.title], maxWidth: max(0, box.width - 4))
        let lines = content(c, history: history, width: inner.width, world: world, showQuoted: state.showQuoted)
        let maxScroll = max(0, lines.count - inner.height)
        let scroll = min(state.historyScroll, maxScroll)
        for (row, line) in lines.dropFirst(scroll).prefix(inner.height).enumerated() {
            g.write(line, x: inner.x, y: inner.y + row, width: inner.width, theme: theme)
        }
        if maxScroll > 0 {
            let mark = (scroll >= maxScroll ? w.endUp : w.jMore)(l)
            g.write(mark, x: box.maxX - DisplayWidth.of(mark) - 2, y: box.maxY - 1, style: theme[.dim])
        }
        return scroll
    }

    /// One offer on the case: what, by whom, and where it stands (a request shows its due time).
    static func offerLines(_ o: Offer, on c: SupportCase, width: Int, world: ConsoleWorld) -> [StyledLine] {
        let text = world.time, now = world.now
        let l = world.language, w = Words.goodwill
        let what = TextSanitiser.singleLine(o.said(in: l)), by = TextSanitiser.singleLine(o.by), why = TextSanitiser.singleLine(o.reason)
        let code = o.coupon.map { w.validTo(l, ["when": text.dayAndTime($0.expires, now: now), "code": TextSanitiser.singleLine($0.code)]) } ?? ""
        // What people typed (the reason, a note) is filled in last, so a "{name}" in it stays as typed.
        switch o.state {
        case .given:
            return wrapped(w.givenBy(l, ["by": by, "code": code, "offer": what, "why": why]), width: width, firstPrefix: "€ ", indent: 2, role: .dim, prefixRole: .dim)
        case .awaitingApproval:
            let due = o.approval.map { $0.due <= now ? w.overdue(l, ["late": AgeFormat.compact(now.timeIntervalSince($0.due))]) : w.due(l, ["when": text.dayAndTime($0.due, now: now)]) } ?? ""
            return wrapped(w.awaiting(l, ["by": by, "request": Offer.requestName(c.id, o.id), "due": due, "over": TextSanitiser.singleLine(o.approval?.over ?? ""),
                                          "offer": what, "why": why]),
                           width: width, firstPrefix: "⌛ ", indent: 2, role: .followUpDue, prefixRole: .followUpDue)
        case .approved, .declined:
            let a = o.approval?.answer
            let note = a?.note.map { " → " + TextSanitiser.singleLine($0) } ?? ""
            let line = (o.state == .approved ? w.approvedBy : w.declinedBy)(l, ["by": by, "answerer": TextSanitiser.singleLine(a?.by ?? ""), "code": code,
                                                                               "offer": what, "why": why, "note": note])
            return wrapped(line, width: width, firstPrefix: o.state == .approved ? "€ " : "✗ ", indent: 2, role: .dim, prefixRole: .dim)
        }
    }

    static func content(_ c: SupportCase, history: CustomerHistory, width: Int, world: ConsoleWorld,
                        maxLinesPerMessage: Int? = HistoryPane.maxLinesPerMessage, showQuoted: Bool = false) -> [StyledLine] {
        let now = world.now
        let text = world.time
        let k = history.customer
        let l = world.language, w = Words.console
        var out: [StyledLine] = []
        let earlier = history.earlierCaseCount(than: c.id)
        var summary = (history.cases.count == 1 ? w.oneCase : w.cases)(l, ["n": "\(history.cases.count)", "earlier": "\(earlier)"])
        if let last = history.lastContact {
            summary += " · " + w.lastContact(l, ["when": text.dayAndTime(last.at, now: now)])
        }
        if !k.email.isEmpty { summary += " · \(TextSanitiser.singleLine(k.email))" }
        out += wrapped(summary, width: width, firstPrefix: "", indent: 0, role: .dim, prefixRole: .dim)
        let scores = history.cases.reversed().flatMap(\.ratings).map { "\($0.score)" }
        if !scores.isEmpty {
            out += wrapped(w.theirRatings(l, ["scores": scores.joined(separator: " ")]), width: width, firstPrefix: "", indent: 0, role: .dim, prefixRole: .dim)
        }
        if !history.promises.isEmpty {
            out += wrapped(history.promises.summary(in: l), width: width, firstPrefix: "", indent: 0,
                           role: history.promises.broken > 0 ? .followUpOverdue : .dim, prefixRole: .dim)
        }
        if let goodwill = history.goodwillSummary(in: l) {
            out += wrapped(TextSanitiser.singleLine(goodwill), width: width, firstPrefix: "", indent: 0, role: .dim, prefixRole: .dim)
        }
        if let last = history.lastContact {
            let who = last.direction == .inbound ? TextSanitiser.singleLine(k.firstName) : TextSanitiser.singleLine(last.author)
            // Cut before cleaning: the body may be a megabyte. A mail's gist is its new text, not the quotes.
            let text = last.mail != nil && last.direction == .inbound ? MailThreadLines.visibleBody(String(last.body.prefix(width * 12)), showQuoted: false, l).text : last.body
            let gist = DisplayWidth.truncate(TextSanitiser.singleLine(String(text.prefix(width * 3))), toWidth: max(10, width * 2))
            out += wrapped("\(who): \(gist)", width: width, firstPrefix: w.last(l, ["case": history.lastContactCase ?? ""]), indent: 2, role: .normal, prefixRole: .dim)
        }
        out.append(StyledLine())

        // The selected case: header, state, promises, then the thread.
        let head = "── \(c.id) · \(TextSanitiser.singleLine(c.subject)) "
        out.append(StyledLine(DisplayWidth.truncate(head + String(repeating: "─", count: max(0, width)), toWidth: width, ellipsis: ""), .title))
        var facts = "\(Words.views.status(c.status)(l)) · \(Words.views.priority(c.priority)(l)) · \(c.assignee.map { TextSanitiser.singleLine($0) } ?? w.unassigned(l))"
        facts += " · " + w.opened(l, ["when": text.stamp(c.openedAt, now: now)])
        if !c.tags.isEmpty { facts += " · " + c.tags.map { "#" + TextSanitiser.singleLine($0) }.joined(separator: " ") }
        out += wrapped(facts, width: width, firstPrefix: "", indent: 0, role: .dim, prefixRole: .dim)
        switch world.levels.state(of: c, at: now) {
        case .breached:
            let late = now.timeIntervalSince(world.levels.deadline(for: c)!)
            out.append(StyledLine(w.slaBreached(l, ["age": AgeFormat.compact(c.age(at: now)), "late": AgeFormat.compact(late)]), .slaBreached))
        case .atRisk:
            let left = world.levels.deadline(for: c)!.timeIntervalSince(now)
            out.append(StyledLine(w.slaDue(l, ["age": AgeFormat.compact(c.age(at: now)), "left": AgeFormat.compact(left)]), .slaAtRisk))
        case .ok:
            let left = world.levels.deadline(for: c)!.timeIntervalSince(now)
            out.append(StyledLine(w.slaDue(l, ["age": AgeFormat.compact(c.age(at: now)), "left": AgeFormat.compact(left)]), .slaOK))
        case .none:
            break
        }
        if let e = c.escalation {
            out += wrapped(TextSanitiser.singleLine(e.reason), width: width,
                           firstPrefix: w.escalatedBy(l, ["level": Words.status.level(e.level)(l), "who": TextSanitiser.singleLine(e.by), "when": text.stamp(e.at, now: now)]),
                           indent: 2, role: .escalated, prefixRole: .escalated)
        }
        // A request's promise shows with its offer, below.
        let requests = Set(c.offers.compactMap { $0.approval?.followUp })
        for f in c.followUps.sorted(by: { $0.due < $1.due }) where !requests.contains(f.id) {
            let note = TextSanitiser.singleLine(f.note)
            let unless = (f.untilAnswer ? w.unlessTheyAnswer(l) : "") + (f.waitingOn.map { w.waitingOn(l, ["party": TextSanitiser.singleLine($0)]) } ?? "")
            switch f.state {
            case let .cancelled(reason):
                out += wrapped(note + " → " + TextSanitiser.singleLine(reason), width: width, firstPrefix: w.followUpCancelled(l),
                               indent: 2, role: .dim, prefixRole: .dim)
            case let .kept(onTime):
                let outcome = f.outcome.map { " → " + TextSanitiser.singleLine($0) } ?? ""
                out += wrapped(note + outcome, width: width, firstPrefix: (onTime ? w.followUpDone : w.followUpDoneLate)(l),
                               indent: 2, role: .dim, prefixRole: .dim)
            case .open where f.due <= now:
                let broken = f.brokenAt == nil ? "" : w.brokenComma(l)
                out += wrapped(note, width: width, firstPrefix: w.followUpOverdue(l, ["broken": broken, "late": AgeFormat.compact(now.timeIntervalSince(f.due)),
                                                                                    "when": text.dayAndTime(f.due, now: now), "unless": unless]),
                               indent: 2, role: .followUpOverdue, prefixRole: .followUpOverdue)
            case .open:
                out += wrapped(note, width: width, firstPrefix: w.followUpDue(l, ["when": text.dayAndTime(f.due, now: now), "unless": unless]), indent: 2, role: .followUpDue, prefixRole: .followUpDue)
            }
        }
        for r in c.ratings {
            let credit = r.credited.isEmpty ? "" : w.creditedTo(l, ["who": r.credited.map { TextSanitiser.singleLine($0) }.joined(separator: ", ")])
            out += wrapped((r.comment.map { TextSanitiser.singleLine($0) } ?? w.noComment(l)), width: width,
                           firstPrefix: w.rated(l, ["score": "\(r.score)", "when": text.stamp(r.at, now: now), "credit": credit]), indent: 2,
                           role: r.isBad ? .followUpOverdue : .dim, prefixRole: r.isBad ? .followUpOverdue : .dim)
        }
        for o in c.offers { out += offerLines(o, on: c, width: width, world: world) }
        if !c.apologies.isEmpty {
            let list = c.apologies.map { "\(Words.status.apology($0.kind)(l)) (\(TextSanitiser.singleLine($0.by)) \(text.stamp($0.at, now: now)))" }.joined(separator: ", ")
            out += wrapped(list, width: width, firstPrefix: w.apologised(l), indent: 2, role: .dim, prefixRole: .dim)
        }
        out.append(StyledLine())
        let key = ThreadLayoutCache.Key(caseID: c.id, messages: c.messages.count, activity: c.activity.count, lastActivity: c.lastActivityAt,
                                        width: width, day: Int(now.timeIntervalSince1970 + Double(world.timeZone.secondsFromGMT(for: now))) / 86400,
                                        showQuoted: showQuoted, deliveries: MailThreadLines.deliveryStamp(c))
        out += world.threadCache.lines(for: key) {
            thread(c, customer: k, width: width, world: world, maxLinesPerMessage: maxLinesPerMessage, showQuoted: showQuoted)
        }

        let others = history.cases.filter { $0.id != c.id }
        if !others.isEmpty {
            out.append(StyledLine())
            out.append(StyledLine(DisplayWidth.truncate(w.earlierCases(l) + String(repeating: "─", count: max(0, width)), toWidth: width, ellipsis: ""), .title))
            for o in others {
                let line = "\(o.id) \(Words.views.status(o.status)(l)) · \(text.date(o.openedAt, now: now)) · \(TextSanitiser.singleLine(o.subject))"
                out.append(StyledLine(DisplayWidth.truncate(line, toWidth: width), .dim))
                if let last = o.messages.last(where: { $0.direction != .note }) {
                    let who = last.direction == .inbound ? TextSanitiser.singleLine(k.firstName) : TextSanitiser.singleLine(last.author)
                    out.append(StyledLine(DisplayWidth.truncate("  \(who): \(TextSanitiser.singleLine(String(last.body.prefix(width * 2))))", toWidth: width), .dim))
                }
            }
        }
        return out
    }

    /// A message longer than this many wrapped lines is cut in the pane (`frontline show` prints it whole).
    static let maxLinesPerMessage = 300

    /// Messages, replies, notes and events of one case, oldest first.
    static func thread(_ c: SupportCase, customer k: Customer, width: Int, world: ConsoleWorld, maxLinesPerMessage: Int?,
                       showQuoted: Bool = false) -> [StyledLine] {
        let text = world.time
        let l = world.language, w = Words.console
        enum Item { case message(Message), activity(CaseActivity) }
        var items: [(Date, Int, Item)] = []
        for (i, m) in c.messages.enumerated() { items.append((m.at, i, .message(m))) }
        for (i, a) in c.activity.enumerated() { items.append((a.at, 100_000 + i, .activity(a))) }
        items.sort { ($0.0, $0.1) < ($1.0, $1.1) }
        var out: [StyledLine] = []
        var attachmentNumber = 1   // across the case, as `:save N` counts
        for (_, _, item) in items {
            switch item {
            case let .message(m):
                let stamp = text.stamp(m.at, now: world.now) + " "
                // Wrap no more than fits the cap (a character is at least one column).
                let cap = maxLinesPerMessage ?? Int.max / 4
                let limit = cap.multipliedReportingOverflow(by: max(1, width)).overflow ? Int.max : cap * max(1, width)
                let cut = maxLinesPerMessage != nil && m.body.utf8.count > limit && m.body.count > limit
                let raw = cut ? String(m.body.prefix(limit)) : m.body
                let shown = m.direction == .inbound && m.mail != nil ? MailThreadLines.visibleBody(raw, showQuoted: showQuoted, l) : (raw, [])
                let body = TextSanitiser.sanitise(shown.0)
                let before = out.count
                defer {
                    if cut || out.count - before > cap {
                        out.removeSubrange(min(out.count, before + cap)...)
                        out.append(StyledLine(w.messageCut(l, ["case": c.id]), .dim))
                    }
                }
                switch m.direction {
                case .inbound:
                    out += wrapped(body, width: width, firstPrefix: stamp + TextSanitiser.singleLine(k.firstName) + " ▸ ", indent: 2, role: .inbound, prefixRole: .accent)
                    for fold in shown.1 { out.append(StyledLine("  " + fold + w.tShows(l), .dim)) }
                    if let mail = m.mail {
                        out += MailThreadLines.inbound(mail, width: width, firstNumber: attachmentNumber, l)
                        attachmentNumber += mail.attachments.count
                    }
                case .outbound:
                    out += wrapped(body, width: width, firstPrefix: stamp + "↳ " + TextSanitiser.singleLine(m.author) + ": ", indent: 2, role: .outbound, prefixRole: .outbound)
                    if let mail = m.mail { out += MailThreadLines.outbound(mail, width: width, time: text, now: world.now, l) }
                case .note:
                    out += wrapped(body, width: width, firstPrefix: stamp + w.noteBy(l, ["who": TextSanitiser.singleLine(m.author)]), indent: 2, role: .note, prefixRole: .note)
                }
            case let .activity(a):
                out += wrapped(TextSanitiser.singleLine(a.text(in: l)), width: width, firstPrefix: text.stamp(a.at, now: world.now) + " · ", indent: 2, role: .event, prefixRole: .event)
            }
        }
        return out
    }
}
