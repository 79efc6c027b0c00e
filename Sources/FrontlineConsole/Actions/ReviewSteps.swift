import Foundation
import FrontlineCore
import FrontlineTUI

/// The Review screen's steps: scoring with keys, praise or coaching, the agent's answer, and
/// what a console notices of reviews made or answered elsewhere.
enum ReviewSteps {
    static func open(state: inout ConsoleState, world: ConsoleWorld) {
        state.reviewBoard = ReviewBoard.make(state: state, world: world)
        state.mode = .review
    }

    static func close(state: inout ConsoleState) {
        state.reviewBoard = nil
        state.mode = .normal
    }

    /// Keys on the Review screen: the list, or the scorecard of the reply being scored.
    static func handle(_ key: Key, state: inout ConsoleState, world: ConsoleWorld) -> [ConsoleEffect] {
        guard var board = state.reviewBoard else { state.mode = .normal; return [] }
        state.status = nil
        defer { if state.reviewBoard != nil, state.mode == .review || isReviewPrompt(state.mode) { state.reviewBoard = board } }
        if var scoring = board.scoring {
            let items = world.review.scorecard.items
            switch key {
            case .escape, .character("q"): board.scoring = nil
            case .down, .character("j"), .tab: scoring.cursor = min(items.count - 1, scoring.cursor + 1)
            case .up, .character("k"), .backTab: scoring.cursor = max(0, scoring.cursor - 1)
            case let .character(c) where ReviewMark(word: String(c)) != nil && "ynx".contains(c):
                scoring.marks[scoring.cursor] = ReviewMark(word: String(c))
                scoring.cursor = min(items.count - 1, scoring.cursor + 1)
            case .character("p"), .character("P"), .character("c"):
                guard let draft = draft(scoring, items: items) else {
                    state.status = StatusMessage(Words.review.markFirst(UILanguage.current), kind: .error, at: world.now)
                    board.scoring = scoring
                    return []
                }
                let ref = draft.reply.description, who = TextSanitiser.singleLine(draft.agent)
                let l = UILanguage.current, w = Words.review
                if key == .character("c") {
                    state.mode = .prompt(Prompt(.reviewNote(draft, verdict: .coach, shoutOut: false), label: w.coachPrompt(l, ["reply": ref, "who": who]),
                                                hint: w.coachHint(l, ["who": who])))
                } else {
                    let shoutOut = key == .character("P")
                    state.mode = .prompt(Prompt(.reviewNote(draft, verdict: .praise, shoutOut: shoutOut), label: w.praisePrompt(l, ["reply": ref, "who": who]),
                                                hint: w.praiseHint(l, ["who": who]) + (shoutOut ? w.shoutOutHint(l) : "")))
                }
            default: break
            }
            if board.scoring != nil { board.scoring = scoring }
            return []
        }
        let rows = board.rows(in: world.desk)
        switch key {
        case .escape, .character("q"):
            close(state: &state)
            return []
        case .down, .character("j"): board.selected = min(max(0, rows.count - 1), board.selected + 1)
        case .up, .character("k"): board.selected = max(0, board.selected - 1)
        case .home, .character("g"): board.selected = 0
        case .end, .character("G"): board.selected = max(0, rows.count - 1)
        case .enter:
            guard let row = board.selectedRow(in: world.desk) else { return [] }
            if case let .candidate(c) = row {
                if c.agent == state.agent {
                    state.status = StatusMessage(Words.review.ownReply(UILanguage.current), kind: .error, at: world.now)
                } else {
                    board.scoring = ReviewBoard.Scoring(candidate: c, marks: Array(repeating: nil, count: world.review.scorecard.items.count))
                }
            }
        case .character("a"), .character("D"), .character("F"):
            guard case let .review(id, r)? = board.selectedRow(in: world.desk) else {
                state.status = StatusMessage(Words.review.chooseReview(UILanguage.current), kind: .error, at: world.now)
                return []
            }
            return answerKey(key, ReplyReference(caseID: id, message: r.message), r, state: &state, world: world)
        default: break
        }
        return []
    }

    static func answerKey(_ key: Key, _ ref: ReplyReference, _ r: Review, state: inout ConsoleState, world: ConsoleWorld) -> [ConsoleEffect] {
        let l = UILanguage.current, w = Words.review
        if key == .character("F") {
            guard r.action?.doneAt == nil, r.action != nil else {
                state.status = StatusMessage((r.action == nil ? w.wasPraise : w.actionAlreadyDone)(l, ["reply": ref.description]), kind: .error, at: world.now)
                return []
            }
            state.mode = .prompt(Prompt(.coachingOutcome(ref), label: w.actionOutcome(l, ["text": TextSanitiser.singleLine(r.action?.text ?? "")]),
                                        hint: Words.status.outcomeHint(l)))
            return []
        }
        guard r.agent == state.agent else {
            state.status = StatusMessage(w.onlyTheirs(l, ["agent": TextSanitiser.singleLine(r.agent)]), kind: .error, at: world.now)
            return []
        }
        guard r.answer == nil else {
            state.status = StatusMessage((r.answer?.disputed == nil ? w.alreadyAcknowledged : w.alreadyDisputed)(l), kind: .error, at: world.now)
            return []
        }
        if key == .character("a") { return [answer(ref, dispute: nil, reviewer: r.by)] }
        state.mode = .prompt(Prompt(.reviewDispute(ref), label: w.disputePrompt(l, ["reply": ref.description]), hint: w.readsIt(l, ["reviewer": TextSanitiser.singleLine(r.by)])))
        return []
    }

    static func draft(_ s: ReviewBoard.Scoring, items: [ScorecardItem]) -> ReviewDraft? {
        guard s.marks.count == items.count, s.marks.allSatisfy({ $0 != nil }) else { return nil }
        return ReviewDraft(reply: s.candidate.reply, agent: s.candidate.agent, items: zip(items, s.marks).map { ScoredItem($0, $1!) })
    }

    static func isReviewPrompt(_ mode: ConsoleState.Mode) -> Bool {
        guard case let .prompt(p) = mode else { return false }
        switch p.purpose {
        case .reviewNote, .coachingAction, .reviewDispute, .coachingOutcome: return true
        default: return false
        }
    }

    // MARK: - The commands

    static func submit(_ d: ReviewDraft, verdict: ReviewVerdict, note: String?, shoutOut: Bool = false, action: String? = nil, due: Date? = nil) -> ConsoleEffect {
        let l = UILanguage.current, w = Words.review
        let score = Scorecard.score(d.items).map { " (\($0)/100)" } ?? ""
        let what = verdict == .praise ? w.praiseForAgent(l, ["agent": d.agent]) + (shoutOut ? w.onTheWallboard(l) : "") : w.coachingForAgent(l, ["agent": d.agent])
        return .perform(.review(d.reply.caseID, ReviewSubmission(message: d.reply.message, items: d.items, verdict: verdict, note: note,
                                                                 shoutOut: shoutOut, action: action, due: due)),
                        success: w.reviewed(l, ["reply": d.reply.description, "score": score, "what": what]))
    }

    static func answer(_ ref: ReplyReference, dispute: String?, reviewer: String) -> ConsoleEffect {
        .perform(.answerReview(ref.caseID, message: ref.message, dispute: dispute),
                 success: dispute == nil ? Words.review.acknowledgedReview(UILanguage.current, ["reply": ref.description])
                                         : Words.review.disputedReview(UILanguage.current, ["reply": ref.description, "reviewer": reviewer]))
    }

    static func coachingDone(_ ref: ReplyReference, outcome: String) -> ConsoleEffect {
        .perform(.completeCoaching(ref.caseID, message: ref.message, outcome: outcome.isEmpty ? nil : outcome), success: Words.review.actionItemDone(UILanguage.current, ["reply": ref.description]))
    }

    /// Prompt answers on the way: the note, then (coaching) the action item "WHEN WHAT".
    static func submitPrompt(_ p: Prompt, text: String, state: inout ConsoleState, world: ConsoleWorld) -> [ConsoleEffect] {
        func retry(_ problem: String) -> [ConsoleEffect] { PromptUpdate.retry(p, problem, state: &state) }
        let l = UILanguage.current, w = Words.review
        state.mode = .review
        switch p.purpose {
        case let .reviewNote(d, verdict, shoutOut):
            if verdict == .praise {
                state.reviewBoard?.scoring = nil
                return [submit(d, verdict: .praise, note: text.isEmpty ? nil : text, shoutOut: shoutOut)]
            }
            guard !text.isEmpty else { return retry(w.sayWhatToWorkOn(l, ["agent": d.agent])) }
            state.mode = .prompt(Prompt(.coachingAction(d, note: text), label: w.actionPrompt(l, ["agent": TextSanitiser.singleLine(d.agent)]),
                                        hint: w.actionHint(l, ["zone": world.timeZone.identifier])))
            return []
        case let .coachingAction(d, note):
            let words = ConsoleCommandLine.words(text)
            let parser = FollowUpTime(timeZone: world.timeZone)
            for n in stride(from: min(2, words.count), through: 1, by: -1) {
                if let due = try? parser.parse(words.prefix(n).joined(separator: " "), now: world.now) {
                    let what = words.dropFirst(n).joined(separator: " ")
                    guard !what.isEmpty else { return retry(w.sayWhatToDo(l, ["agent": d.agent])) }
                    state.reviewBoard?.scoring = nil
                    return [submit(d, verdict: .coach, note: note, action: what, due: due)]
                }
            }
            return retry(w.actionUsage(l, ["agent": d.agent]))
        case let .reviewDispute(ref):
            guard !text.isEmpty else { return retry(w.sayWhyDispute(l)) }
            let reviewer = world.desk.cases[ref.caseID]?.review(of: ref.message)?.by ?? w.theReviewer(l)
            return [answer(ref, dispute: text, reviewer: reviewer)]
        case let .coachingOutcome(ref):
            return [coachingDone(ref, outcome: text)]
        default:
            return []
        }
    }

    // MARK: - Reviews from elsewhere

    /// A review of this agent's reply, or an answer to this supervisor's review, made in another
    /// console: said at once on the status line.
    static func notice(_ events: [Event], state: inout ConsoleState, world: ConsoleWorld) {
        let l = UILanguage.current, w = Words.review
        for e in events where e.actor != state.agent {
            let who = TextSanitiser.singleLine(e.actor)
            switch e.change {
            case let .replyReviewed(r) where r.agent == state.agent:
                let ref = Review.reference(e.caseID, r.message)
                let said = r.note.map { ": " + TextSanitiser.singleLine($0) } ?? ""
                if r.verdict == .praise {
                    state.status = StatusMessage(w.praisedYou(l, ["who": who, "reply": ref, "said": said, "wall": r.shoutOut ? w.wallNote(l) : ""]), at: world.now)
                } else {
                    let due = r.action.map { w.actionBy(l, ["when": world.time.dayAndTime($0.due, now: world.now)]) } ?? ""
                    state.status = StatusMessage(w.coachedYou(l, ["who": who, "reply": ref, "said": said, "due": due]), at: world.now)
                }
            case let .reviewAnswered(message, disputed):
                guard let r = world.desk.cases[e.caseID]?.review(of: message), r.by == state.agent else { continue }
                let ref = Review.reference(e.caseID, message)
                if let why = disputed {
                    state.status = StatusMessage(w.disputesYours(l, ["who": who, "reply": ref, "why": TextSanitiser.singleLine(why)]), kind: .error, at: world.now)
                } else {
                    state.status = StatusMessage(w.acknowledgesYours(l, ["who": who, "reply": ref]), at: world.now)
                }
            case let .coachingDone(message, outcome):
                guard let r = world.desk.cases[e.caseID]?.review(of: message), r.by == state.agent else { continue }
                state.status = StatusMessage(w.didTheAction(l, ["who": who, "reply": Review.reference(e.caseID, message),
                                                                "outcome": outcome.map { ": " + TextSanitiser.singleLine($0) } ?? ""]), at: world.now)
            default:
                continue
            }
        }
    }
}
