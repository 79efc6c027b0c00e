import Foundation

/// One durable change to the help desk. The store is the fold of these, in sequence order;
/// they are also the audit trail ("who escalated this, when, why").
public struct Event: Sendable, Equatable {
    public var sequence: UInt64
    public var at: Date
    public var actor: String
    public var caseID: CaseID
    public var change: Change

    public init(sequence: UInt64, at: Date, actor: String, caseID: CaseID, change: Change) {
        self.sequence = sequence
        self.at = at
        self.actor = actor
        self.caseID = caseID
        self.change = change
    }

    public enum Change: Sendable, Equatable {
        case caseOpened(customer: Customer, subject: String, channel: Channel, priority: Priority)
        case messageReceived(body: String, channel: Channel)
        /// A customer e-mail, threaded onto this case (intake decided where).
        case mailReceived(body: String, mail: MailDetails)
        /// `mail` is set when the reply goes to the customer as e-mail (delivery state queued).
        case replySent(body: String, mail: MailDetails? = nil)
        /// Our automatic "we have your message" mail for a new case (not a reply: the customer
        /// is still waiting for one).
        case acknowledged(body: String, mail: MailDetails)
        /// The mail system took our reply with this Message-ID.
        case replyDelivered(messageID: String)
        /// Our reply could not be delivered; `retryAt` nil means it will not be tried again.
        case deliveryFailed(messageID: String, error: String, retryAt: Date?)
        case noteAdded(body: String)
        case apologised(kind: ApologyKind)
        case escalated(level: EscalationLevel, reason: String)
        case deescalated(reason: String)
        /// A team-wide SLA target changed; the event's case is `HelpDesk.deskWide`.
        case serviceLevelSet(priority: Priority, target: TimeInterval)
        /// `untilAnswer`: kept by the customer's next message (see `FollowUp.untilAnswer`);
        /// `waitingOn`: the third party it waits on.
        case followUpScheduled(id: Int, due: Date, note: String, untilAnswer: Bool = false, waitingOn: String? = nil)
        case followUpDone(id: Int, outcome: String?)
        /// The promise no longer stands, and why (the customer withdrew, it was made twice).
        case followUpCancelled(id: Int, reason: String)
        /// Overdue past `grace`: the promise is broken (it stays open until kept or cancelled).
        case followUpBroken(id: Int, grace: TimeInterval)
        case assigned(agent: String?)
        case priorityChanged(priority: Priority)
        case tagged(tags: [String])
        case statusChanged(status: CaseStatus)
        /// Solved while these follow-ups were still open, and why (they stay open: a promise
        /// outlives the case, and a due one brings it back).
        case solvedOverFollowUps(ids: [Int], reason: String)
        /// The customer rated how we did (1–5), credited to these agents.
        case rated(score: Int, comment: String?, credited: [String])
        /// A goodwill offer within the giver's authority: the customer has it.
        case offerGiven(offer: Offer)
        /// An offer beyond the agent's authority, asked of the supervisors (`offer.approval`).
        case offerRequested(offer: Offer)
        /// A supervisor's answer to a request; an approved coupon gets its code here.
        case offerAnswered(id: Int, approved: Bool, note: String?, coupon: Coupon?)
        /// Made it right in one step: the apology, offer and follow-up are their own events
        /// beside this one, which ties them together.
        case recoveryMade(apology: ApologyKind, offer: Int?, followUp: Int)
        /// The customer wants `wish.sku` when it is back (its waiting promise is its own event).
        case stockWished(wish: StockWish)
        /// It is back: the customer was told (`mail` when it went by e-mail) and, if they asked,
        /// one is reserved until `reservedUntil`; `followUp` is the promise after the notice.
        case stockNotified(wish: Int, body: String, mail: MailDetails?, reservedUntil: Date?, followUp: Int)
        /// The reservation ran out uncollected (it passes to the next in line).
        case stockLapsed(wish: Int)
        /// "How did we do?" mailed to the customer after the case was solved; the agents to
        /// credit are fixed now.
        case feedbackRequested(body: String, mail: MailDetails, credited: [String], expires: Date)
        /// The customer's mailed answer to request `request` (a Message-ID): stored on the case
        /// without reopening it (the `rated` event beside it says what it means).
        case feedbackAnswered(body: String, mail: MailDetails, request: String)
        /// A solution article went into the reply (which problems recur, which answers work).
        case solutionUsed(name: String)
        /// A supervisor reviewed the reply `review.message`: scored, then praised or coached.
        case replyReviewed(review: Review)
        /// The reviewed agent's answer: acknowledged (`disputed` nil) or disputed, and why.
        case reviewAnswered(message: Int, disputed: String?)
        /// Coaching's action item done (by the agent, or the reviewer).
        case coachingDone(message: Int, outcome: String?)
        /// The agent's unsent reply, kept so it survives quitting and crashes. Empty body = discarded.
        case draftSaved(body: String)

        /// The snake_case name used in the journal and `export --events`.
        public var typeName: String {
            switch self {
            case .caseOpened: "case_opened"
            case .messageReceived: "message_received"
            case .mailReceived: "mail_received"
            case .replySent: "reply_sent"
            case .acknowledged: "acknowledged"
            case .replyDelivered: "reply_delivered"
            case .deliveryFailed: "delivery_failed"
            case .noteAdded: "note_added"
            case .apologised: "apologised"
            case .escalated: "escalated"
            case .deescalated: "deescalated"
            case .serviceLevelSet: "service_level_set"
            case .followUpScheduled: "follow_up_scheduled"
            case .followUpDone: "follow_up_done"
            case .followUpCancelled: "follow_up_cancelled"
            case .followUpBroken: "follow_up_broken"
            case .assigned: "assigned"
            case .priorityChanged: "priority_changed"
            case .tagged: "tagged"
            case .statusChanged: "status_changed"
            case .solvedOverFollowUps: "solved_over_follow_ups"
            case .rated: "rated"
            case .offerGiven: "offer_given"
            case .offerRequested: "offer_requested"
            case .offerAnswered: "offer_answered"
            case .recoveryMade: "recovery_made"
            case .stockWished: "stock_wished"
            case .stockNotified: "stock_notified"
            case .stockLapsed: "stock_lapsed"
            case .feedbackRequested: "feedback_requested"
            case .feedbackAnswered: "feedback_answered"
            case .solutionUsed: "solution_used"
            case .replyReviewed: "reply_reviewed"
            case .reviewAnswered: "review_answered"
            case .coachingDone: "coaching_done"
            case .draftSaved: "draft_saved"
            }
        }
    }
}

/// A change decided but not yet sequenced: the service stamps sequence and time when it journals it.
public struct PendingChange: Sendable, Equatable {
    public var caseID: CaseID
    public var change: Event.Change
    /// When it happened, if not "now" (a customer message taken in with its own received time).
    public var at: Date?

    public init(caseID: CaseID, change: Event.Change, at: Date? = nil) {
        self.caseID = caseID
        self.change = change
        self.at = at
    }
}

extension HelpDesk {
    /// Gives decided changes their sequence numbers (after this desk's last) and times: the
    /// events to journal, then apply.
    public func stamp(_ changes: [PendingChange], actor: String, now: Date) -> [Event] {
        let first = lastSequence + 1
        return changes.enumerated().map { i, change in
            Event(sequence: first + UInt64(i), at: (change.at ?? now).roundedToMilliseconds,
                  actor: actor, caseID: change.caseID, change: change.change)
        }
    }
}
