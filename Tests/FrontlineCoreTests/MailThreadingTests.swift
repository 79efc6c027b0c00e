import Foundation
import Testing
@testable import FrontlineCore

/// Where an incoming e-mail lands, and how our replies are addressed and tracked.
@Suite struct MailThreadingTests {
    static let outbound = OutboundMailSettings(from: MailParty(name: "Support", address: "support@shop.example"))

    func mail(_ id: String, from: String = "asa@example.se", name: String? = "Åsa Lindqvist", subject: String = "TV:n luktar bränt",
              tag: CaseID? = nil, inReplyTo: String? = nil, references: [String] = [], automatic: AutomaticMail? = nil,
              replyTo: [MailParty] = [], cc: [MailParty] = [], bounceOf: String? = nil, body: String = "Hej") -> Command {
        .receiveMail(IncomingMail(
            details: MailDetails(messageID: id, subject: subject, from: MailParty(name: name, address: from), to: [],
                                 cc: cc, replyTo: replyTo, inReplyTo: inReplyTo, references: references, automatic: automatic),
            body: body, caseSubject: subject, subjectTag: tag, bounceOf: bounceOf, bounceReason: bounceOf == nil ? nil : "5.1.1 user unknown",
            language: "sv"))
    }

    /// Runs a command with mail replies switched on, as the service does.
    func run(_ b: inout DeskBuilder, _ command: Command, actor: String = "alice") throws -> [Event] {
        let events = b.desk.stamp(try b.desk.decide(command, actor: actor, now: b.now, outbound: Self.outbound), actor: actor, now: b.now)
        for e in events { b.desk.apply(e) }
        return events
    }

    @Test func aNewMailOpensACaseForTheSenderWithTheMailRecorded() throws {
        var b = DeskBuilder()
        let events = try run(&b, mail("<1@example.se>"), actor: "intake")
        #expect(events.map(\.change.typeName) == ["case_opened", "mail_received"])
        let c = try #require(b.desk.cases["C-1000"])
        #expect(c.subject == "TV:n luktar bränt")
        #expect(c.messages.first?.mail?.messageID == "<1@example.se>")
        #expect(c.messages.first?.author == "Åsa Lindqvist")
        #expect(b.desk.customer(of: c)?.email == "asa@example.se")
        #expect(b.desk.customer(of: c)?.language == "sv")
        #expect(b.desk.caseID(forMessageID: "<1@example.se>") == "C-1000")
    }

    @Test func theSameMessageIDTwiceIsStoredOnce() throws {
        var b = DeskBuilder()
        _ = try run(&b, mail("<1@example.se>"))
        let again = try run(&b, mail("<1@example.se>", body: "different bytes, same id"))
        #expect(again.isEmpty)
        #expect(b.desk.cases.count == 1)
        #expect(b.desk.cases["C-1000"]?.messages.count == 1)
    }

    @Test func theSubjectTagThreadsOnlyForTheCasesOwnCustomer() throws {
        var b = DeskBuilder()
        _ = try run(&b, mail("<1@example.se>"))
        _ = try run(&b, mail("<2@example.se>", from: "ASA@Example.SE", subject: "Re: TV [C-1000]", tag: "C-1000"))
        #expect(b.desk.cases["C-1000"]?.messages.count == 2)
        #expect(b.desk.cases.count == 1)
        // A stranger typing the number gets a case of their own, which says why.
        let events = try run(&b, mail("<3@evil.example>", from: "mallory@evil.example", name: "Mallory", subject: "[C-1000] add me", tag: "C-1000"))
        #expect(events.first?.caseID == "C-1001")
        #expect(b.desk.cases["C-1000"]?.messages.count == 2)
        let note = try #require(b.desk.cases["C-1001"]?.messages.last)
        #expect(note.direction == .note)
        #expect(note.body.contains("names C-1000") && note.body.contains("mallory@evil.example"))
    }

    @Test func referencesThreadOntoTheCaseOfAnyMessageWeSentOrReceived() throws {
        var b = DeskBuilder()
        _ = try run(&b, mail("<1@example.se>"))
        let reply = try run(&b, .reply("C-1000", body: "Vi skickar en ny"))
        guard case let .replySent(_, sent?) = reply[0].change else { Issue.record("no mail on the reply"); return }
        let ours = sent.messageID
        // References only, with a changed subject and no tag.
        _ = try run(&b, mail("<2@example.se>", subject: "Another thing", references: ["<unknown@x>", ours]))
        #expect(b.desk.cases.count == 1)
        #expect(b.desk.cases["C-1000"]?.messages.count == 3)
        // In-Reply-To alone.
        _ = try run(&b, mail("<3@example.se>", subject: "x", inReplyTo: "<1@example.se>"))
        #expect(b.desk.cases["C-1000"]?.messages.count == 4)
    }

    @Test func aReplyIsAddressedToReplyToWithCcThreadedAndTaggedOnce() throws {
        var b = DeskBuilder()
        let cc = [MailParty(name: "Erik", address: "erik@example.se"), MailParty(name: nil, address: "support@shop.example")]
        _ = try run(&b, mail("<1@example.se>", references: ["<0@example.se>"], replyTo: [MailParty(name: nil, address: "asa.home@example.se")], cc: cc))
        b.desk.cases["C-1000"]!.subject = "TV:n luktar bränt"
        let events = try run(&b, .reply("C-1000", body: "Hej Åsa"))
        guard case let .replySent(_, mail?) = events[0].change else { Issue.record("no mail on the reply"); return }
        #expect(mail.to == [MailParty(name: nil, address: "asa.home@example.se")])
        #expect(mail.cc == [MailParty(name: "Erik", address: "erik@example.se")])   // never ourselves
        #expect(mail.subject == "Re: TV:n luktar bränt [C-1000]")
        #expect(mail.inReplyTo == "<1@example.se>")
        #expect(mail.references == ["<0@example.se>", "<1@example.se>"])
        #expect(mail.messageID.hasSuffix("@shop.example>"))
        #expect(mail.from.address == "support@shop.example")
        #expect(mail.delivery?.state == .queued)
        #expect(b.desk.undeliveredReplies[mail.messageID] == "C-1000")
    }

    @Test func withoutOutboundSettingsAReplyIsRecordedOnly() throws {
        var b = DeskBuilder()
        _ = try run(&b, mail("<1@example.se>"))
        let events = try b.run(.reply("C-1000", body: "Hej"))
        guard case let .replySent(_, mail) = events[0].change else { Issue.record("not a reply"); return }
        #expect(mail == nil)
    }

    @Test func deliveryOutcomesMoveTheReplyThroughItsStates() throws {
        var b = DeskBuilder()
        _ = try run(&b, mail("<1@example.se>"))
        let reply = try run(&b, .reply("C-1000", body: "Hej"))
        guard case let .replySent(_, sent?) = reply[0].change else { Issue.record("no mail on the reply"); return }
        let id = sent.messageID
        b.advance(10)
        _ = try run(&b, .recordDelivery("C-1000", messageID: id, outcome: .failed(error: "exit 75", retryAt: b.now.addingTimeInterval(60))), actor: "mail")
        var d = try #require(b.desk.cases["C-1000"]?.messages.last?.mail?.delivery)
        #expect(d.state == .retrying && d.attempts == 1 && d.error == "exit 75" && d.nextAttempt == b.now.addingTimeInterval(60))
        #expect(b.desk.cases["C-1000"]?.failedDelivery == nil)
        b.advance(60)
        _ = try run(&b, .recordDelivery("C-1000", messageID: id, outcome: .delivered), actor: "mail")
        d = try #require(b.desk.cases["C-1000"]?.messages.last?.mail?.delivery)
        #expect(d.state == .delivered && d.attempts == 2 && d.error == nil && d.at == b.now)
        #expect(b.desk.undeliveredReplies.isEmpty)
        #expect(throws: CommandError.self) { try run(&b, .recordDelivery("C-1000", messageID: id, outcome: .delivered), actor: "mail") }
    }

    @Test func aBounceOfOurReplyMarksThatReplyInsteadOfOpeningACase() throws {
        var b = DeskBuilder()
        _ = try run(&b, mail("<1@example.se>"))
        let reply = try run(&b, .reply("C-1000", body: "Hej"))
        guard case let .replySent(_, mail?) = reply[0].change else { Issue.record("no mail"); return }
        _ = try run(&b, .recordDelivery("C-1000", messageID: mail.messageID, outcome: .delivered), actor: "mail")
        let status = b.desk.cases["C-1000"]!.status
        _ = try run(&b, self.mail("<bounce1@mx>", from: "MAILER-DAEMON@mx.example", name: "Mail Delivery System",
                                  subject: "Undelivered Mail Returned to Sender", automatic: .bounce, bounceOf: mail.messageID))
        #expect(b.desk.cases.count == 1)
        let c = try #require(b.desk.cases["C-1000"])
        #expect(c.failedDelivery?.error == "5.1.1 user unknown")
        #expect(c.status == status)   // a machine's mail reopens nothing
        #expect(c.messages.last?.mail?.automatic == .bounce)
    }

    @Test func automaticMailNeverReopensASolvedCase() throws {
        var b = DeskBuilder()
        _ = try run(&b, mail("<1@example.se>"))
        _ = try run(&b, .solve("C-1000"))
        _ = try run(&b, mail("<2@example.se>", inReplyTo: "<1@example.se>", automatic: .autoReply))
        #expect(b.desk.cases["C-1000"]?.status == .solved)
        #expect(b.desk.cases["C-1000"]?.messages.count == 2)
        _ = try run(&b, mail("<3@example.se>", inReplyTo: "<1@example.se>"))
        #expect(b.desk.cases["C-1000"]?.status == .open)
    }

    @Test func aReplyAfterTheReopenWindowOpensANewCaseThatLinksTheOld() throws {
        var b = DeskBuilder()
        _ = try run(&b, mail("<1@example.se>"))
        _ = try run(&b, .solve("C-1000"))
        b.advance(30 * 86400 + 1)
        let events = try run(&b, mail("<2@example.se>", inReplyTo: "<1@example.se>"))
        #expect(events.first?.caseID == "C-1001")
        #expect(b.desk.cases["C-1000"]?.status == .solved)
        #expect(b.desk.cases["C-1001"]?.messages.last?.body.contains("follows C-1000") == true)
        // Just inside the window it reopens instead.
        var inside = DeskBuilder()
        _ = try run(&inside, mail("<1@example.se>"))
        _ = try run(&inside, .solve("C-1000"))
        inside.advance(30 * 86400)
        _ = try run(&inside, mail("<2@example.se>", inReplyTo: "<1@example.se>"))
        #expect(inside.desk.cases.count == 1)
        #expect(inside.desk.cases["C-1000"]?.status == .open)
    }

    @Test func aBetterDisplayNameReplacesANameThatWasOnlyTheAddress() throws {
        var b = DeskBuilder()
        _ = try run(&b, mail("<1@example.se>", name: nil))
        #expect(b.desk.customers.values.first?.name == "asa")
        _ = try run(&b, mail("<2@example.se>", name: "Åsa Lindqvist", inReplyTo: "<1@example.se>"))
        #expect(b.desk.customers.values.first?.name == "Åsa Lindqvist")
        // A real name is never overwritten by whatever a later mail says.
        _ = try run(&b, mail("<3@example.se>", name: "A. L.", inReplyTo: "<1@example.se>"))
        #expect(b.desk.customers.values.first?.name == "Åsa Lindqvist")
    }

    @Test func mailSurvivesTheSnapshotAndTheJournalCodec() throws {
        var b = DeskBuilder()
        _ = try run(&b, mail("<1@example.se>", cc: [MailParty(name: "Erik", address: "erik@example.se")]))
        let events = try run(&b, .reply("C-1000", body: "Hej"))
        let copy = try HelpDesk(snapshotBytes: b.desk.snapshotBytes())
        #expect(copy == b.desk)
        // Format 5 stores the Message-ID tables rather than deriving them from every message.
        #expect(copy.caseByMessageID.count == 2 && copy.undeliveredReplies.count == 1)
        #expect(copy.cases["C-1000"]?.thread.isStored == true)
        #expect(try HelpDesk(snapshotBytes: b.desk.snapshotBytes(format: 4)) == b.desk.withoutActivityWording())
        for e in events { #expect(try JournalCodec.decode(try JournalCodec.encode(e)) == e) }
    }

    @Test func theQueuesMailMarksSurviveASnapshotBesideTheStoredThread() throws {
        var b = DeskBuilder()
        guard case var .receiveMail(unverified) = mail("<1@example.se>") else { return }
        unverified.details.senderNotVerified = true
        _ = try run(&b, .receiveMail(unverified))
        _ = try run(&b, mail("<2@example.fi>", from: "mikko@example.fi", name: "Mikko", subject: "Lasku"))
        let reply = try run(&b, .reply("C-1001", body: "Hei")).compactMap { e -> String? in
            if case let .replySent(_, mail) = e.change { return mail?.messageID }
            return nil
        }.first
        _ = try run(&b, .recordDelivery("C-1001", messageID: try #require(reply), outcome: .failed(error: "5.1.1 user unknown", retryAt: nil)))
        #expect(b.desk.cases["C-1000"]?.senderNotVerified == true && b.desk.cases["C-1001"]?.failedDelivery?.error == "5.1.1 user unknown")

        let copy = try HelpDesk(snapshotBytes: b.desk.snapshotBytes())
        for id in ["C-1000", "C-1001"] {
            #expect(copy.cases[id]?.thread.isStored == true)
            #expect(copy.cases[id]?.senderNotVerified == b.desk.cases[id]?.senderNotVerified)
            #expect(copy.cases[id]?.failedDelivery == b.desk.cases[id]?.failedDelivery)
        }
        #expect(copy.cases["C-1000"]?.senderNotVerified == true && copy.cases["C-1001"]?.failedDelivery?.state == .failed)
        #expect(copy.cases["C-1000"]?.failedDelivery == nil && copy.cases["C-1001"]?.senderNotVerified == false)
    }

    @Test func referencesAreCappedKeepingTheFirstAndTheNewest() {
        let refs = (1...30).map { "<\($0)@x>" }
        let capped = HelpDesk.cappedReferences(refs, max: 20)
        #expect(capped.count == 20)
        #expect(capped.first == "<1@x>")
        #expect(capped.last == "<30@x>")
        #expect(capped[1] == "<12@x>")
    }
}

/// The optional "we have your message" mail of a new case.
@Suite struct AcknowledgementTests {
    static let settings = OutboundMailSettings(from: MailParty(name: "Support", address: "support@shop.example"),
                                               acknowledge: AcknowledgementPolicy(perAddressPerHour: 2, levels: ServiceLevels(targets: [.normal: 4 * 3600])))

    func newMail(_ id: String, from: String = "asa@example.se", automatic: AutomaticMail? = nil, language: String = "sv") -> Command {
        .receiveMail(IncomingMail(details: MailDetails(messageID: id, subject: "Hjälp", from: MailParty(name: "Åsa Lindqvist", address: from),
                                                       automatic: automatic),
                                  body: "Hej", caseSubject: "Hjälp", language: language))
    }

    func run(_ b: inout DeskBuilder, _ command: Command) throws -> [Event] {
        let events = b.desk.stamp(try b.desk.decide(command, actor: "intake", now: b.now, outbound: Self.settings), actor: "intake", now: b.now)
        for e in events { b.desk.apply(e) }
        return events
    }

    @Test func aNewCaseIsAcknowledgedInTheCustomersLanguageWithItsIDAndTarget() throws {
        var b = DeskBuilder()
        let events = try run(&b, newMail("<1@x>"))
        #expect(events.map(\.change.typeName) == ["case_opened", "mail_received", "acknowledged"])
        guard case let .acknowledged(body, mail) = events[2].change else { Issue.record("no acknowledgement"); return }
        #expect(body.hasPrefix("Hej Åsa,"))
        #expect(body.contains("ärende C-1000") && body.contains("inom 4 timmar"))
        #expect(mail.automatic == .autoReply && mail.inReplyTo == "<1@x>" && mail.to.map(\.address) == ["asa@example.se"])
        #expect(mail.subject == "Re: Hjälp [C-1000]")
        let c = try #require(b.desk.cases["C-1000"])
        // Not an answer: she is still waiting for one, and the SLA clock runs on.
        #expect(c.status == .open && c.waitingSince != nil)
        #expect(b.desk.undeliveredReplies[mail.messageID] == "C-1000")
    }

    @Test func automaticMailAndRepliesOnACaseGetNoAcknowledgement() throws {
        var b = DeskBuilder()
        #expect(try run(&b, newMail("<1@x>", automatic: .autoReply)).map(\.change.typeName) == ["case_opened", "mail_received"])
        #expect(try run(&b, newMail("<2@x>", from: "MAILER-DAEMON@mx.example")).map(\.change.typeName) == ["case_opened", "mail_received"])
        #expect(try run(&b, newMail("<3@x>", from: "support@shop.example")).map(\.change.typeName) == ["case_opened", "mail_received"])
        var threaded = DeskBuilder()
        _ = try run(&threaded, newMail("<1@x>"))
        let reply = Command.receiveMail(IncomingMail(details: MailDetails(messageID: "<2@x>", subject: "Re", from: MailParty(name: nil, address: "asa@example.se"),
                                                                          inReplyTo: "<1@x>"), body: "more", caseSubject: "Re"))
        #expect(try run(&threaded, reply).map(\.change.typeName) == ["mail_received"])
    }

    @Test func atMostTheLimitPerAddressPerHour() throws {
        var b = DeskBuilder()
        var acks = 0
        for i in 1...4 {
            if try run(&b, newMail("<\(i)@x>")).contains(where: { $0.change.typeName == "acknowledged" }) { acks += 1 }
            b.advance(60)
        }
        #expect(acks == 2)
        b.advance(3600)
        #expect(try run(&b, newMail("<9@x>")).contains { $0.change.typeName == "acknowledged" }, "an hour later, again")
    }

    @Test(arguments: [(Language.en, "within 4 hours"), (.fi, "4 tunnin kuluessa"), (.sv, "inom 4 timmar")])
    func theTextNamesTheTargetInTheLanguage(language: Language, phrase: String) {
        let text = AcknowledgementText.render(firstName: "Matti", caseID: "C-7", target: 4 * 3600, language: language)
        #expect(text.contains(phrase) && text.contains("C-7") && text.contains("Matti"))
        #expect(AcknowledgementText.duration(86400, language: .en) == "24 hours")
        #expect(AcknowledgementText.duration(3 * 86400, language: .sv) == "3 dagar")
        #expect(AcknowledgementText.duration(1800, language: .en) == "30 minutes")
    }

    @Test func aTeamsOwnAcknowledgementIsTheOneSent() throws {
        var settings = Self.settings
        settings.templates = TemplateLibrary.bundled.overridden(by: [
            ReplyTemplate(name: "acknowledgement", language: .sv, text: "Hej {first_name}! Vi svarar inom {within} ({case}).")])
        var b = DeskBuilder()
        let events = b.desk.stamp(try b.desk.decide(newMail("<1@x>"), actor: "intake", now: b.now, outbound: settings), actor: "intake", now: b.now)
        guard case let .acknowledged(body, _)? = events.last?.change else { Issue.record("no acknowledgement: \(events.map(\.change.typeName))"); return }
        #expect(body == "Hej Åsa! Vi svarar inom 4 timmar (C-1000).")
        for e in events { b.desk.apply(e) }
    }
}
