import Foundation
import Testing
@testable import FrontlineCore

/// "How did we do?" by mail: asked once a case is solved, not of machines, not more often than
/// the cooldown; the mailed answer is read as the rating, credited as it stood when we asked.
@Suite struct FeedbackTests {
    static let rules = FeedbackRules(after: 2 * 3600, cooldown: 30 * 86400, expires: 14 * 86400, notOlderThan: 3 * 86400)

    func mail(_ id: String, from: String = "asa@example.se", inReplyTo: String? = nil, references: [String] = [],
              automatic: AutomaticMail? = nil, body: String = "Hej") -> Command {
        .receiveMail(IncomingMail(
            details: MailDetails(messageID: id, subject: "TV:n", from: MailParty(name: "Åsa Lindqvist", address: from), to: [],
                                 inReplyTo: inReplyTo, references: references, automatic: automatic),
            body: body, caseSubject: "TV:n", language: "sv"))
    }

    /// Åsa wrote by mail; alice and bob answered; bob solved it.
    func solved() throws -> (DeskBuilder, CaseID) {
        var b = DeskBuilder()
        b.outbound = OutboundMailSettings(from: MailParty(name: "Support", address: "support@shop.example"))
        let id = try b.run(mail("<1@example.se>"), actor: "intake").first!.caseID
        try b.run(.reply(id, body: "Vi tittar på det."), actor: "alice")
        try b.run(.reply(id, body: "En ny TV är på väg."), actor: "bob")
        try b.run(.solve(id), actor: "bob")
        return (b, id)
    }

    func ask(_ b: inout DeskBuilder, _ id: CaseID) throws -> [Event] {
        try b.run(.requestFeedback(id, cooldown: Self.rules.cooldown, expires: Self.rules.expires), actor: "frontline")
    }

    @Test func theRequestGoesToTheCustomerInTheirLanguageWithTheCreditFixed() throws {
        var (b, id) = try solved()
        b.advance(7200)
        let events = try ask(&b, id)
        #expect(events.map(\.change.typeName) == ["feedback_requested"])
        let c = try #require(b.desk.cases[id])
        let sent = try #require(c.messages.last)
        #expect(sent.author == "feedback request" && sent.mail?.automatic == .autoReply && sent.mail?.to.map(\.address) == ["asa@example.se"])
        #expect(sent.body.hasPrefix("Hej Åsa!\n\nVi har avslutat \(id) (TV:n). Hur gjorde vi?") && sent.body.hasSuffix("Tack!\nbob"))
        #expect(c.feedbackRequests == [FeedbackRequest(at: b.now, messageID: sent.mail!.messageID, credited: ["alice", "bob"], expires: b.now.addingTimeInterval(14 * 86400))])
        #expect(c.status == .solved && b.desk.undeliveredReplies[sent.mail!.messageID] == id)
        #expect(throws: CommandError("\(id) was already asked how we did")) { try ask(&b, id) }
    }

    @Test func theMailedAnswerIsTheRatingCreditedAsItStoodAndTheCaseStaysSolved() throws {
        var (b, id) = try solved()
        b.advance(7200)
        let asked = try #require(try ask(&b, id).first)
        guard case let .feedbackRequested(_, request, _, _) = asked.change else { Issue.record("no request"); return }
        // Meanwhile the case passes to dave: the credit stays with who answered when we asked.
        try b.run(.assign(id, agent: "dave"), actor: "carol")
        b.advance(86400)
        let events = try b.run(mail("<2@example.se>", inReplyTo: request.messageID,
                                    body: "4 – snabbt och vänligt!\nMen leveransen tog tid.\n\nDen 1 dec. 2026 skrev Support:\n> Hur gjorde vi?"), actor: "intake")
        #expect(events.map(\.change.typeName) == ["feedback_answered", "rated"])
        let c = try #require(b.desk.cases[id])
        #expect(c.ratings.last == Rating(score: 4, comment: "snabbt och vänligt!\nMen leveransen tog tid.", at: b.now, credited: ["alice", "bob"], by: "intake"))
        #expect(c.status == .solved && c.waitingSince == nil, "a rating is not a new question")
        #expect(c.feedbackRequests.first?.answeredAt == b.now)
        #expect(c.messages.last?.direction == .inbound && c.messages.last?.mail?.messageID == "<2@example.se>")
    }

    @Test func aBadAnswerReopensWithAPromiseAndTellsASupervisor() throws {
        var (b, id) = try solved()
        b.advance(7200)
        guard case let .feedbackRequested(_, request, _, _) = try #require(try ask(&b, id).first).change else { return }
        let events = try b.run(mail("<2@example.se>", references: ["<1@example.se>", request.messageID], body: "Dåligt. Ingen ringde."), actor: "intake")
        #expect(events.map(\.change.typeName) == ["feedback_answered", "rated", "status_changed", "follow_up_scheduled", "escalated"])
        #expect(b.desk.cases[id]?.ratings.last?.score == 1 && b.desk.cases[id]?.status == .open)
    }

    @Test func anAnswerWithoutARatingOrAfterExpiryIsOrdinaryMail() throws {
        var (b, id) = try solved()
        b.advance(7200)
        guard case let .feedbackRequested(_, request, _, _) = try #require(try ask(&b, id).first).change else { return }
        var events = try b.run(mail("<2@example.se>", inReplyTo: request.messageID, body: "Fungerar fjärrkontrollen också?"), actor: "intake")
        #expect(events.map(\.change.typeName) == ["mail_received"])
        #expect(b.desk.cases[id]?.ratings.isEmpty == true && b.desk.cases[id]?.status == .open)
        try b.run(.solve(id), actor: "bob")
        b.advance(15 * 86400)
        events = try b.run(mail("<3@example.se>", inReplyTo: request.messageID, body: "5"), actor: "intake")
        #expect(!events.map(\.change.typeName).contains("rated"), "the request expired")
        // An auto-reply is never a rating.
        let (b2, id2) = try solved()
        var b3 = b2
        b3.advance(7200)
        guard case let .feedbackRequested(_, r2, _, _) = try #require(try ask(&b3, id2).first).change else { return }
        events = try b3.run(mail("<4@example.se>", inReplyTo: r2.messageID, automatic: .autoReply, body: "5 days out of office"), actor: "intake")
        #expect(b3.desk.cases[id2]?.ratings.isEmpty == true)
    }

    @Test func notMoreOftenThanTheCooldownPerCustomerAndNotOfMachinesOrPhoneCases() throws {
        var (b, id) = try solved()
        b.advance(7200)
        _ = try ask(&b, id)
        // Her second case, solved within the cooldown: not asked; a day past it: asked.
        let second = try b.run(mail("<9@example.se>", body: "Ny fråga"), actor: "intake").first!.caseID
        try b.run(.reply(second, body: "Svar"), actor: "alice")
        try b.run(.solve(second), actor: "alice")
        b.advance(29 * 86400)
        #expect(throws: CommandError.self) { try ask(&b, second) }
        b.advance(86400 + 1)
        try b.run(.reopen(second), actor: "alice")
        try b.run(.solve(second), actor: "alice")
        #expect(try ask(&b, second).count == 1)
        // A machine's case and a phone case are not asked by mail.
        let bot = try b.run(mail("<b@example.net>", from: "noreply@example.net", body: "Your order"), actor: "intake").first!.caseID
        try b.run(.solve(bot))
        #expect(throws: CommandError("\(bot): noreply@example.net is an automatic sender: not asked")) { try ask(&b, bot) }
        let phone = try b.open("Tom O'Brien", email: "tom@example.com", subject: "Phoned")
        try b.run(.solve(phone))
        #expect(throws: CommandError("\(phone): they did not write by e-mail: not asked by mail")) { try ask(&b, phone) }
    }

    @Test func theSchedulerAsksOnceAfterTheDelayAndLetsOldSolvesGo() throws {
        var (b, id) = try solved()
        var s = FeedbackScheduler(rules: Self.rules, desk: b.desk, now: b.now)
        #expect(s.waiting[id] != nil)
        #expect(s.due(now: b.now.addingTimeInterval(7200 - 1), desk: b.desk).isEmpty)
        #expect(s.due(now: b.now.addingTimeInterval(7200), desk: b.desk) == [.requestFeedback(id, cooldown: Self.rules.cooldown, expires: Self.rules.expires)])
        #expect(s.due(now: b.now.addingTimeInterval(7300), desk: b.desk).isEmpty, "once")
        // Reopened and solved again, it is asked about the new solve; reopened, it waits.
        let events = try b.run(.reopen(id), actor: "alice")
        s.note(events, desk: b.desk)
        #expect(s.waiting[id] == nil)
        b.advance(600)
        s.note(try b.run(.solve(id), actor: "alice"), desk: b.desk)
        #expect(s.waiting[id] == b.now)
        // Seeded after a long outage: what was solved over three days ago is not asked about.
        #expect(FeedbackScheduler(rules: Self.rules, desk: b.desk, now: b.now.addingTimeInterval(3 * 86400 + 1)).waiting.isEmpty)
        var late = FeedbackScheduler(rules: Self.rules, desk: b.desk, now: b.now)
        #expect(late.due(now: b.now.addingTimeInterval(3 * 86400 + 1), desk: b.desk).isEmpty && late.waiting.isEmpty)
    }

    @Test func aRoundAsksAtMostFiftyTheOldestSolvesFirst() throws {
        var b = DeskBuilder()
        var ids: [CaseID] = []
        for n in 0..<(FeedbackScheduler.perRound + 7) {
            let id = try b.open("Kund \(n)", email: "k\(n)@example.se", subject: "Fråga")
            try b.run(.solve(id))
            ids.append(id)
            b.advance(1)
        }
        var s = FeedbackScheduler(rules: Self.rules, desk: b.desk, now: b.now)
        let first = s.due(now: b.now.addingTimeInterval(7200), desk: b.desk)
        #expect(first.count == FeedbackScheduler.perRound)
        #expect(first.first == .requestFeedback(ids[0], cooldown: Self.rules.cooldown, expires: Self.rules.expires))
        #expect(s.due(now: b.now.addingTimeInterval(7200), desk: b.desk).count == 7, "the rest in the next round")
    }

    @Test(arguments: [
        ("5", 5, nil), ("4/5 bra", 4, "bra"), ("Bra!", 5, nil), ("mycket bra, tack", 5, "tack"), ("Dåligt", 1, nil),
        ("hyvä", 5, nil), ("huono palvelu", 1, "palvelu"), ("3 av 5. Okej.", 3, "Okej."), ("  \n2\n\nLångsamt", 2, "Långsamt"),
        ("good", 5, nil), ("Bad service", 1, "service"),
    ] as [(String, Int, String?)])
    func answersAreReadInThreeLanguages(text: String, score: Int, comment: String?) {
        #expect(FeedbackAnswer.read(text) == FeedbackAnswer(score: score, comment: comment))
    }

    @Test(arguments: ["12", "Hello, a question", "", "> 5\n> quoted", "bravo", "6", "Den 1 dec skrev Support:\n5"])
    func whatIsNotARatingIsNotRead(text: String) {
        #expect(FeedbackAnswer.read(text) == nil)
    }

    @Test func requestsAndAnswersSurviveTheJournalAndTheSnapshot() throws {
        var (b, id) = try solved()
        b.advance(7200)
        var events = try ask(&b, id)
        guard case let .feedbackRequested(_, request, _, _) = events[0].change else { return }
        events += try b.run(mail("<2@example.se>", inReplyTo: request.messageID, body: "5"), actor: "intake")
        for e in events { #expect(try JournalCodec.decode(try JournalCodec.encode(e)) == e) }
        #expect(try HelpDesk(snapshotBytes: b.desk.snapshotBytes()) == b.desk)
    }
}
