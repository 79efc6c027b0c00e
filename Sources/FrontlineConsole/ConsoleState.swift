import Foundation
import FrontlineCore
import FrontlineTUI

/// Everything the console shows that is not in the store: where the agent is, what they are
/// typing, what was last said to them. Each console keeps its own.
public struct ConsoleState: Sendable, Equatable {
    public var agent: String
    /// This console's role on a team desk, as the server said; nil on its own store (anything goes).
    public var role: TeamRole?
    public var view: QueueView = .waiting
    /// The applied search (narrows the queue); empty = none.
    public var search: String = ""
    /// Selection is by case id, so it stays on the same case when rows are added or move;
    /// the index is the fallback when that case leaves the view.
    public var selectedCaseID: CaseID?
    public var selectedIndex: Int = 0
    public var queueTop: Int = 0
    public var historyScroll: Int = 0
    /// Quoted history and signatures of customer mail shown in full (T), instead of folded.
    public var showQuoted = false
    public var focus: Focus = .queue
    public var mode: Mode = .normal
    /// The reply being written, and the case it belongs to.
    public var editor = TextEditorState()
    public var editorCaseID: CaseID?
    /// True when the editor holds text not yet saved as a draft.
    public var draftDirty = false
    public var lastEditAt: Date?
    public var status: StatusMessage?
    /// The "draft NOT saved" warning on the status line, so a later save that works takes it down.
    public var draftFailureShown: String?
    /// What to do once the reply on its way is durable (see `ReplyPromise`).
    public var afterReply: EffectAfterReply?
    public var quitRequested = false
    /// The case as the agent last saw it while writing a reply: sending checks it has not changed.
    public var replyBasis: ReplyBasis?
    /// While the console shows the desk as it was (`:at`): that moment. Nothing can be changed then.
    public var pastMoment: Date?
    /// The Review screen's lists and scoring, kept while its prompts ask for a note.
    public var reviewBoard: ReviewBoard?
    /// The reply pane's text width at the last frame: up/down in the editor move by wrapped lines.
    public var replyWidth = 60

    public init(agent: String) { self.agent = agent }

    public enum Focus: Sendable, Equatable { case queue, reply }

    public enum Mode: Sendable, Equatable {
        case normal
        case help
        /// The Reports screen, worked out when it was opened.
        case report(ReportView)
        /// The Review screen (its state is `reviewBoard`).
        case review
        case prompt(Prompt)
        case picker(Picker)
    }

    public var isEditing: Bool { focus == .reply && mode == .normal }
}

public struct StatusMessage: Sendable, Equatable {
    public enum Kind: Sendable, Equatable { case info, error }
    public var text: String
    public var kind: Kind
    public var at: Date

    public init(_ text: String, kind: Kind = .info, at: Date) {
        self.text = text
        self.kind = kind
        self.at = at
    }
}

/// What a reply was written against. If the case moved on (the customer wrote again, someone
/// else replied, solved or took it), sending stops and asks.
public struct ReplyBasis: Sendable, Equatable {
    public var caseID: CaseID
    public var messageCount: Int
    public var status: CaseStatus
    public var assignee: String?

    public init(_ c: SupportCase) {
        caseID = c.id
        messageCount = c.messages.count
        status = c.status
        assignee = c.assignee
    }

    /// What changed since, in words for the agent (empty when nothing that matters did).
    public func changes(in c: SupportCase, customerName: String, agent: String) -> [String] {
        var out: [String] = []
        let l = UILanguage.current, m = Words.messages
        let newer = c.messages.dropFirst(messageCount)
        if newer.contains(where: { $0.direction == .inbound }) { out.append(m.wroteAgain(l, ["name": customerName])) }
        for author in Set(newer.filter { $0.direction == .outbound && $0.author != agent }.map(\.author)).sorted() {
            out.append(m.replied(l, ["who": author]))
        }
        if c.status == .solved && status != .solved { out.append(m.solvedBy(l, ["who": c.solvedBy ?? m.someone(l)])) }
        if c.assignee != assignee, let who = c.assignee, who != agent { out.append(m.takenBy(l, ["who": who])) }
        return out
    }
}

/// A one-line question at the bottom of the screen.
public struct Prompt: Sendable, Equatable {
    public enum Purpose: Sendable, Equatable {
        case search
        case commandLine
        case escalationReason(CaseID, EscalationLevel)
        case followUpWhen(CaseID)
        case followUpNote(CaseID, due: Date, untilAnswer: Bool)
        case followUpCancelReason(CaseID)
        case followUpOutcome(CaseID)
        /// Why a case may be solved while a follow-up is still open.
        case solveOverFollowUps(CaseID)
        /// Which template to put in the reply (the hint lists the matches as the agent types).
        case template(CaseID)
        case note(CaseID)
        case assign(CaseID)
        case tag(CaseID)
        /// What the customer wants when it is back (`:want`'s words).
        case stockWish(CaseID)
        case offerValue(CaseID, OfferKind)
        case offerReason(CaseID, OfferKind, OfferValue)
        /// A supervisor's note on approving (optional) or declining (required).
        case answerOffer(CaseID, offer: Int, approve: Bool)
        /// The Review screen: praise's word (optional) or coaching's note (required).
        case reviewNote(ReviewDraft, verdict: ReviewVerdict, shoutOut: Bool)
        /// Coaching's action item, "WHEN WHAT".
        case coachingAction(ReviewDraft, note: String)
        /// Why the agent disputes the review of their reply.
        case reviewDispute(ReplyReference)
        case coachingOutcome(ReplyReference)
    }

    public var purpose: Purpose
    public var label: String
    public var field: TextEditorState
    /// Shown under the prompt: a hint, or what is wrong with the last attempt.
    public var hint: String?

    public init(_ purpose: Purpose, label: String, text: String = "", hint: String? = nil) {
        self.purpose = purpose
        self.label = label
        field = TextEditorState(text: text)
        self.hint = hint
    }
}

/// A short menu chosen with a digit or the arrows.
public struct Picker: Sendable, Equatable {
    public enum Purpose: Sendable, Equatable {
        case apology(CaseID)
        case escalation(CaseID)
        case priority(CaseID)
        /// The case changed while the reply was written: send anyway, or review first.
        case staleReply(CaseID, body: String)
        /// The reply promises something by `due`: send with a follow-up, without, or go back.
        case promiseInReply(CaseID, body: String, due: Date, sentence: String)
        /// Which goodwill to offer (`OfferKind.allCases` order).
        case offer(CaseID)
        /// Which apology "make it right" starts with.
        case makeItRight(CaseID)
        /// Which suggested solution article goes into the reply (by name, best first).
        case solution(CaseID, names: [String])
    }

    public var purpose: Purpose
    public var title: String
    public var options: [String]
    public var selected: Int = 0

    public init(_ purpose: Purpose, title: String, options: [String], selected: Int = 0) {
        self.purpose = purpose
        self.title = title
        self.options = options
        self.selected = selected
    }
}

/// What the pure update asks the run loop to do.
public enum ConsoleEffect: Sendable, Equatable {
    /// Perform a command through the store; show `success` on the status line when it is durable.
    case perform(Command, success: String)
    case saveDraft(CaseID, String)
    case openExternalEditor(CaseID, String)
    /// Save attachment `number` of the case (numbered across its mails as the history pane
    /// shows them) into `directory` ("" = the working directory).
    case saveAttachment(CaseID, number: Int, directory: String)
    /// Show the desk as it was at the moment (`:at`), read-only; nil: back to now.
    case travel(to: Date?)
    case suspend
    case quit
}
