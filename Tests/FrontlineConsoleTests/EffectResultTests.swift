import Foundation
import FrontlineCore
import FrontlineTUI
import Testing
@testable import FrontlineConsole

/// What comes back from an effect is decided in the update, purely: these drive it with no store.
@Suite struct EffectResultTests {
    func writing(_ text: String, on id: CaseID) -> ConsoleState {
        var s = ConsoleState(agent: "alice")
        s.editorCaseID = id
        s.editor = TextEditorState(text: text)
        s.focus = .reply
        s.draftDirty = true
        return s
    }

    @Test func aSentReplyEmptiesThePaneAndSaysWhereItWent() {
        var s = writing("Hej Åsa", on: "C-1")
        let mail = MailDetails(messageID: "<r1@desk>", subject: "Re: TV", from: MailParty(name: "Support", address: "support@desk.example"),
                               to: [MailParty(name: "Åsa", address: "asa@example.se")])
        let sent = Event(sequence: 9, at: t0, actor: "alice", caseID: "C-1", change: .replySent(body: "Hej Åsa", mail: mail))
        let more = ConsoleUpdate.receive(.performed(.reply("C-1", body: "Hej Åsa"), success: "reply sent on C-1", events: [sent],
                                                    mailDestination: "the outbox Maildir /srv/out"),
                                         state: &s, now: t0)
        #expect(more.isEmpty)
        #expect(s.editor.isEmpty && !s.draftDirty && s.focus == .queue)
        #expect(s.status?.text == "reply sent on C-1 · mailing to asa@example.se via the outbox Maildir /srv/out")
    }

    @Test func aReplyOnAnotherCaseLeavesThisDraftAlone() {
        var s = writing("half written", on: "C-2")
        _ = ConsoleUpdate.receive(.performed(.reply("C-1", body: "x"), success: "reply sent on C-1", events: [], mailDestination: nil),
                                  state: &s, now: t0)
        #expect(s.editor.text == "half written" && s.focus == .reply)
    }

    @Test func aRefusalIsShownAsAnErrorAndChangesNothingElse() {
        var s = writing("draft", on: "C-1")
        let before = s
        _ = ConsoleUpdate.receive(.failed(.solve("C-1"), reason: "C-1 is already solved (by bob)"), state: &s, now: t0)
        #expect(s.status == StatusMessage("C-1 is already solved (by bob)", kind: .error, at: t0))
        s.status = nil
        #expect(s == before)
    }

    @Test func aDraftThatCouldNotBeSavedStaysDirtyUntilARetryWorks() {
        var s = writing("draft", on: "C-1")
        s.draftDirty = false
        _ = ConsoleUpdate.receive(.draftNotSaved(reason: "the server went away"), state: &s, now: t0)
        #expect(s.draftDirty, "the next tick tries again")
        #expect(s.status?.kind == .error && s.status?.text == "draft NOT saved: the server went away")
        _ = ConsoleUpdate.receive(.draftSaved(troubled: false), state: &s, now: t0.addingTimeInterval(2))
        #expect(s.status?.text == "connected again · draft saved")
        #expect(s.draftFailureShown == nil)
        // A later save with nothing wrong before says nothing.
        s.status = StatusMessage("other news", at: t0)
        _ = ConsoleUpdate.receive(.draftSaved(troubled: false), state: &s, now: t0.addingTimeInterval(3))
        #expect(s.status?.text == "other news")
    }

    @Test func anEditInTheEditorBecomesTheDraftAndIsSaved() {
        var s = ConsoleState(agent: "alice")
        let more = ConsoleUpdate.receive(.edited("C-7", text: "from vim"), state: &s, now: t0)
        #expect(more == [.saveDraft("C-7", "from vim")])
        #expect(s.editorCaseID == "C-7" && s.editor.text == "from vim" && s.focus == .reply && !s.draftDirty)
        #expect(s.status?.text == "draft from the editor kept · Ctrl-S sends")
    }

    @Test func attachmentsAndEditorFailuresSayWhatHappened() {
        var s = ConsoleState(agent: "alice")
        _ = ConsoleUpdate.receive(.attachmentSaved(where: "saved photo.jpg (15 KB) to /tmp"), state: &s, now: t0)
        #expect(s.status == StatusMessage("saved photo.jpg (15 KB) to /tmp", at: t0))
        _ = ConsoleUpdate.receive(.attachmentNotSaved(reason: "not saved: /nope does not exist"), state: &s, now: t0)
        #expect(s.status?.kind == .error)
        _ = ConsoleUpdate.receive(.editorFailed(reason: "$VISUAL exited 1"), state: &s, now: t0)
        #expect(s.status == StatusMessage("$VISUAL exited 1", kind: .error, at: t0))
    }
}
