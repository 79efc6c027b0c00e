import Foundation
import HashTreeCollections

/// The whole in-memory store: the fold of every event so far. A value type, so a snapshot or a
/// render can take an immutable copy for free. The tables nearly every event changes (cases,
/// and Message-IDs for mail) are persistent hash tries (`TreeDictionary`, and `CaseTable` over
/// one): changing one case while a copy is out (a joining console's, a background snapshot's)
/// copies that case's path, not the table. A plain Dictionary copied all 100,000 cases there, a
/// 50 ms stall on the server's loop. Tables that change only when a customer is new stay plain.
public struct HelpDesk: Codable, Sendable, Equatable {
    public internal(set) var cases = CaseTable()
    public internal(set) var customers: [CustomerID: Customer] = [:]
    /// Case ids in the order they were opened.
    public internal(set) var caseOrder: [CaseID] = []
    /// Cases of each customer, oldest first: the history pane's "every earlier case".
    public internal(set) var casesByCustomer: [CustomerID: [CaseID]] = [:]
    /// Customer id by lower-cased e-mail, so intake finds a returning customer.
    public internal(set) var customerByEmail: [String: CustomerID] = [:]
    /// Unsent replies, by case then agent.
    public internal(set) var drafts: [CaseID: [String: String]] = [:]
    public internal(set) var lastSequence: UInt64 = 0
    /// Every Message-ID we received or sent, to its case: threading by In-Reply-To/References,
    /// duplicates, bounces. Derived from the messages (rebuilt on snapshot read).
    public internal(set) var caseByMessageID: TreeDictionary<String, CaseID> = [:]
    /// Our replies the mail system has not taken yet (queued or retrying), Message-ID → case:
    /// what the mail sender works through, without scanning the desk.
    public internal(set) var undeliveredReplies: [String: CaseID] = [:]
    /// Cases with a follow-up still open: the promise keeper looks through these, not the desk.
    /// Derived from the cases (rebuilt on snapshot read).
    public internal(set) var casesWithOpenFollowUps: Set<CaseID> = []
    /// Cases with an offer: allowances and the Approvals view count from these, not the desk.
    /// Derived from the cases (rebuilt on snapshot read).
    public internal(set) var casesWithOffers: Set<CaseID> = []
    /// Cases with a stock wish still standing: arrivals and the stock keeper look through these.
    /// Derived from the cases (rebuilt on snapshot read).
    public internal(set) var casesWithStockWishes: Set<CaseID> = []
    /// Cases with a review: the Review screen and the quality figures read these, not the desk.
    /// Derived from the cases (rebuilt on snapshot read).
    public internal(set) var casesWithReviews: Set<CaseID> = []
    /// First-response targets a supervisor set at run time; they override the config's `[sla]`.
    public internal(set) var serviceLevelTargets: [Priority: TimeInterval] = [:]
    /// The "case" of an event that belongs to the whole desk (an SLA change).
    public static let deskWide: CaseID = ""
    public internal(set) var nextCaseNumber: Int = 1000
    public internal(set) var nextCustomerNumber: Int = 1

    public init() {}

    public func customer(of c: SupportCase) -> Customer? { customers[c.customerID] }

    public func draft(caseID: CaseID, agent: String) -> String? { drafts[caseID]?[agent] }

    /// The id the next opened case will get.
    public var nextCaseID: CaseID { "C-\(nextCaseNumber)" }
    public var nextCustomerID: CustomerID { "K-\(nextCustomerNumber)" }

    public func caseID(forMessageID id: String) -> CaseID? { caseByMessageID[id] }

    public func customerID(forEmail email: String) -> CustomerID? {
        customerByEmail[email.lowercased()]
    }

    // MARK: - The fold

    /// Applies one event. Events come from `decide` (validated) or from the journal; a journal
    /// event that no longer fits (e.g. names an unknown case) is ignored rather than trapping.
    public mutating func apply(_ event: Event) {
        lastSequence = max(lastSequence, event.sequence)
        let at = event.at
        let actor = event.actor
        if case let .caseOpened(customer, subject, channel, priority) = event.change {
            openCase(event.caseID, customer: customer, subject: subject, channel: channel,
                     priority: priority, at: at)
            return
        }
        if case let .serviceLevelSet(priority, target) = event.change {
            serviceLevelTargets[priority] = target
            return
        }
        guard var c = cases[event.caseID] else { return }
        let wasSolved = c.status == .solved
        c.lastActivityAt = at
        switch event.change {
        case .caseOpened:
            return
        case let .messageReceived(body, channel):
            c.messages.append(Message(direction: .inbound, author: customers[c.customerID]?.name ?? "customer",
                                      at: at, body: body, channel: channel))
            c.keepPromisesUntilAnswer(at: at)
            if c.waitingSince == nil { c.waitingSince = at }
            if c.status != .open {
                c.status = .open
                c.solvedAt = nil
            }
        case let .mailReceived(body, mail):
            let author = Self.displayName(mail.from, fallback: nil)
            c.messages.append(Message(direction: .inbound, author: author, at: at, body: body, channel: .email, mail: mail))
            caseByMessageID[mail.messageID] = c.id
            refreshCustomerName(c.customerID, from: mail.from)
            // Machines (auto-replies, bounces, lists) wait for nobody, reopen nothing and keep no promise.
            if mail.automatic == nil {
                c.keepPromisesUntilAnswer(at: at)
                if c.waitingSince == nil { c.waitingSince = at }
                if c.status != .open {
                    c.status = .open
                    c.solvedAt = nil
                }
            }
        case let .replySent(body, mail):
            c.messages.append(Message(direction: .outbound, author: actor, at: at, body: body, mail: mail))
            if let mail {
                caseByMessageID[mail.messageID] = c.id
                if mail.delivery != nil { undeliveredReplies[mail.messageID] = c.id }
            }
            c.waitingSince = nil
            if c.status == .open { c.status = .pending }
            drafts[c.id]?[actor] = nil
        case let .acknowledged(body, mail):
            c.lastActivityAt = cases[event.caseID]?.lastActivityAt ?? at   // a machine's mail, not a person's
            c.messages.append(Message(direction: .outbound, author: Message.acknowledgementAuthor, at: at, body: body, mail: mail))
            caseByMessageID[mail.messageID] = c.id
            undeliveredReplies[mail.messageID] = c.id
        case let .replyDelivered(messageID):
            c.lastActivityAt = cases[event.caseID]?.lastActivityAt ?? at   // the mail system, not a person
            c.updateDelivery(of: messageID) { d in
                d.state = .delivered
                d.attempts += 1
                d.error = nil
                d.nextAttempt = nil
                d.at = at
            }
            undeliveredReplies[messageID] = nil
        case let .deliveryFailed(messageID, error, retryAt):
            c.updateDelivery(of: messageID) { d in
                d.state = retryAt == nil ? .failed : .retrying
                d.attempts += 1
                d.error = error
                d.nextAttempt = retryAt
                d.at = at
            }
            if retryAt == nil {
                undeliveredReplies[messageID] = nil
                c.activity.append(CaseActivity(at: at, actor: actor, ActivityLine(.notDelivered, ["error": error])))
            }
        case let .noteAdded(body):
            c.messages.append(Message(direction: .note, author: actor, at: at, body: body))
        case let .apologised(kind):
            c.apologies.append(Apology(kind: kind, by: actor, at: at))
            c.activity.append(CaseActivity(at: at, actor: actor, ActivityLine(.apologised, ["actor": actor, "apology": kind.rawValue])))
        case let .escalated(level, reason):
            c.escalation = Escalation(level: level, reason: reason, by: actor, at: at)
            c.activity.append(CaseActivity(at: at, actor: actor, ActivityLine(.escalated, ["level": level.rawValue, "actor": actor, "reason": reason])))
        case let .deescalated(reason):
            var values = ["actor": actor, "reason": reason]
            values["level"] = c.escalation?.level.rawValue
            c.escalation = nil
            c.activity.append(CaseActivity(at: at, actor: actor, ActivityLine(.deescalated, values)))
        case .serviceLevelSet:
            return
        case let .followUpScheduled(id, due, note, untilAnswer, party):
            var f = FollowUp(id: id, due: due, note: note, by: actor, createdAt: at, done: false, outcome: nil, doneAt: nil, untilAnswer: untilAnswer)
            f.waitingOn = party
            c.followUps.append(f)
            var values = ["id": "\(id)", "actor": actor, "note": note]
            if untilAnswer { values["untilAnswer"] = "yes" }
            values["party"] = party
            c.activity.append(CaseActivity(at: at, actor: actor, ActivityLine(.followUpSet, values)))
        case let .followUpBroken(id, grace):
            if let i = c.followUps.firstIndex(where: { $0.id == id && !$0.done && $0.brokenAt == nil }) {
                c.followUps[i].brokenAt = at
                c.activity.append(CaseActivity(at: at, actor: actor, ActivityLine(.followUpBroken, ["id": "\(id)", "grace": AgeFormat.compact(grace)])))
            }
        case let .followUpCancelled(id, reason):
            for w in c.stockWishes.indices where c.stockWishes[w].ended == nil && c.stockWishes[w].state == .waiting && c.stockWishes[w].followUp == id {
                c.stockWishes[w].ended = "cancelled: \(reason)"
            }
            if let i = c.followUps.firstIndex(where: { $0.id == id && !$0.done }) {
                c.followUps[i].done = true
                c.followUps[i].cancelled = reason
                c.followUps[i].doneAt = at
                c.activity.append(CaseActivity(at: at, actor: actor, ActivityLine(.followUpCancelled, ["id": "\(id)", "actor": actor, "reason": reason])))
            }
        case let .followUpDone(id, outcome):
            // The promise after a notice kept (collected, or they got the news): the wish is done.
            for w in c.stockWishes.indices where c.stockWishes[w].ended == nil && c.stockWishes[w].noticeFollowUp == id {
                c.stockWishes[w].ended = outcome ?? "done"
            }
            if let i = c.followUps.firstIndex(where: { $0.id == id }) {
                c.followUps[i].done = true
                c.followUps[i].outcome = outcome
                c.followUps[i].doneAt = at
                var values = ["id": "\(id)", "actor": actor]
                values["outcome"] = outcome
                c.activity.append(CaseActivity(at: at, actor: actor, ActivityLine(.followUpDone, values)))
            }
        case let .assigned(agent):
            c.assignee = agent
            c.activity.append(CaseActivity(at: at, actor: actor, agent.map { ActivityLine(.assigned, ["agent": $0, "actor": actor]) }
                                                                 ?? ActivityLine(.unassigned, ["actor": actor])))
        case let .priorityChanged(priority):
            c.priority = priority
            c.activity.append(CaseActivity(at: at, actor: actor, ActivityLine(.prioritySet, ["priority": priority.rawValue, "actor": actor])))
        case let .tagged(tags):
            for t in tags where !c.tags.contains(t) { c.tags.append(t) }
            c.activity.append(CaseActivity(at: at, actor: actor, ActivityLine(.tagged, ["tags": tags.joined(separator: " "), "actor": actor])))
        case let .statusChanged(status):
            c.status = status
            switch status {
            case .solved:
                c.solvedAt = at
                c.waitingSince = nil
            case .open:
                c.solvedAt = nil
                if c.waitingSince == nil { c.waitingSince = at }
            case .pending:
                c.solvedAt = nil
                c.waitingSince = nil
            }
            c.activity.append(CaseActivity(at: at, actor: actor, ActivityLine(.statusChanged, ["status": status.rawValue, "actor": actor])))
        case let .rated(score, comment, credited):
            c.lastActivityAt = cases[event.caseID]?.lastActivityAt ?? at   // the customer's verdict, not work on the case
            c.ratings.append(Rating(score: score, comment: comment, at: at, credited: credited, by: actor))
            var values = ["score": "\(score)"]
            if !credited.isEmpty { values["credited"] = credited.joined(separator: ", ") }
            values["comment"] = comment
            c.activity.append(CaseActivity(at: at, actor: actor, ActivityLine(.rated, values)))
        case let .solvedOverFollowUps(ids, reason):
            let which = ids.map { "#\($0)" }.joined(separator: ", ")
            c.activity.append(CaseActivity(at: at, actor: actor, ActivityLine(.solvedOver, ["actor": actor, "ids": which, "reason": reason])))
        case let .offerGiven(offer):
            c.offers.append(offer)
            var values = ActivityLine.offer(offer, ["actor": actor, "reason": offer.reason])
            values["code"] = offer.coupon?.code
            c.activity.append(CaseActivity(at: at, actor: actor, ActivityLine(.offerGiven, values)))
        case let .offerRequested(offer):
            c.offers.append(offer)
            var values = ActivityLine.offer(offer, ["actor": actor, "request": Offer.requestName(c.id, offer.id), "reason": offer.reason])
            values["over"] = offer.approval?.over
            c.activity.append(CaseActivity(at: at, actor: actor, ActivityLine(.offerRequested, values)))
        case let .offerAnswered(id, approved, note, coupon):
            if let i = c.offers.firstIndex(where: { $0.id == id && $0.state == .awaitingApproval }) {
                c.offers[i].approval?.answer = ApprovalAnswer(approved: approved, by: actor, at: at, note: note)
                if let coupon { c.offers[i].coupon = coupon }
                var values = ActivityLine.offer(c.offers[i], ["actor": actor])
                if approved { values["approved"] = "yes" }
                values["code"] = coupon?.code
                values["note"] = note
                c.activity.append(CaseActivity(at: at, actor: actor, ActivityLine(.offerAnswered, values)))
            }
        case let .stockWished(wish):
            c.stockWishes.append(wish)
            var values = ["item": wish.summary, "actor": actor]
            values["hold"] = wish.hold.map { AgeFormat.chosen($0) }
            c.activity.append(CaseActivity(at: at, actor: actor, ActivityLine(.wants, values)))
        case let .stockNotified(id, body, mail, reservedUntil, followUp):
            c.messages.append(Message(direction: .outbound, author: Message.stockNoticeAuthor, at: at, body: body, mail: mail))
            if let mail {
                caseByMessageID[mail.messageID] = c.id
                if mail.delivery != nil { undeliveredReplies[mail.messageID] = c.id }
            }
            if let i = c.stockWishes.firstIndex(where: { $0.id == id }) {
                c.stockWishes[i].notifiedAt = at
                c.stockWishes[i].reservedUntil = reservedUntil
                c.stockWishes[i].noticeFollowUp = followUp
                var values = ["item": c.stockWishes[i].summary]
                if mail == nil { values["noMail"] = "yes" }
                values["until"] = reservedUntil.map { ISOTime.format($0) }
                c.activity.append(CaseActivity(at: at, actor: actor, ActivityLine(.back, values)))
            }
        case let .stockLapsed(id):
            if let i = c.stockWishes.firstIndex(where: { $0.id == id }) {
                c.stockWishes[i].ended = "reservation lapsed"
                c.activity.append(CaseActivity(at: at, actor: actor, ActivityLine(.lapsed, ["item": c.stockWishes[i].summary])))
            }
        case let .feedbackRequested(body, mail, credited, expires):
            c.lastActivityAt = cases[event.caseID]?.lastActivityAt ?? at   // the desk's own mail, not work on the case
            c.messages.append(Message(direction: .outbound, author: Message.feedbackRequestAuthor, at: at, body: body, mail: mail))
            caseByMessageID[mail.messageID] = c.id
            if mail.delivery != nil { undeliveredReplies[mail.messageID] = c.id }
            c.feedbackRequests.append(FeedbackRequest(at: at, messageID: mail.messageID, credited: credited, expires: expires))
        case let .feedbackAnswered(body, mail, request):
            c.messages.append(Message(direction: .inbound, author: Self.displayName(mail.from, fallback: customers[c.customerID]?.name),
                                      at: at, body: body, channel: .email, mail: mail))
            caseByMessageID[mail.messageID] = c.id
            if let i = c.feedbackRequests.lastIndex(where: { $0.messageID == request }) { c.feedbackRequests[i].answeredAt = at }
        case let .solutionUsed(name):
            c.lastActivityAt = cases[event.caseID]?.lastActivityAt ?? at   // what went into a reply, not the reply
            c.solutionsUsed.append(SolutionUse(name: name, by: actor, at: at))
        case let .recoveryMade(apology, offer, followUp):
            c.recoveries.append(Recovery(at: at, by: actor, apology: apology, offer: offer, followUp: followUp))
            let given = offer.flatMap { n in c.offers.first { $0.id == n } }
            let values = ["actor": actor, "apology": apology.rawValue, "id": "\(followUp)"]
            c.activity.append(CaseActivity(at: at, actor: actor, ActivityLine(.madeItRight, given.map { ActivityLine.offer($0, values) } ?? values)))
        case let .replyReviewed(review):
            c.lastActivityAt = cases[event.caseID]?.lastActivityAt ?? at   // a look at the work, not work on the case
            c.reviews.append(review)
        case let .reviewAnswered(message, disputed):
            c.lastActivityAt = cases[event.caseID]?.lastActivityAt ?? at
            if let i = c.reviews.firstIndex(where: { $0.message == message && $0.answer == nil }) {
                c.reviews[i].answer = ReviewAnswer(at: at, disputed: disputed)
            }
        case let .coachingDone(message, outcome):
            c.lastActivityAt = cases[event.caseID]?.lastActivityAt ?? at
            if let i = c.reviews.firstIndex(where: { $0.message == message }), c.reviews[i].action?.doneAt == nil {
                c.reviews[i].action?.doneAt = at
                c.reviews[i].action?.outcome = outcome
            }
        case let .draftSaved(body):
            c.lastActivityAt = cases[event.caseID]?.lastActivityAt ?? at   // a draft is not activity
            if body.isEmpty {
                drafts[c.id]?[actor] = nil
                if drafts[c.id]?.isEmpty == true { drafts[c.id] = nil }
            } else {
                drafts[c.id, default: [:]][actor] = body
            }
        }
        if wasSolved && c.status == .open {
            c.reopens += 1
            c.reopenedAt = at
        }
        cases[c.id] = c
        notePromises(of: c)
    }

    /// Keeps `casesWithOpenFollowUps` true to the case (what the promise keeper looks through).
    mutating func notePromises(of c: SupportCase) {
        if !c.offers.isEmpty, !casesWithOffers.contains(c.id) { casesWithOffers.insert(c.id) }
        if !c.reviews.isEmpty, !casesWithReviews.contains(c.id) { casesWithReviews.insert(c.id) }
        if c.stockWishes.contains(where: { $0.ended == nil }) {
            if !casesWithStockWishes.contains(c.id) { casesWithStockWishes.insert(c.id) }
        } else if casesWithStockWishes.contains(c.id) {
            casesWithStockWishes.remove(c.id)
        }
        if c.followUps.contains(where: { !$0.done }) {
            if !casesWithOpenFollowUps.contains(c.id) { casesWithOpenFollowUps.insert(c.id) }
        } else if casesWithOpenFollowUps.contains(c.id) {
            casesWithOpenFollowUps.remove(c.id)
        }
    }

    /// A mail's display name replaces a customer name that was only their address (or its local part).
    private mutating func refreshCustomerName(_ id: CustomerID, from: MailParty) {
        guard var k = customers[id], let name = from.name?.trimmingCharacters(in: .whitespacesAndNewlines), !name.isEmpty,
              k.email.lowercased() == from.address.lowercased(), name != k.name else { return }
        let local = k.email.split(separator: "@").first.map(String.init) ?? k.email
        guard k.name.isEmpty || k.name == k.email || k.name == local || k.name == "(unknown sender)" else { return }
        k.name = name
        customers[id] = k
    }

    private mutating func openCase(_ id: CaseID, customer: Customer, subject: String, channel: Channel,
                                   priority: Priority, at: Date) {
        guard cases[id] == nil else { return }
        // The event carries the customer as intake saw them; a returning customer keeps their
        // original "customer since", but name and language are refreshed.
        var stored = customers[customer.id] ?? customer
        stored.name = customer.name
        stored.email = customer.email
        stored.language = customer.language
        customers[customer.id] = stored
        if !customer.email.isEmpty { customerByEmail[customer.email.lowercased()] = customer.id }
        if let n = Self.number(customer.id, prefix: "K-") { nextCustomerNumber = max(nextCustomerNumber, n + 1) }
        if let n = Self.number(id, prefix: "C-") { nextCaseNumber = max(nextCaseNumber, n + 1) }
        cases[id] = SupportCase(id: id, customerID: customer.id, subject: subject, status: .open,
                                priority: priority, assignee: nil, tags: [], messages: [], activity: [],
                                escalation: nil, apologies: [], followUps: [], openedAt: at,
                                waitingSince: at, solvedAt: nil, lastActivityAt: at)
        caseOrder.append(id)
        casesByCustomer[customer.id, default: []].append(id)
    }

    private static func number(_ id: String, prefix: String) -> Int? {
        guard id.hasPrefix(prefix) else { return nil }
        return Int(id.dropFirst(prefix.count))
    }
}

extension SupportCase {
    /// The customer wrote: the promises that were "until they answer" are kept.
    mutating func keepPromisesUntilAnswer(at: Date) {
        for i in followUps.indices where followUps[i].untilAnswer && !followUps[i].done {
            followUps[i].done = true
            followUps[i].outcome = "the customer answered"
            followUps[i].doneAt = at
            activity.append(CaseActivity(at: at, actor: "frontline", ActivityLine(.followUpKept, ["id": "\(followUps[i].id)"])))
        }
    }

    /// Changes the delivery state of our reply with that Message-ID (no-op for an unknown id).
    mutating func updateDelivery(of messageID: String, _ change: (inout MailDelivery) -> Void) {
        guard let i = messages.lastIndex(where: { $0.direction == .outbound && $0.mail?.messageID == messageID }),
              var mail = messages[i].mail else { return }
        var d = mail.delivery ?? MailDelivery(state: .queued)
        change(&d)
        mail.delivery = d
        messages[i].mail = mail
    }
}
