import ArgumentParser
import Foundation
import FrontlineConsole
import FrontlineCore
import FrontlineTUI

struct SolutionsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "solutions", abstract: "List the solution articles, or the ones that fit a case.",
        discussion: "Bundled examples with the team's own from $XDG_CONFIG_HOME/frontline/solutions/NAME.LANG.md (a `# Title`, an optional `tags: a, b` line, then the text). With a case: the best fits for it, in the customer's language.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "A case id: the articles that fit it.") var caseID: String?
    @Option(help: "Record that this article goes into the case's reply, and print it filled for the customer.") var use: String?

    func validate() throws {
        if use != nil && caseID == nil { throw ValidationError("--use needs the case: frontline solutions CASE --use NAME") }
    }

    func run() throws {
        let library = try global.loadSolutions()
        if let caseID, let name = use { return try record(name, on: caseID, library: library) }
        guard let caseID else {
            for name in Set(library.articles.map(\.name)).sorted() {
                let versions = library.articles.filter { $0.name == name }
                let title = versions.first { $0.language == .en }?.title ?? versions[0].title
                let tags = Set(versions.flatMap(\.tags)).sorted().joined(separator: ", ")
                print([DisplayWidth.pad(name, toWidth: 18), DisplayWidth.pad(versions.map(\.language.rawValue).joined(separator: " "), toWidth: 9),
                       DisplayWidth.pad(TextSanitiser.singleLine(title), toWidth: 34), tags].joined(separator: " "))
            }
            return
        }
        let store = try global.openService(owner: "frontline solutions")
        let desk = store.desk
        store.close()
        let w = Words.commandLine, l = UILanguage.current
        guard let c = desk.cases[caseID] else { throw CleanExit.failure(RefusalWords.shared.noCase(l, ["case": caseID])) }
        let language = Language(code: desk.customer(of: c)?.language ?? "en")
        let fits = library.suggestions(for: c, language: language, limit: 5)
        if fits.isEmpty { print(w.noSolutionFits(l, ["case": caseID])) }
        for a in fits { print("\(a.name): \(TextSanitiser.singleLine(a.title)) (\(Words.console.name(of: a.language, l)))") }
        let used = c.solutionsUsed.map(\.name)
        if !used.isEmpty { print(w.usedOn(l, ["case": caseID, "names": used.joined(separator: ", ")])) }
    }

    /// What `u` does in the console: the article's text, filled for the customer, and its use recorded.
    func record(_ name: String, on caseID: String, library: SolutionLibrary) throws {
        let key = name.lowercased()
        guard library.articles.contains(where: { $0.name == key }) else {
            throw CleanExit.failure(Words.goodwill.noSolutionNamed(UILanguage.current, ["name": name, "names": Set(library.articles.map(\.name)).sorted().joined(separator: ", ")]))
        }
        try performAction(global, .useSolution(caseID, name: key), owner: "frontline solutions") { events, desk in
            guard let c = desk.cases[caseID], let k = desk.customer(of: c),
                  let article = library.named(key, language: Language(code: k.language)) else { return "\(caseID): \(key) recorded" }
            let values = ReplyTemplate.values(for: c, customer: k, history: CustomerHistory(desk: desk, caseID: caseID),
                                              agent: events.first?.actor ?? global.resolvedAgent, timeZone: .current)
            return ReplyTemplate(name: article.name, language: article.language, text: article.body).filled(values).sanitisedForTerminal
        }
    }
}
