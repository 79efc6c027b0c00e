import Foundation
@testable import FrontlineCore

/// A fixed start time for deterministic tests: Monday 2026-11-23 10:00 UTC.
let t0 = Date(timeIntervalSince1970: 1_795_428_000)

/// Builds a desk by performing commands the way the service does (decide → stamp → apply).
struct DeskBuilder {
    var desk = HelpDesk()
    var now = t0
    var authority = GoodwillAuthority.embedded
    /// How replies (and our notices) go out as mail; nil: recorded only.
    var outbound: OutboundMailSettings?

    @discardableResult
    mutating func run(_ command: Command, actor: String = "alice") throws -> [Event] {
        let events = desk.stamp(try desk.decide(command, actor: actor, now: now, outbound: outbound, authority: authority), actor: actor, now: now)
        for e in events { desk.apply(e) }
        return events
    }

    mutating func open(_ name: String, email: String = "", language: String = "en", subject: String = "Help", body: String = "Hello",
                       priority: Priority = .normal, at: Date? = nil) throws -> CaseID {
        try run(.receive(IncomingMessage(customerName: name, customerEmail: email, language: language, subject: subject, body: body,
                                         receivedAt: at, priority: priority)), actor: "intake").first!.caseID
    }

    mutating func advance(_ seconds: TimeInterval) { now = now.addingTimeInterval(seconds) }
}

extension HelpDesk {
    /// The desk as formats 2 to 4 hold it: the history lines in English only (their wording,
    /// format 8's, has no place there — they are said as written).
    func withoutActivityWording() -> HelpDesk {
        var d = self
        for id in d.caseOrder {
            guard var c = d.cases[id] else { continue }
            c.activity = c.activity.map { CaseActivity(at: $0.at, actor: $0.actor, text: $0.text) }
            d.cases[id] = c
        }
        return d
    }
}
