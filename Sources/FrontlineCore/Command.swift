import Foundation

/// What someone asks the help desk to do. `decide` validates a command against the current state
/// and turns it into changes; nothing is stored until the service has journaled them.
public enum Command: Sendable, Equatable {
    /// A customer message from intake: opens a case, or appends to `appendTo`.
    case receive(IncomingMessage)
    /// A customer e-mail: threaded onto its case, or a new one (see `MailThreading`).
    case receiveMail(IncomingMail)
    /// What became of one delivery attempt of our reply (the server's mail sender reports it).
    case recordDelivery(CaseID, messageID: String, outcome: DeliveryOutcome)
    case reply(CaseID, body: String)
    case note(CaseID, body: String)
    case apologise(CaseID, kind: ApologyKind)
    case escalate(CaseID, level: EscalationLevel, reason: String)
    /// Takes an escalation back (supervisors only, through the team server).
    case deescalate(CaseID, reason: String)
    /// `untilAnswer`: the customer's next message keeps it (the case comes back at `due` only if they are silent).
    /// `waitingOn`: the third party it waits on (a carrier, a supplier, another team).
    case scheduleFollowUp(CaseID, due: Date, note: String, untilAnswer: Bool = false, waitingOn: String? = nil)
    /// Marks the earliest open follow-up done when `id` is nil.
    case completeFollowUp(CaseID, id: Int?, outcome: String?)
    /// Withdraws an open follow-up (`id` nil: the next one due), with the reason, recorded.
    case cancelFollowUp(CaseID, id: Int?, reason: String)
    /// Follow-up `id` is still open `grace` after it was due: marked broken and the case
    /// escalated to a supervisor. What the server's promise keeper sends (`PromiseKeeper`).
    case breakPromise(CaseID, id: Int, grace: TimeInterval)
    /// The customer's answer to "how did we do" (1–5), e.g. given on the phone. A bad one
    /// (≤ 2) reopens the case with a promise to make it right and tells a supervisor.
    case rate(CaseID, score: Int, comment: String?)
    /// A goodwill offer: given at once within the actor's authority (`GoodwillAuthority`),
    /// otherwise asked of the supervisors as a request with a due time. `recovery`: part of
    /// "make it right".
    case offer(CaseID, kind: OfferKind, value: OfferValue, reason: String, recovery: Bool = false)
    /// Make it right in one step: the apology, the goodwill the actor may still give (as
    /// `[authority] make_it_right` sizes it) and a follow-up to check the remedy worked.
    case makeItRight(CaseID, apology: ApologyKind)
    /// The customer wants `sku` when it is back: a promise due at `checkBy` (we tell them by
    /// then, or check with them). `hold`: put it aside for them this long once it is back.
    case wantWhenBack(CaseID, sku: String, quantity: Int, hold: TimeInterval?, checkBy: Date)
    /// `count` of `sku` can be sold now (what a stock system or cron job says): the customers
    /// waiting for it are told, first come first served, and reservations made. Not a case command.
    case stockAvailable(sku: String, count: Int)
    /// Wish `wish`'s reservation has run out: it passes to the next in line (the server's stock keeper).
    case lapseReservation(CaseID, wish: Int)
    /// Mail "how did we do?" about a solved case (the server's feedback scheduler sends it once
    /// `FeedbackRules.after` has passed); refused within `cooldown` of the customer's last one.
    case requestFeedback(CaseID, cooldown: TimeInterval, expires: TimeInterval)
    /// Records that solution article `name` went into the reply on the case.
    case useSolution(CaseID, name: String)
    /// A supervisor approves or declines offer `offer` (a note is required to decline).
    case answerOffer(CaseID, offer: Int, approve: Bool, note: String?)
    /// A supervisor's review of one reply (supervisors only; nobody their own).
    case review(CaseID, ReviewSubmission)
    /// The reviewed agent acknowledges the review of their reply `message`, or disputes it (`dispute`: why).
    case answerReview(CaseID, message: Int, dispute: String?)
    /// Coaching's action item on the review of reply `message` is done.
    case completeCoaching(CaseID, message: Int, outcome: String?)
    case assign(CaseID, agent: String?)
    /// "Mine": refused if someone else already has the case, so of two agents taking it at once
    /// exactly one wins and the other is told who.
    case take(CaseID)
    case setPriority(CaseID, Priority)
    case tag(CaseID, tags: [String])
    /// Refused while the case has an open follow-up (a promise to the customer) unless
    /// `overriding` gives the reason; the override is recorded on the case.
    case solve(CaseID, overriding: String? = nil)
    case reopen(CaseID)
    case setPending(CaseID)
    case saveDraft(CaseID, body: String)
    /// A team-wide first-response target, changed at run time (supervisors only). Not a case command.
    case setServiceLevel(Priority, target: TimeInterval)
}

extension Command {
    /// The same command on another case (used to replay scripted steps onto real case ids).
    public func aimed(at id: CaseID) -> Command {
        switch self {
        case var .receive(m):
            if m.appendTo != nil { m.appendTo = id }
            return .receive(m)
        case .receiveMail: return self
        case let .recordDelivery(_, messageID, outcome): return .recordDelivery(id, messageID: messageID, outcome: outcome)
        case let .reply(_, body): return .reply(id, body: body)
        case let .note(_, body): return .note(id, body: body)
        case let .apologise(_, kind): return .apologise(id, kind: kind)
        case let .escalate(_, level, reason): return .escalate(id, level: level, reason: reason)
        case let .scheduleFollowUp(_, due, note, untilAnswer, party): return .scheduleFollowUp(id, due: due, note: note, untilAnswer: untilAnswer, waitingOn: party)
        case let .cancelFollowUp(_, f, reason): return .cancelFollowUp(id, id: f, reason: reason)
        case let .breakPromise(_, f, grace): return .breakPromise(id, id: f, grace: grace)
        case let .rate(_, score, comment): return .rate(id, score: score, comment: comment)
        case let .completeFollowUp(_, f, outcome): return .completeFollowUp(id, id: f, outcome: outcome)
        case let .offer(_, kind, value, reason, recovery): return .offer(id, kind: kind, value: value, reason: reason, recovery: recovery)
        case let .answerOffer(_, offer, approve, note): return .answerOffer(id, offer: offer, approve: approve, note: note)
        case let .makeItRight(_, apology): return .makeItRight(id, apology: apology)
        case let .wantWhenBack(_, sku, quantity, hold, checkBy): return .wantWhenBack(id, sku: sku, quantity: quantity, hold: hold, checkBy: checkBy)
        case .stockAvailable: return self
        case let .useSolution(_, name): return .useSolution(id, name: name)
        case let .requestFeedback(_, cooldown, expires): return .requestFeedback(id, cooldown: cooldown, expires: expires)
        case let .lapseReservation(_, wish): return .lapseReservation(id, wish: wish)
        case let .review(_, submission): return .review(id, submission)
        case let .answerReview(_, message, dispute): return .answerReview(id, message: message, dispute: dispute)
        case let .completeCoaching(_, message, outcome): return .completeCoaching(id, message: message, outcome: outcome)
        case let .assign(_, agent): return .assign(id, agent: agent)
        case .take: return .take(id)
        case let .setPriority(_, p): return .setPriority(id, p)
        case let .tag(_, tags): return .tag(id, tags: tags)
        case let .solve(_, reason): return .solve(id, overriding: reason)
        case .reopen: return .reopen(id)
        case .setPending: return .setPending(id)
        case let .saveDraft(_, body): return .saveDraft(id, body: body)
        case let .deescalate(_, reason): return .deescalate(id, reason: reason)
        case .setServiceLevel: return self
        }
    }
}

public struct IncomingMessage: Sendable, Equatable {
    public var customerName: String
    public var customerEmail: String
    public var language: String
    public var subject: String
    public var body: String
    public var channel: Channel
    public var receivedAt: Date?
    public var appendTo: CaseID?
    public var priority: Priority

    public init(customerName: String, customerEmail: String, language: String, subject: String, body: String,
                channel: Channel = .email, receivedAt: Date? = nil, appendTo: CaseID? = nil,
                priority: Priority = .normal) {
        self.customerName = customerName
        self.customerEmail = customerEmail
        self.language = language
        self.subject = subject
        self.body = body
        self.channel = channel
        self.receivedAt = receivedAt
        self.appendTo = appendTo
        self.priority = priority
    }
}

/// Why a command was refused; the message is meant for the agent's status line or stderr.
public struct CommandError: Error, Equatable, Sendable, CustomStringConvertible {
    /// In English: logs, the journal's refusals, scripts.
    public let description: String
    /// The same in every language, when the refusal is worded from a `Phrase` (`RefusalWords`).
    public let worded: [UILanguage: String]

    public init(_ description: String) {
        self.description = description
        worded = [:]
    }

    public init(_ phrase: Phrase, _ values: KeyValuePairs<String, String> = [:]) {
        description = phrase(.en, values)
        var all: [UILanguage: String] = [:]
        for l in UILanguage.allCases { all[l] = phrase(l, values) }
        worded = all
    }

    /// Already worded in another language (a team server's refusal, as the console reads it).
    public init(worded texts: [UILanguage: String], english: String) {
        description = texts[.en] ?? english
        worded = texts
    }

    /// How the person who sees it reads it: in `language` when worded so, else as written.
    public func text(in language: UILanguage = .current) -> String { worded[language] ?? description }

    public static func == (a: CommandError, b: CommandError) -> Bool { a.description == b.description }
}

extension HelpDesk {
    /// Validates `command` as done by `actor` at `now` and returns the changes it makes.
    /// `outbound` says how replies go out as mail; without it replies are recorded only.
    /// `authority` says who may give what goodwill on their own.
    public func decide(_ command: Command, actor: String, now: Date, outbound: OutboundMailSettings? = nil,
                       authority: GoodwillAuthority = .embedded) throws(CommandError) -> [PendingChange] {
        switch command {
        case let .receive(m):
            return try decideIncoming(m, now: now)
        case let .receiveMail(m):
            return try decideMail(m, now: now, outbound: outbound)
        case let .recordDelivery(id, messageID, outcome):
            let c = try existing(id)
            guard let reply = c.messages.last(where: { $0.direction == .outbound && $0.mail?.messageID == messageID }) else {
                throw CommandError("\(id) has no reply with Message-ID \(messageID)")
            }
            if reply.mail?.delivery?.state == .delivered || reply.mail?.delivery?.state == .failed {
                throw CommandError("the reply \(messageID) on \(id) is already \(reply.mail?.delivery?.state.rawValue ?? "settled")")
            }
            switch outcome {
            case .delivered:
                return [PendingChange(caseID: id, change: .replyDelivered(messageID: messageID))]
            case let .failed(error, retryAt):
                return [PendingChange(caseID: id, change: .deliveryFailed(messageID: messageID, error: error, retryAt: retryAt?.roundedToMilliseconds))]
            }
        case let .reply(id, body):
            let c = try existing(id)
            let text = try required(body, "reply")
            if let refusal = UnfilledReply.refusal(in: text) { throw refusal }
            let mail = outbound.flatMap { replyMail(on: c, settings: $0, now: now) }
            var changes = [PendingChange(caseID: c.id, change: .replySent(body: text, mail: mail))]
            if c.assignee == nil { changes.append(PendingChange(caseID: id, change: .assigned(agent: actor))) }
            return changes
        case let .note(id, body):
            _ = try existing(id)
            return [PendingChange(caseID: id, change: .noteAdded(body: try required(body, "note")))]
        case let .apologise(id, kind):
            _ = try existing(id)
            return [PendingChange(caseID: id, change: .apologised(kind: kind))]
        case let .escalate(id, level, reason):
            let c = try existing(id)
            let why = try required(reason, "escalation reason")
            if let e = c.escalation, e.level == level, e.reason == why {
                throw CommandError(RefusalWords.shared.alreadyEscalatedFor, ["case": id, "level": level.label])
            }
            return [PendingChange(caseID: id, change: .escalated(level: level, reason: why))]
        case let .deescalate(id, reason):
            let c = try existing(id)
            let why = try required(reason, "reason for de-escalating")
            guard c.escalation != nil else { throw CommandError(RefusalWords.shared.notEscalated, ["case": id]) }
            return [PendingChange(caseID: id, change: .deescalated(reason: why))]
        case let .setServiceLevel(priority, target):
            guard target >= 60, target <= 90 * 86400 else {
                throw CommandError(RefusalWords.shared.slaRange)
            }
            if serviceLevelTargets[priority] == target {
                throw CommandError(RefusalWords.shared.slaAlready, ["priority": priority.rawValue, "target": AgeFormat.compact(target)])
            }
            return [PendingChange(caseID: HelpDesk.deskWide, change: .serviceLevelSet(priority: priority, target: target))]
        case let .scheduleFollowUp(id, due, note, untilAnswer, party):
            let c = try existing(id)
            let what = try required(note, "follow-up note")
            let who = party?.trimmingCharacters(in: .whitespacesAndNewlines)
            if party != nil, who?.isEmpty != false { throw CommandError(RefusalWords.shared.sayWhoWaits) }
            let next = (c.followUps.map(\.id).max() ?? 0) + 1
            return [PendingChange(caseID: id, change: .followUpScheduled(id: next, due: due.roundedToMilliseconds, note: what, untilAnswer: untilAnswer, waitingOn: who))]
        case let .completeFollowUp(id, followUpID, outcome):
            let target = try openFollowUp(followUpID, on: try existing(id), byHand: "marked done")
            let trimmed = outcome?.trimmingCharacters(in: .whitespacesAndNewlines)
            return [PendingChange(caseID: id, change: .followUpDone(id: target.id, outcome: trimmed?.isEmpty == false ? trimmed : nil))]
        case let .rate(id, score, comment):
            let c = try existing(id)
            // The credit goes to whoever answered the customer, as the case stands now.
            return try rating(on: c, score: score, comment: comment, credited: c.repliedBy, now: now)
        case let .breakPromise(id, followUpID, grace):
            let c = try existing(id)
            let w = RefusalWords.shared
            guard let f = c.openFollowUps.first(where: { $0.id == followUpID }) else { throw CommandError(w.noOpenFollowUpNumber, ["case": id, "id": "\(followUpID)"]) }
            guard f.brokenAt == nil else { throw CommandError(w.followUpAlreadyBroken, ["case": id, "id": "\(followUpID)"]) }
            guard f.due.addingTimeInterval(grace) <= now else { throw CommandError(w.followUpNotPastGrace, ["case": id, "id": "\(followUpID)"]) }
            var changes = [PendingChange(caseID: id, change: .followUpBroken(id: f.id, grace: grace))]
            if c.escalation?.level != .supervisor {
                changes.append(PendingChange(caseID: id, change: .escalated(level: .supervisor,
                    reason: "follow-up #\(f.id) not kept: due \(AgeFormat.compact(now.timeIntervalSince(f.due))) ago (\(f.by) promised: \(f.note))")))
            }
            return changes
        case let .cancelFollowUp(id, followUpID, reason):
            let target = try openFollowUp(followUpID, on: try existing(id), byHand: "cancelled")
            let why = try required(reason, "reason for cancelling the follow-up")
            return [PendingChange(caseID: id, change: .followUpCancelled(id: target.id, reason: why))]
        case let .offer(id, kind, value, reason, recovery):
            return try decideOffer(on: try existing(id), kind: kind, value: value, reason: reason, recovery: recovery,
                                   actor: actor, now: now, authority: authority)
        case let .wantWhenBack(id, sku, quantity, hold, checkBy):
            return try decideWish(on: try existing(id), sku: sku, quantity: quantity, hold: hold, checkBy: checkBy, actor: actor, now: now)
        case let .requestFeedback(id, cooldown, expires):
            return try decideFeedbackRequest(on: try existing(id), cooldown: cooldown, expires: expires, now: now, outbound: outbound)
        case let .useSolution(id, name):
            _ = try existing(id)
            return [PendingChange(caseID: id, change: .solutionUsed(name: try required(name, "solution's name")))]
        case let .stockAvailable(sku, count):
            return try decideArrival(sku: sku, count: count, now: now, outbound: outbound)
        case let .lapseReservation(id, wish):
            return try decideLapse(on: try existing(id), wish: wish, now: now, outbound: outbound)
        case let .makeItRight(id, apology):
            return try decideRecovery(on: try existing(id), apology: apology, actor: actor, now: now, authority: authority)
        case let .answerOffer(id, offer, approve, note):
            return try decideAnswer(on: try existing(id), offer: offer, approve: approve, note: note, actor: actor, now: now, authority: authority)
        case let .review(id, s):
            return try decideReview(on: try existing(id), message: s.message, items: s.items, verdict: s.verdict, note: s.note,
                                    shoutOut: s.shoutOut, action: s.action, due: s.due, actor: actor, now: now)
        case let .answerReview(id, message, dispute):
            return try decideReviewAnswer(on: try existing(id), message: message, dispute: dispute, actor: actor)
        case let .completeCoaching(id, message, outcome):
            return try decideCoachingDone(on: try existing(id), message: message, outcome: outcome, actor: actor)
        case let .assign(id, agent):
            let c = try existing(id)
            let who = agent?.trimmingCharacters(in: .whitespaces)
            let target = (who?.isEmpty ?? true) ? nil : who
            if c.assignee == target {
                throw target.map { CommandError(RefusalWords.shared.alreadyAssigned, ["case": id, "agent": $0]) } ?? CommandError(RefusalWords.shared.alreadyUnassigned, ["case": id])
            }
            return [PendingChange(caseID: id, change: .assigned(agent: target))]
        case let .take(id):
            let c = try existing(id)
            let w = RefusalWords.shared
            if c.assignee == actor { throw CommandError(w.alreadyYours, ["case": id]) }
            if let other = c.assignee { throw CommandError(w.takenBy, ["case": id, "agent": other]) }
            if c.status == .solved { throw CommandError(w.solvedReopenFirst, ["case": id, "agent": c.solvedBy ?? "someone"]) }
            return [PendingChange(caseID: id, change: .assigned(agent: actor))]
        case let .setPriority(id, p):
            let c = try existing(id)
            if c.priority == p { throw CommandError(RefusalWords.shared.alreadyPriority, ["case": id, "priority": p.rawValue]) }
            return [PendingChange(caseID: id, change: .priorityChanged(priority: p))]
        case let .tag(id, tags):
            let c = try existing(id)
            let clean = tags.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }.filter { !$0.isEmpty }
            guard !clean.isEmpty else { throw CommandError(RefusalWords.shared.giveATag) }
            if let bad = clean.first(where: { $0.contains(where: { $0.isWhitespace || $0.isNewline }) }) {
                throw CommandError(RefusalWords.shared.tagWithSpaces, ["tag": bad])
            }
            let new = clean.filter { !c.tags.contains($0) }
            guard !new.isEmpty else { throw CommandError(RefusalWords.shared.alreadyTagged, ["case": id]) }
            return [PendingChange(caseID: id, change: .tagged(tags: new))]
        case let .solve(id, overriding):
            let c = try existing(id)
            if c.status == .solved {
                throw c.solvedBy.map { CommandError(RefusalWords.shared.alreadySolvedBy, ["case": id, "agent": $0]) } ?? CommandError(RefusalWords.shared.alreadySolved, ["case": id])
            }
            let open = c.openFollowUps.sorted { $0.due < $1.due }
            guard let first = open.first else { return [PendingChange(caseID: id, change: .statusChanged(status: .solved))] }
            guard let reason = overriding?.trimmingCharacters(in: .whitespacesAndNewlines), !reason.isEmpty else {
                let w = RefusalWords.shared
                var worded: [UILanguage: String] = [:]
                for l in UILanguage.allCases {
                    let what = open.count == 1 ? w.anOpenFollowUp(l) : w.openFollowUpsCount(l, ["n": "\(open.count)"])
                    worded[l] = w.openFollowUps(l, ["case": id, "what": what, "id": "\(first.id)", "note": first.note])
                }
                throw CommandError(worded: worded, english: worded[.en]!)
            }
            return [PendingChange(caseID: id, change: .solvedOverFollowUps(ids: open.map(\.id), reason: reason)),
                    PendingChange(caseID: id, change: .statusChanged(status: .solved))]
        case let .reopen(id):
            let c = try existing(id)
            if c.status == .open { throw CommandError(RefusalWords.shared.alreadyOpen, ["case": id]) }
            return [PendingChange(caseID: id, change: .statusChanged(status: .open))]
        case let .setPending(id):
            let c = try existing(id)
            if c.status == .pending { throw CommandError(RefusalWords.shared.alreadyPending, ["case": id]) }
            return [PendingChange(caseID: id, change: .statusChanged(status: .pending))]
        case let .saveDraft(id, body):
            _ = try existing(id)
            if (draft(caseID: id, agent: actor) ?? "") == body { return [] }
            return [PendingChange(caseID: id, change: .draftSaved(body: body))]
        }
    }

    private func decideIncoming(_ m: IncomingMessage, now: Date) throws(CommandError) -> [PendingChange] {
        let body = try required(m.body, "body")
        let channel = m.channel
        if let target = m.appendTo {
            _ = try existing(target)
            return [PendingChange(caseID: target, change: .messageReceived(body: body, channel: channel), at: m.receivedAt)]
        }
        let name = m.customerName.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty else { throw CommandError("customer.name is missing") }
        let email = m.customerEmail.trimmingCharacters(in: .whitespacesAndNewlines)
        let subject = m.subject.trimmingCharacters(in: .whitespacesAndNewlines)
        let id = customerID(forEmail: email).flatMap { email.isEmpty ? nil : $0 } ?? nextCustomerID
        let since = (customers[id]?.since ?? (m.receivedAt ?? now)).roundedToMilliseconds
        let customer = Customer(id: id, name: name, email: email, language: m.language, since: since)
        let caseID = nextCaseID
        return [
            PendingChange(caseID: caseID, change: .caseOpened(customer: customer, subject: subject.isEmpty ? "(no subject)" : subject,
                                                              channel: channel, priority: m.priority), at: m.receivedAt),
            PendingChange(caseID: caseID, change: .messageReceived(body: body, channel: channel), at: m.receivedAt),
        ]
    }

    /// A rating's changes: recorded with its credit; a bad one (≤ 2) reopens the case with a
    /// promise to make it right and tells a supervisor. Shared by `.rate` and mailed answers.
    func rating(on c: SupportCase, score: Int, comment: String?, credited: [String], now: Date) throws(CommandError) -> [PendingChange] {
        guard (1...5).contains(score) else { throw CommandError(RefusalWords.shared.ratingRange, ["score": "\(score)"]) }
        let said = comment?.trimmingCharacters(in: .whitespacesAndNewlines)
        let words = said?.isEmpty == false ? said : nil
        var changes = [PendingChange(caseID: c.id, change: .rated(score: score, comment: words, credited: credited))]
        if score <= Rating.badAtMost {
            if c.status != .open { changes.append(PendingChange(caseID: c.id, change: .statusChanged(status: .open))) }
            let next = (c.followUps.map(\.id).max() ?? 0) + 1
            changes.append(PendingChange(caseID: c.id, change: .followUpScheduled(id: next, due: now.addingTimeInterval(86400).roundedToMilliseconds,
                                                                              note: "make it right: the customer rated us \(score)/5")))
            if c.escalation?.level != .supervisor {
                changes.append(PendingChange(caseID: c.id, change: .escalated(level: .supervisor,
                    reason: "the customer rated us \(score)/5" + (words.map { ": \($0)" } ?? ""))))
            }
        }
        return changes
    }

    /// The open follow-up `id` names, or the next one due when `id` is nil. A request for
    /// approval is a follow-up a supervisor's answer keeps: it is not `byHand` done or cancelled.
    private func openFollowUp(_ id: Int?, on c: SupportCase, byHand: String) throws(CommandError) -> FollowUp {
        let approvals = c.approvalFollowUps
        if let fid = id, approvals.contains(fid), let o = c.offersAwaitingApproval.first(where: { $0.approval?.followUp == fid }) {
            let w = RefusalWords.shared
            let values: KeyValuePairs<String, String> = ["case": c.id, "id": "\(fid)", "request": Offer.requestName(c.id, o.id)]
            switch byHand {
            case "marked done": throw CommandError(w.approvalNotMarkedDone, values)
            case "cancelled": throw CommandError(w.approvalNotCancelled, values)
            default: throw CommandError("\(c.id)'s follow-up #\(fid) is the request for approval \(Offer.requestName(c.id, o.id)): it is kept when a supervisor approves or declines it, not \(byHand)")
            }
        }
        let open = c.openFollowUps.filter { !approvals.contains($0.id) }.sorted { $0.due < $1.due }
        guard let target = id.flatMap({ fid in open.first { $0.id == fid } }) ?? (id == nil ? open.first : nil) else {
            if let fid = id { throw CommandError(RefusalWords.shared.noOpenFollowUpNumber, ["case": c.id, "id": "\(fid)"]) }
            throw CommandError(RefusalWords.shared.noOpenFollowUp, ["case": c.id])
        }
        return target
    }

    func existing(_ id: CaseID) throws(CommandError) -> SupportCase {
        guard let c = cases[id] else { throw CommandError(RefusalWords.shared.noCase, ["case": id]) }
        return c
    }

    func required(_ text: String, _ what: String) throws(CommandError) -> String {
        let t = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !t.isEmpty else { throw RefusalWords.shared.empty(what).map { CommandError($0) } ?? CommandError("the \(what) is empty") }
        return t
    }
}

/// Where a performed command landed: its case, and whether it changed anything (a mail we
/// already had changes nothing and lands on the case that holds it).
public struct Landing: Sendable, Equatable {
    public var caseID: CaseID?
    public var changed: Bool
    public init(caseID: CaseID?, changed: Bool) {
        self.caseID = caseID
        self.changed = changed
    }
}

extension Command {
    public func landing(events: [Event], on desk: HelpDesk) -> Landing {
        if let first = events.first { return Landing(caseID: first.caseID, changed: true) }
        if case let .receiveMail(m) = self { return Landing(caseID: desk.caseID(forMessageID: m.details.messageID), changed: false) }
        return Landing(caseID: nil, changed: false)
    }
}
