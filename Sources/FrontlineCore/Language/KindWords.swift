/// The names of the desk's kinds of things (goodwill offers, apologies, escalation levels,
/// priorities), in each language: said in refusals, prompts and the case's history alike.
public struct KindWords: Sendable {
    public let discount = Phrase(en: "discount", sv: "rabatt", fi: "alennus")
    public let coupon = Phrase(en: "coupon", sv: "rabattkod", fi: "kuponki")
    public let refund = Phrase(en: "refund", sv: "återbetalning", fi: "palautus")
    public let credit = Phrase(en: "credit", sv: "tillgodohavande", fi: "hyvityssaldo")
    public let replacement = Phrase(en: "replacement", sv: "ersättningsvara", fi: "korvaava tuote")
    public let freeShipping = Phrase(en: "free shipping", sv: "fri frakt", fi: "ilmainen toimitus")

    public let delay = Phrase(en: "delay", sv: "försening", fi: "viive")
    public let faulty = Phrase(en: "faulty product", sv: "trasig vara", fi: "viallinen tuote")
    public let mistake = Phrase(en: "our mistake", sv: "vårt misstag", fi: "virheemme")
    public let experience = Phrase(en: "bad experience", sv: "dålig upplevelse", fi: "huono kokemus")
    public let tier2 = Phrase(en: "tier 2", sv: "nivå 2", fi: "taso 2")
    public let supervisor = Phrase(en: "supervisor", sv: "arbetsledare", fi: "esihenkilö")
    public let low = Phrase(en: "low", sv: "låg", fi: "matala")
    public let normal = Phrase(en: "normal", sv: "normal", fi: "normaali")
    public let high = Phrase(en: "high", sv: "hög", fi: "korkea")
    public let urgent = Phrase(en: "urgent", sv: "brådskande", fi: "kiireellinen")
    // What an agent may still give of a kind (`GoodwillAuthority.remainingText`)
    public let noLimit = Phrase(en: "{kind}: no limit", sv: "{kind}: ingen gräns", fi: "{kind}: ei rajaa")
    public let needsApproval = Phrase(en: "{kind}: needs approval", sv: "{kind}: kräver godkännande", fi: "{kind}: vaatii hyväksynnän")
    public let upTo = Phrase(en: "{kind} up to {most}", sv: "{kind} upp till {most}", fi: "{kind} enintään {most}")
    public let timesMore = Phrase(en: "{kind} {n} more", sv: "{kind} {n} till", fi: "{kind} vielä {n}")

    public init() {}

    public static let shared = KindWords()

    public func offer(_ k: OfferKind) -> Phrase {
        switch k {
        case .discount: discount
        case .coupon: coupon
        case .refund: refund
        case .credit: credit
        case .replacement: replacement
        case .freeShipping: freeShipping
        }
    }

    public func apology(_ k: ApologyKind) -> Phrase {
        switch k {
        case .delay: delay
        case .faulty: faulty
        case .mistake: mistake
        case .experience: experience
        }
    }

    public func level(_ e: EscalationLevel) -> Phrase { e == .tier2 ? tier2 : supervisor }

    public func priority(_ p: Priority) -> Phrase {
        switch p {
        case .low: low
        case .normal: normal
        case .high: high
        case .urgent: urgent
        }
    }
}

extension OfferKind {
    /// "refund", "återbetalning", "palautus": the kind's name in `language`.
    public func label(in language: UILanguage) -> String { KindWords.shared.offer(self)(language) }
}
