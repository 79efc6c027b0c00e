import Foundation

/// Commands as flat JSON objects with a `command` discriminator, e.g.
/// `{"command":"escalate","case":"C-1042","level":"supervisor","reason":"refund over limit"}`:
/// how a client asks the team server to act. Unknown names and missing fields are errors.
extension Command: Codable {
    typealias Key = FlatCodingKey

    public var name: String {
        switch self {
        case .receive: "receive"
        case .receiveMail: "receive_mail"
        case .recordDelivery: "record_delivery"
        case .reply: "reply"
        case .note: "note"
        case .apologise: "apologise"
        case .escalate: "escalate"
        case .deescalate: "deescalate"
        case .setServiceLevel: "service_level"
        case .scheduleFollowUp: "follow_up"
        case .completeFollowUp: "follow_up_done"
        case .cancelFollowUp: "follow_up_cancel"
        case .breakPromise: "break_promise"
        case .rate: "rate"
        case .offer: "offer"
        case .answerOffer: "answer_offer"
        case .makeItRight: "make_it_right"
        case .wantWhenBack: "want_when_back"
        case .stockAvailable: "stock_available"
        case .lapseReservation: "lapse_reservation"
        case .requestFeedback: "request_feedback"
        case .useSolution: "use_solution"
        case .review: "review"
        case .answerReview: "answer_review"
        case .completeCoaching: "coaching_done"
        case .assign: "assign"
        case .take: "take"
        case .setPriority: "priority"
        case .tag: "tag"
        case .solve: "solve"
        case .reopen: "reopen"
        case .setPending: "pending"
        case .saveDraft: "save_draft"
        }
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Key.self)
        try c.encode(name, forKey: Key("command"))
        switch self {
        case let .receive(m):
            try c.encode(m.customerName, forKey: Key("customer_name"))
            try c.encode(m.customerEmail, forKey: Key("customer_email"))
            try c.encode(m.language, forKey: Key("language"))
            try c.encode(m.subject, forKey: Key("subject"))
            try c.encode(m.body, forKey: Key("body"))
            try c.encode(m.channel, forKey: Key("channel"))
            try c.encodeIfPresent(m.receivedAt, forKey: Key("received_at"))
            try c.encodeIfPresent(m.appendTo, forKey: Key("case"))
            try c.encode(m.priority, forKey: Key("priority"))
        case let .receiveMail(m):
            try c.encode(m.details, forKey: Key("mail"))
            try c.encode(m.body, forKey: Key("body"))
            try c.encode(m.caseSubject, forKey: Key("case_subject"))
            try c.encodeIfPresent(m.subjectTag, forKey: Key("subject_tag"))
            try c.encodeIfPresent(m.bounceOf, forKey: Key("bounce_of"))
            try c.encodeIfPresent(m.bounceReason, forKey: Key("bounce_reason"))
            try c.encode(m.language, forKey: Key("language"))
            try c.encodeIfPresent(m.receivedAt, forKey: Key("received_at"))
            try c.encode(m.reopenWithin, forKey: Key("reopen_within_seconds"))
            try c.encode(Data(m.rawBytes), forKey: Key("raw"))
        case let .recordDelivery(id, messageID, outcome):
            try c.encode(id, forKey: Key("case"))
            try c.encode(messageID, forKey: Key("message_id"))
            switch outcome {
            case .delivered:
                try c.encode("delivered", forKey: Key("outcome"))
            case let .failed(error, retryAt):
                try c.encode("failed", forKey: Key("outcome"))
                try c.encode(error, forKey: Key("error"))
                try c.encodeIfPresent(retryAt, forKey: Key("retry_at"))
            }
        case let .reply(id, body), let .note(id, body), let .saveDraft(id, body):
            try c.encode(id, forKey: Key("case"))
            try c.encode(body, forKey: Key("body"))
        case let .apologise(id, kind):
            try c.encode(id, forKey: Key("case"))
            try c.encode(kind, forKey: Key("kind"))
        case let .escalate(id, level, reason):
            try c.encode(id, forKey: Key("case"))
            try c.encode(level, forKey: Key("level"))
            try c.encode(reason, forKey: Key("reason"))
        case let .deescalate(id, reason):
            try c.encode(id, forKey: Key("case"))
            try c.encode(reason, forKey: Key("reason"))
        case let .setServiceLevel(priority, target):
            try c.encode(priority, forKey: Key("priority"))
            try c.encode(target, forKey: Key("target_seconds"))
        case let .rate(id, score, comment):
            try c.encode(id, forKey: Key("case"))
            try c.encode(score, forKey: Key("score"))
            try c.encodeIfPresent(comment, forKey: Key("comment"))
        case let .breakPromise(id, followUp, grace):
            try c.encode(id, forKey: Key("case"))
            try c.encode(followUp, forKey: Key("follow_up"))
            try c.encode(grace, forKey: Key("grace_seconds"))
        case let .cancelFollowUp(id, followUp, reason):
            try c.encode(id, forKey: Key("case"))
            try c.encodeIfPresent(followUp, forKey: Key("follow_up"))
            try c.encode(reason, forKey: Key("reason"))
        case let .scheduleFollowUp(id, due, note, untilAnswer, party):
            try c.encode(id, forKey: Key("case"))
            try c.encode(due, forKey: Key("due"))
            try c.encode(note, forKey: Key("note"))
            if untilAnswer { try c.encode(true, forKey: Key("until_answer")) }
            try c.encodeIfPresent(party, forKey: Key("waiting_on"))
        case let .completeFollowUp(id, followUp, outcome):
            try c.encode(id, forKey: Key("case"))
            try c.encodeIfPresent(followUp, forKey: Key("follow_up"))
            try c.encodeIfPresent(outcome, forKey: Key("outcome"))
        case let .offer(id, kind, value, reason, recovery):
            try c.encode(id, forKey: Key("case"))
            try c.encode(kind, forKey: Key("kind"))
            try c.encode(value, forKey: Key("value"))
            try c.encode(reason, forKey: Key("reason"))
            if recovery { try c.encode(true, forKey: Key("recovery")) }
        case let .wantWhenBack(id, sku, quantity, hold, checkBy):
            try c.encode(id, forKey: Key("case"))
            try c.encode(sku, forKey: Key("sku"))
            try c.encode(quantity, forKey: Key("quantity"))
            try c.encodeIfPresent(hold, forKey: Key("hold_seconds"))
            try c.encode(checkBy, forKey: Key("check_by"))
        case let .stockAvailable(sku, count):
            try c.encode(sku, forKey: Key("sku"))
            try c.encode(count, forKey: Key("count"))
        case let .lapseReservation(id, wish):
            try c.encode(id, forKey: Key("case"))
            try c.encode(wish, forKey: Key("wish"))
        case let .useSolution(id, name):
            try c.encode(id, forKey: Key("case"))
            try c.encode(name, forKey: Key("solution"))
        case let .requestFeedback(id, cooldown, expires):
            try c.encode(id, forKey: Key("case"))
            try c.encode(cooldown, forKey: Key("cooldown_seconds"))
            try c.encode(expires, forKey: Key("expires_seconds"))
        case let .makeItRight(id, apology):
            try c.encode(id, forKey: Key("case"))
            try c.encode(apology, forKey: Key("apology"))
        case let .answerOffer(id, offer, approve, note):
            try c.encode(id, forKey: Key("case"))
            try c.encode(offer, forKey: Key("offer"))
            try c.encode(approve, forKey: Key("approve"))
            try c.encodeIfPresent(note, forKey: Key("note"))
        case let .review(id, submission):
            try c.encode(id, forKey: Key("case"))
            try c.encode(submission, forKey: Key("review"))
        case let .answerReview(id, message, dispute):
            try c.encode(id, forKey: Key("case"))
            try c.encode(message, forKey: Key("message"))
            try c.encodeIfPresent(dispute, forKey: Key("dispute"))
        case let .completeCoaching(id, message, outcome):
            try c.encode(id, forKey: Key("case"))
            try c.encode(message, forKey: Key("message"))
            try c.encodeIfPresent(outcome, forKey: Key("outcome"))
        case let .assign(id, agent):
            try c.encode(id, forKey: Key("case"))
            try c.encodeIfPresent(agent, forKey: Key("agent"))
        case let .setPriority(id, p):
            try c.encode(id, forKey: Key("case"))
            try c.encode(p, forKey: Key("priority"))
        case let .tag(id, tags):
            try c.encode(id, forKey: Key("case"))
            try c.encode(tags, forKey: Key("tags"))
        case let .solve(id, reason):
            try c.encode(id, forKey: Key("case"))
            try c.encodeIfPresent(reason, forKey: Key("overriding"))
        case let .reopen(id), let .setPending(id), let .take(id):
            try c.encode(id, forKey: Key("case"))
        }
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: Key.self)
        let name = try c.decode(String.self, forKey: Key("command"))
        func field<T: Decodable>(_ key: String, _: T.Type = T.self) throws -> T { try c.decode(T.self, forKey: Key(key)) }
        func optional<T: Decodable>(_ key: String, _: T.Type = T.self) throws -> T? { try c.decodeIfPresent(T.self, forKey: Key(key)) }
        switch name {
        case "receive":
            self = .receive(IncomingMessage(
                customerName: try field("customer_name"), customerEmail: try field("customer_email"), language: try field("language"),
                subject: try field("subject"), body: try field("body"), channel: try field("channel"),
                receivedAt: try optional("received_at"), appendTo: try optional("case"), priority: try field("priority")))
        case "receive_mail":
            self = .receiveMail(IncomingMail(
                details: try field("mail"), body: try field("body"), caseSubject: try field("case_subject"),
                subjectTag: try optional("subject_tag"), bounceOf: try optional("bounce_of"), bounceReason: try optional("bounce_reason"),
                language: try field("language"), receivedAt: try optional("received_at"),
                reopenWithin: try field("reopen_within_seconds"), rawBytes: [UInt8](try field("raw", Data.self))))
        case "record_delivery":
            let outcome: DeliveryOutcome
            switch try field("outcome", String.self) {
            case "delivered": outcome = .delivered
            case "failed": outcome = .failed(error: try field("error"), retryAt: try optional("retry_at"))
            case let other:
                throw DecodingError.dataCorruptedError(forKey: Key("outcome"), in: c, debugDescription: "unknown delivery outcome \(other)")
            }
            self = .recordDelivery(try field("case"), messageID: try field("message_id"), outcome: outcome)
        case "reply": self = .reply(try field("case"), body: try field("body"))
        case "note": self = .note(try field("case"), body: try field("body"))
        case "save_draft": self = .saveDraft(try field("case"), body: try field("body"))
        case "apologise": self = .apologise(try field("case"), kind: try field("kind"))
        case "escalate": self = .escalate(try field("case"), level: try field("level"), reason: try field("reason"))
        case "deescalate": self = .deescalate(try field("case"), reason: try field("reason"))
        case "service_level": self = .setServiceLevel(try field("priority"), target: try field("target_seconds"))
        case "follow_up": self = .scheduleFollowUp(try field("case"), due: try field("due"), note: try field("note"),
                                                   untilAnswer: try optional("until_answer") ?? false, waitingOn: try optional("waiting_on"))
        case "rate": self = .rate(try field("case"), score: try field("score"), comment: try optional("comment"))
        case "break_promise": self = .breakPromise(try field("case"), id: try field("follow_up"), grace: try field("grace_seconds"))
        case "follow_up_cancel": self = .cancelFollowUp(try field("case"), id: try optional("follow_up"), reason: try field("reason"))
        case "follow_up_done": self = .completeFollowUp(try field("case"), id: try optional("follow_up"), outcome: try optional("outcome"))
        case "offer": self = .offer(try field("case"), kind: try field("kind"), value: try field("value"), reason: try field("reason"),
                                    recovery: try optional("recovery") ?? false)
        case "want_when_back": self = .wantWhenBack(try field("case"), sku: try field("sku"), quantity: try field("quantity"),
                                                    hold: try optional("hold_seconds"), checkBy: try field("check_by"))
        case "stock_available": self = .stockAvailable(sku: try field("sku"), count: try field("count"))
        case "use_solution": self = .useSolution(try field("case"), name: try field("solution"))
        case "request_feedback": self = .requestFeedback(try field("case"), cooldown: try field("cooldown_seconds"), expires: try field("expires_seconds"))
        case "lapse_reservation": self = .lapseReservation(try field("case"), wish: try field("wish"))
        case "make_it_right": self = .makeItRight(try field("case"), apology: try field("apology"))
        case "answer_offer": self = .answerOffer(try field("case"), offer: try field("offer"), approve: try field("approve"), note: try optional("note"))
        case "review": self = .review(try field("case"), try field("review"))
        case "answer_review": self = .answerReview(try field("case"), message: try field("message"), dispute: try optional("dispute"))
        case "coaching_done": self = .completeCoaching(try field("case"), message: try field("message"), outcome: try optional("outcome"))
        case "assign": self = .assign(try field("case"), agent: try optional("agent"))
        case "priority": self = .setPriority(try field("case"), try field("priority"))
        case "tag": self = .tag(try field("case"), tags: try field("tags"))
        case "solve": self = .solve(try field("case"), overriding: try optional("overriding"))
        case "take": self = .take(try field("case"))
        case "reopen": self = .reopen(try field("case"))
        case "pending": self = .setPending(try field("case"))
        default:
            throw DecodingError.dataCorruptedError(forKey: Key("command"), in: c, debugDescription: "unknown command \(name)")
        }
    }
}
