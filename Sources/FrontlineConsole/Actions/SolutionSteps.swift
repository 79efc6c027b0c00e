import Foundation
import FrontlineCore
import FrontlineTUI

/// The solutions to the common problems, where the agent answers: the reply pane suggests the
/// articles that fit the case, `u` chooses one, and its text goes into the reply filled for the
/// customer; the case records which one was used.
extension ActionSteps {
    static func language(of c: SupportCase, _ world: ConsoleWorld) -> Language {
        Language(code: world.desk.customer(of: c)?.language ?? "en")
    }

    static func suggestedSolutions(_ c: SupportCase, world: ConsoleWorld) -> [SolutionArticle] {
        world.solutions.suggestions(for: c, language: language(of: c, world), limit: 5)
    }

    static func solutionPicker(_ c: SupportCase, state: inout ConsoleState, world: ConsoleWorld) -> [ConsoleEffect] {
        let fits = suggestedSolutions(c, world: world)
        let l = UILanguage.current, w = Words.goodwill
        guard !fits.isEmpty else {
            state.status = StatusMessage(w.noSolutionFits(l, ["case": c.id]), kind: .error, at: world.now)
            return []
        }
        state.mode = .picker(Picker(.solution(c.id, names: fits.map(\.name)),
                                    title: w.solutionFor(l, ["case": c.id, "language": Words.console.name(of: language(of: c, world), l)]),
                                    options: fits.map { "\($0.name): \(TextSanitiser.singleLine($0.title))" }))
        return []
    }

    static func insertSolution(_ name: String, into id: CaseID, state: inout ConsoleState, world: ConsoleWorld) -> [ConsoleEffect] {
        guard let c = world.desk.cases[id], let customer = world.desk.customer(of: c),
              let article = world.solutions.named(name, language: language(of: c, world)) else { return [] }
        let values = ReplyTemplate.values(for: c, customer: customer, history: CustomerHistory(desk: world.desk, caseID: id),
                                          agent: state.agent, timeZone: world.timeZone)
        let text = ReplyTemplate(name: article.name, language: article.language, text: article.body).filled(values)
        putAtEndOfReply(text, on: id, focusing: true, state: &state, world: world)
        return [.perform(.useSolution(id, name: article.name),
                         success: Words.goodwill.solutionPut(UILanguage.current, ["case": id, "language": Words.console.name(of: article.language, UILanguage.current),
                                                                                  "name": article.name]))]
    }
}
