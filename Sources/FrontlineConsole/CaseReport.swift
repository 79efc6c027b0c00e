import Foundation
import FrontlineCore
import FrontlineTUI

/// A case with its customer's history as plain, sanitised text (`frontline show`): the same
/// content as the console's history pane.
public enum CaseReport {
    public static func lines(desk: HelpDesk, caseID: CaseID, now: Date, timeZone: TimeZone, width: Int,
                             levels: ServiceLevels = ServiceLevels()) -> [String] {
        guard let c = desk.cases[caseID], let history = CustomerHistory(desk: desk, caseID: caseID) else { return [] }
        let queue = QueueSnapshot(desk: HelpDesk(), query: QueueQuery(view: .all, agent: ""), now: now)
        // In the language of whoever runs `frontline show` (`UILanguage.current`).
        let time = TimeText(timeZone: timeZone, language: UILanguage.current)
        let world = ConsoleWorld(desk: desk, now: now, queue: queue, levels: levels, time: time)
        let k = history.customer
        let header = Words.console.customerSince(UILanguage.current, ["name": TextSanitiser.singleLine(k.name), "language": TextSanitiser.singleLine(k.language),
                                                                      "year": "\(time.year(k.since))"])
        return [header] + HistoryPane.content(c, history: history, width: width, world: world, maxLinesPerMessage: nil, showQuoted: true).map(\.plainText)
    }
}
