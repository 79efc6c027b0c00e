/// The report's labels and the words in its values, in English, Swedish and Finnish.
public struct ReportWords: Sendable {
    let received = Phrase(en: "received", sv: "inkomna", fi: "saapuneet")
    let solved = Phrase(en: "solved", sv: "lösta", fi: "ratkaistut")
    let firstResponseMedian = Phrase(en: "first response median", sv: "första svar, median", fi: "ensivastaus, mediaani")
    let firstResponseP90 = Phrase(en: "first response p90", sv: "första svar, p90", fi: "ensivastaus, p90")
    let sla = Phrase(en: "SLA {priority} ({target})", sv: "SLA {priority} ({target})", fi: "SLA {priority} ({target})")
    let slaValue = Phrase(en: "{percent} ({met} met, {missed} missed)", sv: "{percent} ({met} i tid, {missed} missade)", fi: "{percent} ({met} ajallaan, {missed} myöhässä)")
    let resolutionMedian = Phrase(en: "resolution median", sv: "lösningstid, median", fi: "ratkaisuaika, mediaani")
    let resolutionP90 = Phrase(en: "resolution p90", sv: "lösningstid, p90", fi: "ratkaisuaika, p90")
    let oneTouch = Phrase(en: "one-touch resolution", sv: "löst med ett svar", fi: "ratkaistu yhdellä vastauksella")
    let reopened = Phrase(en: "reopened", sv: "öppnade igen", fi: "avattu uudelleen")
    let backlog = Phrase(en: "backlog now", sv: "kö nu", fi: "jono nyt")
    let promises = Phrase(en: "promises", sv: "löften", fi: "lupaukset")
    let promisesValue = Phrase(en: "kept {onTime} on time, {late} late; broken {broken}; cancelled {cancelled}; open {open}",
                               sv: "hållna {onTime} i tid, {late} sent; brutna {broken}; avbrutna {cancelled}; öppna {open}",
                               fi: "pidetty {onTime} ajallaan, {late} myöhässä; rikottu {broken}; peruttu {cancelled}; avoinna {open}")
    let complaints = Phrase(en: "complaints", sv: "klagomål", fi: "valitukset")
    let recovered = Phrase(en: "complaints recovered", sv: "klagomål återvunna", fi: "valituksista palautetut")
    let recoveredValue = Phrase(en: "{share} — target {target}", sv: "{share} — mål {target}", fi: "{share} — tavoite {target}")
    let firstRecovery = Phrase(en: "first recovery action", sv: "första gottgörelse", fi: "ensimmäinen hyvitystoimi")
    let medianValue = Phrase(en: "median {value}", sv: "median {value}", fi: "mediaani {value}")
    let apologies = Phrase(en: "apologies", sv: "ursäkter", fi: "anteeksipyynnöt")
    let escalations = Phrase(en: "escalations", sv: "eskaleringar", fi: "eskaloinnit")
    let goodwill = Phrase(en: "goodwill given", sv: "goodwill given", fi: "annetut hyvitykset")
    let approvals = Phrase(en: "approvals", sv: "godkännanden", fi: "hyväksynnät")
    let approvalsValue = Phrase(en: "asked {asked}: granted {granted}, declined {declined}, open {open}; wait median {wait}",
                                sv: "begärda {asked}: beviljade {granted}, avslagna {declined}, öppna {open}; väntan median {wait}",
                                fi: "pyydetty {asked}: myönnetty {granted}, hylätty {declined}, avoinna {open}; odotus mediaani {wait}")
    let ratings = Phrase(en: "ratings", sv: "betyg", fi: "arviot")
    let ratingsValue = Phrase(en: "{n}, average {average}, good {good}", sv: "{n}, snitt {average}, bra {good}", fi: "{n}, keskiarvo {average}, hyviä {good}")
    let feedback = Phrase(en: "feedback answered", sv: "enkäter besvarade", fi: "palautekyselyihin vastattu")
    let reviews = Phrase(en: "reviews", sv: "granskningar", fi: "arvioinnit")
    let reviewsValue = Phrase(en: "{n}: praised {praised}, coached {coached}; critical missed {critical}",
                              sv: "{n}: beröm {praised}, coachning {coached}; kritiska missar {critical}",
                              fi: "{n}: kehuttu {praised}, valmennettu {coached}; kriittisiä puutteita {critical}")
    let quality = Phrase(en: "quality score", sv: "kvalitetspoäng", fi: "laatupisteet")
    let qualityValue = Phrase(en: "{score} of 100", sv: "{score} av 100", fi: "{score}/100")
    let answered = Phrase(en: "reviews answered", sv: "granskningar besvarade", fi: "arviointeihin vastattu")
    let answeredValue = Phrase(en: "acknowledged {ack}, disputed {disputed}, not yet {unanswered}", sv: "bekräftade {ack}, bestridda {disputed}, ännu inte {unanswered}",
                               fi: "kuitattu {ack}, kiistetty {disputed}, ei vielä {unanswered}")
    let actions = Phrase(en: "action items", sv: "åtgärdspunkter", fi: "toimenpiteet")
    let actionsValue = Phrase(en: "done {onTime} on time, {late} late; overdue {overdue}; open {open}", sv: "klara {onTime} i tid, {late} sent; försenade {overdue}; öppna {open}",
                              fi: "tehty {onTime} ajallaan, {late} myöhässä; myöhässä {overdue}; avoinna {open}")
    let none = Phrase(en: "none", sv: "inga", fi: "ei yhtään")
    let shareOf = Phrase(en: "{percent} ({count} of {of})", sv: "{percent} ({count} av {of})", fi: "{percent} ({count}/{of})")
    let report = Phrase(en: "Report {since} – {until}", sv: "Rapport {since} – {until}", fi: "Raportti {since} – {until}")
    let by = Phrase(en: " by {by}", sv: " per {by}", fi: " ryhmittäin: {by}")
    let csvHeader = Phrase(en: "group,figure,value", sv: "grupp,mått,värde", fi: "ryhmä,luku,arvo")
    // The Reports screen
    let screenTitle = Phrase(en: " Reports · the last {days} days · as of {time} ", sv: " Rapporter · de senaste {days} dagarna · per {time} ",
                             fi: " Raportit · viimeiset {days} päivää · klo {time} ")
    let receivedPerDay = Phrase(en: "received per day", sv: "inkomna per dag", fi: "saapuneet päivittäin")
    let solvedPerDay = Phrase(en: "solved per day", sv: "lösta per dag", fi: "ratkaistut päivittäin")
    let inAll = Phrase(en: "{spark}  {total} in all, {today} today", sv: "{spark}  {total} totalt, {today} i dag", fi: "{spark}  yhteensä {total}, tänään {today}")
    let theLine = Phrase(en: "{bar} {share} — the line is 70%", sv: "{bar} {share} — gränsen är 70 %", fi: "{bar} {share} — raja on 70 %")
    let screenFooter = Phrase(en: "frontline report --by agent|priority|channel|tag for more · any key closes",
                              sv: "frontline report --by agent|priority|channel|tag för mer · valfri tangent stänger",
                              fi: "frontline report --by agent|priority|channel|tag kertoo lisää · mikä tahansa näppäin sulkee")
}

extension Words {
    public static let report = ReportWords()
}
