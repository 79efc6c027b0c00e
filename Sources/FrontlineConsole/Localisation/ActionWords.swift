import FrontlineCore

/// The action table's help lines and status-line words in Swedish and Finnish, keyed by the
/// action (its `:` name, or its keys for the key-only ones). English is the table's own
/// (`ConsoleAction.help`, which the README is held to). `WordsTests` fails when an action has none.
enum ActionWords {
    static let help: [String: (sv: String, fi: String)] = [
        "↑ ↓  j k": ("gå genom kön (historiken följer med)", "liiku jonossa (historia seuraa mukana)"),
        "PgUp PgDn": ("en sida upp / ner", "sivu ylös / alas"),
        "Home End  g G": ("första / sista ärendet", "ensimmäinen / viimeinen tapaus"),
        "view": ("vyer: Väntar, Mina, Eskalerade, Uppföljningar, Vilande, Lösta, Alla, Godkännanden, Lager",
                 "näkymät: Odottaa, Omat, Eskaloidut, Seurannat, Pidossa, Ratkaistut, Kaikki, Hyväksynnät, Varasto"),
        "search": ("sök (namn, e-post, ärende-id, ämne, text); Esc rensar", "hae (nimi, sähköposti, tapaustunnus, aihe, teksti); Esc tyhjentää"),
        "J K": ("rulla kundens historik", "vieritä asiakkaan historiaa"),
        "T": ("visa / vik ihop citerad e-posthistorik och signaturer", "näytä / taita lainattu viestihistoria ja allekirjoitukset"),
        "save": ("spara en bilaga i ärendet (:save N MAPP)", "tallenna tapauksen liite (:save N KANSIO)"),
        "reply": ("skriv ett svar i svarsrutan", "kirjoita vastaus vastausruutuun"),
        "template": ("lägg en mall i svaret, ifylld för kunden (skriv för att smalna av listan)", "lisää pohja vastaukseen asiakkaalle täytettynä (kirjoita rajataksesi)"),
        "solution": ("lägg en lösningsartikel i svaret (svarsrutan föreslår de bästa)", "lisää ratkaisuartikkeli vastaukseen (vastausruutu ehdottaa sopivimmat)"),
        "Ctrl-E": ("skriv svaret i $VISUAL / $EDITOR", "kirjoita vastaus $VISUAL- / $EDITOR-ohjelmassa"),
        "apologise": ("be om ursäkt: försening, trasig vara, vårt misstag, dålig upplevelse", "pyydä anteeksi: viive, viallinen tuote, virheemme, huono kokemus"),
        "escalate": ("eskalera till nivå 2 eller en arbetsledare, med skäl", "eskaloi tasolle 2 tai esihenkilölle, syyn kera"),
        "deescalate": ("avsluta eskaleringen, med skäl", "päätä eskalointi, syyn kera"),
        "offer": ("gottgör: rabatt, rabattkod, återbetalning, tillgodo, ersättningsvara eller fri frakt",
                  "hyvitä: alennus, kuponki, palautus, hyvityssaldo, korvaava tuote tai ilmainen toimitus"),
        "makeitright": ("gottgör i ett steg: ursäkt, tack, den goodwill du får ge, en uppföljning",
                        "korjaa kerralla: anteeksipyyntö, kiitos, sallittu hyvitys, tarkistus"),
        "want": ("säg till när en slutsåld vara är tillbaka (hold 2d: lägg undan en)", "kerro, kun loppunut tuote palaa (hold 2d: varaa yksi)"),
        "approve": ("godkänn ärendets begäran om ett erbjudande (vy 8 listar dem)", "hyväksy tapauksen hyvityspyyntö (näkymä 8 listaa ne)"),
        "decline": ("avslå den, med skäl (agenten ser det direkt)", "hylkää se perustellen (agentti näkee sen heti)"),
        "followup": ("planera en uppföljning (+2h, i morgon 9:00, mån 14:00; until +3d: om de inte svarar först)",
                     "ajoita seuranta (+2h, huomenna 9:00, ma 14:00; until +3d: elleivät he vastaa ensin)"),
        "feedback": ("registrera kundens betyg, 1–5 (2 eller lägre öppnar ärendet igen för att gottgöra)",
                     "kirjaa asiakkaan arvio, 1–5 (2 tai alle avaa tapauksen uudelleen hyvitettäväksi)"),
        "cancel": ("avbryt nästa uppföljning: löftet gäller inte längre, och varför", "peru seuraava seuranta: lupaus ei enää päde, ja miksi"),
        "done": ("markera nästa uppföljning som klar, med utfall", "merkitse seuraava seuranta tehdyksi, tuloksen kera"),
        "note": ("lägg till en intern anteckning", "lisää sisäinen muistiinpano"),
        "take": ("ta ärendet (tilldela mig)", "ota tapaus (itselleni)"),
        "assign": ("tilldela någon", "anna jollekulle"),
        "priority": ("sätt prioritet", "aseta prioriteetti"),
        "tag": ("lägg till taggar", "lisää tunnisteita"),
        "solve": ("lös (medan en uppföljning är öppen frågar den varför och noterar det)", "ratkaise (avoimen seurannan aikana kysyy syyn ja kirjaa sen)"),
        "reopen": ("öppna igen", "avaa uudelleen"),
        "pending": ("sätt som vilande (väntar på kunden)", "pitoon (odottaa asiakasta)"),
        "sla": ("ändra ett svarstidsmål för alla (t.ex. :sla urgent 30m)", "muuta vasteaikatavoitetta kaikille (esim. :sla urgent 30m)"),
        ":": ("kommandorad: vilken åtgärd som helst med namn, t.ex. :escalate supervisor SKÄL", "komentorivi: mikä tahansa toiminto nimellä, esim. :escalate supervisor SYY"),
        "report": ("Rapporter: de senaste dagarnas siffror, sparklinjer per dag, SLA-staplar", "Raportit: viime päivien luvut, päiväkohtaiset kipinäkäyrät, SLA-palkit"),
        "at": ("disken som den var då, skrivskyddad: 10:42, 2026-11-30 10:42, yesterday, 2h (sedan); :at now kommer tillbaka",
               "tilanne silloin, vain luku: 10:42, 2026-11-30 10:42, yesterday, 2h (sitten); :at now palaa"),
        "review": ("Granskning: betygsätt veckans svar, beröm eller coacha; agenter ser, bekräftar eller bestrider sina",
                   "Arviointi: pisteytä viikon vastaukset, kehu tai valmenna; agentit näkevät, kuittaavat tai kiistävät omansa"),
        "help": ("alla tangenter, i sitt sammanhang", "kaikki näppäimet asiayhteydessään"),
        "Ctrl-Z": ("pausa (fg för att fortsätta)", "keskeytä (fg jatkaa)"),
        "quit": ("avsluta (ditt utkast sparas)", "lopeta (luonnos säilyy)"),
    ]

    /// The status line's word for each action that has one.
    static let hint: [String: (sv: String, fi: String)] = [
        "search": ("sök", "haku"), "reply": ("svara", "vastaa"), "apologise": ("be om ursäkt", "pahoittele"),
        "escalate": ("eskalera", "eskaloi"), "follow-up": ("uppföljning", "seuranta"), "done": ("klar", "tehty"),
        "note": ("notera", "muistio"), "take": ("ta", "ota"), "solve": ("lös", "ratkaise"), "cmd": ("kommando", "komento"),
        "help": ("hjälp", "ohje"), "quit": ("avsluta", "lopeta"),
    ]

    static func key(of a: ConsoleAction) -> String { a.name.isEmpty ? (a.keyLabel ?? "") : a.name }

    /// The action's help line in `language`.
    static func help(_ a: ConsoleAction, _ language: UILanguage) -> String {
        guard let t = help[key(of: a)] else { return a.help }
        switch language {
        case .en: return a.help
        case .sv: return t.sv
        case .fi: return t.fi
        }
    }

    static func hint(_ word: String, _ language: UILanguage) -> String {
        guard let t = hint[word] else { return word }
        switch language {
        case .en: return word
        case .sv: return t.sv
        case .fi: return t.fi
        }
    }
}
