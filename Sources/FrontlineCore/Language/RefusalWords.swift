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

    // Replies the store stops before they go (UnfilledReply)
    public let notSent = Phrase(en: "not sent: {problem}", sv: "inte skickat: {problem}", fi: "ei lähetetty: {problem}")
    public let placeholderUnfilled = Phrase(en: "line {line} still has {placeholder} unfilled", sv: "rad {line} har fortfarande {placeholder} oifyllt",
                                            fi: "rivillä {line} on yhä täyttämättä {placeholder}")
    public let greetsNobody = Phrase(en: "line {line} greets nobody (\"{greeting}\"): the name is missing", sv: "rad {line} hälsar på ingen (\"{greeting}\"): namnet saknas",
                                     fi: "rivin {line} tervehdys ei osoitu kenellekään (\"{greeting}\"): nimi puuttuu")
    // Service levels and follow-ups
    public let slaRange = Phrase(en: "an SLA target must be between 1 minute and 90 days", sv: "ett SLA-mål måste vara mellan 1 minut och 90 dagar",
                                 fi: "SLA-tavoitteen on oltava 1 minuutin ja 90 päivän välillä")
    public let slaAlready = Phrase(en: "the {priority} SLA target is already {target}", sv: "SLA-målet för {priority} är redan {target}",
                                   fi: "prioriteetin {priority} SLA-tavoite on jo {target}")
    public let followUpAlreadyBroken = Phrase(en: "{case}'s follow-up #{id} is already marked broken", sv: "uppföljning #{id} på {case} är redan markerad som bruten",
                                              fi: "tapauksen {case} seuranta #{id} on jo merkitty rikotuksi")
    public let followUpNotPastGrace = Phrase(en: "{case}'s follow-up #{id} is not past its grace time yet", sv: "uppföljning #{id} på {case} har inte passerat sin respittid än",
                                             fi: "tapauksen {case} seurannan #{id} armonaika ei ole vielä kulunut")
    public let approvalNotMarkedDone = Phrase(
        en: "{case}'s follow-up #{id} is the request for approval {request}: it is kept when a supervisor approves or declines it, not marked done",
        sv: "uppföljning #{id} på {case} är begäran om godkännande {request}: den uppfylls när en arbetsledare godkänner eller avslår den, den markeras inte som klar",
        fi: "tapauksen {case} seuranta #{id} on hyväksyntäpyyntö {request}: se täyttyy, kun esihenkilö hyväksyy tai hylkää sen, eikä sitä merkitä tehdyksi")
    public let approvalNotCancelled = Phrase(
        en: "{case}'s follow-up #{id} is the request for approval {request}: it is kept when a supervisor approves or declines it, not cancelled",
        sv: "uppföljning #{id} på {case} är begäran om godkännande {request}: den uppfylls när en arbetsledare godkänner eller avslår den, den avbryts inte",
        fi: "tapauksen {case} seuranta #{id} on hyväksyntäpyyntö {request}: se täyttyy, kun esihenkilö hyväksyy tai hylkää sen, eikä sitä peruta")
    // Times as typed (FollowUpTime, report periods)
    public let expectedNumber = Phrase(en: "cannot read \"{text}\": expected a number like +2h", sv: "kan inte läsa \"{text}\": väntade ett tal som +2h",
                                       fi: "\"{text}\" ei ole luettavissa: odotettiin lukua, kuten +2h")
    public let unknownUnit = Phrase(en: "cannot read \"{text}\": unit \"{unit}\" is not one of m, h, d, w", sv: "kan inte läsa \"{text}\": enheten \"{unit}\" är inte någon av m, h, d, w",
                                    fi: "\"{text}\" ei ole luettavissa: yksikkö \"{unit}\" ei ole mikään näistä: m, h, d, w")
    public let unreadableTimeOfDay = Phrase(en: "cannot read \"{text}\" as a time of day (like 9:00 or 14:30)", sv: "kan inte läsa \"{text}\" som ett klockslag (som 9:00 eller 14:30)",
                                            fi: "\"{text}\" ei ole luettava kellonaika (esimerkiksi 9:00 tai 14:30)")
    public let unreadableReportTime = Phrase(
        en: "cannot read \"{text}\" as a time: today, yesterday, monday, 7d (ago), 2026-11-23, 2026-11-23 10:42 or 10:42",
        sv: "kan inte läsa \"{text}\" som en tid: today, yesterday, monday, 7d (sedan), 2026-11-23, 2026-11-23 10:42 eller 10:42",
        fi: "\"{text}\" ei ole luettava aika: today, yesterday, monday, 7d (sitten), 2026-11-23, 2026-11-23 10:42 tai 10:42")
    // Back in stock
    public let tellByInTheFuture = Phrase(en: "the promise to tell them must be due in the future", sv: "löftet att höra av sig måste ligga i framtiden",
                                          fi: "lupaus ilmoittaa asiakkaalle on ajoitettava tulevaisuuteen")
    public let negativeCount = Phrase(en: "a count of what is available cannot be negative", sv: "antalet som finns att få kan inte vara negativt",
                                      fi: "saatavilla oleva määrä ei voi olla negatiivinen")
    public let noStockWish = Phrase(en: "{case} has no stock wish #{id}", sv: "{case} har ingen lagerbevakning #{id}", fi: "tapauksella {case} ei ole tuotetoivetta #{id}")
    public let wishHoldsNoReservation = Phrase(en: "{case}'s wish #{id} holds no reservation", sv: "lagerbevakning #{id} på {case} har ingen reservation",
                                               fi: "tapauksen {case} tuotetoiveella #{id} ei ole varausta")
    public let reservationRunsUntil = Phrase(en: "{case}'s reservation of {item} runs until {until}", sv: "reservationen av {item} på {case} gäller till {until}",
                                             fi: "tapauksen {case} varaus ({item}) on voimassa {until} asti")
    // "How did we do?" by mail
    public let feedbackNotSolved = Phrase(en: "{case} is not solved: feedback is asked once it is", sv: "{case} är inte löst: omdöme efterfrågas först när det är löst",
                                          fi: "{case} ei ole ratkaistu: palautetta kysytään vasta ratkaistusta tapauksesta")
    public let feedbackAlreadyAsked = Phrase(en: "{case} was already asked how we did", sv: "på {case} har kunden redan fått frågan hur vi skötte oss",
                                             fi: "tapauksessa {case} on jo kysytty, miten onnistuimme")
    public let alreadyRated = Phrase(en: "{case} is already rated", sv: "{case} har redan fått ett betyg", fi: "{case} on jo saanut arvion")
    public let repliesNotMailed = Phrase(en: "{case}: replies are not mailed on this desk", sv: "{case}: svar skickas inte med e-post här",
                                         fi: "{case}: vastauksia ei lähetetä täältä sähköpostilla")
    public let notWrittenByMail = Phrase(en: "{case}: they did not write by e-mail: not asked by mail", sv: "{case}: kunden skrev inte med e-post: frågas inte med e-post",
                                         fi: "{case}: asiakas ei kirjoittanut sähköpostilla: ei kysytä sähköpostilla")
    public let lastMailAutomatic = Phrase(en: "{case}: the last mail was automatic ({kind}): not asked", sv: "{case}: det senaste mejlet var automatiskt ({kind}): frågas inte",
                                          fi: "{case}: viimeisin viesti oli automaattinen ({kind}): ei kysytä")
    public let noAddressToAsk = Phrase(en: "{case}: no e-mail address to ask", sv: "{case}: ingen e-postadress att fråga", fi: "{case}: ei sähköpostiosoitetta, johon kysyä")
    public let automaticSender = Phrase(en: "{case}: {address} is an automatic sender: not asked", sv: "{case}: {address} är en automatisk avsändare: frågas inte",
                                        fi: "{case}: {address} on automaattinen lähettäjä: ei kysytä")
    public let askedRecently = Phrase(en: "{customer} was asked on {when} ({case}): once per {cooldown} at most",
                                      sv: "{customer} fick frågan {when} ({case}): högst en gång per {cooldown}",
                                      fi: "asiakkaalta {customer} kysyttiin {when} ({case}): enintään kerran {cooldown} aikana")
    public let caseHasNoAddressToAsk = Phrase(en: "{case} has no e-mail address to ask", sv: "{case} har ingen e-postadress att fråga",
                                              fi: "tapauksella {case} ei ole sähköpostiosoitetta, johon kysyä")
    // Reviews and the scorecard
    public let noScorecardItem = Phrase(en: "the scorecard has no item \"{item}\"; items: {items}", sv: "bedömningsmallen har ingen punkt \"{item}\"; punkter: {items}",
                                        fi: "arviointilomakkeella ei ole kohtaa \"{item}\"; kohdat: {items}")
    public let markEveryItem = Phrase(en: "mark every item of the scorecard; not marked: {items}", sv: "markera varje punkt i bedömningsmallen; ej markerade: {items}",
                                      fi: "merkitse arviointilomakkeen jokainen kohta; merkitsemättä: {items}")
    public let noSuchMessage = Phrase(en: "{case} has {n} messages; there is no {reply}", sv: "{case} har {n} meddelanden; det finns inget {reply}",
                                      fi: "tapauksessa {case} on {n} viestiä; viestiä {reply} ei ole")
    public let alreadyReviewed = Phrase(en: "{reply} was already reviewed by {agent} ({when})", sv: "{reply} har redan granskats av {agent} ({when})",
                                        fi: "{agent} on jo arvioinut vastauksen {reply} ({when})")
    public let reviewNeedsAnItem = Phrase(en: "a review scores at least one item of the scorecard", sv: "en granskning bedömer minst en punkt i bedömningsmallen",
                                          fi: "arvioinnissa pisteytetään vähintään yksi arviointilomakkeen kohta")
    public let badScorecardItem = Phrase(en: "scorecard item \"{item}\" needs a name and a weight of 0 or more",
                                         sv: "punkten \"{item}\" i bedömningsmallen behöver ett namn och en vikt på 0 eller mer",
                                         fi: "arviointilomakkeen kohdalla \"{item}\" on oltava nimi ja paino 0 tai enemmän")
    public let praiseHasNoAction = Phrase(en: "praise has no action item: coach instead", sv: "beröm har ingen åtgärd: coacha i stället",
                                          fi: "kehuun ei kuulu toimenpidettä: valmenna sen sijaan")
    public let coachNeedsAction = Phrase(en: "coaching needs an action item for {agent}, with a due date", sv: "coachning behöver en åtgärd för {agent}, med ett slutdatum",
                                         fi: "valmennus tarvitsee toimenpiteen henkilölle {agent} määräpäivineen")
    public let actionDueInTheFuture = Phrase(en: "the action item's due date must be in the future", sv: "åtgärdens slutdatum måste ligga i framtiden",
                                             fi: "toimenpiteen määräpäivän on oltava tulevaisuudessa")
    public let shoutOutIsForPraise = Phrase(en: "a shout-out on the wallboard is for praise", sv: "att lyftas fram på tavlan är till för beröm",
                                            fi: "taululle nostetaan vain kehuja")
    public let reviewAlreadyAcknowledged = Phrase(en: "{reply}'s review was already acknowledged ({when})", sv: "granskningen av {reply} är redan bekräftad ({when})",
                                                  fi: "arviointi {reply} on jo kuitattu ({when})")
    public let reviewAlreadyDisputed = Phrase(en: "{reply}'s review was already disputed ({when})", sv: "granskningen av {reply} är redan bestriden ({when})",
                                              fi: "arviointi {reply} on jo kiistetty ({when})")
    public let noActionItem = Phrase(en: "{reply}'s review has no action item (it was praise)", sv: "granskningen av {reply} har ingen åtgärd (det var beröm)",
                                     fi: "arvioinnissa {reply} ei ole toimenpidettä (se oli kehu)")
    public let actionIsTheAgents = Phrase(en: "{reply}'s action item is {agent}'s to mark done", sv: "det är {agent} som markerar åtgärden för {reply} som klar",
                                          fi: "toimenpiteen {reply} merkitsee tehdyksi {agent}")
    public let actionAlreadyDone = Phrase(en: "{reply}'s action item was already done ({when})", sv: "åtgärden för {reply} är redan klar ({when})",
                                          fi: "toimenpide {reply} on jo tehty ({when})")
    public let notReviewed = Phrase(en: "{reply} has not been reviewed", sv: "{reply} har inte granskats", fi: "vastausta {reply} ei ole arvioitu")
    // Goodwill
    public let noCustomerOnRecord = Phrase(en: "{case} has no customer on record", sv: "{case} har ingen registrerad kund", fi: "tapaukselle {case} ei ole kirjattu asiakasta")
    public let discountIsPercent = Phrase(en: "a discount is a percentage from 1 to 100, like 15%", sv: "en rabatt är en procentsats från 1 till 100, till exempel 15%",
                                          fi: "alennus on prosentti väliltä 1–100, esimerkiksi 15%")
    public let couponIsPercent = Phrase(en: "a coupon is a percentage from 1 to 100, like 15%", sv: "en rabattkod är en procentsats från 1 till 100, till exempel 15%",
                                        fi: "kuponki on prosentti väliltä 1–100, esimerkiksi 15%")
    public let refundIsAmount = Phrase(en: "a refund is an amount, like 125.50 or \"125,50 kr\"", sv: "en återbetalning är ett belopp, till exempel 125.50 eller \"125,50 kr\"",
                                       fi: "palautus on rahamäärä, esimerkiksi 125.50 tai \"125,50 kr\"")
    public let creditIsAmount = Phrase(en: "a credit is an amount, like 125.50 or \"125,50 kr\"", sv: "ett tillgodohavande är ett belopp, till exempel 125.50 eller \"125,50 kr\"",
                                       fi: "hyvityssaldo on rahamäärä, esimerkiksi 125.50 tai \"125,50 kr\"")
    public let replacementNamesItem = Phrase(en: "a replacement names what is sent, like \"a new kettle\"", sv: "en ersättningsvara anger vad som skickas, till exempel \"en ny vattenkokare\"",
                                             fi: "korvaavasta tuotteesta kerrotaan, mitä lähetetään, esimerkiksi \"uusi vedenkeitin\"")
    public let freeShippingHasNoValue = Phrase(en: "free shipping has no value to give", sv: "fri frakt har inget värde att ange", fi: "ilmaiselle toimitukselle ei anneta arvoa")
    public let refundMoreThanNothing = Phrase(en: "a refund must be more than nothing", sv: "en återbetalning måste vara mer än noll", fi: "palautuksen on oltava enemmän kuin nolla")
    public let creditMoreThanNothing = Phrase(en: "a credit must be more than nothing", sv: "ett tillgodohavande måste vara mer än noll", fi: "hyvityssaldon on oltava enemmän kuin nolla")
    public let noOffer = Phrase(en: "{case} has no offer #{id}", sv: "{case} har inget erbjudande #{id}", fi: "tapauksella {case} ei ole tarjousta #{id}")
    public let noCouponLeft = Phrase(
        en: "no coupon code left: every code in the coupon pool has been given; add codes to [authority] coupon_pool's file",
        sv: "inga rabattkoder kvar: alla koder i kodpoolen har delats ut; lägg till koder i filen som [authority] coupon_pool anger",
        fi: "kuponkikoodit ovat loppuneet: koodivarannon kaikki koodit on annettu; lisää koodeja tiedostoon, jonka [authority] coupon_pool nimeää")

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

    /// What a value of `kind` is, said when the value given is not one ("a refund is an amount, …").
    func valueOf(_ kind: OfferKind) -> Phrase {
        switch kind {
        case .discount: discountIsPercent
        case .coupon: couponIsPercent
        case .refund: refundIsAmount
        case .credit: creditIsAmount
        case .replacement: replacementNamesItem
        case .freeShipping: freeShippingHasNoValue
        }
    }

    /// "a refund must be more than nothing" for the kinds given as an amount; nil for the rest.
    func moreThanNothing(_ kind: OfferKind) -> Phrase? {
        switch kind {
        case .refund: refundMoreThanNothing
        case .credit: creditMoreThanNothing
        default: nil
        }
    }
}
