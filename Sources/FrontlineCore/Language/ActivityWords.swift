/// The case's history lines (what was done, by whom) in each language. The English is the
/// record (`CaseActivity.text`: exports, reports, the journal's readers); every console says
/// the same line in its own language from the wording kept beside it (`ActivityLine`).
public struct ActivityWords: Sendable {
    public let notDelivered = Phrase(en: "reply not delivered: {error}", sv: "svaret levererades inte: {error}", fi: "vastausta ei toimitettu: {error}")
    public let apologised = Phrase(en: "apologised by {actor}: {apology}", sv: "{actor} bad om ursäkt: {apology}", fi: "{actor} pyysi anteeksi: {apology}")
    public let escalated = Phrase(en: "escalated to {level} by {actor}: {reason}", sv: "eskalerat till {level} av {actor}: {reason}", fi: "{actor} eskaloi ({level}): {reason}")
    public let deescalated = Phrase(en: "de-escalated from {level} by {actor}: {reason}", sv: "{actor} avslutade eskaleringen ({level}): {reason}",
                                    fi: "{actor} päätti eskaloinnin ({level}): {reason}")
    public let deescalatedUnknown = Phrase(en: "de-escalated from escalation by {actor}: {reason}", sv: "{actor} avslutade eskaleringen: {reason}",
                                           fi: "{actor} päätti eskaloinnin: {reason}")
    public let followUpSet = Phrase(en: "follow-up #{id} set by {actor}{kind}: {note}", sv: "uppföljning #{id} satt av {actor}{kind}: {note}",
                                    fi: "{actor} ajoitti seurannan #{id}{kind}: {note}")
    public let untilAnswer = Phrase(en: " (until they answer)", sv: " (tills de svarar)", fi: " (kunnes he vastaavat)")
    public let waitingOn = Phrase(en: " (waiting on {party})", sv: " (väntar på {party})", fi: " (odottaa: {party})")
    public let followUpBroken = Phrase(en: "follow-up #{id} broken: still open {grace} after it was due", sv: "uppföljning #{id} bruten: fortfarande öppen {grace} efter förfallotiden",
                                       fi: "seuranta #{id} laiminlyöty: yhä avoinna {grace} eräpäivän jälkeen")
    public let followUpCancelled = Phrase(en: "follow-up #{id} cancelled by {actor}: {reason}", sv: "uppföljning #{id} avbruten av {actor}: {reason}",
                                          fi: "{actor} perui seurannan #{id}: {reason}")
    public let followUpDone = Phrase(en: "follow-up #{id} done by {actor}", sv: "uppföljning #{id} klar av {actor}", fi: "{actor} teki seurannan #{id}")
    public let followUpDoneWith = Phrase(en: "follow-up #{id} done by {actor}: {outcome}", sv: "uppföljning #{id} klar av {actor}: {outcome}",
                                         fi: "{actor} teki seurannan #{id}: {outcome}")
    public let followUpKept = Phrase(en: "follow-up #{id} kept: the customer answered", sv: "uppföljning #{id} hållen: kunden svarade", fi: "seuranta #{id} pidetty: asiakas vastasi")
    public let assigned = Phrase(en: "assigned to {agent} by {actor}", sv: "tilldelat {agent} av {actor}", fi: "{actor} antoi tapauksen henkilölle {agent}")
    public let unassigned = Phrase(en: "unassigned by {actor}", sv: "inte längre tilldelat, av {actor}", fi: "{actor} poisti vastuuhenkilön")
    public let prioritySet = Phrase(en: "priority set to {priority} by {actor}", sv: "prioritet satt till {priority} av {actor}", fi: "{actor} asetti prioriteetiksi {priority}")
    public let tagged = Phrase(en: "tagged {tags} by {actor}", sv: "taggat {tags} av {actor}", fi: "{actor} lisäsi tunnisteet {tags}")
    public let reopened = Phrase(en: "reopened by {actor}", sv: "öppnat igen av {actor}", fi: "{actor} avasi uudelleen")
    public let setPending = Phrase(en: "set pending by {actor}", sv: "satt som vilande av {actor}", fi: "{actor} asetti pitoon")
    public let solved = Phrase(en: "solved by {actor}", sv: "löst av {actor}", fi: "{actor} ratkaisi")
    public let rated = Phrase(en: "rated {score}/5 by the customer{credit}{comment}", sv: "kunden gav betyget {score}/5{credit}{comment}",
                              fi: "asiakas antoi arvion {score}/5{credit}{comment}")
    public let creditedTo = Phrase(en: " (credited to {agents})", sv: " (tillgodoräknas {agents})", fi: " (hyvitetään: {agents})")
    public let solvedOverOne = Phrase(en: "solved by {actor} with follow-up {ids} still open: {reason}", sv: "löst av {actor} med uppföljning {ids} fortfarande öppen: {reason}",
                                      fi: "{actor} ratkaisi, vaikka seuranta {ids} on yhä avoinna: {reason}")
    public let solvedOverMany = Phrase(en: "solved by {actor} with follow-ups {ids} still open: {reason}", sv: "löst av {actor} med uppföljningarna {ids} fortfarande öppna: {reason}",
                                       fi: "{actor} ratkaisi, vaikka seurannat {ids} ovat yhä avoinna: {reason}")
    public let code = Phrase(en: " (code {code})", sv: " (kod {code})", fi: " (koodi {code})")
    public let offerGiven = Phrase(en: "{offer} given by {actor}{code}: {reason}", sv: "{offer} given av {actor}{code}: {reason}", fi: "{actor} antoi: {offer}{code}: {reason}")
    public let offerRequested = Phrase(en: "{offer} asked by {actor} for approval ({request}): {reason} — {over}",
                                       sv: "{offer} begärd av {actor} för godkännande ({request}): {reason} — {over}",
                                       fi: "{actor} pyysi hyväksyntää ({request}): {offer}: {reason} — {over}")
    public let beyondAuthority = Phrase(en: "beyond authority", sv: "utöver befogenheten", fi: "valtuuksien yli")
    public let offerApproved = Phrase(en: "{offer} approved by {actor}{code}{note}", sv: "{offer} godkänd av {actor}{code}{note}", fi: "{actor} hyväksyi: {offer}{code}{note}")
    public let offerDeclined = Phrase(en: "{offer} declined by {actor}{code}{note}", sv: "{offer} avslagen av {actor}{code}{note}", fi: "{actor} hylkäsi: {offer}{code}{note}")
    public let wants = Phrase(en: "wants {item} when it is back{hold} (noted by {actor})", sv: "vill ha {item} när den är tillbaka{hold} (noterat av {actor})",
                              fi: "haluaa tuotteen {item}, kun sitä taas on{hold} ({actor} kirjasi)")
    public let toBeHeld = Phrase(en: ", to be held {hold}", sv: ", att reservera {hold}", fi: ", varataan {hold}")
    public let backTold = Phrase(en: "{item} is back: the customer was told{reserved}", sv: "{item} är tillbaka: kunden har fått veta{reserved}",
                                 fi: "{item} on taas saatavilla: asiakkaalle kerrottiin{reserved}")
    public let backCallThem = Phrase(en: "{item} is back: the customer was told (no e-mail address: call them){reserved}",
                                     sv: "{item} är tillbaka: kunden har fått veta (ingen e-postadress: ring dem){reserved}",
                                     fi: "{item} on taas saatavilla: asiakkaalle kerrottiin (ei sähköpostiosoitetta: soita){reserved}")
    public let reservedUntil = Phrase(en: "; reserved until {until}", sv: "; reserverad till {until}", fi: "; varattu {until} asti")
    public let lapsed = Phrase(en: "the reservation of {item} lapsed uncollected", sv: "reservationen av {item} gick ut utan att hämtas", fi: "varaus ({item}) raukesi noutamatta")
    public let madeItRight = Phrase(en: "made it right by {actor}: apology ({apology}), {offer}, follow-up #{id} to check",
                                    sv: "gottgjort av {actor}: ursäkt ({apology}), {offer}, uppföljning #{id} för att stämma av",
                                    fi: "{actor} korjasi asian: anteeksipyyntö ({apology}), {offer}, seuranta #{id} tarkistukseen")
    public let noGoodwillLeft = Phrase(en: "no goodwill left to give", sv: "inget utrymme kvar att ge", fi: "hyvitysvaraa ei ole jäljellä")

    // The customer's record at the top of the history pane (`CustomerHistory`)
    public let promisesToThem = Phrase(en: "promises to them: {parts}", sv: "löften till dem: {parts}", fi: "lupaukset heille: {parts}")
    public let promisesKept = Phrase(en: "{n} kept", sv: "{n} hållna", fi: "{n} pidetty")
    public let promisesKeptLate = Phrase(en: "{n} kept ({late} late)", sv: "{n} hållna ({late} sent)", fi: "{n} pidetty ({late} myöhässä)")
    public let promisesBroken = Phrase(en: "{n} broken", sv: "{n} brutna", fi: "{n} rikottu")
    public let promisesCancelled = Phrase(en: "{n} cancelled", sv: "{n} avbrutna", fi: "{n} peruttu")
    public let promisesOpen = Phrase(en: "{n} open", sv: "{n} öppna", fi: "{n} avoinna")
    public let goodwillToThem = Phrase(en: "goodwill to them: {listed}", sv: "gottgörelse till dem: {listed}", fi: "hyvitykset heille: {listed}")
    public let moneyInAll = Phrase(en: " (money in all: {sums})", sv: " (pengar totalt: {sums})", fi: " (rahaa yhteensä: {sums})")

    public init() {}

    public static let shared = ActivityWords()
}
