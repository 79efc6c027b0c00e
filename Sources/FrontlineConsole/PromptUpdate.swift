import Foundation
import FrontlineCore
import FrontlineTUI

/// Keys while a one-line prompt is open (search, command line, reasons, times, notes).
enum PromptUpdate {
    static func handle(_ key: Key, prompt: Prompt, state: inout ConsoleState, world: ConsoleWorld) -> [ConsoleEffect] {
        var p = prompt
        switch key {
        case .escape, .control("c"), .control("g"):
            if case .search = p.purpose {
                state.search = ""
                state.selectedIndex = 0
            }
            state.mode = ReviewSteps.isReviewPrompt(state.mode) ? .review : .normal
            return []
        case .enter:
            return submit(p, state: &state, world: world)
        case .character(let c): p.field.insert(c)
        case .backspace: p.field.backspace()
        case .delete: p.field.deleteForward()
        case .control("w"), .alt("\u{7F}"): p.field.deleteWordBackward()
        case .control("u"): p.field.deleteToLineStart()
        case .left: p.field.moveLeft()
        case .right: p.field.moveRight()
        case .home, .control("a"): p.field.moveToStart()
        case .end, .control("e"): p.field.moveToEnd()
        case .alt("b"): p.field.moveWordLeft()
        case .alt("f"): p.field.moveWordRight()
        default: break
        }
        if case let .template(id) = p.purpose, let c = world.desk.cases[id] {
            p.hint = ActionSteps.templateHint(p.field.text, for: c, world: world)
        }
        if case .search = p.purpose, p.field.text != state.search {
            // Narrow as the agent types.
            state.search = p.field.text
            state.selectedIndex = 0
            state.selectedCaseID = nil
            state.queueTop = 0
        }
        state.mode = .prompt(p)
        return []
    }

    /// The prompt stays open with what is wrong under it.
    static func retry(_ p: Prompt, _ problem: String, state: inout ConsoleState) -> [ConsoleEffect] {
        var again = p
        again.hint = problem
        state.mode = .prompt(again)
        return []
    }

    static func submit(_ p: Prompt, state: inout ConsoleState, world: ConsoleWorld) -> [ConsoleEffect] {
        let text = p.field.text.trimmingCharacters(in: .whitespaces)
        func retry(_ problem: String) -> [ConsoleEffect] { Self.retry(p, problem, state: &state) }
        let l = UILanguage.current, m = Words.messages, g = Words.goodwill
        state.mode = .normal
        switch p.purpose {
        case .search:
            state.search = text
            return []
        case .commandLine:
            guard !text.isEmpty else { return [] }
            do {
                return try ConsoleCommandLine.run(text, state: &state, world: world)
            } catch {
                return retry(error.description)
            }
        case let .escalationReason(id, level):
            guard !text.isEmpty else { return retry(m.reasonRequired(l)) }
            return [ActionSteps.escalate(id, level, reason: text)]
        case let .followUpWhen(id):
            do {
                let (when, untilAnswer) = ActionSteps.untilAnswer(text)
                let due = try FollowUpTime(timeZone: world.timeZone).parse(when, now: world.now)
                let shown = world.time.dayAndTime(due, now: world.now) + (untilAnswer ? Words.status.unlessFirst(UILanguage.current) : "")
                state.mode = .prompt(Prompt(.followUpNote(id, due: due, untilAnswer: untilAnswer), label: Words.status.followUpWhat(UILanguage.current, ["case": id, "when": shown]),
                                            hint: Words.status.followUpWhatHint(UILanguage.current)))
                return []
            } catch {
                return retry(error.text())
            }
        case let .followUpNote(id, due, untilAnswer):
            guard !text.isEmpty else { return retry(m.sayWhatToFollowUp(l)) }
            return [ActionSteps.followUp(id, due: due, note: text, untilAnswer: untilAnswer, world: world)]
        case let .followUpCancelReason(id):
            guard !text.isEmpty else { return retry(m.sayWhyNoLonger(l)) }
            return [ActionSteps.cancelFollowUp(id, reason: text)]
        case let .followUpOutcome(id):
            return [ActionSteps.followUpDone(id, outcome: text)]
        case let .template(id):
            guard let c = world.desk.cases[id] else { return [] }
            guard let t = ActionSteps.template(text, for: c, world: world) else { return retry(g.noTemplateMatches(l, ["text": text])) }
            return ActionSteps.insertTemplate(t, into: c, state: &state, world: world)
        case let .solveOverFollowUps(id):
            guard !text.isEmpty else { return retry(m.sayWhySolvable(l)) }
            return [ActionSteps.solve(id, overriding: text)]
        case let .note(id):
            guard !text.isEmpty else { return retry(RefusalWords.shared.emptyNote(l)) }
            return [ActionSteps.note(id, p.field.text)]
        case let .assign(id):
            return [ActionSteps.assign(id, to: text.isEmpty ? nil : text)]
        case let .stockWish(id):
            do {
                return [try ActionSteps.stockWish(ConsoleCommandLine.words(text), on: id, world: world)]
            } catch {
                return retry(error.description)
            }
        case let .offerValue(id, kind):
            guard let value = ActionSteps.offerValue(text, kind: kind, on: id, world: world) else {
                return retry((kind.measure == .percent ? g.percentAgain : kind.measure == .money ? g.moneyAgain : g.itemAgain)(l))
            }
            state.mode = .prompt(Prompt(.offerReason(id, kind, value), label: g.whyKindValue(l, ["kind": kind.label(in: l), "case": id, "value": value.written(in: .en)]),
                                        hint: g.reasonHint(l)))
            return []
        case let .offerReason(id, kind, value):
            guard !text.isEmpty else { return retry(g.reasonAgain(l)) }
            return [ActionSteps.offer(id, kind, value, reason: text)]
        case let .answerOffer(id, offer, approve):
            if !approve && text.isEmpty { return retry(g.declineAgain(l)) }
            return [ActionSteps.answer(id, offer: offer, approve: approve, note: text.isEmpty ? nil : text)]
        case .reviewNote, .coachingAction, .reviewDispute, .coachingOutcome:
            return ReviewSteps.submitPrompt(p, text: text, state: &state, world: world)
        case let .tag(id):
            let tags = text.split(separator: " ").map(String.init)
            guard !tags.isEmpty else { return retry(RefusalWords.shared.giveATag(l)) }
            return [ActionSteps.tag(id, tags)]
        }
    }
}
