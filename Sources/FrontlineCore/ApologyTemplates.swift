/// The bundled apologies, in the customer's language (the templates `apology-KIND`, which a team
/// may override; see `TemplateLibrary`). Placeholders: {first_name}, {case}, {agent}.
public enum ApologyTemplates {
    public static func text(_ kind: ApologyKind, language: Language) -> String {
        switch (language, kind) {
        case (.en, .delay):
            "Hi {first_name}, I am sorry that it has taken us so long to get back to you about {case}. Thank you for your patience."
        case (.en, .faulty):
            "Hi {first_name}, I am really sorry that the product you received is faulty. That is not the quality we promise, and I will make it right ({case})."
        case (.en, .mistake):
            "Hi {first_name}, this was our mistake, and I apologise. I have looked into {case} myself and will put it right."
        case (.en, .experience):
            "Hi {first_name}, I am sorry that your experience with us has not been good. Thank you for telling us; I am taking care of {case} personally."
        case (.sv, .delay):
            "Hej {first_name}, jag beklagar att det har dröjt innan vi återkom till dig om {case}. Tack för ditt tålamod."
        case (.sv, .faulty):
            "Hej {first_name}, jag är verkligen ledsen att produkten du fick är felaktig. Det är inte den kvalitet vi lovar, och jag ska rätta till det ({case})."
        case (.sv, .mistake):
            "Hej {first_name}, det här var vårt misstag och jag ber om ursäkt. Jag har själv gått igenom {case} och ser till att det blir rätt."
        case (.sv, .experience):
            "Hej {first_name}, jag är ledsen att din upplevelse av oss inte har varit bra. Tack för att du berättar; jag tar hand om {case} personligen."
        case (.fi, .delay):
            "Hei {first_name}, pahoittelen, että vastauksemme asiaan {case} on viipynyt. Kiitos kärsivällisyydestäsi."
        case (.fi, .faulty):
            "Hei {first_name}, olen todella pahoillani, että saamasi tuote on viallinen. Se ei ole lupaamamme laatu, ja hoidan asian kuntoon ({case})."
        case (.fi, .mistake):
            "Hei {first_name}, tämä oli meidän virheemme, ja pyydän anteeksi. Olen itse käynyt asian {case} läpi ja korjaan sen."
        case (.fi, .experience):
            "Hei {first_name}, olen pahoillani, ettei kokemuksesi kanssamme ole ollut hyvä. Kiitos, että kerroit; hoidan asian {case} henkilökohtaisesti."
        }
    }

    /// How a reply ends in each language, above the agent's name.
    public static func signOff(_ language: Language) -> String {
        switch language {
        case .en: "Kind regards,"
        case .sv: "Vänliga hälsningar,"
        case .fi: "Ystävällisin terveisin,"
        }
    }
}

extension String {
    func replacingAll(_ target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
