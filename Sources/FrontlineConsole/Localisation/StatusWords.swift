import FrontlineCore

/// What the console says on the status line and in its prompts after an action, in each language.
public struct StatusWords: Sendable {
    public let noteAdded = Phrase(en: "note added to {case}", sv: "anteckning tillagd på {case}", fi: "muistiinpano lisätty: {case}")
    public let replySent = Phrase(en: "reply sent on {case}", sv: "svar skickat på {case}", fi: "vastaus lähetetty: {case}")
    public let reopened = Phrase(en: "{case} reopened", sv: "{case} öppnat igen", fi: "{case} avattu uudelleen")
    public let yours = Phrase(en: "{case} is yours", sv: "{case} är ditt", fi: "{case} on nyt sinun")
    public let pending = Phrase(en: "{case} is waiting on the customer", sv: "{case} väntar på kunden", fi: "{case} odottaa asiakasta")
    public let solved = Phrase(en: "{case} solved", sv: "{case} löst", fi: "{case} ratkaistu")
    public let solvedOver = Phrase(en: "{case} solved; its open follow-up stays and brings it back when due", sv: "{case} löst; den öppna uppföljningen står kvar och tar tillbaka ärendet när det är dags",
                            fi: "{case} ratkaistu; avoin seuranta jää ja tuo tapauksen takaisin ajallaan")
    public let escalated = Phrase(en: "{case} escalated to {level}", sv: "{case} eskalerat till {level}", fi: "{case} eskaloitu: {level}")
    public let deescalated = Phrase(en: "{case} de-escalated", sv: "{case} avskalerat", fi: "{case}: eskalointi päätetty")
    public let assigned = Phrase(en: "{case} assigned to {agent}", sv: "{case} tilldelat {agent}", fi: "{case} annettu: {agent}")
    public let unassigned = Phrase(en: "{case} unassigned", sv: "{case} inte längre tilldelat", fi: "{case}: vastuuhenkilö poistettu")
    public let priority = Phrase(en: "{case} is now {priority} priority", sv: "{case} har nu prioritet {priority}", fi: "{case}: prioriteetti nyt {priority}")
    public let tagged = Phrase(en: "{case} tagged {tags}", sv: "{case} taggat {tags}", fi: "{case} merkitty: {tags}")
    public let followUpSet = Phrase(en: "follow-up on {case} set for {when}", sv: "uppföljning av {case} satt till {when}", fi: "seuranta ({case}) ajoitettu: {when}")
    public let unlessFirst = Phrase(en: ", unless they answer first", sv: ", om de inte svarar först", fi: ", elleivät he vastaa ensin")
    public let waitingOn = Phrase(en: ", waiting on {party}", sv: ", väntar på {party}", fi: ", odottaa: {party}")
    public let followUpCancelled = Phrase(en: "follow-up on {case} cancelled", sv: "uppföljning av {case} avbruten", fi: "seuranta ({case}) peruttu")
    public let followUpDone = Phrase(en: "follow-up on {case} done", sv: "uppföljning av {case} klar", fi: "seuranta ({case}) tehty")
    public let searchCleared = Phrase(en: "search cleared", sv: "sökningen rensad", fi: "haku tyhjennetty")
    // Prompts
    public let search = Phrase(en: "Search", sv: "Sök", fi: "Haku")
    public let searchHint = Phrase(en: "name, e-mail, case id, subject or message text · Enter keeps · Esc clears", sv: "namn, e-post, ärende-id, ämne eller text · Enter behåller · Esc rensar",
                            fi: "nimi, sähköposti, tapaustunnus, aihe tai viestin teksti · Enter pitää · Esc tyhjentää")
    public let commandHint = Phrase(en: "e.g. escalate supervisor \"refund over limit\" · followup +2d call back · assign bob · help",
                             sv: "t.ex. escalate supervisor \"återbetalning över gränsen\" · followup +2d ring upp · assign bob · help",
                             fi: "esim. escalate supervisor \"palautus yli rajan\" · followup +2d soita takaisin · assign bob · help")
    public let followUpWhen = Phrase(en: "Follow up {case} when", sv: "Följ upp {case} när", fi: "Seuraa {case} milloin")
    public let followUpWhenHint = Phrase(en: "+2h · +3d · tomorrow 9:00 · mon 14:00 · 2026-12-01 10:00 · until +3d: unless they answer first ({zone})",
                                  sv: "+2h · +3d · tomorrow 9:00 · mon 14:00 · 2026-12-01 10:00 · until +3d: om de inte svarar först ({zone})",
                                  fi: "+2h · +3d · tomorrow 9:00 · mon 14:00 · 2026-12-01 10:00 · until +3d: elleivät he vastaa ensin ({zone})")
    public let followUpWhat = Phrase(en: "Follow up {case} {when}: what", sv: "Följ upp {case} {when}: vad", fi: "Seuraa {case} {when}: mitä")
    public let followUpWhatHint = Phrase(en: "what you promised the customer · waiting on DHL: trace the parcel (a third party)",
                                  sv: "vad du lovade kunden · waiting on DHL: spåra paketet (en tredje part)",
                                  fi: "mitä lupasit asiakkaalle · waiting on DHL: jäljitä paketti (kolmas osapuoli)")
    public let noteOn = Phrase(en: "Note on {case}", sv: "Anteckning på {case}", fi: "Muistiinpano: {case}")
    public let noteHint = Phrase(en: "internal: the customer never sees notes", sv: "internt: kunden ser aldrig anteckningar", fi: "sisäinen: asiakas ei koskaan näe muistiinpanoja")
    public let assignTo = Phrase(en: "Assign {case} to", sv: "Tilldela {case} till", fi: "Anna {case} henkilölle")
    public let assignHint = Phrase(en: "an agent's name; empty unassigns", sv: "en agents namn; tomt tar bort tilldelningen", fi: "agentin nimi; tyhjä poistaa vastuuhenkilön")
    public let tagsFor = Phrase(en: "Tags for {case}", sv: "Taggar för {case}", fi: "Tunnisteet: {case}")
    public let tagsHint = Phrase(en: "words separated by spaces", sv: "ord åtskilda av mellanslag", fi: "sanat välilyönnein erotettuina")
    public let cancelBecause = Phrase(en: "Cancel {case}'s follow-up because", sv: "Avbryt uppföljningen av {case} eftersom", fi: "Peru tapauksen {case} seuranta, koska")
    public let recorded = Phrase(en: "recorded on the case", sv: "noteras på ärendet", fi: "kirjataan tapaukseen")
    public let doneOutcome = Phrase(en: "Done: {note} — outcome", sv: "Klar: {note} — utfall", fi: "Tehty: {note} — tulos")
    public let outcomeHint = Phrase(en: "a short outcome, or Enter for none", sv: "ett kort utfall, eller Enter för inget", fi: "lyhyt tulos, tai Enter ilman")
    public let escalationReason = Phrase(en: "Reason for escalating {case} to {level}", sv: "Skäl att eskalera {case} till {level}", fi: "Syy eskaloida {case}: {level}")
    public let escalationHint = Phrase(en: "required: what they need to know", sv: "krävs: vad de behöver veta", fi: "pakollinen: mitä heidän pitää tietää")
    // Pickers
    public let apologiseFor = Phrase(en: "Apologise to {name} for…", sv: "Be {name} om ursäkt för…", fi: "Pyydä anteeksi asiakkaalta {name}:")
    public let escalateTo = Phrase(en: "Escalate {case} to…", sv: "Eskalera {case} till…", fi: "Eskaloi {case}:")
    public let makeItRightWith = Phrase(en: "Make it right with {name}: sorry for…", sv: "Gottgör {name}: förlåt för…", fi: "Korjaa asia: {name}, anteeksi…")
    public let priorityOf = Phrase(en: "Priority of {case}", sv: "Prioritet för {case}", fi: "Prioriteetti: {case}")
    public let sendAnyway = Phrase(en: "Send your reply anyway?", sv: "Skicka svaret ändå?", fi: "Lähetetäänkö vastaus silti?")
    public let sendAnywayOption = Phrase(en: "send anyway", sv: "skicka ändå", fi: "lähetä silti")
    public let reviewFirst = Phrase(en: "review first", sv: "granska först", fi: "tarkista ensin")
    // The command line's queue
    public let asItWasAt = Phrase(en: "As it was at {when}:", sv: "Som det var {when}:", fi: "Tilanne {when}:")
    public let oneCase = Phrase(en: "{view}: 1 case", sv: "{view}: 1 ärende", fi: "{view}: 1 tapaus")
    public let cases = Phrase(en: "{view}: {n} cases", sv: "{view}: {n} ärenden", fi: "{view}: {n} tapausta")
    public let slaBreachedMark = Phrase(en: "SLA BREACHED", sv: "SLA BRUTEN", fi: "SLA YLITETTY")
    public let slaAtRiskMark = Phrase(en: "sla at risk", sv: "sla i fara", fi: "sla vaarassa")
    public let followUpOverdueMark = Phrase(en: "FOLLOW-UP OVERDUE", sv: "UPPFÖLJNING FÖRSENAD", fi: "SEURANTA MYÖHÄSSÄ")
    public let followUpMark = Phrase(en: "follow-up {when}", sv: "uppföljning {when}", fi: "seuranta {when}")
    // :at
    public let travelled = Phrase(en: "the desk as it was: nothing can be changed in the past · :at now comes back",
                                  sv: "disken som den var: inget kan ändras i det förflutna · :at now kommer tillbaka",
                                  fi: "tilanne silloin: menneisyyttä ei voi muuttaa · :at now palaa")
    public let backToNow = Phrase(en: "back to now", sv: "tillbaka till nu", fi: "takaisin nykyhetkeen")
    public let pastFlag = Phrase(en: " ⏪ ", sv: " ⏪ ", fi: " ⏪ ")
    // Refusals said at once
    public let noCase = Phrase(en: "the queue is empty: no case selected", sv: "kön är tom: inget ärende valt", fi: "jono on tyhjä: ei valittua tapausta")
    public let onlySupervisor = Phrase(en: "only a supervisor can {action}", sv: "bara en arbetsledare kan {action}", fi: "vain esihenkilö voi {action}")
    public let viewer = Phrase(en: "you are a viewer on this desk: viewers can watch the queue but not change it",
                        sv: "du är betraktare här: betraktare kan se kön men inte ändra den", fi: "olet katselija: katselijat voivat seurata jonoa mutta eivät muuttaa sitä")
    public let intake = Phrase(en: "this console's user has the intake role: it may only take in customer messages",
                        sv: "konsolens användare har rollen intake: den får bara ta emot kundmeddelanden",
                        fi: "tämän konsolin käyttäjällä on intake-rooli: se voi vain vastaanottaa asiakasviestejä")
    public let inThePast = Phrase(en: "this is the desk as it was at {when}: nothing can be changed in the past (:at now comes back)",
                           sv: "det här är disken som den var {when}: inget kan ändras i det förflutna (:at now kommer tillbaka)",
                           fi: "tämä on tilanne {when}: menneisyyttä ei voi muuttaa (:at now palaa)")
}

extension StatusWords {
    // The kinds' names are Core's (the store's refusals and the history say them too).
    public func apology(_ k: ApologyKind) -> Phrase { KindWords.shared.apology(k) }
    public func level(_ e: EscalationLevel) -> Phrase { KindWords.shared.level(e) }
}

extension Words {
    public static let status = StatusWords()
}
