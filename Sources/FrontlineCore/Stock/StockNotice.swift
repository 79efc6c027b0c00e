import Foundation

/// The mail that tells a customer their item is back: bundled per language as the templates
/// `stock-back` (only told) and `stock-reserved` (one is put aside), which a team may replace.
/// Placeholders: {first_name}, {item}, {quantity}, {until}, {agent}, {case}.
enum StockNoticeTemplates {
    static func text(reserved: Bool, language: Language) -> String {
        switch (language, reserved) {
        case (.en, false):
            "Hi {first_name},\n\ngood news: {item} is back in stock. It may go quickly, so do not wait too long. Just reply to this mail if you have a question ({case}).\n\nKind regards,\n{agent}"
        case (.en, true):
            "Hi {first_name},\n\ngood news: {item} is back in stock, and we have put {quantity} aside for you until {until}. Just reply to this mail if you have a question ({case}).\n\nKind regards,\n{agent}"
        case (.sv, false):
            "Hej {first_name}!\n\nGoda nyheter: {item} finns i lager igen. Det kan ta slut fort, så vänta inte för länge. Svara bara på det här mejlet om du har frågor ({case}).\n\nVänliga hälsningar\n{agent}"
        case (.sv, true):
            "Hej {first_name}!\n\nGoda nyheter: {item} finns i lager igen, och vi har lagt undan {quantity} st åt dig till och med {until}. Svara bara på det här mejlet om du har frågor ({case}).\n\nVänliga hälsningar\n{agent}"
        case (.fi, false):
            "Hei {first_name}!\n\nHyviä uutisia: {item} on taas varastossa. Tuotteet voivat loppua nopeasti, joten älä odota liian kauan. Vastaa vain tähän viestiin, jos sinulla on kysyttävää ({case}).\n\nYstävällisin terveisin\n{agent}"
        case (.fi, true):
            "Hei {first_name}!\n\nHyviä uutisia: {item} on taas varastossa, ja olemme varanneet sinulle {quantity} kpl {until} asti. Vastaa vain tähän viestiin, jos sinulla on kysyttävää ({case}).\n\nYstävällisin terveisin\n{agent}"
        }
    }

    static var bundled: [ReplyTemplate] {
        Language.allCases.flatMap { l in
            [ReplyTemplate(name: "stock-back", language: l, text: text(reserved: false, language: l)),
             ReplyTemplate(name: "stock-reserved", language: l, text: text(reserved: true, language: l))]
        }
    }
}

extension TemplateLibrary {
    /// The notice for `wish` on `c`, in the customer's language, signed by the agent who promised it.
    public func stockNotice(_ wish: StockWish, reservedUntil: Date?, on c: SupportCase, customer: Customer, timeZone: TimeZone) -> String {
        let language = Language(code: customer.language)
        let name = reservedUntil == nil ? "stock-back" : "stock-reserved"
        let template = named(name, language: language)
            ?? ReplyTemplate(name: name, language: language, text: StockNoticeTemplates.text(reserved: reservedUntil != nil, language: language))
        var values = ReplyTemplate.values(for: c, customer: customer, history: nil, agent: wish.by, timeZone: timeZone)
        values["item"] = wish.sku
        values["quantity"] = String(wish.quantity)
        values["until"] = reservedUntil.map { ReplyTemplate.longDate($0, language: language, timeZone: timeZone) } ?? ""
        return template.filled(values)
    }
}
