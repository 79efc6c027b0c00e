import Foundation

/// "How did we do?" asked by mail after a case is solved. The agents to credit are fixed when
/// it is sent, so reassigning the case later cannot move the credit.
public struct FeedbackRequest: Codable, Sendable, Equatable {
    public var at: Date
    /// Our mail's Message-ID: the customer's answer names it in In-Reply-To or References.
    public var messageID: String
    public var credited: [String]
    /// After this an answer is ordinary mail on the case.
    public var expires: Date
    public var answeredAt: Date?

    public init(at: Date, messageID: String, credited: [String], expires: Date, answeredAt: Date? = nil) {
        self.at = at
        self.messageID = messageID
        self.credited = credited
        self.expires = expires
        self.answeredAt = answeredAt
    }

    enum CodingKeys: String, CodingKey { case at, messageID = "message_id", credited, expires, answeredAt = "answered_at" }

    func write(into w: inout BinaryWriter) {
        w.date(at); w.string(messageID); w.uint(UInt64(credited.count)); for a in credited { w.string(a) }
        w.date(expires); w.optionalDate(answeredAt)
    }

    static func read(_ r: inout BinaryReader) throws -> FeedbackRequest {
        let at = try r.date(), messageID = try r.string()
        var credited: [String] = []
        for _ in 0..<(try r.count()) { credited.append(try r.string()) }
        return FeedbackRequest(at: at, messageID: messageID, credited: credited, expires: try r.date(), answeredAt: try r.optionalDate())
    }
}

/// `[feedback]` of the config: when to ask, how often one customer may be asked, and how long
/// an answer counts. Read by `frontline serve` (whose loop sends the requests).
public struct FeedbackRules: Sendable, Equatable {
    /// How long after solving to ask (the customer has had time to see it worked).
    public var after: TimeInterval
    /// Not more often than this per customer.
    public var cooldown: TimeInterval
    /// How long an answer is taken as a rating.
    public var expires: TimeInterval
    /// A case solved longer ago than this is not asked about (after a long outage, say).
    public var notOlderThan: TimeInterval

    public init(after: TimeInterval = 2 * 3600, cooldown: TimeInterval = 30 * 86400, expires: TimeInterval = 14 * 86400,
                notOlderThan: TimeInterval = 3 * 86400) {
        self.after = after
        self.cooldown = cooldown
        self.expires = expires
        self.notOlderThan = notOlderThan
    }
}

/// The bundled request per language (template `feedback-request`, which a team may replace).
/// Placeholders: {first_name}, {case}, {subject}, {agent}.
enum FeedbackTemplates {
    static func text(_ language: Language) -> String {
        switch language {
        case .en:
            "Hi {first_name},\n\nwe have closed {case} ({subject}). How did we do? Just reply to this mail with a number from 1 (bad) to 5 (very good), or simply \"good\" or \"bad\", and add anything you would like to tell us.\n\nThank you,\n{agent}"
        case .sv:
            "Hej {first_name}!\n\nVi har avslutat {case} ({subject}). Hur gjorde vi? Svara bara på det här mejlet med en siffra från 1 (dåligt) till 5 (mycket bra), eller helt enkelt \"bra\" eller \"dåligt\", och skriv gärna vad du tycker.\n\nTack!\n{agent}"
        case .fi:
            "Hei {first_name}!\n\nOlemme sulkeneet asian {case} ({subject}). Miten onnistuimme? Vastaa tähän viestiin numerolla 1 (huono) – 5 (erittäin hyvä) tai yksinkertaisesti \"hyvä\" tai \"huono\", ja kerro halutessasi lisää.\n\nKiitos!\n{agent}"
        }
    }

    static var bundled: [ReplyTemplate] { Language.allCases.map { ReplyTemplate(name: "feedback-request", language: $0, text: text($0)) } }
}

extension TemplateLibrary {
    public func feedbackRequest(on c: SupportCase, customer: Customer, agent: String, timeZone: TimeZone) -> String {
        let language = Language(code: customer.language)
        let template = named("feedback-request", language: language)
            ?? ReplyTemplate(name: "feedback-request", language: language, text: FeedbackTemplates.text(language))
        return template.filled(ReplyTemplate.values(for: c, customer: customer, history: nil, agent: agent, timeZone: timeZone))
    }
}
