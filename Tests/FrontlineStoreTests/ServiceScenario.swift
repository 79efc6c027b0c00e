import Foundation
import FrontlineCore

/// A seeded generator of help-desk work: opens cases, replies, notes, apologies, escalations,
/// follow-ups and their completion, assignment, priority, tags, solve/reopen/pending, drafts —
/// and commands that must be refused. Each step says what the store must do with it, judged
/// from the desk as it stands, so a test can hold the service to it.
struct ServiceScenario {
    enum Expectation: Equatable {
        /// Must produce events.
        case accepted
        /// Must be accepted but change nothing (a draft saved unchanged): no events, no record.
        case unchanged
        /// Must throw a `CommandError` and change nothing.
        case refused
    }

    struct Step {
        let command: Command
        let actor: String
        let at: Date?
        let expectation: Expectation
        let label: String
    }

    private var rng: SeededRandom
    private var serial = 0
    private let people: [(name: String, email: String, language: String)] = [
        ("Åsa Lindqvist", "asa@example.se", "sv"), ("Matti Virtanen", "matti@example.fi", "fi"),
        ("Jane Doe", "jane@example.com", "en"), ("Jane Doe", "", "en"), ("李小龙", "li@example.cn", "zh"),
        ("Ola Nordmann", "OLA@example.no", "no"), ("Zoë Ünal", "zoe@example.de", "de"), ("Bob Smith", "", "en"),
    ]
    private let agents = ["alice", "bob", "carol"]
    private let reasons = ["customer is angry", "legal threat", "refund over limit", "  customer is angry  "]
    private let tagPool = ["vip", "VIP", " billing ", "tv", "refund", "", "Delivery"]

    init(seed: UInt64) {
        rng = SeededRandom(seed: seed)
    }

    mutating func int(_ upperBound: Int) -> Int {
        Int(rng.next() % UInt64(max(1, upperBound)))
    }

    mutating func chance(_ percent: Int) -> Bool { int(100) < percent }

    private mutating func pick<T>(_ items: [T]) -> T { items[int(items.count)] }

    private mutating func text(_ kind: String) -> String {
        serial += 1
        // Some bodies carry what JSON must escape and multi-line text; some need trimming.
        switch int(5) {
        case 0: return "\(kind) \(serial): \"quoted\" \\ back\\slash\ttab"
        case 1: return "  \(kind) \(serial) with spaces around \n"
        case 2: return "\(kind) \(serial)\nsecond line — ünïcødé 🙂"
        default: return "\(kind) \(serial)"
        }
    }

    /// The next step for `desk` at `now`.
    mutating func next(desk: HelpDesk, now: Date) -> Step {
        let actor = pick(agents)
        // Backdate a fifth of the actions, to the microsecond: the journal keeps milliseconds,
        // so the store must round before it applies, or memory and disk disagree.
        let at: Date? = chance(20) ? now.addingTimeInterval(-Double(1 + int(3_600_000_000)) / 1_000_000) : nil
        let ids = desk.caseOrder
        if ids.isEmpty || chance(12) { return openCase(now: now, at: at) }
        if chance(8) { return invalid(desk: desk, actor: actor) }
        let id = pick(ids)
        let c = desk.cases[id]!
        switch int(17) {
        case 0:
            let received: Date? = chance(50) ? now.addingTimeInterval(-Double(int(7_200_000_000)) / 1_000_000) : nil
            return Step(command: ServiceCommands.append(to: id, body: text("more from customer"), receivedAt: received),
                        actor: "intake", at: at, expectation: .accepted, label: "append to \(id)")
        case 1, 2:
            return Step(command: .reply(id, body: text("reply")), actor: actor, at: at, expectation: .accepted, label: "reply \(id)")
        case 3:
            return Step(command: .note(id, body: text("note")), actor: actor, at: at, expectation: .accepted, label: "note \(id)")
        case 4:
            return Step(command: .apologise(id, kind: pick(ApologyKind.allCases)), actor: actor, at: at, expectation: .accepted, label: "apologise \(id)")
        case 5:
            let level = pick(EscalationLevel.allCases)
            let reason = pick(reasons)
            let trimmed = reason.trimmingCharacters(in: .whitespacesAndNewlines)
            let same = c.escalation?.level == level && c.escalation?.reason == trimmed
            return Step(command: .escalate(id, level: level, reason: reason), actor: actor, at: at,
                        expectation: same ? .refused : .accepted, label: "escalate \(id) \(level)")
        case 6:
            let due = now.addingTimeInterval(Double(60_000_000 + int(3 * 86_400_000_000)) / 1_000_000)
            return Step(command: .scheduleFollowUp(id, due: due, note: text("call back")), actor: actor, at: at,
                        expectation: .accepted, label: "follow-up \(id)")
        case 7:
            let open = c.openFollowUps
            let outcome: String? = pick([nil, "  ", "reached them", " left a voicemail "])
            let target: Int?
            switch int(3) {
            case 0: target = nil
            case 1: target = c.followUps.isEmpty ? 1 : pick(c.followUps).id
            default: target = open.isEmpty ? nil : pick(open).id
            }
            let possible = target.map { t in open.contains { $0.id == t } } ?? !open.isEmpty
            return Step(command: .completeFollowUp(id, id: target, outcome: outcome), actor: actor, at: at,
                        expectation: possible ? .accepted : .refused, label: "complete follow-up \(id) #\(target.map(String.init) ?? "next")")
        case 8:
            let agent: String? = pick(["alice", "bob", "carol", nil, "  ", " bob "])
            let trimmed = agent?.trimmingCharacters(in: .whitespaces)
            let target = (trimmed?.isEmpty ?? true) ? nil : trimmed
            return Step(command: .assign(id, agent: agent), actor: actor, at: at,
                        expectation: c.assignee == target ? .refused : .accepted, label: "assign \(id) \(agent ?? "nil")")
        case 9:
            let priority = pick(Priority.allCases)
            return Step(command: .setPriority(id, priority), actor: actor, at: at,
                        expectation: c.priority == priority ? .refused : .accepted, label: "priority \(id) \(priority)")
        case 10:
            let tags = (0...int(3)).map { _ in pick(tagPool) }
            let clean = tags.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }.filter { !$0.isEmpty }
            let new = clean.filter { !c.tags.contains($0) }
            return Step(command: .tag(id, tags: tags), actor: actor, at: at,
                        expectation: new.isEmpty ? .refused : .accepted, label: "tag \(id) \(tags)")
        case 11, 12:
            // Half the time with a reason, which lets a case with an open follow-up be solved.
            let reason = int(2) == 0 ? "sorted out on the phone" : nil
            let promiseInTheWay = !c.openFollowUps.isEmpty && reason == nil
            return Step(command: .solve(id, overriding: reason), actor: actor, at: at,
                        expectation: c.status == .solved || promiseInTheWay ? .refused : .accepted, label: "solve \(id)")
        case 13:
            return Step(command: .reopen(id), actor: actor, at: at,
                        expectation: c.status == .open ? .refused : .accepted, label: "reopen \(id)")
        case 14:
            return Step(command: .setPending(id), actor: actor, at: at,
                        expectation: c.status == .pending ? .refused : .accepted, label: "pending \(id)")
        default:
            let existing = desk.draft(caseID: id, agent: actor)
            let body: String
            switch int(4) {
            case 0: body = ""
            case 1: body = existing ?? "draft kept"
            default: body = text("draft")
            }
            return Step(command: .saveDraft(id, body: body), actor: actor, at: at,
                        expectation: (existing ?? "") == body ? .unchanged : .accepted, label: "draft \(id)")
        }
    }

    private mutating func openCase(now: Date, at: Date?) -> Step {
        let person = pick(people)
        // A customer message may carry its own received time (any precision a caller gives).
        let received: Date? = chance(40) ? now.addingTimeInterval(-Double(int(86_400_000_000)) / 1_000_000) : nil
        let subject = chance(15) ? "" : text("subject")
        let message = IncomingMessage(customerName: person.name, customerEmail: person.email, language: person.language,
                                      subject: subject, body: text("message"), channel: pick(Channel.allCases),
                                      receivedAt: received, priority: pick(Priority.allCases))
        return Step(command: .receive(message), actor: "intake", at: at, expectation: .accepted, label: "open case for \(person.name)")
    }

    /// Commands no state can make valid.
    private mutating func invalid(desk: HelpDesk, actor: String) -> Step {
        let id = pick(desk.caseOrder)
        let command: Command
        switch int(10) {
        case 0: command = .reply("C-9999", body: "to nowhere")
        case 1: command = .note(id, body: "  \n\t ")
        case 2: command = .receive(IncomingMessage(customerName: "Nobody", customerEmail: "", language: "en", subject: "s", body: "   "))
        case 3: command = .receive(IncomingMessage(customerName: "  ", customerEmail: "x@example.com", language: "en", subject: "s", body: "hello"))
        case 4: command = .tag(id, tags: [" ", ""])
        case 5: command = .tag(id, tags: ["two words"])
        case 6: command = .escalate(id, level: .tier2, reason: " ")
        case 7: command = .completeFollowUp(id, id: 999, outcome: nil)
        case 8: command = .apologise("C-1", kind: .delay)
        default: command = ServiceCommands.append(to: "C-9999", body: "lost")
        }
        return Step(command: command, actor: actor, at: nil, expectation: .refused, label: "invalid \(command)")
    }
}
