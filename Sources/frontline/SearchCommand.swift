import ArgumentParser
import Foundation
import FrontlineConsole
import FrontlineCore
import FrontlineTUI

/// The console's `/` search on the command line, through the same index: names, e-mail
/// addresses, case ids, subjects, tags and every message; words ANDed; "asa" finds "Åsa".
struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Find cases by customer, address, case id, subject, tag or any message text.",
        discussion: "Every word must match (a prefix of a word, or from three letters on any part of one), case-insensitively. Typed without diacritics a word also finds them (\"asa\" finds \"Åsa\"); typed with them it finds only them (\"å\" is its own letter in Swedish and Finnish). Results come in queue order, most urgent first.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The words to look for.") var words: [String]
    @Option(help: "The view to search in: waiting, mine, escalated, followups, pending, solved or all.") var view = "all"
    @Flag(help: "JSON instead of a table (the shape of `queue --json`).") var json = false

    func run() throws {
        guard let v = QueueView(name: view) else {
            throw CleanExit.failure("no view \"\(view)\"; views: \(QueueView.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let query = words.joined(separator: " ")
        guard !query.trimmingCharacters(in: .whitespaces).isEmpty else { throw CleanExit.failure("give a word to look for") }
        let store = try global.openService(owner: "frontline search")
        let desk = store.desk
        let agent = global.actingName(on: store)
        store.close()
        let config = try global.loadConfig()
        let now = SystemClock().now()
        let levels = desk.serviceLevels(base: config.levels)
        let index = SearchIndex(desk: desk)
        let order = QueueOrder(desk: desk, agent: agent, levels: levels, now: now)
        let ids = order.rows(for: QueueQuery(view: v, agent: agent, search: query, levels: levels), desk: desk, now: now,
                             matching: index.matches(query))
        try QueueListing.print(ids, title: "\(v.title) matching \"\(TextSanitiser.singleLine(query))\"", desk: desk, levels: levels, now: now, json: json)
    }
}
