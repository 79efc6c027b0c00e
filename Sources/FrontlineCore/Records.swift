import Foundation

public typealias CaseID = String
public typealias CustomerID = String

public struct Customer: Codable, Sendable, Equatable {
    public var id: CustomerID
    public var name: String
    public var email: String
    /// As given by intake (e.g. "sv"); templates use `Language(code:)`.
    public var language: String
    public var since: Date

    public init(id: CustomerID, name: String, email: String, language: String, since: Date) {
        self.id = id
        self.name = name
        self.email = email
        self.language = language
        self.since = since
    }

    /// "Åsa Lindqvist" → "Åsa": what an agent greets them with.
    public var firstName: String {
        name.split(separator: " ").first.map(String.init) ?? name
    }
}

public struct Message: Codable, Sendable, Equatable {
    public var direction: MessageDirection
    public var author: String
    public var at: Date
    public var body: String
    public var channel: Channel?
    /// The e-mail side: headers of a customer's mail, or how our reply went out. Kept behind
    /// one reference: most messages of a big desk have none, and an inline optional of this
    /// size would cost every message a few hundred bytes.
    public var mail: MailDetails? {
        get { mailBox?.value }
        set { mailBox = newValue.map(MailBox.init) }
    }
    private var mailBox: MailBox?

    private enum CodingKeys: String, CodingKey { case direction, author, at, body, channel, mailBox = "mail" }

    public init(direction: MessageDirection, author: String, at: Date, body: String, channel: Channel? = nil, mail: MailDetails? = nil) {
        self.direction = direction
        self.author = author
        self.at = at
        self.body = body
        self.channel = channel
        self.mail = mail
    }
}

extension Message {
    /// Who the desk's own mail is written by, in the thread: it is not an agent's answer.
    public static let acknowledgementAuthor = "automatic acknowledgement"
    public static let stockNoticeAuthor = "back-in-stock notice"
    public static let feedbackRequestAuthor = "feedback request"
    static let automaticAuthors: Set<String> = [acknowledgementAuthor, stockNoticeAuthor, feedbackRequestAuthor]

    /// The local parts of addresses no person reads (bounces, "noreply"): nothing automatic is sent to them.
    static let machineLocalParts: Set<String> = ["mailer-daemon", "postmaster", "noreply", "no-reply", "donotreply"]

    static func isMachineAddress(_ address: String) -> Bool {
        machineLocalParts.contains(address.split(separator: "@").first.map { $0.lowercased() } ?? "")
    }

    /// An agent's answer to the customer.
    public var isHumanReply: Bool {
        direction == .outbound && mail?.automatic == nil && !Self.automaticAuthors.contains(author)
    }
}

public struct Escalation: Codable, Sendable, Equatable {
    public var level: EscalationLevel
    public var reason: String
    public var by: String
    public var at: Date
}

public struct Apology: Codable, Sendable, Equatable {
    public var kind: ApologyKind
    public var by: String
    public var at: Date
}

/// A promise to come back to the customer. Tracked until kept or, with a reason, cancelled.
public struct FollowUp: Codable, Sendable, Equatable {
    public var id: Int
    public var due: Date
    public var note: String
    public var by: String
    public var createdAt: Date
    /// No longer open: kept, or cancelled (then `cancelled` says why).
    public var done: Bool
    public var outcome: String?
    public var doneAt: Date?
    /// "Until they answer or until `due`": the customer's next message keeps it, so the case
    /// comes back at `due` only if they have not written by then.
    public var untilAnswer: Bool = false
    /// Why it was cancelled; nil unless it was.
    public var cancelled: String?
    /// When it was found overdue past the grace time and escalated: broken, though it stays open
    /// (and is impossible to miss) until it is kept, late, or cancelled.
    public var brokenAt: Date?
    /// A third party the promise waits on ("DHL", "the supplier", "tier 2").
    public var waitingOn: String?

    public func isDue(at now: Date) -> Bool { !done && due <= now }

    /// How it ended, for the history and for reporting promises kept and broken.
    public var state: PromiseState {
        guard done, let at = doneAt else { return .open }
        if let reason = cancelled { return .cancelled(reason: reason) }
        return .kept(onTime: at <= due)
    }
}

public enum PromiseState: Sendable, Equatable {
    case open
    case kept(onTime: Bool)
    case cancelled(reason: String)
}

/// The customer's answer to "how did we do": 1 (bad) to 5 (good), credited to the agents who
/// had replied on the case when it was given.
public struct Rating: Codable, Sendable, Equatable {
    public var score: Int
    public var comment: String?
    public var at: Date
    public var credited: [String]
    /// Who recorded it (an agent, for a rating given on the phone).
    public var by: String

    /// A score this low reopens the case with a promise to make it right.
    public static let badAtMost = 2
    public var isBad: Bool { score <= Self.badAtMost }
}

/// Something that happened to a case, shown in its thread ("escalated by alice: reason").
public struct CaseActivity: Codable, Sendable, Equatable {
    public var at: Date
    public var actor: String
    /// In English: the record that exports, reports and scripts read.
    public var text: String
    /// What the line says as data, for saying it in the reader's language (nil on lines
    /// written before it was kept, and on the desk's own notes).
    public var line: ActivityLine?

    public init(at: Date, actor: String, text: String, line: ActivityLine? = nil) {
        self.at = at
        self.actor = actor
        self.text = text
        self.line = line
    }
}

public struct SupportCase: Codable, Sendable, Equatable {
    public var id: CaseID
    public var customerID: CustomerID
    public var subject: String
    public var status: CaseStatus
    public var priority: Priority
    public var assignee: String?
    public var tags: [String]
    /// Decoded from the snapshot on each read while the case is unchanged since it was opened
    /// (see `CaseThread`): bind it to a local rather than reading it in a loop.
    public var messages: [Message] {
        get { thread.messages }
        set { thread.setMessages(newValue) }
    }
    public var activity: [CaseActivity] {
        get { thread.activity }
        set { thread.setActivity(newValue) }
    }
    var thread: CaseThread
    public var escalation: Escalation?
    public var apologies: [Apology]
    public var followUps: [FollowUp]
    /// What the customer said of how we did, newest last.
    public var ratings: [Rating] = []
    /// Goodwill given or asked for on this case (discounts, coupons, refunds …), oldest first.
    public var offers: [Offer] = []
    /// Each time the agent made it right in one step (`Command.makeItRight`).
    public var recoveries: [Recovery] = []
    /// Items the customer wants when they are back in stock.
    public var stockWishes: [StockWish] = []
    /// "How did we do?" mails sent after it was solved.
    public var feedbackRequests: [FeedbackRequest] = []
    /// The solution articles put into replies on this case, by name (which problems recur).
    public var solutionsUsed: [SolutionUse] = []
    /// Supervisors' reviews of the replies on this case, one per reply.
    public var reviews: [Review] = []
    /// How many times it was opened again after being solved (by an agent, or the customer writing).
    public var reopens = 0
    /// When it was last opened again after being solved.
    public var reopenedAt: Date?
    public var openedAt: Date
    /// Since when the customer has been waiting for us; nil while the ball is in their court.
    public var waitingSince: Date?
    public var solvedAt: Date?
    public var lastActivityAt: Date

    public init(id: CaseID, customerID: CustomerID, subject: String, status: CaseStatus, priority: Priority, assignee: String?,
                tags: [String], messages: [Message], activity: [CaseActivity], escalation: Escalation?, apologies: [Apology],
                followUps: [FollowUp], openedAt: Date, waitingSince: Date?, solvedAt: Date?, lastActivityAt: Date) {
        self.init(id: id, customerID: customerID, subject: subject, status: status, priority: priority, assignee: assignee, tags: tags,
                  thread: CaseThread(messages: messages, activity: activity), escalation: escalation, apologies: apologies,
                  followUps: followUps, openedAt: openedAt, waitingSince: waitingSince, solvedAt: solvedAt, lastActivityAt: lastActivityAt)
    }

    init(id: CaseID, customerID: CustomerID, subject: String, status: CaseStatus, priority: Priority, assignee: String?,
         tags: [String], thread: CaseThread, escalation: Escalation?, apologies: [Apology],
         followUps: [FollowUp], openedAt: Date, waitingSince: Date?, solvedAt: Date?, lastActivityAt: Date) {
        self.id = id
        self.customerID = customerID
        self.subject = subject
        self.status = status
        self.priority = priority
        self.assignee = assignee
        self.tags = tags
        self.thread = thread
        self.escalation = escalation
        self.apologies = apologies
        self.followUps = followUps
        self.openedAt = openedAt
        self.waitingSince = waitingSince
        self.solvedAt = solvedAt
        self.lastActivityAt = lastActivityAt
    }

    private enum CodingKeys: String, CodingKey {
        case id, customerID, subject, status, priority, assignee, tags, messages, activity, escalation, apologies, followUps
        case openedAt, waitingSince, solvedAt, lastActivityAt, ratings, offers, recoveries, stockWishes, feedbackRequests, solutionsUsed, reopens, reviews, reopenedAt
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(id: try c.decode(CaseID.self, forKey: .id), customerID: try c.decode(CustomerID.self, forKey: .customerID),
                  subject: try c.decode(String.self, forKey: .subject), status: try c.decode(CaseStatus.self, forKey: .status),
                  priority: try c.decode(Priority.self, forKey: .priority), assignee: try c.decodeIfPresent(String.self, forKey: .assignee),
                  tags: try c.decode([String].self, forKey: .tags), messages: try c.decode([Message].self, forKey: .messages),
                  activity: try c.decode([CaseActivity].self, forKey: .activity),
                  escalation: try c.decodeIfPresent(Escalation.self, forKey: .escalation),
                  apologies: try c.decode([Apology].self, forKey: .apologies), followUps: try c.decode([FollowUp].self, forKey: .followUps),
                  openedAt: try c.decode(Date.self, forKey: .openedAt), waitingSince: try c.decodeIfPresent(Date.self, forKey: .waitingSince),
                  solvedAt: try c.decodeIfPresent(Date.self, forKey: .solvedAt), lastActivityAt: try c.decode(Date.self, forKey: .lastActivityAt))
        ratings = try c.decodeIfPresent([Rating].self, forKey: .ratings) ?? []
        offers = try c.decodeIfPresent([Offer].self, forKey: .offers) ?? []
        recoveries = try c.decodeIfPresent([Recovery].self, forKey: .recoveries) ?? []
        stockWishes = try c.decodeIfPresent([StockWish].self, forKey: .stockWishes) ?? []
        feedbackRequests = try c.decodeIfPresent([FeedbackRequest].self, forKey: .feedbackRequests) ?? []
        solutionsUsed = try c.decodeIfPresent([SolutionUse].self, forKey: .solutionsUsed) ?? []
        reopens = try c.decodeIfPresent(Int.self, forKey: .reopens) ?? 0
        reviews = try c.decodeIfPresent([Review].self, forKey: .reviews) ?? []
        reopenedAt = try c.decodeIfPresent(Date.self, forKey: .reopenedAt)
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id); try c.encode(customerID, forKey: .customerID); try c.encode(subject, forKey: .subject)
        try c.encode(status, forKey: .status); try c.encode(priority, forKey: .priority); try c.encodeIfPresent(assignee, forKey: .assignee)
        try c.encode(tags, forKey: .tags); try c.encode(messages, forKey: .messages); try c.encode(activity, forKey: .activity)
        try c.encodeIfPresent(escalation, forKey: .escalation); try c.encode(apologies, forKey: .apologies)
        try c.encode(followUps, forKey: .followUps); try c.encode(openedAt, forKey: .openedAt)
        try c.encodeIfPresent(waitingSince, forKey: .waitingSince); try c.encodeIfPresent(solvedAt, forKey: .solvedAt)
        try c.encode(lastActivityAt, forKey: .lastActivityAt)
        if !ratings.isEmpty { try c.encode(ratings, forKey: .ratings) }
        if !offers.isEmpty { try c.encode(offers, forKey: .offers) }
        if !recoveries.isEmpty { try c.encode(recoveries, forKey: .recoveries) }
        if !stockWishes.isEmpty { try c.encode(stockWishes, forKey: .stockWishes) }
        if !feedbackRequests.isEmpty { try c.encode(feedbackRequests, forKey: .feedbackRequests) }
        if !solutionsUsed.isEmpty { try c.encode(solutionsUsed, forKey: .solutionsUsed) }
        if reopens > 0 { try c.encode(reopens, forKey: .reopens) }
        if !reviews.isEmpty { try c.encode(reviews, forKey: .reviews) }
        try c.encodeIfPresent(reopenedAt, forKey: .reopenedAt)
    }

    public var openFollowUps: [FollowUp] { followUps.filter { !$0.done } }

    /// The agents who answered the customer (not our automatic mail), first reply first.
    public var repliedBy: [String] {
        var out: [String] = []
        for m in messages where m.isHumanReply {
            if !out.contains(m.author) { out.append(m.author) }
        }
        return out
    }

    /// Offers waiting for a supervisor's answer.
    public var offersAwaitingApproval: [Offer] { offers.filter { $0.state == .awaitingApproval } }

    /// The follow-ups that stand for requests for approval: a supervisor's answer keeps them.
    public var approvalFollowUps: Set<Int> { Set(offersAwaitingApproval.compactMap { $0.approval?.followUp }) }

    /// Who solved it, while it is solved (from the case's own history).
    public var solvedBy: String? {
        guard status == .solved else { return nil }
        return activity.last { $0.text.hasPrefix("solved by ") }?.actor
    }

    /// Our latest reply by mail, when the mail system could not take it: shown until answered anew.
    /// Kept beside the thread (the queue marks such cases), so a stored thread is not read for it.
    public var failedDelivery: MailDelivery? { thread.summary.failedDelivery }

    /// A customer mail whose sender DMARC/SPF could not verify.
    public var senderNotVerified: Bool { thread.summary.senderNotVerified }

    public func nextFollowUp() -> FollowUp? {
        openFollowUps.min { $0.due < $1.due }
    }
}

/// An immutable box for a message's mail details (copy-on-write by replacing the box).
final class MailBox: Codable, Sendable, Equatable {
    let value: MailDetails
    init(_ value: MailDetails) { self.value = value }
    static func == (a: MailBox, b: MailBox) -> Bool { a === b || a.value == b.value }
    required init(from decoder: Decoder) throws { value = try MailDetails(from: decoder) }
    func encode(to encoder: Encoder) throws { try value.encode(to: encoder) }
}
