import ArgumentParser
import Foundation
import FrontlineConsole
import FrontlineCore
import FrontlineTUI

// Review from a script: the same queue, scorecard and steps as the console's Review screen (V).

struct ReviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review", abstract: "Review agents' replies: the week's queue, scoring, praise and coaching, and the agent's answer.",
        discussion: "A reply is named CASE.N, its place in the case's thread counting from 1 (frontline review queue lists them). The sample size and the scorecard come from [review] in config.toml.",
        subcommands: [ReviewQueueCommand.self, ReviewListCommand.self, ReviewShowCommand.self, ReviewScoreCommand.self,
                      ReviewAcknowledgeCommand.self, ReviewDisputeCommand.self, ReviewDoneCommand.self, ReviewScorecardCommand.self],
        defaultSubcommand: ReviewQueueCommand.self)
}

func parseReplyReference(_ text: String) throws -> ReplyReference {
    guard let ref = ReplyReference(text) else {
        throw CleanExit.failure("\(text): a reply is named CASE.N, like C-1042.3 (frontline review queue lists them)")
    }
    return ref
}

struct ReviewQueueCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "queue", abstract: "The replies to review this week: each agent's sample and the ones that call for a look.")
    @OptionGroup var global: GlobalOptions
    @Option(help: "Any time in the week to list (default: now), e.g. 'monday', '7d', '2026-11-23'.") var week = "now"
    @Flag(help: "JSON instead of text.") var json = false

    func run() throws {
        let at: Date
        do { at = try ReportTime.parse(week, now: Date(), timeZone: .current) } catch { throw CleanExit.failure("--week: \(error)") }
        let config = try global.loadConfig()
        let store = try global.openService(owner: "frontline review queue")
        let desk = store.desk
        store.close()
        let period = ReviewQueue.week(containing: at, timeZone: .current)
        let queue = ReviewQueue.candidates(in: desk, period: period, sample: config.review.sample)
        if json {
            struct Row: Encodable { let reply: String, agent: String, at: Date, flags: [ReviewFlag], sampled: Bool }
            let rows = queue.map { Row(reply: $0.reply.description, agent: $0.agent, at: $0.at, flags: $0.flags, sampled: $0.sampled) }
            print(String(decoding: try ExportDocument.encoder().encode(rows), as: UTF8.self))
            return
        }
        let l = UILanguage.current, w = Words.review
        print(w.queueHeader(l, ["week": String(ISOTime.format(period.start).prefix(10)), "n": "\(queue.count)", "sample": "\(config.review.sample)"]))
        for c in queue {
            let why = (c.flags.map { w.flag($0)(l) } + (c.sampled ? [w.sample(l)] : [])).joined(separator: ", ")
            print([DisplayWidth.pad(c.reply.description, toWidth: 10), DisplayWidth.pad(TextSanitiser.singleLine(c.agent), toWidth: 10),
                   ISOTime.format(c.at), why].joined(separator: " "))
        }
    }
}

struct ReviewListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "The reviews made, newest first, with the agent's answer and the action item.")
    @OptionGroup var global: GlobalOptions
    @Option(name: .customLong("of"), help: "Only the reviews of this agent's replies.") var agentName: String?
    @Option(help: "Only reviews made since then, e.g. 'monday', '30d'.") var since: String?
    @Flag(help: "JSON instead of text.") var json = false

    func run() throws {
        var from = Date.distantPast
        if let since {
            do { from = try ReportTime.parse(since, now: Date(), timeZone: .current) } catch { throw CleanExit.failure("--since: \(error)") }
        }
        let store = try global.openService(owner: "frontline review list")
        let desk = store.desk
        store.close()
        let reviews = desk.allReviews().filter { (agentName == nil || $0.review.agent == agentName) && $0.review.at >= from }
        if json {
            struct Row: Encodable { let reply: String, review: Review, score: Int? }
            let rows = reviews.map { Row(reply: Review.reference($0.caseID, $0.review.message), review: $0.review, score: $0.review.score) }
            print(String(decoding: try ExportDocument.encoder().encode(rows), as: UTF8.self))
            return
        }
        let now = Date()
        let l = UILanguage.current, w = Words.review
        print(w.reviewsCount(l, ["n": "\(reviews.count)"]))
        for (id, r) in reviews {
            let score = r.score.map { "\($0)/100" } ?? "–"
            let verdict = (r.verdict == .praise ? w.praise : w.coach)(l)
            print([DisplayWidth.pad(Review.reference(id, r.message), toWidth: 10), DisplayWidth.pad(TextSanitiser.singleLine(r.agent), toWidth: 10),
                   DisplayWidth.pad("\(verdict) \(score)", toWidth: 18), w.byWhom(l, ["by": TextSanitiser.singleLine(r.by)]), ISOTime.format(r.at)].joined(separator: " "))
            var standing = r.answer.map { $0.disputed.map { w.disputed(l, ["why": TextSanitiser.singleLine($0)]) } ?? w.acknowledged(l) } ?? w.notYetAnswered(l)
            if let a = r.action {
                let state = a.doneAt.map { w.doneAt(l, ["when": ISOTime.format($0)]) }
                    ?? (a.isOverdue(now: now) ? w.overdueSince(l, ["when": ISOTime.format(a.due)]) : w.dueAt(l, ["when": ISOTime.format(a.due)]))
                standing += w.actionStanding(l, ["text": TextSanitiser.singleLine(a.text), "state": state])
            }
            print("           \(standing)")
        }
    }
}

struct ReviewShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "A reply with the customer's message it answered, and its review if it has one.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The reply, CASE.N.") var reply: String

    func run() throws {
        let ref = try parseReplyReference(reply)
        let store = try global.openService(owner: "frontline review show")
        let desk = store.desk
        store.close()
        let l = UILanguage.current, w = Words.review, refuse = RefusalWords.shared
        guard let c = desk.cases[ref.caseID] else { throw CleanExit.failure(refuse.noCase(l, ["case": ref.caseID])) }
        let messages = c.messages
        guard messages.indices.contains(ref.message) else {
            throw CleanExit.failure(refuse.noSuchMessage(l, ["case": c.id, "n": "\(messages.count)", "reply": ref.description]))
        }
        let name = desk.customer(of: c)?.name ?? ""
        print("\(ref) · \(c.subject) · \(name) (\(desk.customer(of: c)?.language ?? "?"))".sanitisedForTerminal)
        if let asked = messages[..<ref.message].last(where: { $0.direction == .inbound }) {
            print(("\n" + w.wrote(l, ["name": name, "when": ISOTime.format(asked.at)]) + "\n\(asked.body)").sanitisedForTerminal)
        }
        let m = messages[ref.message]
        print(("\n" + (m.direction == .outbound ? w.replied : w.wrote)(l, ["name": m.author, "when": ISOTime.format(m.at)]) + "\n\(m.body)").sanitisedForTerminal)
        if let r = c.review(of: ref.message) {
            let score = r.score.map { "\($0)/100" } ?? "–"
            print(("\n" + (r.verdict == .praise ? w.praiseFor : w.coachingFor)(l, ["agent": r.agent, "by": r.by, "when": ISOTime.format(r.at), "score": score])).sanitisedForTerminal)
            for s in r.items { print("  \(s.mark.symbol) \(s.item.label)\(s.item.critical ? " (\(w.critical(l)))" : "")".sanitisedForTerminal) }
            if let note = r.note { print("  “\(note)”".sanitisedForTerminal) }
            if let a = r.action {
                print(("  " + w.actionItem(l, ["text": a.text, "when": ISOTime.format(a.due)]) + (a.doneAt.map { " · " + w.done(l, ["when": ISOTime.format($0)]) } ?? "")).sanitisedForTerminal)
            }
        }
    }
}

struct ReviewScoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "score", abstract: "Review a reply: mark every scorecard item, then praise or coach (supervisors; not your own).",
        discussion: "--mark greeted=y,owned=x,next-step=y,language=y (y met, n missed, x does not apply; frontline review scorecard lists the items). Praise may go on the wallboard (--shout-out: the agent's name and what they did well). Coaching needs --note and an action item with --due, which is a promise the agent keeps.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The reply, CASE.N.") var reply: String
    @Option(help: "Every item's mark: NAME=y|n|x, separated by commas.") var mark: String
    @Flag(help: "Praise the reply.") var praise = false
    @Flag(help: "With --praise: show it on the wallboard.") var shoutOut = false
    @Option(help: "Coach: the action item for the agent.") var coach: String?
    @Option(help: "The action item's due time: +7d, fri 16:00, 2026-12-08 10:00.") var due: String?
    @Option(help: "What you tell the agent (required to coach).") var note: String?

    func run() throws {
        let ref = try parseReplyReference(reply)
        guard praise != (coach != nil) else { throw CleanExit.failure("say --praise or --coach ACTION (one of them)") }
        guard !shoutOut || praise else { throw CleanExit.failure("--shout-out goes with --praise") }
        let config = try global.loadConfig()
        var marks: [String: ReviewMark] = [:]
        for pair in mark.split(separator: ",") {
            let parts = pair.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, let m = ReviewMark(word: parts[1]) else {
                throw CleanExit.failure("--mark \(pair): write NAME=y (met), NAME=n (missed) or NAME=x (does not apply)")
            }
            guard marks[parts[0]] == nil else { throw CleanExit.failure("--mark: \(parts[0]) is marked twice") }
            marks[parts[0]] = m
        }
        let items: [ScoredItem]
        do { items = try config.review.scorecard.scored(marks) } catch { throw CleanExit.failure("--mark: \(error)") }
        var dueDate: Date?
        if coach != nil {
            guard let due else { throw CleanExit.failure("coaching needs --due: when the action item is to be done") }
            do { dueDate = try FollowUpTime(timeZone: .current).parse(due, now: Date()) } catch { throw CleanExit.failure("--due: \(error)") }
        }
        let submission = ReviewSubmission(message: ref.message, items: items, verdict: praise ? .praise : .coach, note: note,
                                          shoutOut: shoutOut, action: coach, due: dueDate)
        try performAction(global, .review(ref.caseID, submission), owner: "frontline review score") { events, desk in
            guard case let .replyReviewed(r)? = events.first?.change else { return "\(ref): nothing changed" }
            let score = r.score.map { "\($0)/100" } ?? "–", l = UILanguage.current, w = Words.review
            return w.scored(l, ["reply": ref.description, "verdict": (r.verdict == .praise ? w.praise : w.coach)(l), "agent": r.agent, "score": score,
                                "action": r.action.map { w.actionDueCLI(l, ["when": ISOTime.format($0.due)]) } ?? ""])
        }
    }
}

struct ReviewAcknowledgeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "ack", abstract: "Acknowledge the review of your reply.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The reply, CASE.N.") var reply: String

    func run() throws {
        let ref = try parseReplyReference(reply)
        try performAction(global, .answerReview(ref.caseID, message: ref.message, dispute: nil), owner: "frontline review ack") { _ in Words.review.acknowledgedReview(UILanguage.current, ["reply": ref.description]) }
    }
}

struct ReviewDisputeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "dispute", abstract: "Dispute the review of your reply, saying why (the reviewer sees it).")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The reply, CASE.N.") var reply: String
    @Option(help: "Why (required).") var reason: String

    func run() throws {
        let ref = try parseReplyReference(reply)
        try performAction(global, .answerReview(ref.caseID, message: ref.message, dispute: reason), owner: "frontline review dispute") { _, desk in
            Words.review.disputedReview(UILanguage.current, ["reply": ref.description, "reviewer": desk.cases[ref.caseID]?.review(of: ref.message)?.by ?? "?"])
        }
    }
}

struct ReviewDoneCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "done", abstract: "Mark coaching's action item done.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The reply, CASE.N.") var reply: String
    @Option(help: "What came of it.") var outcome: String?

    func run() throws {
        let ref = try parseReplyReference(reply)
        try performAction(global, .completeCoaching(ref.caseID, message: ref.message, outcome: outcome), owner: "frontline review done") { _ in Words.review.actionItemDone(UILanguage.current, ["reply": ref.description]) }
    }
}

struct ReviewScorecardCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "scorecard", abstract: "The scorecard replies are reviewed with ([review] in config.toml).")
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let config = try global.loadConfig()
        let l = UILanguage.current, w = Words.review
        print(w.scorecardHeader(l, ["sample": "\(config.review.sample)"]))
        for item in config.review.named(in: l).scorecard.items {
            print("  \(DisplayWidth.pad(item.name, toWidth: 12)) \(w.weight(l, ["n": "\(item.weight)"]))\(item.critical ? ", " + w.critical(l) : "")  \(item.label)".sanitisedForTerminal)
        }
    }
}
