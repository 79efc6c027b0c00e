import FrontlineCore

/// The report's labels and the words in its values, in English, Swedish and Finnish.
public struct ReportWords: Sendable {
    public let received = Phrase(en: "received", sv: "inkomna", fi: "saapuneet")
    public let solved = Phrase(en: "solved", sv: "lösta", fi: "ratkaistut")
    public let firstResponseMedian = Phrase(en: "first response median", sv: "första svar, median", fi: "ensivastaus, mediaani")
    public let firstResponseP90 = Phrase(en: "first response p90", sv: "första svar, p90", fi: "ensivastaus, p90")
    public let sla = Phrase(en: "SLA {priority} ({target})", sv: "SLA {priority} ({target})", fi: "SLA {priority} ({target})")
    public let slaValue = Phrase(en: "{percent} ({met} met, {missed} missed)", sv: "{percent} ({met} i tid, {missed} missade)", fi: "{percent} ({met} ajallaan, {missed} myöhässä)")
    public let resolutionMedian = Phrase(en: "resolution median", sv: "lösningstid, median", fi: "ratkaisuaika, mediaani")
    public let resolutionP90 = Phrase(en: "resolution p90", sv: "lösningstid, p90", fi: "ratkaisuaika, p90")
    public let oneTouch = Phrase(en: "one-touch resolution", sv: "löst med ett svar", fi: "ratkaistu yhdellä vastauksella")
    public let reopened = Phrase(en: "reopened", sv: "öppnade igen", fi: "avattu uudelleen")
    public let backlog = Phrase(en: "backlog now", sv: "kö nu", fi: "jono nyt")
    public let promises = Phrase(en: "promises", sv: "löften", fi: "lupaukset")
    public let promisesValue = Phrase(en: "kept {onTime} on time, {late} late; broken {broken}; cancelled {cancelled}; open {open}",
                               sv: "hållna {onTime} i tid, {late} sent; brutna {broken}; avbrutna {cancelled}; öppna {open}",
                               fi: "pidetty {onTime} ajallaan, {late} myöhässä; rikottu {broken}; peruttu {cancelled}; avoinna {open}")
    public let complaints = Phrase(en: "complaints", sv: "klagomål", fi: "valitukset")
    public let recovered = Phrase(en: "complaints recovered", sv: "klagomål återvunna", fi: "valituksista palautetut")
    public let recoveredValue = Phrase(en: "{share} — target {target}", sv: "{share} — mål {target}", fi: "{share} — tavoite {target}")
    public let firstRecovery = Phrase(en: "first recovery action", sv: "första gottgörelse", fi: "ensimmäinen hyvitystoimi")
    public let medianValue = Phrase(en: "median {value}", sv: "median {value}", fi: "mediaani {value}")
    public let apologies = Phrase(en: "apologies", sv: "ursäkter", fi: "anteeksipyynnöt")
    public let escalations = Phrase(en: "escalations", sv: "eskaleringar", fi: "eskaloinnit")
    public let goodwill = Phrase(en: "goodwill given", sv: "goodwill given", fi: "annetut hyvitykset")
    public let approvals = Phrase(en: "approvals", sv: "godkännanden", fi: "hyväksynnät")
    public let approvalsValue = Phrase(en: "asked {asked}: granted {granted}, declined {declined}, open {open}; wait median {wait}",
                                sv: "begärda {asked}: beviljade {granted}, avslagna {declined}, öppna {open}; väntan median {wait}",
                                fi: "pyydetty {asked}: myönnetty {granted}, hylätty {declined}, avoinna {open}; odotus mediaani {wait}")
    public let ratings = Phrase(en: "ratings", sv: "betyg", fi: "arviot")
    public let ratingsValue = Phrase(en: "{n}, average {average}, good {good}", sv: "{n}, snitt {average}, bra {good}", fi: "{n}, keskiarvo {average}, hyviä {good}")
    public let feedback = Phrase(en: "feedback answered", sv: "enkäter besvarade", fi: "palautekyselyihin vastattu")
    public let reviews = Phrase(en: "reviews", sv: "granskningar", fi: "arvioinnit")
    public let reviewsValue = Phrase(en: "{n}: praised {praised}, coached {coached}; critical missed {critical}",
                              sv: "{n}: beröm {praised}, coachning {coached}; kritiska missar {critical}",
                              fi: "{n}: kehuttu {praised}, valmennettu {coached}; kriittisiä puutteita {critical}")
    public let quality = Phrase(en: "quality score", sv: "kvalitetspoäng", fi: "laatupisteet")
    public let qualityValue = Phrase(en: "{score} of 100", sv: "{score} av 100", fi: "{score}/100")
    public let answered = Phrase(en: "reviews answered", sv: "granskningar besvarade", fi: "arviointeihin vastattu")
    public let answeredValue = Phrase(en: "acknowledged {ack}, disputed {disputed}, not yet {unanswered}", sv: "bekräftade {ack}, bestridda {disputed}, ännu inte {unanswered}",
                               fi: "kuitattu {ack}, kiistetty {disputed}, ei vielä {unanswered}")
    public let actions = Phrase(en: "action items", sv: "åtgärdspunkter", fi: "toimenpiteet")
    public let actionsValue = Phrase(en: "done {onTime} on time, {late} late; overdue {overdue}; open {open}", sv: "klara {onTime} i tid, {late} sent; försenade {overdue}; öppna {open}",
                              fi: "tehty {onTime} ajallaan, {late} myöhässä; myöhässä {overdue}; avoinna {open}")
    public let none = Phrase(en: "none", sv: "inga", fi: "ei yhtään")
    public let shareOf = Phrase(en: "{percent} ({count} of {of})", sv: "{percent} ({count} av {of})", fi: "{percent} ({count}/{of})")
    public let report = Phrase(en: "Report {since} – {until}", sv: "Rapport {since} – {until}", fi: "Raportti {since} – {until}")
    public let by = Phrase(en: " by {by}", sv: " per {by}", fi: " ryhmittäin: {by}")
    public let csvHeader = Phrase(en: "group,figure,value", sv: "grupp,mått,värde", fi: "ryhmä,luku,arvo")
    // The Reports screen
    public let screenTitle = Phrase(en: " Reports · the last {days} days · as of {time} ", sv: " Rapporter · de senaste {days} dagarna · per {time} ",
                             fi: " Raportit · viimeiset {days} päivää · klo {time} ")
    public let receivedPerDay = Phrase(en: "received per day", sv: "inkomna per dag", fi: "saapuneet päivittäin")
    public let solvedPerDay = Phrase(en: "solved per day", sv: "lösta per dag", fi: "ratkaistut päivittäin")
    public let inAll = Phrase(en: "{spark}  {total} in all, {today} today", sv: "{spark}  {total} totalt, {today} i dag", fi: "{spark}  yhteensä {total}, tänään {today}")
    public let theLine = Phrase(en: "{bar} {share} — the line is 70%", sv: "{bar} {share} — gränsen är 70 %", fi: "{bar} {share} — raja on 70 %")
    public let screenFooter = Phrase(en: "frontline report --by agent|priority|channel|tag for more · any key closes",
                              sv: "frontline report --by agent|priority|channel|tag för mer · valfri tangent stänger",
                              fi: "frontline report --by agent|priority|channel|tag kertoo lisää · mikä tahansa näppäin sulkee")
}

extension Words {
    public static let report = ReportWords()
}
