import Foundation

/// A reply template in one language: bundled, or the team's own file
/// (`$XDG_CONFIG_HOME/frontline/templates/NAME.LANG.txt`, which overrides a bundled one of the
/// same name and language). Placeholders are `{name}` from `ReplyTemplate.placeholders`.
public struct ReplyTemplate: Sendable, Equatable {
    public var name: String
    public var language: Language
    public var text: String
    /// Where it came from, for errors: "bundled" or the file's path.
    public var source: String

    public init(name: String, language: Language, text: String, source: String = "bundled") {
        self.name = name
        self.language = language
        self.text = text
        self.source = source
    }

    /// What a template may say, and what each becomes.
    public static let placeholders: [(name: String, meaning: String)] = [
        ("first_name", "the customer's first name"), ("name", "the customer's full name"), ("case", "the case id"),
        ("subject", "the case's subject"), ("agent", "your name"),
        ("last_contact", "when you last heard from each other, before this case (a date)"),
        ("last_subject", "the subject of the case that contact was about"),
        ("offer", "an offer's value, written the customer's way (offer-* templates)"),
        ("code", "a coupon's code (offer-coupon)"), ("expires", "a coupon's last day (offer-coupon)"),
        ("due", "when we check back (check-in)"),
        ("within", "the first-response target, written out (acknowledgement)"),
        ("item", "what is back in stock (stock-*)"), ("quantity", "how many (stock-*)"), ("until", "a reservation's last day (stock-reserved)"),
    ]

    /// Every `{word}` in `text` (letters and underscores only), with its line (from 1); lines
    /// quoted with `>` are skipped when `skippingQuoted`. The one scanner for placeholders: the
    /// template check and the unfilled-reply check both use it.
    public static func placeholderUses(in text: String, skippingQuoted: Bool = false) -> [(line: Int, placeholder: String)] {
        var out: [(Int, String)] = []
        for (n, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if skippingQuoted, line.hasPrefix(">") { continue }
            var rest = line[...]
            while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
                let word = rest[rest.index(after: open)..<close]
                if !word.isEmpty, word.allSatisfy({ $0.isLetter || $0 == "_" }) { out.append((n + 1, "{\(word)}")) }
                rest = rest[rest.index(after: close)...]
            }
        }
        return out
    }

    /// `{word}` placeholders the template uses that no one fills, with their line (from 1).
    public static func unknownPlaceholders(in text: String) -> [(line: Int, placeholder: String)] {
        let known = Set(placeholders.map { "{\($0.name)}" })
        return placeholderUses(in: text).filter { !known.contains($0.placeholder) }
    }

    /// The text with every placeholder filled from `values`.
    public func filled(_ values: [String: String]) -> String {
        values.reduce(text) { text, pair in text.replacingAll("{\(pair.key)}", with: pair.value) }
    }

    /// The values for a reply on `c` to `customer` by `agent`. The last contact is the latest
    /// message of another of their cases; without one, "{last_contact}" becomes "earlier".
    public static func values(for c: SupportCase, customer: Customer, history: CustomerHistory?, agent: String,
                              timeZone: TimeZone) -> [String: String] {
        var earlier: (at: Date, subject: String)?
        for k in history?.cases ?? [] where k.id != c.id {
            if let m = k.messages.last(where: { $0.direction != .note }), earlier.map({ m.at > $0.at }) ?? true {
                earlier = (m.at, k.subject)
            }
        }
        let language = Language(code: customer.language)
        return ["first_name": customer.firstName, "name": customer.name, "case": c.id, "subject": c.subject, "agent": agent,
                "last_contact": earlier.map { longDate($0.at, language: language, timeZone: timeZone) } ?? "earlier",
                "last_subject": earlier?.subject ?? c.subject]
    }

    /// "12 November" / "12 november" / "12. marraskuuta": how each language writes a date in a letter.
    static func longDate(_ date: Date, language: Language, timeZone: TimeZone) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let day = calendar.component(.day, from: date), month = calendar.component(.month, from: date) - 1
        switch language {
        case .en: return "\(day) \(["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"][month])"
        case .sv: return "\(day) \(["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober", "november", "december"][month])"
        case .fi: return "\(day). \(["tammikuuta", "helmikuuta", "maaliskuuta", "huhtikuuta", "toukokuuta", "kesäkuuta", "heinäkuuta", "elokuuta", "syyskuuta", "lokakuuta", "marraskuuta", "joulukuuta"][month])"
        }
    }
}

extension TemplateLibrary {
    /// What `a` and `frontline apologise` insert: the apology of `kind` in the customer's language
    /// (the team's own if they have one), filled for the case, signed off with the agent's name.
    public func apology(_ kind: ApologyKind, on c: SupportCase, customer: Customer, history: CustomerHistory?,
                        agent: String, timeZone: TimeZone) -> String {
        apologyBody(kind, on: c, customer: customer, history: history, agent: agent, timeZone: timeZone)
            + "\n\n" + ApologyTemplates.signOff(Language(code: customer.language)) + "\n" + agent
    }

    func apologyBody(_ kind: ApologyKind, on c: SupportCase, customer: Customer, history: CustomerHistory?,
                     agent: String, timeZone: TimeZone) -> String {
        let language = Language(code: customer.language)
        let template = named("apology-\(kind.rawValue)", language: language)
            ?? ReplyTemplate(name: "apology-\(kind.rawValue)", language: language, text: ApologyTemplates.text(kind, language: language))
        return template.filled(ReplyTemplate.values(for: c, customer: customer, history: history, agent: agent, timeZone: timeZone))
    }
}

/// Every template the console offers: the bundled ones with the team's files laid over them.
public struct TemplateLibrary: Sendable, Equatable {
    public private(set) var templates: [ReplyTemplate]

    public init(_ templates: [ReplyTemplate]) { self.templates = templates }

    /// The team's templates replace bundled ones of the same name and language, and add the rest.
    public func overridden(by own: [ReplyTemplate]) -> TemplateLibrary {
        let replaced = Set(own.map { "\($0.name).\($0.language.rawValue)" })
        return TemplateLibrary(templates.filter { !replaced.contains("\($0.name).\($0.language.rawValue)") } + own)
    }

    /// `name` in `language`, or in English when there is none in that language.
    public func named(_ name: String, language: Language) -> ReplyTemplate? {
        templates.first { $0.name == name && $0.language == language } ?? templates.first { $0.name == name && $0.language == .en }
    }

    /// The templates for `language` whose name holds every word of `filter`, by name. Offer
    /// texts and the check-in are left out: they need an offer's value or a due date, so they
    /// come with `$` and `m`.
    public func matching(_ filter: String, language: Language) -> [ReplyTemplate] {
        let words = filter.lowercased().split(separator: " ")
        let names = Set(templates.map(\.name).filter { !Self.needsItsOccasion($0) }).sorted()
        return names.filter { name in words.allSatisfy { name.contains($0) } }.compactMap { named($0, language: language) }
    }

    /// Offer texts, the check-in, stock notices and the feedback request need an offer's value, a
    /// due date or an item, or are the desk's own mail: they come with `$`, `m`, a stock arrival
    /// and a solved case, not from the `i` list.
    public static func needsItsOccasion(_ name: String) -> Bool {
        name.hasPrefix("offer-") || name.hasPrefix("stock-") || ["check-in", "feedback-request", "acknowledgement"].contains(name)
    }

    public static let bundled = TemplateLibrary(
        ApologyKind.allCases.flatMap { kind in
            Language.allCases.map { ReplyTemplate(name: "apology-\(kind.rawValue)", language: $0, text: ApologyTemplates.text(kind, language: $0)) }
        } + [
            ReplyTemplate(name: "greeting", language: .en, text: "Hi {first_name}! Good to hear from you again; we last spoke on {last_contact} about {last_subject}."),
            ReplyTemplate(name: "greeting", language: .sv, text: "Hej {first_name}! Roligt att höra av dig igen; senast vi hördes den {last_contact} om {last_subject}."),
            ReplyTemplate(name: "greeting", language: .fi, text: "Hei {first_name}! Mukava kuulla sinusta taas; viimeksi olimme yhteydessä {last_contact} asiasta {last_subject}."),
            ReplyTemplate(name: "thanks-for-waiting", language: .en, text: "Thank you for waiting, {first_name}. I have {case} in front of me now."),
            ReplyTemplate(name: "thanks-for-waiting", language: .sv, text: "Tack för att du väntade, {first_name}. Jag har {case} framför mig nu."),
            ReplyTemplate(name: "thanks-for-waiting", language: .fi, text: "Kiitos odotuksestasi, {first_name}. Minulla on {case} nyt edessäni."),
        ] + OfferTemplates.bundled + StockNoticeTemplates.bundled + FeedbackTemplates.bundled + AcknowledgementText.bundled)
}
