import Foundation

/// Finds the promises nobody kept: follow-ups still open `grace` after they were due and not yet
/// marked broken. The team server runs it every half minute and performs what it returns, as
/// the actor `frontline` (so the history says the desk itself escalated): each becomes
/// `breakPromise`, which marks the follow-up broken and escalates the case to a supervisor.
/// Looks through the cases with an open follow-up only, never the whole desk.
public enum PromiseKeeper {
    /// The actor the server's own promise-keeping is recorded as.
    public static let actor = "frontline"
    /// How often the server looks.
    public static let interval: TimeInterval = 30

    public static func overdue(in desk: HelpDesk, now: Date, grace: TimeInterval) -> [Command] {
        var out: [(due: Date, caseID: CaseID, command: Command)] = []
        for id in desk.casesWithOpenFollowUps {
            guard let c = desk.cases[id] else { continue }
            for f in c.openFollowUps where f.brokenAt == nil && f.due.addingTimeInterval(grace) <= now {
                out.append((f.due, id, .breakPromise(id, id: f.id, grace: grace)))
            }
        }
        // Oldest first, so the order of the escalations is the order the promises fell due.
        return out.sorted { ($0.due, $0.caseID) < ($1.due, $1.caseID) }.map(\.command)
    }
}
