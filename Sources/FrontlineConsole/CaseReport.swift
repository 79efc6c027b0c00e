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
        let world = ConsoleWorld(desk: desk, now: now, queue: queue, levels: levels, time: TimeText(timeZone: timeZone))
        let k = history.customer
        let header = "\(TextSanitiser.singleLine(k.name)) · \(TextSanitiser.singleLine(k.language)) · customer since \(TimeText(timeZone: timeZone).year(k.since))"
        return [header] + HistoryPane.content(c, history: history, width: width, world: world, maxLinesPerMessage: nil, showQuoted: true).map(\.plainText)
    }
}
