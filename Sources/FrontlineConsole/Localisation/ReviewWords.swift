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
    // What the Review screen says
    public let markFirst = Phrase(en: "mark every item first: y met, n missed, x does not apply", sv: "markera varje punkt först: y ja, n nej, x ej aktuell",
                                  fi: "merkitse ensin jokainen kohta: y kyllä, n ei, x ei koske")
    public let ownReply = Phrase(en: "that is your own reply: another supervisor reviews it", sv: "det är ditt eget svar: en annan arbetsledare granskar det",
                                 fi: "tämä on oma vastauksesi: toinen esihenkilö arvioi sen")
    public let reviewed = Phrase(en: "{reply} reviewed{score}: {what}", sv: "{reply} granskat{score}: {what}", fi: "{reply} arvioitu{score}: {what}")
    public let praiseForAgent = Phrase(en: "praise for {agent}", sv: "beröm till {agent}", fi: "kehu: {agent}")
    public let onTheWallboard = Phrase(en: ", on the wallboard", sv: ", på tavlan", fi: ", taululla")
    public let coachingForAgent = Phrase(en: "coaching for {agent}", sv: "coachning för {agent}", fi: "valmennus: {agent}")
    public let acknowledgedReview = Phrase(en: "review of {reply} acknowledged", sv: "granskningen av {reply} bekräftad", fi: "arviointi {reply} kuitattu")
    public let disputedReview = Phrase(en: "review of {reply} disputed: {reviewer} is told", sv: "granskningen av {reply} bestriden: {reviewer} får veta",
                                       fi: "arviointi {reply} kiistetty: {reviewer} saa tiedon")
    public let actionItemDone = Phrase(en: "action item of {reply} done", sv: "åtgärden för {reply} klar", fi: "toimenpide {reply} tehty")
    public let praisedYou = Phrase(en: "★ {who} praised your reply {reply}{said}{wall} — V shows your reviews", sv: "★ {who} berömde ditt svar {reply}{said}{wall} — V visar dina granskningar",
                                   fi: "★ {who} kehui vastaustasi {reply}{said}{wall} — V näyttää arviointisi")
    public let wallNote = Phrase(en: " (on the wallboard)", sv: " (på tavlan)", fi: " (taululla)")
    public let coachedYou = Phrase(en: "{who} left coaching on your reply {reply}{said}{due} — V to acknowledge or dispute",
                                   sv: "{who} coachade dig om svaret {reply}{said}{due} — V för att bekräfta eller bestrida",
                                   fi: "{who} antoi valmennusta vastauksestasi {reply}{said}{due} — V kuittaa tai kiistää")
    public let actionBy = Phrase(en: ", action item by {when}", sv: ", åtgärd senast {when}", fi: ", toimenpide viimeistään {when}")
    public let disputesYours = Phrase(en: "{who} disputes your review of {reply}: {why}", sv: "{who} bestrider din granskning av {reply}: {why}",
                                      fi: "{who} kiistää arviointisi {reply}: {why}")
    public let acknowledgesYours = Phrase(en: "{who} acknowledged your review of {reply}", sv: "{who} bekräftade din granskning av {reply}",
                                          fi: "{who} kuittasi arviointisi {reply}")
    public let didTheAction = Phrase(en: "{who} did the action item of {reply}{outcome}", sv: "{who} gjorde åtgärden för {reply}{outcome}",
                                     fi: "{who} teki toimenpiteen {reply}{outcome}")
    // The Review screen's prompts and refusals
    public let coachPrompt = Phrase(en: "Coach {who} on {reply} — what to work on", sv: "Coacha {who} om {reply} — vad att arbeta med", fi: "Valmenna: {who}, {reply} — mitä kehittää")
    public let coachHint = Phrase(en: "{who} sees it at once; next you give the action item and its due date", sv: "{who} ser det direkt; sedan anger du åtgärden och när den ska vara klar",
                                  fi: "{who} näkee sen heti; seuraavaksi annat toimenpiteen ja sen määräajan")
    public let praisePrompt = Phrase(en: "Praise {who} for {reply}", sv: "Beröm {who} för {reply}", fi: "Kehu: {who}, {reply}")
    public let praiseHint = Phrase(en: "a word for {who}, or Enter for none", sv: "ett ord till {who}, eller Enter för inget", fi: "sana henkilölle {who}, tai Enter ilman")
    public let shoutOutHint = Phrase(en: " · the wallboard shows their name and what they did well, nothing of the customer",
                                     sv: " · tavlan visar namnet och vad som gjordes bra, inget om kunden", fi: " · taulu näyttää nimen ja mikä meni hyvin, ei mitään asiakkaasta")
    public let chooseReview = Phrase(en: "choose a review below the queue to answer it", sv: "välj en granskning under kön för att svara på den", fi: "valitse arviointi jonon alta vastataksesi siihen")
    public let wasPraise = Phrase(en: "{reply} was praise: there is no action item", sv: "{reply} var beröm: det finns ingen åtgärd", fi: "{reply} oli kehu: toimenpidettä ei ole")
    public let actionAlreadyDone = Phrase(en: "{reply}'s action item is already done", sv: "åtgärden för {reply} är redan klar", fi: "toimenpide {reply} on jo tehty")
    public let actionOutcome = Phrase(en: "Done: {text} — what came of it", sv: "Klar: {text} — vad blev resultatet", fi: "Tehty: {text} — mitä siitä seurasi")
    public let onlyTheirs = Phrase(en: "only {agent} answers the review of their reply", sv: "bara {agent} svarar på granskningen av sitt svar", fi: "vain {agent} vastaa oman vastauksensa arviointiin")
    public let alreadyAcknowledged = Phrase(en: "you already acknowledged this review", sv: "du har redan bekräftat granskningen", fi: "olet jo kuitannut tämän arvioinnin")
    public let alreadyDisputed = Phrase(en: "you already disputed this review", sv: "du har redan bestridit granskningen", fi: "olet jo kiistänyt tämän arvioinnin")
    public let disputePrompt = Phrase(en: "Dispute the review of {reply} because", sv: "Bestrid granskningen av {reply} eftersom", fi: "Kiistä arviointi {reply}, koska")
    public let readsIt = Phrase(en: "{reviewer} reads it", sv: "{reviewer} läser det", fi: "{reviewer} lukee sen")
    public let sayWhatToWorkOn = Phrase(en: "say what to work on: {agent} reads it", sv: "skriv vad som ska förbättras: {agent} läser det", fi: "kerro, mitä kehittää: {agent} lukee sen")
    public let actionPrompt = Phrase(en: "Action item for {agent}: WHEN WHAT", sv: "Åtgärd för {agent}: WHEN WHAT", fi: "Toimenpide henkilölle {agent}: WHEN WHAT")
    public let actionHint = Phrase(en: "e.g. +7d rewrite two replies with a clear next step · fri 16:00 read the refund guide ({zone})",
                                   sv: "t.ex. +7d skriv om två svar med ett tydligt nästa steg · fri 16:00 läs guiden om återbetalning ({zone})",
                                   fi: "esim. +7d kirjoita kaksi vastausta uudelleen selkeällä seuraavalla askeleella · fri 16:00 lue palautusohje ({zone})")
    public let sayWhatToDo = Phrase(en: "say what {agent} is to do after the time", sv: "skriv efter tiden vad {agent} ska göra", fi: "kerro ajan jälkeen, mitä {agent} tekee")
    public let actionUsage = Phrase(en: "WHEN WHAT — WHEN like +7d, fri 16:00, 2026-12-08 10:00; then what {agent} is to do",
                                    sv: "WHEN WHAT — WHEN t.ex. +7d, fri 16:00, 2026-12-08 10:00; sedan vad {agent} ska göra",
                                    fi: "WHEN WHAT — WHEN esim. +7d, fri 16:00, 2026-12-08 10:00; sitten mitä {agent} tekee")
    public let sayWhyDispute = Phrase(en: "say why you dispute it, or Esc", sv: "skriv varför du bestrider den, eller Esc", fi: "kerro, miksi kiistät sen, tai Esc")
    public let theReviewer = Phrase(en: "the reviewer", sv: "granskaren", fi: "arvioija")
    // The command line (`frontline review`)
    public let queueHeader = Phrase(en: "Review queue, week of {week}: {n} to review (sample {sample} a week per agent)",
                                    sv: "Granskningskö, veckan från {week}: {n} att granska (stickprov {sample} i veckan per agent)",
                                    fi: "Arviointijono, viikko alkaen {week}: {n} arvioitavana (otos {sample} viikossa agenttia kohden)")
    public let reviewsCount = Phrase(en: "Reviews: {n}", sv: "Granskningar: {n}", fi: "Arvioinnit: {n}")
    public let byWhom = Phrase(en: "by {by}", sv: "av {by}", fi: "antoi {by}")
    public let actionStanding = Phrase(en: " · action: {text} — {state}", sv: " · åtgärd: {text} — {state}", fi: " · toimenpide: {text} — {state}")
    public let doneAt = Phrase(en: "done {when}", sv: "klar {when}", fi: "tehty {when}")
    public let overdueSince = Phrase(en: "OVERDUE since {when}", sv: "FÖRSENAD sedan {when}", fi: "MYÖHÄSSÄ alkaen {when}")
    public let dueAt = Phrase(en: "due {when}", sv: "senast {when}", fi: "viimeistään {when}")
    public let scored = Phrase(en: "{reply} reviewed: {verdict} for {agent}, score {score}{action}; {agent} sees it now",
                               sv: "{reply} granskat: {verdict} till {agent}, poäng {score}{action}; {agent} ser det nu",
                               fi: "{reply} arvioitu: {verdict}, {agent}, pisteet {score}{action}; {agent} näkee sen nyt")
    public let actionDueCLI = Phrase(en: "; action item due {when}", sv: "; åtgärd senast {when}", fi: "; toimenpide viimeistään {when}")
    public let scorecardHeader = Phrase(en: "Scorecard (sample {sample} replies per agent a week; a missed critical item scores 0):",
                                        sv: "Bedömningsmall (stickprov {sample} svar per agent i veckan; en missad kritisk punkt ger 0):",
                                        fi: "Arviointilomake (otos {sample} vastausta agenttia kohden viikossa; puuttuva kriittinen kohta antaa 0):")
    public let weight = Phrase(en: "weight {n}", sv: "vikt {n}", fi: "paino {n}")
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
