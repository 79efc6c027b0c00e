import Foundation

/// What an offer says to the customer, per kind and language: bundled templates named
/// `offer-KIND` (a team's own file of that name replaces one), with `{offer}` the value written
/// the customer's way, `{code}` and `{expires}` for a coupon.
enum OfferTemplates {
    static func text(_ kind: OfferKind, language: Language) -> String {
        switch (kind, language) {
        case (.discount, .en): "As an apology, you get {offer} off your next purchase."
        case (.discount, .sv): "Som en ursäkt får du {offer} rabatt på ditt nästa köp."
        case (.discount, .fi): "Pahoittelumme merkiksi saat {offer} alennuksen seuraavasta ostoksestasi."
        case (.coupon, .en): "Here is a coupon for {offer} off: {code} (valid until {expires})."
        case (.coupon, .sv): "Här är en rabattkod på {offer}: {code} (giltig till och med {expires})."
        case (.coupon, .fi): "Tässä on {offer} alennuskoodi: {code} (voimassa {expires} asti)."
        case (.refund, .en): "We are refunding {offer} to you; it should reach your account within a few days."
        case (.refund, .sv): "Vi betalar tillbaka {offer} till dig; pengarna bör finnas på ditt konto inom några dagar."
        case (.refund, .fi): "Palautamme sinulle {offer}; summan pitäisi näkyä tililläsi muutaman päivän kuluessa."
        case (.credit, .en): "We have added {offer} in credit to your account."
        case (.credit, .sv): "Vi har lagt in {offer} i tillgodohavande på ditt konto."
        case (.credit, .fi): "Olemme lisänneet tilillesi {offer} hyvitystä."
        case (.replacement, .en): "We are sending you a replacement, {offer}, free of charge."
        case (.replacement, .sv): "Vi skickar en ersättning till dig, {offer}, utan kostnad."
        case (.replacement, .fi): "Lähetämme sinulle korvaavan tuotteen, {offer}, veloituksetta."
        case (.freeShipping, .en): "Your next order ships free of charge."
        case (.freeShipping, .sv): "Din nästa beställning skickas fraktfritt."
        case (.freeShipping, .fi): "Seuraava tilauksesi toimitetaan ilman toimituskuluja."
        }
    }

    /// Make it right's thank-you and its promise to check back.
    static func thanks(_ language: Language) -> String {
        switch language {
        case .en: "Thank you for telling us, and for your patience: it helps us do better."
        case .sv: "Tack för att du hörde av dig och för ditt tålamod – det hjälper oss att bli bättre."
        case .fi: "Kiitos, että kerroit asiasta, ja kiitos kärsivällisyydestäsi – se auttaa meitä parantamaan toimintaamme."
        }
    }

    static func checkIn(_ language: Language) -> String {
        switch language {
        case .en: "I will check with you on {due} that everything is in order."
        case .sv: "Jag hör av mig den {due} för att höra att allt är i ordning."
        case .fi: "Otan sinuun yhteyttä {due} varmistaakseni, että kaikki on kunnossa."
        }
    }

    static var bundled: [ReplyTemplate] {
        OfferKind.allCases.flatMap { kind in
            Language.allCases.map { ReplyTemplate(name: "offer-\(kind.rawValue)", language: $0, text: text(kind, language: $0)) }
        } + Language.allCases.flatMap { l in
            [ReplyTemplate(name: "thanks", language: l, text: thanks(l)), ReplyTemplate(name: "check-in", language: l, text: checkIn(l))]
        }
    }
}

extension TemplateLibrary {
    /// Make it right's reply: the apology, the thank-you, the offer (when one was given), the
    /// promise to check back on `due`, signed by the agent. Each part is a template a team may replace.
    public func makeItRight(_ kind: ApologyKind, offer: Offer?, due: Date, on c: SupportCase, customer: Customer,
                            history: CustomerHistory?, agent: String, timeZone: TimeZone) -> String {
        let language = Language(code: customer.language)
        var values = ReplyTemplate.values(for: c, customer: customer, history: history, agent: agent, timeZone: timeZone)
        values["due"] = ReplyTemplate.longDate(due, language: language, timeZone: timeZone)
        func part(_ name: String, _ bundled: String) -> String {
            (named(name, language: language) ?? ReplyTemplate(name: name, language: language, text: bundled)).filled(values)
        }
        var middle = [part("thanks", OfferTemplates.thanks(language))]
        if let offer { middle.append(offerText(offer, on: c, customer: customer, agent: agent, timeZone: timeZone)) }
        middle.append(part("check-in", OfferTemplates.checkIn(language)))
        return apologyBody(kind, on: c, customer: customer, history: history, agent: agent, timeZone: timeZone)
            + "\n\n" + middle.joined(separator: " ") + "\n\n" + ApologyTemplates.signOff(language) + "\n" + agent
    }

    /// The sentence that tells `customer` about `offer` (given or approved), in their language.
    public func offerText(_ offer: Offer, on c: SupportCase, customer: Customer, agent: String, timeZone: TimeZone) -> String {
        let language = Language(code: customer.language)
        let name = "offer-\(offer.kind.rawValue)"
        let template = named(name, language: language) ?? ReplyTemplate(name: name, language: language, text: OfferTemplates.text(offer.kind, language: language))
        var values = ReplyTemplate.values(for: c, customer: customer, history: nil, agent: agent, timeZone: timeZone)
        values["offer"] = offer.value.written(in: language)
        if let coupon = offer.coupon {
            values["code"] = coupon.code
            values["expires"] = ReplyTemplate.longDate(coupon.expires, language: language, timeZone: timeZone)
        }
        return template.filled(values)
    }
}
