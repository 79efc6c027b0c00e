import Foundation
import FrontlineCore
import FrontlineTUI

/// Sending a reply that makes a promise: "I will get back to you tomorrow" is a follow-up the
/// agent should not have to set by hand, or forget to. Before the reply goes, the console offers
/// the follow-up the text implies (`PromiseInReply`); accepted, it is set once the reply is
/// durable, so a reply that is refused leaves no follow-up for a promise nobody received.
extension ActionSteps {
    /// The one way a reply is sent (Ctrl-S, "send anyway", `:reply TEXT`).
    static func sendReply(_ id: CaseID, _ body: String, state: inout ConsoleState, world: ConsoleWorld) -> [ConsoleEffect] {
        if let refusal = UnfilledReply.refusal(in: body) {
            // Stopped here before anything is asked; the store would refuse it too.
            state.status = StatusMessage(refusal.text(), kind: .error, at: world.now)
            return []
        }
        guard let promise = PromiseInReply.find(in: body, now: world.now, timeZone: world.timeZone),
              !alreadyFollowedUp(id, by: promise.due, world: world) else { return [reply(id, body)] }
        let when = world.time.dayAndTime(promise.due, now: world.now)
        let l = UILanguage.current, m = Words.messages
        state.mode = .picker(Picker(.promiseInReply(id, body: body, due: promise.due, sentence: promise.sentence),
                                    title: m.youWrote(l, ["when": when, "sentence": TextSanitiser.singleLine(String(promise.sentence.prefix(60)))]),
                                    options: [m.sendAndFollowUp(l, ["when": when]), m.sendWithout(l), m.backToReply(l)]))
        return []
    }

    /// The agent's answer to the offer.
    static func promiseChoice(_ choice: Int, _ id: CaseID, body: String, due: Date, sentence: String,
                              state: inout ConsoleState, world: ConsoleWorld) -> [ConsoleEffect] {
        switch choice {
        case 0:
            let when = world.time.dayAndTime(due, now: world.now)
            let m = Words.messages
            state.afterReply = EffectAfterReply(caseID: id, effect: .perform(
                .scheduleFollowUp(id, due: due, note: m.promisedInReply(l, ["sentence": sentence])),
                success: m.sentAsPromised(l, ["case": id, "when": when])))
            return [reply(id, body)]
        case 1:
            return [reply(id, body)]
        default:
            state.focus = .reply
            return []
        }
    }

    /// A follow-up already open that falls due by then (give or take an hour) keeps the promise.
    static func alreadyFollowedUp(_ id: CaseID, by due: Date, world: ConsoleWorld) -> Bool {
        world.desk.cases[id]?.openFollowUps.contains { $0.due <= due.addingTimeInterval(3600) } ?? false
    }
}

/// An effect that waits for a reply to be durable (the follow-up a reply promised).
public struct EffectAfterReply: Sendable, Equatable {
    public var caseID: CaseID
    public var effect: ConsoleEffect
}
