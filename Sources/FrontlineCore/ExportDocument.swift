import Foundation

/// The shape of `frontline export --format json`: {"cases":[…],"customers":[…]}.
public struct ExportDocument: Encodable {
    public struct CustomerRef: Encodable { let id: String, name: String, email: String, language: String }
    public struct CustomerEntry: Encodable { let id: String, name: String, email: String, language: String, since: Date, cases: [String] }
    public struct EscalationEntry: Encodable { let level: String, reason: String, by: String, at: Date }
    public struct ApologyEntry: Encodable { let kind: String, by: String, at: Date }
    /// `cancelled` (why) and `brokenAt` are null unless the promise was cancelled or broken.
    public struct FollowUpEntry: Encodable {
        let id: Int, due: Date, note: String, by: String, done: Bool, outcome: String?, doneAt: Date?
        let untilAnswer: Bool, cancelled: String?, brokenAt: Date?, waitingOn: String?

        enum CodingKeys: String, CodingKey { case id, due, note, by, done, outcome, doneAt, untilAnswer, cancelled, brokenAt, waitingOn }

        public func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(id, forKey: .id); try c.encode(due, forKey: .due); try c.encode(note, forKey: .note); try c.encode(by, forKey: .by)
            try c.encode(done, forKey: .done); try c.encode(outcome, forKey: .outcome); try c.encode(doneAt, forKey: .doneAt)
            try c.encode(untilAnswer, forKey: .untilAnswer); try c.encode(cancelled, forKey: .cancelled); try c.encode(brokenAt, forKey: .brokenAt)
            try c.encode(waitingOn, forKey: .waitingOn)
        }
    }
    public struct MessageEntry: Encodable {
        let direction: String, author: String, at: Date, body: String, channel: String?
        /// Null for messages that are not e-mail.
        let mail: MailEntry?

        enum CodingKeys: String, CodingKey { case direction, author, at, body, channel, mail }

        public func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(direction, forKey: .direction)
            try c.encode(author, forKey: .author)
            try c.encode(at, forKey: .at)
            try c.encode(body, forKey: .body)
            try c.encode(channel, forKey: .channel)
            try c.encode(mail, forKey: .mail)
        }
    }
    public struct CaseEntry: Encodable {
        let id: String, status: String, priority: String, assignee: String?
        let customer: CustomerRef
        let subject: String, tags: [String]
        let escalation: EscalationEntry?
        let apologies: [ApologyEntry]
        let followUps: [FollowUpEntry]
        /// The customer's ratings, and the goodwill given or asked for (as in the journal's events).
        let ratings: [Rating]
        let offers: [Offer]
        let recoveries: [Recovery]
        let solutionsUsed: [SolutionUse]
        /// Supervisors' reviews of the case's replies (`message` counts from 0 in `messages`).
        let reviews: [Review]
        let messages: [MessageEntry]
        let openedAt: Date, waitingSince: Date?, solvedAt: Date?

        enum CodingKeys: String, CodingKey {
            case id, status, priority, assignee, customer, subject, tags, escalation, apologies, followUps, ratings, offers, recoveries, solutionsUsed, reviews, messages, openedAt, waitingSince, solvedAt
        }

        // Encode nil as null (not omitted): the export's shape is fixed.
        public func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(id, forKey: .id)
            try c.encode(status, forKey: .status)
            try c.encode(priority, forKey: .priority)
            try c.encode(assignee, forKey: .assignee)
            try c.encode(customer, forKey: .customer)
            try c.encode(subject, forKey: .subject)
            try c.encode(tags, forKey: .tags)
            try c.encode(escalation, forKey: .escalation)
            try c.encode(apologies, forKey: .apologies)
            try c.encode(followUps, forKey: .followUps)
            try c.encode(ratings, forKey: .ratings)
            try c.encode(offers, forKey: .offers)
            try c.encode(recoveries, forKey: .recoveries)
            try c.encode(solutionsUsed, forKey: .solutionsUsed)
            try c.encode(reviews, forKey: .reviews)
            try c.encode(messages, forKey: .messages)
            try c.encode(openedAt, forKey: .openedAt)
            try c.encode(waitingSince, forKey: .waitingSince)
            try c.encode(solvedAt, forKey: .solvedAt)
        }
    }

    public let cases: [CaseEntry]
    public let customers: [CustomerEntry]

    public init(desk: HelpDesk) {
        cases = desk.caseOrder.compactMap { Self.entry($0, desk: desk) }
        customers = desk.customers.values.sorted { $0.id.localizedStandardCompare($1.id) == .orderedAscending }.map { k in
            CustomerEntry(id: k.id, name: k.name, email: k.email, language: k.language, since: k.since, cases: desk.casesByCustomer[k.id] ?? [])
        }
    }

    /// One case as the export shows it (also `frontline show CASE --json`).
    public static func entry(_ id: CaseID, desk: HelpDesk) -> CaseEntry? {
            guard let c = desk.cases[id] else { return nil }
            let k = desk.customer(of: c)
        return CaseEntry(
                id: c.id, status: c.status.rawValue, priority: c.priority.rawValue, assignee: c.assignee,
                customer: CustomerRef(id: c.customerID, name: k?.name ?? "", email: k?.email ?? "", language: k?.language ?? ""),
                subject: c.subject, tags: c.tags,
                escalation: c.escalation.map { EscalationEntry(level: $0.level.rawValue, reason: $0.reason, by: $0.by, at: $0.at) },
                apologies: c.apologies.map { ApologyEntry(kind: $0.kind.rawValue, by: $0.by, at: $0.at) },
                followUps: c.followUps.map { FollowUpEntry(id: $0.id, due: $0.due, note: $0.note, by: $0.by, done: $0.done, outcome: $0.outcome, doneAt: $0.doneAt,
                                                           untilAnswer: $0.untilAnswer, cancelled: $0.cancelled, brokenAt: $0.brokenAt, waitingOn: $0.waitingOn) },
                ratings: c.ratings, offers: c.offers, recoveries: c.recoveries, solutionsUsed: c.solutionsUsed, reviews: c.reviews,
                messages: c.messages.map { MessageEntry(direction: $0.direction.rawValue, author: $0.author, at: $0.at, body: $0.body,
                                                        channel: $0.channel?.rawValue, mail: $0.mail.map(MailEntry.init)) },
                openedAt: c.openedAt, waitingSince: c.waitingSince, solvedAt: c.solvedAt)
    }

    /// An encoder for export: ISO 8601 with offset, keys sorted so output is stable.
    public static func encoder(timeZone: TimeZone = .current, pretty: Bool = false) -> JSONEncoder {
        let e = JSONEncoder()
        e.outputFormatting = pretty ? [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        e.dateEncodingStrategy = .custom { date, encoder in
            var c = encoder.singleValueContainer()
            try c.encode(ISOTime.format(date, timeZone: timeZone))
        }
        return e
    }
}
