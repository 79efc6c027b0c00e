import FrontlineCore

/// What the console's panes, status line and overlays say, in English, Swedish and Finnish.
/// Stored properties, so `WordsTests` can look at every one (`Mirror`).
public struct ConsoleWords: Sendable {
    // The queue pane
    public let oldest = Phrase(en: "oldest {age}", sv: "äldsta {age}", fi: "vanhin {age}")
    public let searching = Phrase(en: "search \"{text}\"", sv: "sökning \"{text}\"", fi: "haku \"{text}\"")
    public let nothingHere = Phrase(en: "Nothing here. Well done.", sv: "Inget här. Bra jobbat.", fi: "Ei mitään. Hyvää työtä.")
    public let buildingIndex = Phrase(en: "Building the search index… the results follow in a moment.",
                               sv: "Sökindexet byggs… resultaten kommer strax.", fi: "Hakuhakemistoa rakennetaan… tulokset tulevat hetken päästä.")
    public let noMatch = Phrase(en: "No case matches the search. Esc clears it.", sv: "Inget ärende matchar sökningen. Esc rensar den.",
                         fi: "Yksikään tapaus ei vastaa hakua. Esc tyhjentää sen.")
    public let overdue = Phrase(en: "OVERDUE", sv: "FÖRSENAD", fi: "MYÖHÄSSÄ")
    public let broken = Phrase(en: "BROKEN", sv: "BRUTEN", fi: "RIKOTTU")
    public let dueIn = Phrase(en: "in {age}", sv: "om {age}", fi: "{age} päästä")
    public let failedMail = Phrase(en: "✉ FAILED", sv: "✉ MISSLYCKAD", fi: "✉ EPÄONNISTUI")
    public let unverified = Phrase(en: "⚠ unverified", sv: "⚠ overifierad", fi: "⚠ varmistamaton")

    // The reply pane
    public let replyTitle = Phrase(en: "Reply", sv: "Svar", fi: "Vastaus")
    public let replyTo = Phrase(en: "Reply to {case} · {name} · {language}", sv: "Svar till {case} · {name} · {language}", fi: "Vastaus: {case} · {name} · {language}")
    public let draftUnsaved = Phrase(en: "· draft (unsaved) ", sv: "· utkast (ej sparat) ", fi: "· luonnos (tallentamatta) ")
    public let draftSaved = Phrase(en: "· draft saved ", sv: "· utkast sparat ", fi: "· luonnos tallennettu ")
    public let isReplying = Phrase(en: "⚠ {who} is replying", sv: "⚠ {who} svarar", fi: "⚠ {who} vastaa")
    public let areReplying = Phrase(en: "⚠ {who} are replying", sv: "⚠ {who} svarar", fi: "⚠ {who} vastaavat")
    public let viewing = Phrase(en: "{who} viewing", sv: "{who} tittar", fi: "{who} katsoo")
    public let replyHint = Phrase(en: "r write a reply · a apologise · Ctrl-E in $EDITOR · Ctrl-S sends",
                           sv: "r skriv ett svar · a be om ursäkt · Ctrl-E i $EDITOR · Ctrl-S skickar",
                           fi: "r kirjoita vastaus · a pahoittele · Ctrl-E $EDITORissa · Ctrl-S lähettää")
    public let solutionsFit = Phrase(en: "solutions that fit: {names} — u puts one in", sv: "lösningar som passar: {names} — u lägger in en",
                              fi: "sopivat ratkaisut: {names} — u lisää yhden")
    public let editorKeys = Phrase(en: " Ctrl-S send · Esc back to queue · Ctrl-E $EDITOR · Ctrl-W delete word ",
                            sv: " Ctrl-S skicka · Esc tillbaka till kön · Ctrl-E $EDITOR · Ctrl-W radera ord ",
                            fi: " Ctrl-S lähetä · Esc takaisin jonoon · Ctrl-E $EDITOR · Ctrl-W poista sana ")

    // The history pane
    public let english = Phrase(en: "English", sv: "engelska", fi: "englanti")
    public let swedish = Phrase(en: "Swedish", sv: "svenska", fi: "ruotsi")
    public let finnish = Phrase(en: "Finnish", sv: "finska", fi: "suomi")
    public let earlierCases = Phrase(en: "── Earlier cases ", sv: "── Tidigare ärenden ", fi: "── Aiemmat tapaukset ")
    public let messageCut = Phrase(en: "  … message cut here; `frontline show {case}` prints it whole", sv: "  … meddelandet kortas här; `frontline show {case}` skriver ut hela",
                            fi: "  … viesti katkaistu; `frontline show {case}` tulostaa sen kokonaan")
    public let tShows = Phrase(en: " (T shows)", sv: " (T visar)", fi: " (T näyttää)")
    public let noteBy = Phrase(en: "note {who}: ", sv: "anteckning {who}: ", fi: "muistio {who}: ")
    public let historyTitle = Phrase(en: "History", sv: "Historik", fi: "Historia")
    public let customerSince = Phrase(en: "{name} · {language} · customer since {year}", sv: "{name} · {language} · kund sedan {year}",
                               fi: "{name} · {language} · asiakas vuodesta {year}")
    public let oneCase = Phrase(en: "1 case ({earlier} earlier)", sv: "1 ärende ({earlier} tidigare)", fi: "1 tapaus ({earlier} aiempaa)")
    public let cases = Phrase(en: "{n} cases ({earlier} earlier)", sv: "{n} ärenden ({earlier} tidigare)", fi: "{n} tapausta ({earlier} aiempaa)")
    public let lastContact = Phrase(en: "last contact {when}", sv: "senaste kontakt {when}", fi: "viimeksi yhteydessä {when}")
    public let theirRatings = Phrase(en: "their ratings of us, oldest first: {scores}", sv: "deras betyg på oss, äldst först: {scores}",
                              fi: "heidän arvionsa meistä, vanhin ensin: {scores}")
    public let last = Phrase(en: "Last ({case}) ", sv: "Senast ({case}) ", fi: "Viimeksi ({case}) ")
    public let unassigned = Phrase(en: "unassigned", sv: "ej tilldelad", fi: "ei vastuuhenkilöä")
    public let opened = Phrase(en: "opened {when}", sv: "öppnad {when}", fi: "avattu {when}")
    public let slaBreached = Phrase(en: "waiting {age} · SLA breached {late} ago", sv: "väntar {age} · SLA bröts för {late} sedan",
                             fi: "odottanut {age} · SLA ylittyi {late} sitten")
    public let slaDue = Phrase(en: "waiting {age} · SLA due in {left}", sv: "väntar {age} · SLA om {left}", fi: "odottanut {age} · SLA {left} päästä")
    public let escalatedBy = Phrase(en: "⚑ escalated to {level} by {who}, {when}: ", sv: "⚑ eskalerad till {level} av {who}, {when}: ",
                             fi: "⚑ eskaloitu: {level}, {who}, {when}: ")
    public let followUpCancelled = Phrase(en: "✗ follow-up cancelled: ", sv: "✗ uppföljning avbruten: ", fi: "✗ seuranta peruttu: ")
    public let followUpDone = Phrase(en: "✓ follow-up done: ", sv: "✓ uppföljning klar: ", fi: "✓ seuranta tehty: ")
    public let followUpDoneLate = Phrase(en: "✓ follow-up done late: ", sv: "✓ uppföljning klar sent: ", fi: "✓ seuranta tehty myöhässä: ")
    public let followUpOverdue = Phrase(en: "⏰ {broken}OVERDUE {late} (was due {when}{unless}): ", sv: "⏰ {broken}FÖRSENAD {late} (skulle ske {when}{unless}): ",
                                 fi: "⏰ {broken}MYÖHÄSSÄ {late} (piti tehdä {when}{unless}): ")
    public let brokenComma = Phrase(en: "BROKEN, ", sv: "BRUTEN, ", fi: "RIKOTTU, ")
    public let followUpDue = Phrase(en: "⏰ due {when}{unless}: ", sv: "⏰ senast {when}{unless}: ", fi: "⏰ viimeistään {when}{unless}: ")
    public let unlessTheyAnswer = Phrase(en: " unless they answer", sv: " om de inte svarar", fi: " elleivät he vastaa")
    public let waitingOn = Phrase(en: ", waiting on {party}", sv: ", väntar på {party}", fi: ", odottaa: {party}")
    public let rated = Phrase(en: "★ rated {score}/5, {when}{credit}: ", sv: "★ betyg {score}/5, {when}{credit}: ", fi: "★ arvio {score}/5, {when}{credit}: ")
    public let creditedTo = Phrase(en: " (credited to {who})", sv: " (tillskrivs {who})", fi: " (hyvitetään: {who})")
    public let noComment = Phrase(en: "no comment", sv: "ingen kommentar", fi: "ei kommenttia")
    public let apologised = Phrase(en: "apologised: ", sv: "bett om ursäkt: ", fi: "pahoiteltu: ")
    public let endUp = Phrase(en: " end · K up ", sv: " slut · K upp ", fi: " loppu · K ylös ")
    public let jMore = Phrase(en: " J more ↓ ", sv: " J mer ↓ ", fi: " J lisää ↓ ")

    // The status line and overlays
    public let send = Phrase(en: "send", sv: "skicka", fi: "lähetä")
    public let queue = Phrase(en: "queue", sv: "kön", fi: "jono")
    public let help = Phrase(en: "help", sv: "hjälp", fi: "ohje")
    public let overdueCount = Phrase(en: " ⏰ {n} overdue ", sv: " ⏰ {n} försenade ", fi: " ⏰ {n} myöhässä ")
    public let asItWas = Phrase(en: " ⏪ as it was at {when} · read-only ", sv: " ⏪ som det var {when} · skrivskyddat ", fi: " ⏪ tilanne {when} · vain luku ")
    public let room = Phrase(en: " room: {room} ", sv: " utrymme: {room} ", fi: " liikkumavara: {room} ")
    public let pickerFooter = Phrase(en: " digit or ↑↓ Enter · Esc cancels ", sv: " siffra eller ↑↓ Enter · Esc avbryter ", fi: " numero tai ↑↓ Enter · Esc peruu ")
    public let keysTitle = Phrase(en: " Keys ", sv: " Tangenter ", fi: " Näppäimet ")
    public let editorKeysTitle = Phrase(en: " Keys in the reply editor ", sv: " Tangenter i svarsrutan ", fi: " Vastausruudun näppäimet ")
    public let anyKeyCloses = Phrase(en: " any key closes ", sv: " valfri tangent stänger ", fi: " mikä tahansa näppäin sulkee ")
    public let andMore = Phrase(en: "… and {n} more: {keys} (a taller terminal shows them all)", sv: "… och {n} till: {keys} (en högre terminal visar alla)",
                         fi: "… ja {n} muuta: {keys} (korkeampi pääte näyttää kaikki)")
    public let tooSmall = Phrase(en: "terminal too small", sv: "terminalen är för liten", fi: "pääte on liian pieni")
    public let need = Phrase(en: "{size}, need {need}", sv: "{size}, behöver {need}", fi: "{size}, tarvitaan {need}")
    public let qQuits = Phrase(en: "q quits", sv: "q avslutar", fi: "q lopettaa")
    // The reply editor's keys (help in the reply pane)
    public let sendReply = Phrase(en: "send the reply", sv: "skicka svaret", fi: "lähetä vastaus")
    public let backToQueue = Phrase(en: "back to the queue (the draft is kept)", sv: "tillbaka till kön (utkastet sparas)", fi: "takaisin jonoon (luonnos säilyy)")
    public let continueInEditor = Phrase(en: "continue in $VISUAL / $EDITOR", sv: "fortsätt i $VISUAL / $EDITOR", fi: "jatka $VISUAL- / $EDITOR-ohjelmassa")
    public let moveWrapped = Phrase(en: "move; up/down follow wrapped lines", sv: "flytta; upp/ner följer radbrytningen", fi: "liiku; ylös/alas seuraa rivitystä")
    public let lineStartEnd = Phrase(en: "start / end of the line", sv: "radens början / slut", fi: "rivin alku / loppu")
    public let replyStartEnd = Phrase(en: "start / end of the reply", sv: "svarets början / slut", fi: "vastauksen alku / loppu")
    public let deleteWordBefore = Phrase(en: "delete the word before the cursor", sv: "radera ordet före markören", fi: "poista kohdistinta edeltävä sana")
    public let deleteWordAfter = Phrase(en: "delete the word after", sv: "radera ordet efter", fi: "poista seuraava sana")
    public let deleteToLineStart = Phrase(en: "delete to the start of the line", sv: "radera till radens början", fi: "poista rivin alkuun")
    public let wordLeftRight = Phrase(en: "word left / right", sv: "ord vänster / höger", fi: "sana vasemmalle / oikealle")
}

/// The views' names, full and short, and the words for statuses and priorities.
public struct ViewWords: Sendable {
    public let waiting = Phrase(en: "Waiting", sv: "Väntar", fi: "Odottaa")
    public let mine = Phrase(en: "Mine", sv: "Mina", fi: "Omat")
    public let escalated = Phrase(en: "Escalated", sv: "Eskalerade", fi: "Eskaloidut")
    public let followups = Phrase(en: "Follow-ups", sv: "Uppföljningar", fi: "Seurannat")
    public let pending = Phrase(en: "Pending", sv: "Vilande", fi: "Pidossa")
    public let solved = Phrase(en: "Solved", sv: "Lösta", fi: "Ratkaistut")
    public let all = Phrase(en: "All", sv: "Alla", fi: "Kaikki")
    public let approvals = Phrase(en: "Approvals", sv: "Godkännanden", fi: "Hyväksynnät")
    public let stock = Phrase(en: "Stock", sv: "Lager", fi: "Varasto")
    public let waitingShort = Phrase(en: "Wait", sv: "Vänt", fi: "Odot")
    public let mineShort = Phrase(en: "Mine", sv: "Mina", fi: "Omat")
    public let escalatedShort = Phrase(en: "Esc", sv: "Esk", fi: "Esk")
    public let followupsShort = Phrase(en: "F-up", sv: "Uppf", fi: "Seur")
    public let pendingShort = Phrase(en: "Pend", sv: "Vil", fi: "Pito")
    public let solvedShort = Phrase(en: "Solv", sv: "Löst", fi: "Ratk")
    public let allShort = Phrase(en: "All", sv: "Alla", fi: "Kaik")
    public let approvalsShort = Phrase(en: "Appr", sv: "Godk", fi: "Hyv")
    public let stockShort = Phrase(en: "Stck", sv: "Lagr", fi: "Var")
    public let open = Phrase(en: "open", sv: "öppen", fi: "avoin")
    public let pendingStatus = Phrase(en: "pending", sv: "vilande", fi: "pidossa")
    public let solvedStatus = Phrase(en: "solved", sv: "löst", fi: "ratkaistu")
    public let lowShort = Phrase(en: "LOW", sv: "LÅG", fi: "MAT")
    public let normalShort = Phrase(en: "NOR", sv: "NOR", fi: "NOR")
    public let highShort = Phrase(en: "HI", sv: "HÖG", fi: "KOR")
    public let urgentShort = Phrase(en: "URG", sv: "BRÅ", fi: "KII")

    public func title(_ v: QueueView, short: Bool = false) -> Phrase {
        switch v {
        case .waiting: short ? waitingShort : waiting
        case .mine: short ? mineShort : mine
        case .escalated: short ? escalatedShort : escalated
        case .followups: short ? followupsShort : followups
        case .pending: short ? pendingShort : pending
        case .solved: short ? solvedShort : solved
        case .all: short ? allShort : all
        case .approvals: short ? approvalsShort : approvals
        case .stock: short ? stockShort : stock
        }
    }

    public func status(_ s: CaseStatus) -> Phrase {
        switch s {
        case .open: open
        case .pending: pendingStatus
        case .solved: solvedStatus
        }
    }

    /// The queue's three-letter priority column.
    public func shortPriority(_ p: Priority) -> Phrase {
        switch p {
        case .low: lowShort
        case .normal: normalShort
        case .high: highShort
        case .urgent: urgentShort
        }
    }

    public func priority(_ p: Priority) -> Phrase { KindWords.shared.priority(p) }
}

/// Every catalogue, where the code reads them.
extension ConsoleWords {
    /// A customer's language, named in the agent's.
    public func name(of language: Language, _ l: UILanguage) -> String {
        switch language {
        case .en: english(l)
        case .sv: swedish(l)
        case .fi: finnish(l)
        }
    }
}

public enum Words {
    public static let console = ConsoleWords()
    public static let views = ViewWords()
}

extension ConsoleWorld {
    /// The language the console speaks to the agent (`language` in config.toml, or the locale).
    public var language: UILanguage { time.language }
}
