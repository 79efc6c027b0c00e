import FrontlineCore

/// The Review screen's words, in English, Swedish and Finnish.
public struct ReviewWords: Sendable {
    public let title = Phrase(en: " Review · week of {week} · {whose} ", sv: " Granskning · veckan från {week} · {whose} ", fi: " Arviointi · viikko alkaen {week} · {whose} ")
    public let toReview = Phrase(en: "{n} to review", sv: "{n} att granska", fi: "{n} arvioitavana")
    public let reviewsOf = Phrase(en: "reviews of {agent}'s replies", sv: "granskningar av {agent}s svar", fi: "arvioinnit: {agent}")
    public let nothing = Phrase(en: "nothing to review this week, and no reviews yet", sv: "inget att granska i veckan, och inga granskningar än",
                         fi: "tällä viikolla ei arvioitavaa eikä vielä arviointeja")
    public let noneOfYours = Phrase(en: "no reviews of your replies yet", sv: "inga granskningar av dina svar än", fi: "vastauksiasi ei ole vielä arvioitu")
    public let sample = Phrase(en: "sample", sv: "stickprov", fi: "otos")
    public let badRating = Phrase(en: "bad rating", sv: "dåligt betyg", fi: "huono arvio")
    public let brokenPromise = Phrase(en: "broken promise", sv: "brutet löfte", fi: "rikottu lupaus")
    public let overAllowance = Phrase(en: "approval over allowance", sv: "godkännande över gränsen", fi: "hyväksyntä yli rajan")
    public let reopened = Phrase(en: "reopened", sv: "öppnad igen", fi: "avattu uudelleen")
    public let praise = Phrase(en: "praise", sv: "beröm", fi: "kehu")
    public let coach = Phrase(en: "coach", sv: "coachning", fi: "valmennus")
    public let rowSummary = Phrase(en: "{verdict} {score}/100 by {by} · {state}", sv: "{verdict} {score}/100 av {by} · {state}", fi: "{verdict} {score}/100, {by} · {state}")
    public let disputed = Phrase(en: "disputed: {why}", sv: "bestridd: {why}", fi: "kiistetty: {why}")
    public let notYetAnswered = Phrase(en: "not yet answered", sv: "ännu inte besvarad", fi: "ei vielä vastattu")
    public let acknowledged = Phrase(en: "acknowledged", sv: "bekräftad", fi: "kuitattu")
    public let actionDone = Phrase(en: "action done {when}", sv: "åtgärd klar {when}", fi: "toimenpide tehty {when}")
    public let late = Phrase(en: " (late)", sv: " (sent)", fi: " (myöhässä)")
    public let actionDue = Phrase(en: "action due {when}", sv: "åtgärd senast {when}", fi: "toimenpide viimeistään {when}")
    public let overdue = Phrase(en: " — overdue", sv: " — försenad", fi: " — myöhässä")
    public let wrote = Phrase(en: "{name} wrote {when}:", sv: "{name} skrev {when}:", fi: "{name} kirjoitti {when}:")
    public let replied = Phrase(en: "{name} replied {when}:", sv: "{name} svarade {when}:", fi: "{name} vastasi {when}:")
    public let moreLines = Phrase(en: "… ({n} more lines)", sv: "… ({n} rader till)", fi: "… ({n} riviä lisää)")
    public let scorecardFor = Phrase(en: "Scorecard for {agent}'s reply {reply} · {score}", sv: "Bedömning av {agent}s svar {reply} · {score}",
                              fi: "Arviointi: {agent}, vastaus {reply} · {score}")
    public let score = Phrase(en: "score {score}/100", sv: "poäng {score}/100", fi: "pisteet {score}/100")
    public let markEach = Phrase(en: "mark each item", sv: "markera varje punkt", fi: "merkitse jokainen kohta")
    public let critical = Phrase(en: "critical", sv: "kritisk", fi: "kriittinen")
    public let praiseFor = Phrase(en: "Praise for {agent} by {by}, {when} · score {score}", sv: "Beröm för {agent} av {by}, {when} · poäng {score}",
                           fi: "Kehu: {agent}, antoi {by}, {when} · pisteet {score}")
    public let coachingFor = Phrase(en: "Coaching for {agent} by {by}, {when} · score {score}", sv: "Coachning för {agent} av {by}, {when} · poäng {score}",
                             fi: "Valmennus: {agent}, antoi {by}, {when} · pisteet {score}")
    public let lookedAtFor = Phrase(en: "looked at for: {why}", sv: "granskad för: {why}", fi: "arvioitu, koska: {why}")
    public let actionItem = Phrase(en: "action item: {text} — due {when}", sv: "åtgärd: {text} — senast {when}", fi: "toimenpide: {text} — viimeistään {when}")
    public let done = Phrase(en: "done {when}", sv: "klar {when}", fi: "tehty {when}")
    public let onWallboard = Phrase(en: "shown on the wallboard", sv: "visas på tavlan", fi: "näytetään taululla")
    public let keyMarks = Phrase(en: "met missed n/a", sv: "ja nej ej aktuell", fi: "kyllä ei ei koske")
    public let keyItem = Phrase(en: "item", sv: "punkt", fi: "kohta")
    public let keyPraise = Phrase(en: "praise", sv: "beröm", fi: "kehu")
    public let keyPraiseWall = Phrase(en: "praise on wallboard", sv: "beröm på tavlan", fi: "kehu taululle")
    public let keyCoach = Phrase(en: "coach", sv: "coacha", fi: "valmenna")
    public let keyBack = Phrase(en: "back", sv: "tillbaka", fi: "takaisin")
    public let keyMove = Phrase(en: "move", sv: "flytta", fi: "liiku")
    public let keyScore = Phrase(en: "score", sv: "bedöm", fi: "arvioi")
    public let keyClose = Phrase(en: "close", sv: "stäng", fi: "sulje")
    public let keyAcknowledge = Phrase(en: "acknowledge", sv: "bekräfta", fi: "kuittaa")
    public let keyDispute = Phrase(en: "dispute", sv: "bestrid", fi: "kiistä")
    public let keyActionDone = Phrase(en: "action done", sv: "åtgärd klar", fi: "toimenpide tehty")
    // The built-in scorecard's items
    public let greeted = Phrase(en: "greeted the customer by name", sv: "hälsade kunden vid namn", fi: "tervehti asiakasta nimeltä")
    public let owned = Phrase(en: "owned the mistake", sv: "tog ansvar för misstaget", fi: "otti virheen omakseen")
    public let nextStep = Phrase(en: "a clear next step", sv: "ett tydligt nästa steg", fi: "selkeä seuraava askel")
    public let language = Phrase(en: "in the customer's language", sv: "på kundens språk", fi: "asiakkaan kielellä")

    public func flag(_ f: ReviewFlag) -> Phrase {
        switch f {
        case .badRating: badRating
        case .brokenPromise: brokenPromise
        case .overAllowance: overAllowance
        case .reopened: reopened
        }
    }
}

extension Words {
    public static let review = ReviewWords()
}

extension ReviewSettings {
    /// The built-in scorecard with its items named in `language` (a team's own card is kept as written).
    public func named(in language: UILanguage) -> ReviewSettings {
        guard scorecard == .embedded, language != .en else { return self }
        let w = Words.review
        let labels = ["greeted": w.greeted, "owned": w.owned, "next-step": w.nextStep, "language": w.language]
        var copy = self
        copy.scorecard = Scorecard(items: scorecard.items.map { item in
            var i = item
            if let phrase = labels[item.name] { i.label = phrase(language) }
            return i
        })
        return copy
    }
}
