/// The store's refusals an agent meets every day, in each language: the store decides in
/// English for its journal and scripts (`CommandError.description`) and carries these beside it,
/// so every console reads the refusal in its own language (a team server sends all three).
public struct RefusalWords: Sendable {
    public let noCase = Phrase(en: "no case {case}", sv: "inget ärende {case}", fi: "tapausta {case} ei ole")
    public let alreadyYours = Phrase(en: "{case} is already yours", sv: "{case} är redan ditt", fi: "{case} on jo sinun")
    public let takenBy = Phrase(en: "{case} is already taken by {agent}", sv: "{case} har redan tagits av {agent}", fi: "{case} on jo henkilöllä {agent}")
    public let solvedReopenFirst = Phrase(en: "{case} was solved by {agent}; reopen it first", sv: "{case} löstes av {agent}; öppna det igen först",
                                          fi: "{agent} ratkaisi tapauksen {case}; avaa se ensin uudelleen")
    public let alreadyAssigned = Phrase(en: "{case} is already assigned to {agent}", sv: "{case} är redan tilldelat {agent}", fi: "{case} on jo annettu: {agent}")
    public let alreadyUnassigned = Phrase(en: "{case} is already unassigned", sv: "{case} är redan otilldelat", fi: "tapauksella {case} ei jo ole vastuuhenkilöä")
    public let alreadyPriority = Phrase(en: "{case} is already {priority} priority", sv: "{case} har redan prioritet {priority}", fi: "tapauksen {case} prioriteetti on jo {priority}")
    public let alreadySolved = Phrase(en: "{case} is already solved", sv: "{case} är redan löst", fi: "{case} on jo ratkaistu")
    public let alreadySolvedBy = Phrase(en: "{case} is already solved (by {agent})", sv: "{case} är redan löst (av {agent})", fi: "{case} on jo ratkaistu ({agent})")
    public let alreadyOpen = Phrase(en: "{case} is already open", sv: "{case} är redan öppet", fi: "{case} on jo avoinna")
    public let alreadyPending = Phrase(en: "{case} is already pending", sv: "{case} är redan vilande", fi: "{case} on jo pidossa")
    public let alreadyTagged = Phrase(en: "{case} already has those tags", sv: "{case} har redan de taggarna", fi: "tapauksella {case} on jo nuo tunnisteet")
    public let notEscalated = Phrase(en: "{case} is not escalated", sv: "{case} är inte eskalerat", fi: "{case} ei ole eskaloitu")
    public let noOpenFollowUp = Phrase(en: "{case} has no open follow-up", sv: "{case} har ingen öppen uppföljning", fi: "tapauksella {case} ei ole avointa seurantaa")
    public let openFollowUps = Phrase(en: "{case} has {what} (#{id}: {note}): mark it done first, or solve with a reason (frontline solve {case} --force REASON)",
                                      sv: "{case} har {what} (#{id}: {note}): markera den klar först, eller lös med ett skäl (frontline solve {case} --force SKÄL)",
                                      fi: "tapauksella {case} on {what} (#{id}: {note}): merkitse se ensin tehdyksi tai ratkaise syyn kera (frontline solve {case} --force SYY)")
    public let anOpenFollowUp = Phrase(en: "an open follow-up", sv: "en öppen uppföljning", fi: "avoin seuranta")
    public let openFollowUpsCount = Phrase(en: "{n} open follow-ups", sv: "{n} öppna uppföljningar", fi: "{n} avointa seurantaa")
    public let emptyNote = Phrase(en: "the note is empty", sv: "anteckningen är tom", fi: "muistiinpano on tyhjä")
    public let emptyReply = Phrase(en: "the reply is empty", sv: "svaret är tomt", fi: "vastaus on tyhjä")
    public let giveATag = Phrase(en: "give at least one tag", sv: "ange minst en tagg", fi: "anna vähintään yksi tunniste")
    public let tagWithSpaces = Phrase(en: "a tag cannot contain spaces: \"{tag}\"", sv: "en tagg kan inte innehålla mellanslag: \"{tag}\"",
                                      fi: "tunnisteessa ei voi olla välilyöntejä: \"{tag}\"")
    public let alreadyEscalatedFor = Phrase(en: "{case} is already escalated to {level} for that reason", sv: "{case} är redan eskalerat till {level} av det skälet",
                                            fi: "{case} on jo eskaloitu ({level}) tuosta syystä")
    public let sayWhoWaits = Phrase(en: "say who the follow-up waits on (a carrier, a supplier, a team)", sv: "säg vem uppföljningen väntar på (en transportör, en leverantör, ett team)",
                                    fi: "kerro, ketä seuranta odottaa (kuljetusliike, toimittaja, tiimi)")
    public let ratingRange = Phrase(en: "a rating is 1 (bad) to 5 (good), not {score}", sv: "ett betyg är 1 (dåligt) till 5 (bra), inte {score}",
                                    fi: "arvio on 1 (huono) – 5 (hyvä), ei {score}")
    public let noOpenFollowUpNumber = Phrase(en: "{case} has no open follow-up #{id}", sv: "{case} har ingen öppen uppföljning #{id}", fi: "tapauksella {case} ei ole avointa seurantaa #{id}")
    public let sayWhen = Phrase(en: "say when: +2h, +3d, tomorrow 9:00, mon 14:00 or 2026-12-01 10:00", sv: "säg när: +2h, +3d, tomorrow 9:00, mon 14:00 eller 2026-12-01 10:00",
                                fi: "kerro milloin: +2h, +3d, tomorrow 9:00, mon 14:00 tai 2026-12-01 10:00")
    public let notARealDate = Phrase(en: "\"{date}\" is not a real date", sv: "\"{date}\" är inget riktigt datum", fi: "\"{date}\" ei ole oikea päivämäärä")
    public let unreadableTime = Phrase(en: "cannot read \"{text}\" as a time: use +2h, +3d, tomorrow 9:00, mon 14:00 or 2026-12-01 10:00",
                                       sv: "kan inte läsa \"{text}\" som en tid: skriv +2h, +3d, tomorrow 9:00, mon 14:00 eller 2026-12-01 10:00",
                                       fi: "\"{text}\" ei ole luettava aika: käytä +2h, +3d, tomorrow 9:00, mon 14:00 tai 2026-12-01 10:00")
    public let inTheFuture = Phrase(en: "a follow-up must be in the future", sv: "en uppföljning måste ligga i framtiden", fi: "seurannan on oltava tulevaisuudessa")
    // Approvals, stock and review
    public let nothingToApprove = Phrase(en: "{request} was within {agent}'s authority: there is nothing to approve",
                                         sv: "{request} låg inom {agent}s befogenhet: det finns inget att godkänna",
                                         fi: "{request} oli henkilön {agent} valtuuksissa: hyväksyttävää ei ole")
    public let alreadyApproved = Phrase(en: "{request} was already approved by {agent}", sv: "{request} har redan godkänts av {agent}", fi: "{agent} on jo hyväksynyt pyynnön {request}")
    public let alreadyDeclined = Phrase(en: "{request} was already declined by {agent}", sv: "{request} har redan avslagits av {agent}", fi: "{agent} on jo hylännyt pyynnön {request}")
    public let ownRequest = Phrase(en: "nobody approves their own request: {request} was asked by {agent}; another supervisor answers it",
                                   sv: "ingen godkänner sin egen begäran: {request} begärdes av {agent}; en annan arbetsledare svarar",
                                   fi: "omaa pyyntöä ei voi hyväksyä: {request} on henkilön {agent} pyytämä; toinen esihenkilö vastaa siihen")
    public let sayWhyDeclined = Phrase(en: "say why {request} is declined: {agent} reads it", sv: "säg varför {request} avslås: {agent} läser det",
                                       fi: "kerro, miksi {request} hylätään: {agent} lukee sen")
    public let quantityRange = Phrase(en: "a quantity is 1 to 1000, not {n}", sv: "ett antal är 1 till 1000, inte {n}", fi: "määrä on 1–1000, ei {n}")
    public let holdRange = Phrase(en: "a reservation is held from 1 hour to 90 days", sv: "en reservation hålls från 1 timme till 90 dagar", fi: "varaus pidetään 1 tunnista 90 päivään")
    public let alreadyWaits = Phrase(en: "{case} already waits for {item}", sv: "{case} väntar redan på {item}", fi: "{case} odottaa jo tuotetta {item}")
    public let ownReply = Phrase(en: "nobody reviews their own reply: {reply} is {agent}'s", sv: "ingen granskar sitt eget svar: {reply} är {agent}s",
                                 fi: "omaa vastausta ei arvioida: {reply} on henkilön {agent}")
    public let notAReply = Phrase(en: "{reply} is not an agent's reply (only replies are reviewed)", sv: "{reply} är inte en agents svar (bara svar granskas)",
                                  fi: "{reply} ei ole agentin vastaus (vain vastauksia arvioidaan)")
    public let coachNeedsNote = Phrase(en: "say what to work on: coaching needs a note for {agent}", sv: "säg vad som ska förbättras: coachning behöver en rad till {agent}",
                                       fi: "kerro, mitä kehittää: valmennus tarvitsee viestin henkilölle {agent}")
    public let onlyAgentAnswers = Phrase(en: "only {agent} can answer the review of their reply {reply}", sv: "bara {agent} kan svara på granskningen av sitt svar {reply}",
                                         fi: "vain {agent} voi vastata vastauksensa {reply} arviointiin")
    public let sayWhyDispute = Phrase(en: "say why you dispute the review: {agent} reads it", sv: "säg varför du bestrider granskningen: {agent} läser det",
                                      fi: "kerro, miksi kiistät arvioinnin: {agent} lukee sen")
    public let emptyEscalationReason = Phrase(en: "the escalation reason is empty", sv: "skälet till eskaleringen är tomt", fi: "eskaloinnin syy puuttuu")
    public let emptyDeescalationReason = Phrase(en: "the reason for de-escalating is empty", sv: "skälet till att avsluta eskaleringen är tomt", fi: "eskaloinnin päättämisen syy puuttuu")
    public let emptyFollowUpNote = Phrase(en: "the follow-up note is empty", sv: "uppföljningens text är tom", fi: "seurannan kuvaus puuttuu")
    public let emptyCancelReason = Phrase(en: "the reason for cancelling the follow-up is empty", sv: "skälet till att avbryta uppföljningen är tomt", fi: "seurannan perumisen syy puuttuu")

    public init() {}
}

extension RefusalWords {
    public static let shared = RefusalWords()

    /// "the note is empty" for the fields agents fill in; nil for the rest (said in English).
    func empty(_ what: String) -> Phrase? {
        switch what {
        case "note": emptyNote
        case "reply": emptyReply
        case "escalation reason": emptyEscalationReason
        case "reason for de-escalating": emptyDeescalationReason
        case "follow-up note": emptyFollowUpNote
        case "reason for cancelling the follow-up": emptyCancelReason
        default: nil
        }
    }
}
