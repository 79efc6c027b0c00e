import FrontlineCore

/// What the history pane says of a message's e-mail side (folded quotes and signatures, the
/// sender, automatic-mail and trust marks, how our reply is getting on) and what the console says
/// of attachments, in English, Swedish and Finnish.
public struct MailWords: Sendable {
    // Folds
    public let quotedLine = Phrase(en: "⋯ {n} quoted line", sv: "⋯ {n} citerad rad", fi: "⋯ {n} lainattu rivi")
    public let quotedLines = Phrase(en: "⋯ {n} quoted lines", sv: "⋯ {n} citerade rader", fi: "⋯ {n} lainattua riviä")
    public let signatureLine = Phrase(en: "⋯ signature, {n} line", sv: "⋯ signatur, {n} rad", fi: "⋯ allekirjoitus, {n} rivi")
    public let signatureLines = Phrase(en: "⋯ signature, {n} lines", sv: "⋯ signatur, {n} rader", fi: "⋯ allekirjoitus, {n} riviä")
    public let showingQuoted = Phrase(en: "showing quoted text and signatures (T folds them)", sv: "visar citerad text och signaturer (T fäller ihop dem)",
                                      fi: "lainaukset ja allekirjoitukset näkyvissä (T piilottaa ne)")
    public let quotedFolded = Phrase(en: "quoted text and signatures folded (T shows them)", sv: "citerad text och signaturer ihopfällda (T visar dem)",
                                     fi: "lainaukset ja allekirjoitukset piilotettu (T näyttää ne)")
    // Under a customer's mail
    public let from = Phrase(en: "from {who}", sv: "från {who}", fi: "lähettäjä {who}")
    public let replyTo = Phrase(en: " · reply-to {addresses}", sv: " · svara till {addresses}", fi: " · vastausosoite {addresses}")
    public let quarantined = Phrase(en: "quarantined: {why} (raw bytes kept: frontline raw)", sv: "i karantän: {why} (råa byte sparade: frontline raw)",
                                    fi: "karanteenissa: {why} (alkuperäiset tavut tallessa: frontline raw)")
    public let autoReply = Phrase(en: "  ⚙ automatic reply: never answered automatically", sv: "  ⚙ automatiskt svar: besvaras aldrig automatiskt",
                                  fi: "  ⚙ automaattivastaus: siihen ei koskaan vastata automaattisesti")
    public let bounce = Phrase(en: "  ⚠ delivery report (bounce)", sv: "  ⚠ leveransrapport (returnerad post)", fi: "  ⚠ toimitusraportti (palautunut viesti)")
    public let bulk = Phrase(en: "  ⚙ bulk / list mail", sv: "  ⚙ massutskick / listpost", fi: "  ⚙ joukkoposti / postituslista")
    public let notVerified = Phrase(en: "  ⚠ sender not verified (DMARC/SPF failed at our mail server)", sv: "  ⚠ avsändaren inte verifierad (DMARC/SPF misslyckades hos vår e-postserver)",
                                    fi: "  ⚠ lähettäjää ei varmistettu (DMARC/SPF epäonnistui postipalvelimellamme)")
    // Under one of our mailed replies
    public let queued = Phrase(en: "✉ to {to} · queued", sv: "✉ till {to} · i kö", fi: "✉ vastaanottaja {to} · jonossa")
    public let delivered = Phrase(en: "✉ to {to} · delivered {when}", sv: "✉ till {to} · levererat {when}", fi: "✉ vastaanottaja {to} · toimitettu {when}")
    public let retrying = Phrase(en: "✉ to {to} · not delivered yet ({n}×): {error}{next}", sv: "✉ till {to} · inte levererat än ({n}×): {error}{next}",
                                 fi: "✉ vastaanottaja {to} · ei vielä toimitettu ({n}×): {error}{next}")
    public let retryAt = Phrase(en: " · retry {when}", sv: " · nytt försök {when}", fi: " · uusi yritys {when}")
    public let failed = Phrase(en: "✉ to {to} · NOT DELIVERED: {error} — reply again or call the customer", sv: "✉ till {to} · INTE LEVERERAT: {error} — svara igen eller ring kunden",
                               fi: "✉ vastaanottaja {to} · EI TOIMITETTU: {error} — vastaa uudelleen tai soita asiakkaalle")
    // Attachments (`S`, `:save`)
    public let noAttachments = Phrase(en: "{case} has no attachments", sv: "{case} har inga bilagor", fi: "tapauksella {case} ei ole liitteitä")
    public let saveHint = Phrase(en: "save N [DIR] — N as the history numbers them (1–{count}); DIR defaults to the working directory",
                                 sv: "save N [DIR] — N som historiken numrerar dem (1–{count}); DIR är annars arbetskatalogen",
                                 fi: "save N [DIR] — N historian numeroinnin mukaan (1–{count}); DIR oletuksena työhakemisto")
    public let saveUsage = Phrase(en: "save N [DIR] — N as the history pane numbers the attachments", sv: "save N [DIR] — N som historikrutan numrerar bilagorna",
                                  fi: "save N [DIR] — N historiaruudun liitenumeroinnin mukaan")
    public let oneAttachmentNot = Phrase(en: "{case} has {count} attachment, not {n}", sv: "{case} har {count} bilaga, inte {n}", fi: "tapauksella {case} on {count} liite, ei {n}")
    public let attachmentsNot = Phrase(en: "{case} has {count} attachments, not {n}", sv: "{case} har {count} bilagor, inte {n}", fi: "tapauksella {case} on {count} liitettä, ei {n}")
    public let noAttachmentNumber = Phrase(en: "{case} has no attachment {n}", sv: "{case} har ingen bilaga {n}", fi: "tapauksella {case} ei ole liitettä {n}")
    public let cannotSave = Phrase(en: "attachments cannot be saved from this console", sv: "bilagor kan inte sparas från den här konsolen", fi: "liitteitä ei voi tallentaa tästä konsolista")
    public let notSaved = Phrase(en: "not saved: {error}", sv: "inte sparad: {error}", fi: "ei tallennettu: {error}")
}

extension Words {
    public static let mail = MailWords()
}
