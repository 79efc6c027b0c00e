import Foundation
import FrontlineCore
import FrontlineTUI
import Testing
@testable import FrontlineConsole

/// What an agent sees of e-mail: who wrote, folded quotes, attachments, where our reply is.
@Suite struct MailConsoleTests {
    let clock = ManualClock(t0)

    /// One mailed case: Åsa's message with quoted history, a signature and two attachments.
    func mailService() throws -> InMemoryCaseService {
        let s = InMemoryCaseService(clock: clock)
        s.outbound = OutboundMailSettings(from: MailParty(name: "Support", address: "support@shop.example"))
        let body = """
        Hej,
        TV:n luktar fortfarande bränt. Bilder bifogade.

        Den 20 nov. 2026 skrev Support <support@shop.example>:
        > Hej Åsa, prova att dra ur sladden.
        > Vänliga hälsningar

        --\u{20}
        Åsa Lindqvist
        070-123 45 67
        """
        try s.perform(.receiveMail(IncomingMail(
            details: MailDetails(messageID: "<m1@example.se>", subject: "TV:n luktar bränt",
                                 from: MailParty(name: "Åsa Lindqvist", address: "asa@example.se"),
                                 cc: [MailParty(name: nil, address: "erik@example.se")],
                                 attachments: [MailAttachmentInfo(name: "tv.jpg", type: "image/jpeg", size: 245_760),
                                               MailAttachmentInfo(name: "kvitto.pdf", type: "application/pdf", size: 812)]),
            body: body, caseSubject: "TV:n luktar bränt", language: "sv")), actor: "intake", at: clock.now().addingTimeInterval(-1800))
        return s
    }

    @Test func quotedHistoryAndTheSignatureAreFoldedUntilT() throws {
        let s = try mailService()
        let (app, _, _) = makeApp(s, clock: clock, width: 160, height: 40)
        var screen = app.screen
        #expect(screen.contains("TV:n luktar fortfarande bränt"))
        // From the attribution on, everything (her signature below the quote too) is history.
        #expect(screen.contains("⋯ 7 quoted lines (T shows)"))
        #expect(!screen.contains("prova att dra ur sladden"))
        app.type(.character("T"))
        screen = app.screen
        #expect(screen.contains("prova att dra ur sladden"))
        #expect(screen.contains("070-123 45 67"))
        #expect(!screen.contains("quoted lines"))
        app.type(.character("T"))
        #expect(!app.screen.contains("prova att dra ur sladden"))
    }

    @Test func theSenderCcAndAttachmentsAreListed() throws {
        let (app, _, _) = makeApp(try mailService(), clock: clock, width: 160, height: 40)
        let screen = app.screen
        #expect(screen.contains("from Åsa Lindqvist <asa@example.se> · cc erik@example.se"))
        #expect(screen.contains("▪ 1. tv.jpg · image/jpeg · 240 KB"))
        #expect(screen.contains("▪ 2. kvitto.pdf · application/pdf · 812 B"))
    }

    @Test func saveAsksTheSaverForTheNumberedAttachment() throws {
        let s = try mailService()
        let (app, _, _) = makeApp(s, clock: clock, width: 160, height: 40)
        let asked = Recorder()
        app.options.saveAttachment = { c, message, index, dir in
            asked.record("\(c.id) \(message) \(index) \(dir)")
            return "saved kvitto.pdf as \(dir)/kvitto.pdf"
        }
        app.command("save 2 /tmp/in")
        #expect(asked.calls == ["C-1000 0 1 /tmp/in"])
        #expect(app.state.status?.text == "saved kvitto.pdf as /tmp/in/kvitto.pdf")
        app.command("save 3")
        guard case let .prompt(p) = app.state.mode else { Issue.record("the command line stays open with the error"); return }
        #expect(p.hint?.contains("has 2 attachments, not 3") == true, "\(p)")
        #expect(asked.calls.count == 1)
    }

    @Test func theSKeyOpensTheSaveCommand() throws {
        let s = try mailService()
        let (app, _, _) = makeApp(s, clock: clock, width: 160, height: 40)
        let asked = Recorder()
        app.options.saveAttachment = { c, message, index, dir in
            asked.record("\(c.id) \(message) \(index) \(dir)")
            return "saved"
        }
        app.type(.character("S"))
        guard case let .prompt(p) = app.state.mode else { Issue.record("S opens the command line"); return }
        #expect(p.field.text == "save ")
        app.type(text: "1 /tmp/out")
        app.type(.enter)
        #expect(asked.calls == ["C-1000 0 0 /tmp/out"])
        // A case without attachments says so instead.
        let plain = InMemoryCaseService(clock: clock)
        try plain.open("Tom", subject: "Hi", body: "Hello", minutesAgo: 5)
        let (other, _, _) = makeApp(plain, clock: clock)
        other.type(.character("S"))
        #expect(other.state.mode == .normal)
        #expect(other.state.status?.text == "C-1000 has no attachments")
    }

    @Test func aReplySaysWhereItIsMailedAndHowItGoes() throws {
        let s = try mailService()
        let (app, _, _) = makeApp(s, clock: clock, width: 160, height: 40)
        app.options.mailDestination = "the outbox Maildir /data/outbox"
        app.type(.character("r"))
        app.type(text: "Hej Åsa, vi byter TV:n.")
        app.type(.control("s"))
        #expect(app.state.status?.text == "reply sent on C-1000 · mailing to asa@example.se via the outbox Maildir /data/outbox")
        app.type(.character("7"))
        #expect(app.screen.contains("✉ to asa@example.se · cc erik@example.se · queued"))
        let id = try #require(s.desk.cases["C-1000"]?.messages.last?.mail?.messageID)
        clock.advance(by: 5)
        try s.perform(.recordDelivery("C-1000", messageID: id, outcome: .failed(error: "sendmail exited 75", retryAt: clock.now().addingTimeInterval(60))), actor: "mail")
        #expect(Self.history(app.screen).contains("not delivered yet (1×): sendmail exited 75 · retry 10:01"))
        clock.advance(by: 60)
        try s.perform(.recordDelivery("C-1000", messageID: id, outcome: .failed(error: "gave up after 2 attempts", retryAt: nil)), actor: "mail")
        let screen = app.screen
        #expect(Self.history(screen).contains("NOT DELIVERED: gave up after 2 attempts"))
        #expect(screen.contains("✉ FAILED"))
    }

    @Test func theMailCaseGolden() throws {
        let (app, _, _) = makeApp(try mailService(), clock: clock, width: 160, height: 40)
        let theme = try ThemeLoader.load(name: "dark", userThemeDirectory: nil)
        let problems = GoldenScreens.check("mail-case", grid: app.frame(), theme: theme)
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))\n\nscreen:\n\(app.screen)")
    }
}

extension MailConsoleTests {
    /// The history pane's text with its wrapping undone: one line, runs of spaces collapsed.
    static func history(_ screen: String) -> String {
        let column = screen.split(separator: "\n").compactMap { line -> String? in
            let parts = line.split(separator: "│", omittingEmptySubsequences: false)
            return parts.count >= 3 ? String(parts[2]) : nil
        }.joined(separator: " ")
        return column.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
    }
}

/// Collects what a closure was called with (the saver runs synchronously on this thread).
final class Recorder: @unchecked Sendable {
    private(set) var calls: [String] = []
    func record(_ s: String) { calls.append(s) }
}
