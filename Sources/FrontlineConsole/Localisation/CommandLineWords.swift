import FrontlineCore

/// What the command line's goodwill, stock, SLA and solutions commands print, in each language
/// (the console's own words for the same things are in `GoodwillWords`).
public struct CommandLineWords: Sendable {
    // frontline offer, approve, decline, make-it-right, approvals
    public let notAKind = Phrase(en: "{kind}: not a kind of offer; kinds: {kinds}", sv: "{kind}: inget slags erbjudande; slag: {kinds}", fi: "{kind}: ei hyvityksen laji; lajit: {kinds}")
    public let noValueForShipping = Phrase(en: "free shipping takes no value", sv: "fri frakt tar inget värde", fi: "ilmaisella toimituksella ei ole arvoa")
    public let givePercent = Phrase(en: "give the {kind}'s value: a percentage like 15%", sv: "ange värdet för {kind}: en procentsats som 15%", fi: "anna arvo ({kind}): prosentti, esim. 15%")
    public let giveAmount = Phrase(en: "give the {kind}'s value: an amount like 125.50 or \"EUR 12.50\"", sv: "ange värdet för {kind}: ett belopp som 125.50 eller \"EUR 12.50\"",
                                   fi: "anna arvo ({kind}): summa, esim. 125.50 tai \"EUR 12.50\"")
    public let giveItem = Phrase(en: "give the {kind}'s value: what is sent", sv: "ange värdet för {kind}: vad som skickas", fi: "anna arvo ({kind}): mitä lähetetään")
    public let offerGiven = Phrase(en: "{case}: {offer} given{code}", sv: "{case}: {offer} har getts{code}", fi: "{case}: annettu {offer}{code}")
    public let offerAsked = Phrase(en: "{case}: beyond your authority ({over}): asked the supervisors as {request}, answer due {due}",
                                   sv: "{case}: utöver din befogenhet ({over}): arbetsledarna tillfrågade som {request}, svar senast {due}",
                                   fi: "{case}: yli valtuuksiesi ({over}): pyydetty esihenkilöiltä nimellä {request}, vastaus viimeistään {due}")
    public let nothingChanged = Phrase(en: "{case}: nothing changed", sv: "{case}: inget ändrades", fi: "{case}: mikään ei muuttunut")
    public let approvalsWaiting = Phrase(en: "Approvals: {n} waiting", sv: "Godkännanden: {n} väntar", fi: "Hyväksynnät: {n} odottaa")
    public let dueIn = Phrase(en: "due in {left}", sv: "om {left}", fi: "erääntyy {left} päästä")
    public let why = Phrase(en: "           why: {reason} — {over}", sv: "           varför: {reason} — {over}", fi: "           miksi: {reason} — {over}")
    public let requestName = Phrase(en: "{text}: a request is named CASE/N, like C-1042/1 (frontline approvals lists them)",
                                    sv: "{text}: en begäran heter ÄRENDE/N, som C-1042/1 (frontline approvals listar dem)",
                                    fi: "{text}: pyynnön nimi on TAPAUS/N, esim. C-1042/1 (frontline approvals listaa ne)")
    public let approved = Phrase(en: "{request} approved: {offer}{code}; {agent} sees it now", sv: "{request} godkänd: {offer}{code}; {agent} ser det nu",
                                 fi: "{request} hyväksytty: {offer}{code}; {agent} näkee sen nyt")
    public let theAgent = Phrase(en: "the agent", sv: "agenten", fi: "agentti")
    public let declined = Phrase(en: "{request} declined", sv: "{request} avslagen", fi: "{request} hylätty")
    public let madeItRight = Phrase(en: "{case}: made it right: apology, {given}, check-in {due}", sv: "{case}: gottgjort: ursäkt, {given}, avstämning {due}",
                                    fi: "{case}: korjattu: anteeksipyyntö, {given}, tarkistus {due}")
    public let noGoodwill = Phrase(en: "no goodwill (no room left)", sv: "ingen gottgörelse (inget utrymme kvar)", fi: "ei hyvitystä (varaa ei ole jäljellä)")
    // frontline want, stock
    public let holdDuration = Phrase(en: "--hold: a duration like 2d or 48h", sv: "--hold: en tidslängd som 2d eller 48h", fi: "--hold: kesto, esim. 2d tai 48h")
    public let waitsFor = Phrase(en: "{case} waits for {item}", sv: "{case} väntar på {item}", fi: "{case} odottaa tuotetta {item}")
    public let toldByMail = Phrase(en: "{case}: told {name} by e-mail", sv: "{case}: {name} har fått veta via e-post", fi: "{case}: {name} sai tiedon sähköpostilla")
    public let toldCallThem = Phrase(en: "{case}: told {name} (no e-mail: call them)", sv: "{case}: {name} ska få veta (ingen e-post: ring dem)",
                                     fi: "{case}: {name} pitää kertoa (ei sähköpostia: soita)")
    public let reservedUntil = Phrase(en: ", {n} reserved until {until}", sv: ", {n} reserverade till {until}", fi: ", {n} varattu {until} asti")
    public let nobodyWaits = Phrase(en: "nobody waits for {item} (or wants more than {n})", sv: "ingen väntar på {item} (eller vill ha fler än {n})",
                                    fi: "kukaan ei odota tuotetta {item} (tai halua enempää kuin {n})")
    public let stockStanding = Phrase(en: "Waiting for stock: {waiting} · reserved: {reserved}", sv: "Väntar på lager: {waiting} · reserverade: {reserved}",
                                      fi: "Odottaa varastoa: {waiting} · varattu: {reserved}")
    public let reservedState = Phrase(en: "reserved until {until}", sv: "reserverad till {until}", fi: "varattu {until} asti")
    public let toldState = Phrase(en: "told", sv: "har fått veta", fi: "kerrottu")
    public let waitingSince = Phrase(en: "waiting since {since}", sv: "väntar sedan {since}", fi: "odottanut {since} alkaen")
    // frontline sla
    public let slaNow = Phrase(en: "{priority} SLA target is now {target}", sv: "SLA-målet för {priority} är nu {target}", fi: "SLA-tavoite ({priority}) on nyt {target}")
    public let slaTargetUnreadable = Phrase(en: "{target}: a target is a duration like 30m, 4h or 2d", sv: "{target}: ett mål är en tidslängd som 30m, 4h eller 2d",
                                            fi: "{target}: tavoite on kesto, esim. 30m, 4h tai 2d")
    public let setAtRunTime = Phrase(en: "set at run time", sv: "satt under drift", fi: "asetettu ajon aikana")
    public let fromConfig = Phrase(en: "config.toml [sla] or the default", sv: "config.toml [sla] eller standardvärdet", fi: "config.toml [sla] tai oletus")
    // frontline solutions
    public let noSolutionFits = Phrase(en: "no solution article fits {case}", sv: "ingen lösningsartikel passar {case}", fi: "mikään ratkaisuartikkeli ei sovi tapaukseen {case}")
    public let usedOn = Phrase(en: "used on {case}: {names}", sv: "använd på {case}: {names}", fi: "käytetty tapauksessa {case}: {names}")

    // frontline demo
    public let demoAdded = Phrase(en: "added {n} demo cases to {dir}", sv: "lade till {n} demoärenden i {dir}", fi: "lisättiin {n} esittelytapausta hakemistoon {dir}")

    public init() {}
}

extension Words {
    public static let commandLine = CommandLineWords()
}
