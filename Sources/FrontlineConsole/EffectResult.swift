import Foundation
import FrontlineCore
import FrontlineTUI

/// What an effect came to, handed back to the update (the Bubble Tea way): the run loop only
/// does the I/O; how the console's state changes afterwards is decided here, purely, so a flow
/// (an action, its refusal, a failed draft save, an edit in $EDITOR) is testable without a store.
public enum EffectResult: Sendable, Equatable {
    /// The command is durable; its events, and where replies are mailed (for the status line).
    case performed(Command, success: String, events: [Event], mailDestination: String?)
    /// Refused by the rules, or not stored: said as it is.
    case failed(Command, reason: String)
    /// `troubled`: the connection to the server still has a problem.
    case draftSaved(troubled: Bool)
    case draftNotSaved(reason: String)
    case attachmentSaved(where: String)
    case attachmentNotSaved(reason: String)
    case edited(CaseID, text: String)
    case editorFailed(reason: String)
    /// The console now shows the desk as it was at `to` (nil: as it is), with `events` events
    /// of the log folded; or why it could not.
    case travelled(to: Date?, role: TeamRole?)
    case notTravelled(reason: String)
}

extension ConsoleUpdate {
    /// The state after `result`, and any effects that follow from it. `world` (the desk after
    /// the command) is needed where what follows depends on what was decided: an offer's text.
    public static func receive(_ result: EffectResult, state: inout ConsoleState, now: Date, world: ConsoleWorld? = nil) -> [ConsoleEffect] {
        switch result {
        case let .performed(command, success, events, destination):
            state.status = StatusMessage(ReplyStatus.text(success, events: events, destination: destination), at: now)
            if case .offer = command, let world { return ActionSteps.offerDecided(events, state: &state, world: world) }
            if case .makeItRight = command, let world { return ActionSteps.madeItRight(events, state: &state, world: world) }
            if case let .reply(id, _) = command, id == state.editorCaseID {
                // Sent: the reply pane is empty again and the agent is back in the queue.
                state.editor = TextEditorState()
                state.draftDirty = false
                state.focus = .queue
            }
            if case let .reply(id, _) = command, let after = state.afterReply, after.caseID == id {
                state.afterReply = nil
                return [after.effect]
            }
            return []
        case let .failed(command, reason):
            state.status = StatusMessage(reason, kind: .error, at: now)
            // The reply did not go, so neither did its promise: no follow-up for it.
            if case let .reply(id, _) = command, state.afterReply?.caseID == id { state.afterReply = nil }
            return []
        case let .travelled(moment, role):
            state.pastMoment = moment
            state.role = role
            state.reviewBoard = nil
            state.mode = .normal
            state.focus = .queue
            state.selectedIndex = 0
            state.selectedCaseID = nil
            state.queueTop = 0
            state.status = StatusMessage((moment == nil ? Words.status.backToNow : Words.status.travelled)(UILanguage.current), at: now)
            return []
        case let .notTravelled(reason):
            state.status = StatusMessage(reason, kind: .error, at: now)
            return []
        case let .draftSaved(troubled):
            // A retry that worked takes down the warning, or the agent keeps worrying for nothing.
            if let failure = state.draftFailureShown, state.status?.text == failure {
                state.status = StatusMessage((troubled ? Words.messages.draftSaved : Words.messages.connectedDraftSaved)(UILanguage.current), at: now)
            }
            state.draftFailureShown = nil
            return []
        case let .draftNotSaved(reason):
            state.draftDirty = true
            let failure = Words.messages.draftNotSaved(UILanguage.current, ["reason": reason])
            state.status = StatusMessage(failure, kind: .error, at: now)
            state.draftFailureShown = failure
            return []
        case let .attachmentSaved(place):
            state.status = StatusMessage(place, at: now)
            return []
        case let .attachmentNotSaved(reason):
            state.status = StatusMessage(reason, kind: .error, at: now)
            return []
        case let .edited(id, text):
            state.editorCaseID = id
            state.editor = TextEditorState(text: text)
            state.draftDirty = true
            state.lastEditAt = now
            state.focus = .reply
            state.status = StatusMessage(Words.messages.draftFromEditor(UILanguage.current), at: now)
            return flushDraft(&state)
        case let .editorFailed(reason):
            state.status = StatusMessage(reason, kind: .error, at: now)
            return []
        }
    }
}
