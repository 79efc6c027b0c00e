import FrontlineCore

/// What the console says on the status line and under its prompts about the rest of its work
/// (the `:` line's problems, prompts answered wrongly, replies and their promises, drafts and
/// $EDITOR, `:at`), in English, Swedish and Finnish. Command words (`followup`, `WHEN`, `+7d`,
/// `Esc`, `Ctrl-S`) stay as they are typed.
public struct ConsoleMessageWords: Sendable {
    // The `:` line
    public let unknownCommand = Phrase(en: "unknown command \"{name}\"; try: {names}", sv: "okänt kommando \"{name}\"; prova: {names}", fi: "tuntematon komento \"{name}\"; kokeile: {names}")
    public let noCaseSelected = Phrase(en: "no case selected", sv: "inget ärende valt", fi: "ei valittua tapausta")
    public let doThat = Phrase(en: "do that", sv: "göra det", fi: "tehdä sen")
    public let useCommand = Phrase(en: "use :{name}", sv: "använda :{name}", fi: "käyttää komentoa :{name}")
    public let noView = Phrase(en: "no view \"{name}\"; views: {views}", sv: "ingen vy \"{name}\"; vyer: {views}", fi: "ei näkymää \"{name}\"; näkymät: {views}")
    public let replyUsage = Phrase(en: "reply TEXT — or press r to write in the reply pane", sv: "reply TEXT — eller tryck r för att skriva i svarsrutan",
                                   fi: "reply TEXT — tai paina r ja kirjoita vastausruutuun")
    public let apologiseForWhat = Phrase(en: "apologise for what: {kinds}", sv: "be om ursäkt för vad: {kinds}", fi: "mistä pahoitellaan: {kinds}")
    public let makeItRightForWhat = Phrase(en: "makeitright for what: {kinds}", sv: "makeitright för vad: {kinds}", fi: "makeitright — mistä pahoitellaan: {kinds}")
    public let escalateToWhom = Phrase(en: "escalate to whom: tier2 or supervisor, then the reason", sv: "eskalera till vem: tier2 eller supervisor, sedan skälet",
                                       fi: "kenelle eskaloidaan: tier2 tai supervisor, sitten syy")
    public let needsReason = Phrase(en: "{command} needs a reason", sv: "{command} kräver ett skäl", fi: "{command} tarvitsee syyn")
    public let followUpNeedsWhat = Phrase(en: "followup needs what to follow up on after the time", sv: "followup behöver vad som ska följas upp efter tiden",
                                          fi: "followup tarvitsee ajan jälkeen sen, mitä seurataan")
    public let followUpUsage = Phrase(en: "followup [until] WHEN WHAT — WHEN like +2h, +3d, tomorrow 9:00, mon 14:00, 2026-12-01 10:00",
                                      sv: "followup [until] WHEN WHAT — WHEN t.ex. +2h, +3d, tomorrow 9:00, mon 14:00, 2026-12-01 10:00",
                                      fi: "followup [until] WHEN WHAT — WHEN esim. +2h, +3d, tomorrow 9:00, mon 14:00, 2026-12-01 10:00")
    public let feedbackUsage = Phrase(en: "feedback SCORE [COMMENT] — SCORE 1 (bad) to 5 (good)", sv: "feedback SCORE [COMMENT] — SCORE 1 (dåligt) till 5 (bra)",
                                      fi: "feedback SCORE [COMMENT] — SCORE 1 (huono) – 5 (hyvä)")
    public let priorityUsage = Phrase(en: "priority low, normal, high or urgent", sv: "priority low, normal, high eller urgent", fi: "priority low, normal, high tai urgent")
    public let slaUsage = Phrase(en: "sla PRIORITY TARGET, e.g. :sla urgent 30m", sv: "sla PRIORITY TARGET, t.ex. :sla urgent 30m", fi: "sla PRIORITY TARGET, esim. :sla urgent 30m")
    public let reportUsage = Phrase(en: "report [DAYS] — 1 to 90 days", sv: "report [DAYS] — 1 till 90 dagar", fi: "report [DAYS] — 1–90 päivää")
    public let atUsage = Phrase(en: "at WHEN — 10:42, 2026-11-30 10:42, yesterday, 2h (ago); at now comes back",
                                sv: "at WHEN — 10:42, 2026-11-30 10:42, yesterday, 2h (sedan); at now kommer tillbaka",
                                fi: "at WHEN — 10:42, 2026-11-30 10:42, yesterday, 2h (sitten); at now palaa")
    // Prompts answered wrongly
    public let reasonRequired = Phrase(en: "a reason is required: the next person needs to know why", sv: "ett skäl krävs: nästa person behöver veta varför",
                                       fi: "syy on pakollinen: seuraavan pitää tietää miksi")
    public let sayWhatToFollowUp = Phrase(en: "say what to follow up on", sv: "skriv vad som ska följas upp", fi: "kerro, mitä seurataan")
    public let sayWhyNoLonger = Phrase(en: "say why the promise no longer stands, or Esc", sv: "skriv varför löftet inte längre gäller, eller Esc",
                                       fi: "kerro, miksi lupaus ei enää päde, tai Esc")
    public let sayWhySolvable = Phrase(en: "say why it can be solved with the follow-up open, or Esc to keep it open",
                                       sv: "skriv varför det kan lösas med uppföljningen öppen, eller Esc för att låta det vara öppet",
                                       fi: "kerro, miksi sen voi ratkaista seurannan ollessa avoin, tai Esc pitää sen avoimena")
    // Solving over a promise
    public let solveAnyway = Phrase(en: "{case} has follow-up #{id} open ({when}: {note}){more}. Solve anyway because",
                                    sv: "{case} har uppföljning #{id} öppen ({when}: {note}){more}. Lös ändå eftersom",
                                    fi: "tapauksella {case} on avoin seuranta #{id} ({when}: {note}){more}. Ratkaise silti, koska")
    public let andMore = Phrase(en: " and {n} more", sv: " och {n} till", fi: " ja {n} muuta")
    public let solveAnywayHint = Phrase(en: "the reason is recorded on the case and the follow-up stays; Esc keeps the case open",
                                        sv: "skälet noteras på ärendet och uppföljningen står kvar; Esc låter ärendet vara öppet",
                                        fi: "syy kirjataan tapaukseen ja seuranta jää; Esc pitää tapauksen avoimena")
    // What was done
    public let ratedBad = Phrase(en: "{case} rated {score}/5: reopened with a follow-up to make it right, and a supervisor told",
                                 sv: "{case} fick betyget {score}/5: öppnat igen med en uppföljning för att gottgöra, och en arbetsledare har fått veta",
                                 fi: "{case} sai arvion {score}/5: avattu uudelleen seurannalla asian korjaamiseksi, ja esihenkilölle kerrottu")
    public let rated = Phrase(en: "{case} rated {score}/5", sv: "{case} fick betyget {score}/5", fi: "{case} sai arvion {score}/5")
    public let slaTarget = Phrase(en: "{priority} SLA target is now {target} for everyone", sv: "SLA-målet för {priority} är nu {target} för alla",
                                  fi: "SLA-tavoite ({priority}) on nyt {target} kaikille")
    public let apologyAdded = Phrase(en: "apology ({kind}, {language}) added to the reply and recorded on {case}", sv: "ursäkt ({kind}, {language}) tillagd i svaret och noterad på {case}",
                                     fi: "anteeksipyyntö ({kind}, {language}) lisätty vastaukseen ja kirjattu tapaukseen {case}")
    // A reply that makes a promise
    public let youWrote = Phrase(en: "You wrote \u{201C}{sentence}\u{201D}: follow up {when}?", sv: "Du skrev \u{201C}{sentence}\u{201D}: följ upp {when}?",
                                 fi: "Kirjoitit \u{201C}{sentence}\u{201D}: seuranta {when}?")
    public let sendAndFollowUp = Phrase(en: "send, and follow up {when}", sv: "skicka, och följ upp {when}", fi: "lähetä ja seuraa {when}")
    public let sendWithout = Phrase(en: "send without a follow-up", sv: "skicka utan uppföljning", fi: "lähetä ilman seurantaa")
    public let backToReply = Phrase(en: "back to the reply", sv: "tillbaka till svaret", fi: "takaisin vastaukseen")
    public let promisedInReply = Phrase(en: "promised in the reply: {sentence}", sv: "utlovat i svaret: {sentence}", fi: "luvattu vastauksessa: {sentence}")
    public let sentAsPromised = Phrase(en: "reply sent on {case} · follow-up set for {when}, as promised", sv: "svar skickat på {case} · uppföljning satt till {when}, som utlovat",
                                       fi: "vastaus lähetetty: {case} · seuranta ajoitettu: {when}, kuten luvattiin")
    // The reply editor
    public let replyEmpty = Phrase(en: "the reply is empty: nothing sent", sv: "svaret är tomt: inget skickat", fi: "vastaus on tyhjä: mitään ei lähetetty")
    public let theCustomer = Phrase(en: "the customer", sv: "kunden", fi: "asiakas")
    public let changedWhileWriting = Phrase(en: "{case} changed while you wrote: {changes}", sv: "{case} ändrades medan du skrev: {changes}", fi: "{case} muuttui kirjoittaessasi: {changes}")
    public let wroteAgain = Phrase(en: "{name} wrote again", sv: "{name} skrev igen", fi: "{name} kirjoitti uudelleen")
    public let replied = Phrase(en: "{who} replied", sv: "{who} svarade", fi: "{who} vastasi")
    public let solvedBy = Phrase(en: "solved by {who}", sv: "{who} löste det", fi: "{who} ratkaisi sen")
    public let someone = Phrase(en: "someone", sv: "någon", fi: "joku")
    public let takenBy = Phrase(en: "taken by {who}", sv: "{who} tog det", fi: "{who} otti sen")
    public let reviewThread = Phrase(en: "review the thread (Esc, then J/K scroll it); Ctrl-S sends when ready", sv: "läs igenom tråden (Esc, sedan bläddrar J/K); Ctrl-S skickar när du är klar",
                                     fi: "käy ketju läpi (Esc, sitten J/K vierittää); Ctrl-S lähettää, kun olet valmis")
    // Drafts and $EDITOR
    public let draftSaved = Phrase(en: "draft saved", sv: "utkast sparat", fi: "luonnos tallennettu")
    public let connectedDraftSaved = Phrase(en: "connected again · draft saved", sv: "ansluten igen · utkast sparat", fi: "yhteys palasi · luonnos tallennettu")
    public let connectedAgain = Phrase(en: "connected again", sv: "ansluten igen", fi: "yhteys palasi")
    public let draftNotSaved = Phrase(en: "draft NOT saved: {reason}", sv: "utkastet INTE sparat: {reason}", fi: "luonnosta EI tallennettu: {reason}")
    public let draftFromEditor = Phrase(en: "draft from the editor kept · Ctrl-S sends", sv: "utkastet från editorn sparat · Ctrl-S skickar", fi: "luonnos editorista säilytetty · Ctrl-S lähettää")
    public let editorDidNotRun = Phrase(en: "the editor did not run", sv: "editorn kördes inte", fi: "editori ei käynnistynyt")
    public let couldNotWriteDraft = Phrase(en: "could not write the draft to {path}", sv: "kunde inte skriva utkastet till {path}", fi: "luonnosta ei voitu kirjoittaa tiedostoon {path}")
    public let couldNotStartEditor = Phrase(en: "could not start the editor \"{editor}\": {error}", sv: "kunde inte starta editorn \"{editor}\": {error}",
                                            fi: "editoria \"{editor}\" ei voitu käynnistää: {error}")
    public let editorExited = Phrase(en: "the editor \"{editor}\" exited with status {status}; the draft is unchanged", sv: "editorn \"{editor}\" avslutades med status {status}; utkastet är oförändrat",
                                     fi: "editori \"{editor}\" päättyi tilaan {status}; luonnos ei muuttunut")
    public let editedFileGone = Phrase(en: "the edited file {path} is gone; the draft is unchanged", sv: "den redigerade filen {path} är borta; utkastet är oförändrat",
                                       fi: "muokattu tiedosto {path} on kadonnut; luonnos ei muuttunut")
    // Starting up
    public let recovered = Phrase(en: "recovered: {note}{more}", sv: "återställt: {note}{more}", fi: "palautettu: {note}{more}")
    public let plusMore = Phrase(en: " (+{n} more)", sv: " (+{n} till)", fi: " (+{n} muuta)")
    // `:at`
    public let alreadyNow = Phrase(en: "the console shows the desk as it is (:at WHEN goes back)", sv: "konsolen visar disken som den är (:at WHEN går tillbaka)",
                                   fi: "konsoli näyttää nykytilanteen (:at WHEN palaa ajassa taaksepäin)")
    public let notInThePast = Phrase(en: "{when} is not in the past", sv: "{when} är inte i det förflutna", fi: "{when} ei ole menneisyydessä")
    public let noEventLog = Phrase(en: "this console cannot read the desk's event log", sv: "den här konsolen kan inte läsa diskens händelselogg", fi: "tämä konsoli ei voi lukea tapahtumalokia")
    public let eventLogUnreadable = Phrase(en: "could not read the event log: {error}", sv: "kunde inte läsa händelseloggen: {error}", fi: "tapahtumalokia ei voitu lukea: {error}")
}

extension Words {
    public static let messages = ConsoleMessageWords()
}
