import FrontlineCore

/// What the wallboard says, in English, Swedish and Finnish (short: it is read from across a room).
public struct WallboardWords: Sendable {
    public let title = Phrase(en: " FRONTLINE WALLBOARD", sv: " FRONTLINE TAVLA", fi: " FRONTLINE TAULU")
    public let shortTitle = Phrase(en: " WALLBOARD", sv: " TAVLA", fi: " TAULU")
    public let redacted = Phrase(en: " · redacted", sv: " · anonymiserad", fi: " · anonymisoitu")
    public let qQuits = Phrase(en: " · q quits ", sv: " · q avslutar ", fi: " · q lopettaa ")
    public let oldestWait = Phrase(en: "OLDEST WAIT", sv: "LÄNGST VÄNTAN", fi: "PISIN ODOTUS")
    public let waitingBig = Phrase(en: "WAITING", sv: "VÄNTAR", fi: "ODOTTAA")
    public let oldestShort = Phrase(en: "OLDEST ", sv: "LÄNGST ", fi: "PISIN ")
    public let waitingShort = Phrase(en: " waiting", sv: " väntar", fi: " odottaa")
    public let queueAge = Phrase(en: "QUEUE AGE", sv: "KÖNS ÅLDER", fi: "JONON IKÄ")
    public let alerts = Phrase(en: "SLA · ESCALATIONS · FOLLOW-UPS", sv: "SLA · ESKALERINGAR · UPPFÖLJNINGAR", fi: "SLA · ESKALOINNIT · SEURANNAT")
    public let agents = Phrase(en: "AGENTS", sv: "AGENTER", fi: "AGENTIT")
    public let today = Phrase(en: "TODAY · QUEUE AGE, LAST 4 HOURS", sv: "I DAG · KÖNS ÅLDER, SENASTE 4 TIMMARNA", fi: "TÄNÄÄN · JONON IKÄ, VIIMEISET 4 TUNTIA")
    public let fourHoursAgo = Phrase(en: "4h ago", sv: "4 h sedan", fi: "4 t sitten")
    public let now = Phrase(en: "now", sv: "nu", fi: "nyt")
    public let day = Phrase(en: "received {received} · solved {solved} · SLA today {sla} · ratings today {rating} · approvals waiting {approvals} · recovered this week {recovered}",
                     sv: "inkomna {received} · lösta {solved} · SLA i dag {sla} · betyg i dag {rating} · väntande godkännanden {approvals} · återvunna i veckan {recovered}",
                     fi: "saapuneet {received} · ratkaistut {solved} · SLA tänään {sla} · arviot tänään {rating} · odottavat hyväksynnät {approvals} · palautetut tällä viikolla {recovered}")
    public let none = Phrase(en: "none", sv: "inga", fi: "ei yhtään")
    public let wellDone = Phrase(en: "★ Well done, {praise}", sv: "★ Bra jobbat, {praise}", fi: "★ Hienoa, {praise}")
    public let nobodyWaiting = Phrase(en: "nobody is waiting", sv: "ingen väntar", fi: "kukaan ei odota")
    public let oldestWaiting = Phrase(en: "oldest waiting: {case}", sv: "längst väntat: {case}", fi: "pisimpään odottanut: {case}")
    public let slaBreached = Phrase(en: "SLA breached", sv: "SLA bruten", fi: "SLA ylitetty")
    public let breachSoon = Phrase(en: "breach in 30 min", sv: "bryts inom 30 min", fi: "ylittyy 30 min sisällä")
    public let tier2 = Phrase(en: "escalated tier 2", sv: "eskalerade nivå 2", fi: "eskaloitu taso 2")
    public let supervisor = Phrase(en: "escalated supervisor", sv: "eskalerade arbetsledare", fi: "eskaloitu esihenkilölle")
    public let followUpsOverdue = Phrase(en: "follow-ups overdue", sv: "försenade uppföljningar", fi: "myöhässä olevat seurannat")
    public let followUpsToday = Phrase(en: "follow-ups due today", sv: "uppföljningar i dag", fi: "seurannat tänään")
    public let compactSLA = Phrase(en: "SLA breached ", sv: "SLA bruten ", fi: "SLA ylitetty ")
    public let compactSoon = Phrase(en: " · in 30m ", sv: " · inom 30m ", fi: " · 30 min sis. ")
    public let compactT2 = Phrase(en: "escalated T2 ", sv: "eskalerade N2 ", fi: "eskaloitu T2 ")
    public let compactSup = Phrase(en: " · sup ", sv: " · arbl ", fi: " · esih ")
    public let compactOverdue = Phrase(en: "follow-ups overdue ", sv: "försenade uppf. ", fi: "seurannat myöhässä ")
    public let compactToday = Phrase(en: " · today ", sv: " · i dag ", fi: " · tänään ")
    public let older = Phrase(en: "older", sv: "äldre", fi: "vanh.")
    public let agent = Phrase(en: "agent", sv: "agent", fi: "agentti")
    public let open = Phrase(en: "open", sv: "öppna", fi: "avoimet")
    public let oldest = Phrase(en: "oldest", sv: "äldsta", fi: "vanhin")
    public let repliesToday = Phrase(en: "replies today", sv: "svar i dag", fi: "vastaukset tänään")
    public let replies = Phrase(en: "replies", sv: "svar", fi: "vastaukset")
    public let noAgents = Phrase(en: "no agent has cases or replies today", sv: "ingen agent har ärenden eller svar i dag", fi: "kenelläkään agentilla ei ole tapauksia tai vastauksia tänään")
}

extension Words {
    public static let wallboard = WallboardWords()
}
