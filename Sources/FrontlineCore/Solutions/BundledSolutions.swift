import Foundation

/// Examples that show a team the shape of an article; their own in
/// `$XDG_CONFIG_HOME/frontline/solutions/NAME.LANG.md` replace or add to them.
enum BundledSolutions {
    static let texts: [(name: String, language: Language, text: String)] = [
        ("parcel-missing", .en, """
        # The parcel has not arrived
        tags: delivery, parcel, shipping
        I have checked your parcel with the carrier. If the tracking shows it delivered but you have not received it, please look with your neighbours and at the nearest pickup point; if it is not there within two working days, we send a new one at our cost.
        """),
        ("parcel-missing", .sv, """
        # Paketet har inte kommit
        tags: delivery, parcel, shipping
        Jag har kontrollerat ditt paket med transportören. Om spårningen visar att det är levererat men du inte har fått det, fråga gärna grannarna och titta på närmaste utlämningsställe; finns det inte där inom två arbetsdagar skickar vi ett nytt på vår bekostnad.
        """),
        ("parcel-missing", .fi, """
        # Paketti ei ole saapunut
        tags: delivery, parcel, shipping
        Tarkistin pakettisi kuljetusliikkeeltä. Jos seuranta näyttää paketin toimitetuksi, mutta et ole saanut sitä, kysy naapureilta ja katso lähimmästä noutopisteestä; jos pakettia ei löydy kahden arkipäivän kuluessa, lähetämme uuden omalla kustannuksellamme.
        """),
        ("refund-timeline", .en, """
        # When the refund reaches you
        tags: refund, payment
        Your refund has been approved. It reaches a card in 3–5 working days and a bank account in 1–3; you will see it as a credit from us on your statement.
        """),
        ("refund-timeline", .sv, """
        # När återbetalningen kommer
        tags: refund, payment
        Din återbetalning är godkänd. Den når ett kort inom 3–5 arbetsdagar och ett bankkonto inom 1–3; du ser den som en kreditering från oss på ditt kontoutdrag.
        """),
        ("refund-timeline", .fi, """
        # Milloin palautus näkyy
        tags: refund, payment
        Palautuksesi on hyväksytty. Se näkyy kortilla 3–5 arkipäivässä ja pankkitilillä 1–3 arkipäivässä hyvityksenä meiltä.
        """),
        ("faulty-product", .en, """
        # A product that is faulty
        tags: faulty, broken, replacement
        I am sorry the product is faulty. Please send us a photo of the fault and the order number; we then send a replacement at once, with a prepaid label for returning the faulty one.
        """),
        ("faulty-product", .sv, """
        # En produkt som är trasig
        tags: faulty, broken, replacement
        Jag beklagar att produkten är trasig. Skicka gärna ett foto på felet och ordernumret, så skickar vi en ersättning direkt, med en förbetald etikett för att returnera den trasiga.
        """),
        ("faulty-product", .fi, """
        # Viallinen tuote
        tags: faulty, broken, replacement
        Olen pahoillani, että tuote on viallinen. Lähetä meille kuva viasta ja tilausnumero, niin lähetämme korvaavan tuotteen heti ja mukaan maksetun palautustarran viallista tuotetta varten.
        """),
    ]

    static var all: [SolutionArticle] {
        texts.compactMap { try? SolutionArticle.parse($0.text, name: $0.name, language: $0.language, source: "bundled \($0.name).\($0.language.rawValue).md") }
    }
}
