import Foundation

/// Events are encoded as one flat JSON object: {"seq":1,"at":…,"actor":…,"case":…,"type":"escalated",…fields}.
/// The same shape serves the journal (dates as epoch milliseconds) and `export --events`
/// (dates as ISO 8601): the encoder's date strategy decides.
extension Event: Codable {
    typealias Key = FlatCodingKey

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Key.self)
        try c.encode(sequence, forKey: Key("seq"))
        try c.encode(at, forKey: Key("at"))
        try c.encode(actor, forKey: Key("actor"))
        try c.encode(caseID, forKey: Key("case"))
        try c.encode(change.typeName, forKey: Key("type"))
        switch change {
        case let .caseOpened(customer, subject, channel, priority):
            try c.encode(customer, forKey: Key("customer"))
            try c.encode(subject, forKey: Key("subject"))
            try c.encode(channel, forKey: Key("channel"))
            try c.encode(priority, forKey: Key("priority"))
        case let .messageReceived(body, channel):
            try c.encode(body, forKey: Key("body"))
            try c.encode(channel, forKey: Key("channel"))
        case let .mailReceived(body, mail), let .acknowledged(body, mail):
            try c.encode(body, forKey: Key("body"))
            try c.encode(mail, forKey: Key("mail"))
        case let .replySent(body, mail):
            try c.encode(body, forKey: Key("body"))
            try c.encodeIfPresent(mail, forKey: Key("mail"))
        case let .replyDelivered(messageID):
            try c.encode(messageID, forKey: Key("message_id"))
        case let .deliveryFailed(messageID, error, retryAt):
            try c.encode(messageID, forKey: Key("message_id"))
            try c.encode(error, forKey: Key("error"))
            try c.encodeIfPresent(retryAt, forKey: Key("retry_at"))
        case let .noteAdded(body), let .draftSaved(body):
            try c.encode(body, forKey: Key("body"))
        case let .apologised(kind):
            try c.encode(kind, forKey: Key("kind"))
        case let .escalated(level, reason):
            try c.encode(level, forKey: Key("level"))
            try c.encode(reason, forKey: Key("reason"))
        case let .deescalated(reason):
            try c.encode(reason, forKey: Key("reason"))
        case let .serviceLevelSet(priority, target):
            try c.encode(priority, forKey: Key("priority"))
            try c.encode(target, forKey: Key("target_seconds"))
        case let .followUpScheduled(id, due, note, untilAnswer, party):
            try c.encode(id, forKey: Key("follow_up"))
            try c.encode(due, forKey: Key("due"))
            try c.encode(note, forKey: Key("note"))
            if untilAnswer { try c.encode(true, forKey: Key("until_answer")) }   // absent in older journals
            try c.encodeIfPresent(party, forKey: Key("waiting_on"))
        case let .followUpDone(id, outcome):
            try c.encode(id, forKey: Key("follow_up"))
            try c.encode(outcome, forKey: Key("outcome"))
        case let .followUpCancelled(id, reason):
            try c.encode(id, forKey: Key("follow_up"))
            try c.encode(reason, forKey: Key("reason"))
        case let .followUpBroken(id, grace):
            try c.encode(id, forKey: Key("follow_up"))
            try c.encode(grace, forKey: Key("grace_seconds"))
        case let .assigned(agent):
            try c.encode(agent, forKey: Key("agent"))
        case let .priorityChanged(priority):
            try c.encode(priority, forKey: Key("priority"))
        case let .tagged(tags):
            try c.encode(tags, forKey: Key("tags"))
        case let .statusChanged(status):
            try c.encode(status, forKey: Key("status"))
        case let .solvedOverFollowUps(ids, reason):
            try c.encode(ids, forKey: Key("follow_ups"))
            try c.encode(reason, forKey: Key("reason"))
        case let .rated(score, comment, credited):
            try c.encode(score, forKey: Key("score"))
            try c.encodeIfPresent(comment, forKey: Key("comment"))
            try c.encode(credited, forKey: Key("credited"))
        case let .offerGiven(offer), let .offerRequested(offer):
            try c.encode(offer, forKey: Key("offer"))
        case let .offerAnswered(id, approved, note, coupon):
            try c.encode(id, forKey: Key("offer"))
            try c.encode(approved, forKey: Key("approved"))
            try c.encodeIfPresent(note, forKey: Key("note"))
            try c.encodeIfPresent(coupon, forKey: Key("coupon"))
        case let .stockWished(wish):
            try c.encode(wish, forKey: Key("wish"))
        case let .stockNotified(wish, body, mail, reservedUntil, followUp):
            try c.encode(wish, forKey: Key("wish"))
            try c.encode(body, forKey: Key("body"))
            try c.encodeIfPresent(mail, forKey: Key("mail"))
            try c.encodeIfPresent(reservedUntil, forKey: Key("reserved_until"))
            try c.encode(followUp, forKey: Key("follow_up"))
        case let .stockLapsed(wish):
            try c.encode(wish, forKey: Key("wish"))
        case let .solutionUsed(name):
            try c.encode(name, forKey: Key("solution"))
        case let .feedbackRequested(body, mail, credited, expires):
            try c.encode(body, forKey: Key("body"))
            try c.encode(mail, forKey: Key("mail"))
            try c.encode(credited, forKey: Key("credited"))
            try c.encode(expires, forKey: Key("expires"))
        case let .feedbackAnswered(body, mail, request):
            try c.encode(body, forKey: Key("body"))
            try c.encode(mail, forKey: Key("mail"))
            try c.encode(request, forKey: Key("request"))
        case let .recoveryMade(apology, offer, followUp):
            try c.encode(apology, forKey: Key("apology"))
            try c.encodeIfPresent(offer, forKey: Key("offer"))
            try c.encode(followUp, forKey: Key("follow_up"))
        case let .replyReviewed(review):
            try c.encode(review, forKey: Key("review"))
        case let .reviewAnswered(message, disputed):
            try c.encode(message, forKey: Key("message"))
            try c.encodeIfPresent(disputed, forKey: Key("disputed"))
        case let .coachingDone(message, outcome):
            try c.encode(message, forKey: Key("message"))
            try c.encodeIfPresent(outcome, forKey: Key("outcome"))
        }
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: Key.self)
        sequence = try c.decode(UInt64.self, forKey: Key("seq"))
        at = try c.decode(Date.self, forKey: Key("at"))
        actor = try c.decode(String.self, forKey: Key("actor"))
        caseID = try c.decode(String.self, forKey: Key("case"))
        let type = try c.decode(String.self, forKey: Key("type"))
        func field<T: Decodable>(_ name: String, _: T.Type = T.self) throws -> T {
            try c.decode(T.self, forKey: Key(name))
        }
        switch type {
        case "case_opened":
            change = .caseOpened(customer: try field("customer"), subject: try field("subject"),
                                 channel: try field("channel"), priority: try field("priority"))
        case "message_received":
            change = .messageReceived(body: try field("body"), channel: try field("channel"))
        case "mail_received": change = .mailReceived(body: try field("body"), mail: try field("mail"))
        case "reply_sent": change = .replySent(body: try field("body"), mail: try c.decodeIfPresent(MailDetails.self, forKey: Key("mail")))
        case "acknowledged": change = .acknowledged(body: try field("body"), mail: try field("mail"))
        case "reply_delivered": change = .replyDelivered(messageID: try field("message_id"))
        case "delivery_failed":
            change = .deliveryFailed(messageID: try field("message_id"), error: try field("error"),
                                     retryAt: try c.decodeIfPresent(Date.self, forKey: Key("retry_at")))
        case "note_added": change = .noteAdded(body: try field("body"))
        case "draft_saved": change = .draftSaved(body: try field("body"))
        case "apologised": change = .apologised(kind: try field("kind"))
        case "escalated": change = .escalated(level: try field("level"), reason: try field("reason"))
        case "deescalated": change = .deescalated(reason: try field("reason"))
        case "service_level_set": change = .serviceLevelSet(priority: try field("priority"), target: try field("target_seconds"))
        case "follow_up_scheduled":
            change = .followUpScheduled(id: try field("follow_up"), due: try field("due"), note: try field("note"),
                                        untilAnswer: try c.decodeIfPresent(Bool.self, forKey: Key("until_answer")) ?? false,
                                        waitingOn: try c.decodeIfPresent(String.self, forKey: Key("waiting_on")))
        case "follow_up_done":
            change = .followUpDone(id: try field("follow_up"),
                                   outcome: try c.decodeIfPresent(String.self, forKey: Key("outcome")))
        case "follow_up_broken": change = .followUpBroken(id: try field("follow_up"), grace: try field("grace_seconds"))
        case "follow_up_cancelled": change = .followUpCancelled(id: try field("follow_up"), reason: try field("reason"))
        case "assigned": change = .assigned(agent: try c.decodeIfPresent(String.self, forKey: Key("agent")))
        case "priority_changed": change = .priorityChanged(priority: try field("priority"))
        case "tagged": change = .tagged(tags: try field("tags"))
        case "status_changed": change = .statusChanged(status: try field("status"))
        case "rated": change = .rated(score: try field("score"), comment: try c.decodeIfPresent(String.self, forKey: Key("comment")),
                                      credited: try field("credited"))
        case "offer_given": change = .offerGiven(offer: try field("offer"))
        case "offer_requested": change = .offerRequested(offer: try field("offer"))
        case "offer_answered":
            change = .offerAnswered(id: try field("offer"), approved: try field("approved"),
                                    note: try c.decodeIfPresent(String.self, forKey: Key("note")),
                                    coupon: try c.decodeIfPresent(Coupon.self, forKey: Key("coupon")))
        case "stock_wished": change = .stockWished(wish: try field("wish"))
        case "stock_notified":
            change = .stockNotified(wish: try field("wish"), body: try field("body"), mail: try c.decodeIfPresent(MailDetails.self, forKey: Key("mail")),
                                    reservedUntil: try c.decodeIfPresent(Date.self, forKey: Key("reserved_until")), followUp: try field("follow_up"))
        case "solution_used": change = .solutionUsed(name: try field("solution"))
        case "stock_lapsed": change = .stockLapsed(wish: try field("wish"))
        case "feedback_requested":
            change = .feedbackRequested(body: try field("body"), mail: try field("mail"), credited: try field("credited"), expires: try field("expires"))
        case "feedback_answered": change = .feedbackAnswered(body: try field("body"), mail: try field("mail"), request: try field("request"))
        case "recovery_made":
            change = .recoveryMade(apology: try field("apology"), offer: try c.decodeIfPresent(Int.self, forKey: Key("offer")), followUp: try field("follow_up"))
        case "reply_reviewed": change = .replyReviewed(review: try field("review"))
        case "review_answered": change = .reviewAnswered(message: try field("message"), disputed: try c.decodeIfPresent(String.self, forKey: Key("disputed")))
        case "coaching_done": change = .coachingDone(message: try field("message"), outcome: try c.decodeIfPresent(String.self, forKey: Key("outcome")))
        case "solved_over_follow_ups": change = .solvedOverFollowUps(ids: try field("follow_ups"), reason: try field("reason"))
        default:
            throw DecodingError.dataCorruptedError(forKey: Key("type"), in: c,
                                                   debugDescription: "unknown event type \(type)")
        }
    }
}

/// The journal's own encoding of an event: compact JSON, dates as integer epoch milliseconds.
public enum JournalCodec {
    public static func encode(_ event: Event) throws -> [UInt8] {
        Array(try makeEncoder().encode(event))
    }

    public static func decode(_ bytes: [UInt8]) throws -> Event {
        try makeDecoder().decode(Event.self, from: Data(bytes))
    }

    public static func makeEncoder() -> JSONEncoder {
        let e = JSONEncoder()
        // Integer milliseconds, so a date read back compares equal (a Double would drift).
        e.dateEncodingStrategy = .custom { date, encoder in
            var c = encoder.singleValueContainer()
            try c.encode(Int64((date.timeIntervalSince1970 * 1000).rounded()))
        }
        return e
    }

    public static func makeDecoder() -> JSONDecoder {
        let d = JSONDecoder()
        d.dateDecodingStrategy = .custom { decoder in
            let ms = try decoder.singleValueContainer().decode(Int64.self)
            return Date(timeIntervalSince1970: Double(ms) / 1000)
        }
        return d
    }
}
