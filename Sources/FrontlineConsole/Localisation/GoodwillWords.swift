import Foundation
import FrontlineCore

/// What the console says about goodwill (offers, requests and their approval, making it right),
/// about items wished back in stock, and about solution articles and templates put into a reply,
/// in English, Swedish and Finnish. Kinds are named with `OfferKind.label(in:)`; amounts and
/// percentages are written as the desk writes money.
public struct GoodwillWords: Sendable {
    // The kind picker (`$`): the agent's room beside each kind
    public let goodwillFor = Phrase(en: "Goodwill for {name}", sv: "Gottgörelse för {name}", fi: "Hyvitys: {name}")
    // The value and the reason
    public let kindFor = Phrase(en: "{kind} for {case}", sv: "{kind} för {case}", fi: "{kind} tapaukselle {case}")
    public let percentExample = Phrase(en: "a percentage, like 10%", sv: "en procentsats, t.ex. 10%", fi: "prosentti, esim. 10%")
    public let moneyExample = Phrase(en: "an amount in {currency}, like 125.50 (or \"EUR 12.50\")", sv: "ett belopp i {currency}, t.ex. 125.50 (eller \"EUR 12.50\")",
                                     fi: "summa valuutassa {currency}, esim. 125.50 (tai \"EUR 12.50\")")
    public let itemExample = Phrase(en: "what is sent, like \"a new kettle\"", sv: "vad som skickas, t.ex. \"en ny vattenkokare\"", fi: "mitä lähetetään, esim. \"uusi vedenkeitin\"")
    public let whyKind = Phrase(en: "Why {kind} for {case}", sv: "Varför {kind} för {case}", fi: "Miksi {kind} tapaukselle {case}")
    public let whyKindValue = Phrase(en: "Why {kind} {value} for {case}", sv: "Varför {kind} {value} för {case}", fi: "Miksi {kind} {value} tapaukselle {case}")
    public let reasonHint = Phrase(en: "recorded on the case; the supervisors see it", sv: "noteras på ärendet; arbetsledarna ser det",
                                   fi: "kirjataan tapaukseen; esihenkilöt näkevät sen")
    public let percentAgain = Phrase(en: "a percentage from 1 to 100, like 10%", sv: "en procentsats från 1 till 100, t.ex. 10%", fi: "prosentti väliltä 1–100, esim. 10%")
    public let moneyAgain = Phrase(en: "an amount like 125.50, or EUR 12.50", sv: "ett belopp, t.ex. 125.50 eller EUR 12.50", fi: "summa, esim. 125.50 tai EUR 12.50")
    public let itemAgain = Phrase(en: "say what is sent", sv: "skriv vad som skickas", fi: "kerro, mitä lähetetään")
    public let reasonAgain = Phrase(en: "say why: the case and the supervisors keep it", sv: "skriv varför: ärendet och arbetsledarna sparar det",
                                    fi: "kerro miksi: se jää tapaukseen ja esihenkilöille")
    public let offered = Phrase(en: "{kind} on {case}", sv: "{kind} på {case}", fi: "{kind}: {case}")
    // `:offer KIND [VALUE] REASON`
    public let offerKinds = Phrase(en: "offer KIND [VALUE] REASON — kinds: {kinds}", sv: "offer KIND [VALUE] REASON — sorter: {kinds}", fi: "offer KIND [VALUE] REASON — lajit: {kinds}")
    public let offerPercent = Phrase(en: "offer {kind} VALUE REASON — VALUE like 10%", sv: "offer {kind} VALUE REASON — VALUE t.ex. 10%", fi: "offer {kind} VALUE REASON — VALUE esim. 10%")
    public let offerMoney = Phrase(en: "offer {kind} VALUE REASON — VALUE an amount like 125.50", sv: "offer {kind} VALUE REASON — VALUE ett belopp, t.ex. 125.50",
                                   fi: "offer {kind} VALUE REASON — VALUE summa, esim. 125.50")
    public let offerNeedsReason = Phrase(en: "offer {kind} needs a reason: the case and the supervisors keep it", sv: "offer {kind} kräver ett skäl: ärendet och arbetsledarna sparar det",
                                         fi: "offer {kind} tarvitsee perustelun: se jää tapaukseen ja esihenkilöille")
    // Once the store decided
    public let given = Phrase(en: "given: {offer}{code}, in the reply · room now: {left}", sv: "beviljat: {offer}{code}, i svaret · utrymme nu: {left}",
                              fi: "annettu: {offer}{code}, vastauksessa · liikkumavaraa nyt: {left}")
    public let soon = Phrase(en: "soon", sv: "snart", fi: "pian")
    public let beyondAuthority = Phrase(en: "beyond your authority", sv: "utöver din behörighet", fi: "yli valtuuksiesi")
    public let askedSupervisor = Phrase(en: "asked a supervisor: {request}, {offer}, answer due {due} · {over}", sv: "frågade en arbetsledare: {request}, {offer}, svar senast {due} · {over}",
                                        fi: "kysytty esihenkilöltä: {request}, {offer}, vastaus viimeistään {due} · {over}")
    public let approvedYours = Phrase(en: "{who} approved {request}, {offer}{said} — it is in your reply to {case}", sv: "{who} godkände {request}, {offer}{said} — det finns i ditt svar på {case}",
                                      fi: "{who} hyväksyi {request}, {offer}{said} — se on vastauksessasi tapaukseen {case}")
    public let declinedYours = Phrase(en: "{who} declined {request}, {offer}{said}", sv: "{who} avslog {request}, {offer}{said}", fi: "{who} hylkäsi {request}, {offer}{said}")
    // Approvals (`y`, `d`)
    public let noRequest = Phrase(en: "{case} has no request waiting for approval", sv: "{case} har ingen begäran som väntar på godkännande",
                                  fi: "tapauksella {case} ei ole hyväksyntää odottavaa pyyntöä")
    public let noRequestView = Phrase(en: "{case} has no request waiting for approval (view 8 lists them)", sv: "{case} har ingen begäran som väntar på godkännande (vy 8 listar dem)",
                                      fi: "tapauksella {case} ei ole hyväksyntää odottavaa pyyntöä (näkymä 8 listaa ne)")
    public let ownRequest = Phrase(en: "nobody approves their own request: {request} is yours; another supervisor answers it",
                                   sv: "ingen godkänner sin egen begäran: {request} är din; en annan arbetsledare svarar på den",
                                   fi: "omaa pyyntöä ei hyväksytä itse: {request} on sinun; toinen esihenkilö vastaa siihen")
    public let requestBy = Phrase(en: "{request}: {offer} for {agent}", sv: "{request}: {offer} för {agent}", fi: "{request}: {offer}, pyytäjä {agent}")
    public let approvePrompt = Phrase(en: "Approve {what} — note", sv: "Godkänn {what} — anteckning", fi: "Hyväksy {what} — huomautus")
    public let declinePrompt = Phrase(en: "Decline {what} because", sv: "Avslå {what} eftersom", fi: "Hylkää {what}, koska")
    public let approveHint = Phrase(en: "optional; Enter approves · {reason}", sv: "valfritt; Enter godkänner · {reason}", fi: "vapaaehtoinen; Enter hyväksyy · {reason}")
    public let declineHint = Phrase(en: "required: {agent} reads it", sv: "krävs: {agent} läser det", fi: "pakollinen: {agent} lukee sen")
    public let declineAgain = Phrase(en: "say why it is declined: the agent reads it", sv: "skriv varför den avslås: agenten läser det", fi: "kerro, miksi se hylätään: agentti lukee sen")
    public let declineUsage = Phrase(en: "decline REASON — the agent reads it", sv: "decline REASON — agenten läser det", fi: "decline REASON — agentti lukee sen")
    public let approvedDone = Phrase(en: "{request} approved; the agent sees it now", sv: "{request} godkänd; agenten ser det nu", fi: "{request} hyväksytty; agentti näkee sen nyt")
    public let declinedDone = Phrase(en: "{request} declined; the agent sees it now", sv: "{request} avslagen; agenten ser det nu", fi: "{request} hylätty; agentti näkee sen nyt")
    // Make it right (`m`)
    public let madeItRight = Phrase(en: "made it right on {case}", sv: "gottgjort på {case}", fi: "{case}: asia korjattu")
    public let madeItRightWith = Phrase(en: "made it right on {case}: apology, {given}, check-in {when} — in the reply",
                                        sv: "gottgjort på {case}: ursäkt, {given}, avstämning {when} — i svaret",
                                        fi: "{case}: asia korjattu — anteeksipyyntö, {given}, tarkistus {when}, vastauksessa")
    public let noRoom = Phrase(en: "no {kind} (no room left: $ asks a supervisor)", sv: "{kind}: inget utrymme kvar ($ frågar en arbetsledare)",
                               fi: "{kind}: ei liikkumavaraa ($ kysyy esihenkilöltä)")
    // The offers in the history pane
    public let validTo = Phrase(en: ", code {code} valid to {when}", sv: ", kod {code} giltig till {when}", fi: ", koodi {code}, voimassa {when} asti")
    public let givenBy = Phrase(en: "{offer} given by {by}{code}: {why}", sv: "{offer} gavs av {by}{code}: {why}", fi: "{offer}, antoi {by}{code}: {why}")
    public let overdue = Phrase(en: "OVERDUE {late}", sv: "FÖRSENAD {late}", fi: "MYÖHÄSSÄ {late}")
    public let due = Phrase(en: "due {when}", sv: "senast {when}", fi: "viimeistään {when}")
    public let awaiting = Phrase(en: "{offer} asked by {by}, awaiting approval as {request} ({due}): {why} — {over}",
                                 sv: "{by} bad om {offer}, väntar på godkännande som {request} ({due}): {why} — {over}",
                                 fi: "{by} pyysi: {offer}, odottaa hyväksyntää pyyntönä {request} ({due}): {why} — {over}")
    public let approvedBy = Phrase(en: "{offer} asked by {by}, approved by {answerer}{code}: {why}{note}", sv: "{by} bad om {offer}, {answerer} godkände{code}: {why}{note}",
                                   fi: "{by} pyysi: {offer}, {answerer} hyväksyi{code}: {why}{note}")
    public let declinedBy = Phrase(en: "{offer} asked by {by}, declined by {answerer}{code}: {why}{note}", sv: "{by} bad om {offer}, {answerer} avslog{code}: {why}{note}",
                                   fi: "{by} pyysi: {offer}, {answerer} hylkäsi{code}: {why}{note}")

    // Back in stock (`w`, `:want`)
    public let wantsWhenBack = Phrase(en: "{name} wants, when it is back", sv: "{name} vill ha, när den är tillbaka", fi: "{name} haluaa, kun tuote palaa")
    public let wantHint = Phrase(en: "ITEM [QUANTITY] [hold DURATION], e.g. TV-55X 1 hold 2d · a promise: view 9 lists who waits",
                                 sv: "ITEM [QUANTITY] [hold DURATION], t.ex. TV-55X 1 hold 2d · ett löfte: vy 9 listar vem som väntar",
                                 fi: "ITEM [QUANTITY] [hold DURATION], esim. TV-55X 1 hold 2d · lupaus: näkymä 9 listaa odottajat")
    public let wantUsage = Phrase(en: "want ITEM [QUANTITY] [hold DURATION], e.g. want TV-55X 1 hold 2d", sv: "want ITEM [QUANTITY] [hold DURATION], t.ex. want TV-55X 1 hold 2d",
                                  fi: "want ITEM [QUANTITY] [hold DURATION], esim. want TV-55X 1 hold 2d")
    public let quantityRange = Phrase(en: "a quantity is 1 to 1000", sv: "antalet är 1 till 1000", fi: "määrä on 1–1000")
    public let holdHowLong = Phrase(en: "hold for how long: hold 2d, hold 48h", sv: "hur länge ska den hållas: hold 2d, hold 48h", fi: "kuinka kauan varataan: hold 2d, hold 48h")
    public let waitsFor = Phrase(en: "{case} waits for {what}{held}: they are told when it is back", sv: "{case} väntar på {what}{held}: kunden får veta när den är i lager igen",
                                 fi: "{case} odottaa: {what}{held}; asiakas saa tiedon, kun se on taas varastossa")
    public let heldOnceBack = Phrase(en: " (held {age} once back)", sv: " (hålls {age} när den är tillbaka)", fi: " (varataan {age}, kun se palaa)")

    // Solution articles (`u`, `:solution`)
    public let noSolutionFits = Phrase(en: "no solution article fits {case}; :solution NAME puts one in by name (frontline solutions lists them)",
                                       sv: "ingen lösningsartikel passar {case}; :solution NAME lägger in en med namn (frontline solutions listar dem)",
                                       fi: "mikään ratkaisuartikkeli ei sovi tapaukseen {case}; :solution NAME lisää artikkelin nimellä (frontline solutions listaa ne)")
    public let solutionFor = Phrase(en: "A solution for {case} ({language})", sv: "En lösning för {case} ({language})", fi: "Ratkaisu tapaukseen {case} ({language})")
    public let solutionPut = Phrase(en: "solution {name} ({language}) put in the reply and recorded on {case}", sv: "lösningen {name} ({language}) inlagd i svaret och noterad på {case}",
                                    fi: "ratkaisu {name} ({language}) lisätty vastaukseen ja kirjattu tapaukseen {case}")
    public let noSolutionNamed = Phrase(en: "no solution \"{name}\"; articles: {names}", sv: "ingen lösning \"{name}\"; artiklar: {names}", fi: "ei ratkaisua \"{name}\"; artikkelit: {names}")

    // Templates (`i`, `:template`)
    public let templateFor = Phrase(en: "Template for {case}'s reply", sv: "Mall för svaret på {case}", fi: "Mallipohja vastaukseen: {case}")
    public let noTemplateMatches = Phrase(en: "no template matches \"{text}\"", sv: "ingen mall matchar \"{text}\"", fi: "mikään mallipohja ei vastaa hakua \"{text}\"")
    public let templateUsage = Phrase(en: "template NAME — or press i to choose from the list", sv: "template NAME — eller tryck i för att välja i listan",
                                      fi: "template NAME — tai valitse listasta painamalla i")
    public let templatePut = Phrase(en: "template {name} ({language}) put in the reply", sv: "mallen {name} ({language}) inlagd i svaret",
                                    fi: "mallipohja {name} ({language}) lisätty vastaukseen")
}

extension Words {
    public static let goodwill = GoodwillWords()
}
