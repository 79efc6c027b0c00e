import Foundation
import Testing
@testable import FrontlineCore

/// A case's history lines are kept as data beside their English record, so each console says
/// them in its own language; the English stays what exports, reports and older snapshots read.
@Suite struct ActivityLineTests {
    func desk() throws -> (DeskBuilder, CaseID) {
        var b = DeskBuilder()
        let id = try b.open("Aino Virtanen", email: "aino@example.fi", language: "fi", subject: "Vedenkeitin")
        try b.run(.apologise(id, kind: .faulty), actor: "bob")
        try b.run(.escalate(id, level: .supervisor, reason: "refund over limit"), actor: "bob")
        try b.run(.scheduleFollowUp(id, due: t0.addingTimeInterval(7200), note: "trace the parcel", waitingOn: "DHL"), actor: "bob")
        try b.run(.setPriority(id, .urgent), actor: "bob")
        try b.run(.offer(id, kind: .refund, value: .money(Money(minorUnits: 5_000, currency: "EUR")), reason: "broke in a week"), actor: "bob")
        try b.run(.completeFollowUp(id, id: nil, outcome: "parcel found"), actor: "bob")
        return (b, id)
    }

    @Test func theEnglishIsTheRecordAndEachLanguageSaysTheSameLine() throws {
        let (b, id) = try desk()
        let activity = try #require(b.desk.cases[id]?.activity)
        #expect(activity.map(\.text) == [
            "apologised by bob: faulty product",
            "escalated to supervisor by bob: refund over limit",
            "follow-up #1 set by bob (waiting on DHL): trace the parcel",
            "priority set to urgent by bob",
            "refund €50.00 given by bob: broke in a week",
            "follow-up #1 done by bob: parcel found",
        ])
        #expect(activity.map { $0.text(in: .en) } == activity.map(\.text))
        #expect(activity.map { $0.text(in: .sv) } == [
            "bob bad om ursäkt: trasig vara",
            "eskalerat till arbetsledare av bob: refund over limit",
            "uppföljning #1 satt av bob (väntar på DHL): trace the parcel",
            "prioritet satt till brådskande av bob",
            "återbetalning 50,00\u{00A0}€ given av bob: broke in a week",
            "uppföljning #1 klar av bob: parcel found",
        ])
        #expect(activity.map { $0.text(in: .fi) } == [
            "bob pyysi anteeksi: viallinen tuote",
            "bob eskaloi (esihenkilö): refund over limit",
            "bob ajoitti seurannan #1 (odottaa: DHL): trace the parcel",
            "bob asetti prioriteetiksi kiireellinen",
            "bob antoi: palautus 50,00\u{00A0}€: broke in a week",
            "bob teki seurannan #1: parcel found",
        ])
    }

    @Test func everySentenceSaysItsEnglishTheWayItAlwaysWas() {
        // The lines a snapshot or an export already holds, as HelpDesk wrote them before the wording was kept.
        let cases: [(ActivityLine, String)] = [
            (ActivityLine(.deescalated, ["actor": "carol", "reason": "done"]), "de-escalated from escalation by carol: done"),
            (ActivityLine(.deescalated, ["actor": "carol", "reason": "done", "level": "tier2"]), "de-escalated from tier 2 by carol: done"),
            (ActivityLine(.followUpSet, ["id": "2", "actor": "bob", "note": "call", "untilAnswer": "yes"]), "follow-up #2 set by bob (until they answer): call"),
            (ActivityLine(.followUpDone, ["id": "2", "actor": "bob"]), "follow-up #2 done by bob"),
            (ActivityLine(.unassigned, ["actor": "bob"]), "unassigned by bob"),
            (ActivityLine(.statusChanged, ["status": "open", "actor": "bob"]), "reopened by bob"),
            (ActivityLine(.statusChanged, ["status": "pending", "actor": "bob"]), "set pending by bob"),
            (ActivityLine(.rated, ["score": "2", "credited": "bob, eve", "comment": "slow"]), "rated 2/5 by the customer (credited to bob, eve): slow"),
            (ActivityLine(.rated, ["score": "5"]), "rated 5/5 by the customer"),
            (ActivityLine(.solvedOver, ["actor": "bob", "ids": "#1, #3", "reason": "r"]), "solved by bob with follow-ups #1, #3 still open: r"),
            (ActivityLine(.solvedOver, ["actor": "bob", "ids": "#1", "reason": "r"]), "solved by bob with follow-up #1 still open: r"),
            (ActivityLine(.offerRequested, ["kind": "coupon", "value": "20%", "actor": "bob", "request": "C-1/1", "reason": "r"]),
             "coupon 20% asked by bob for approval (C-1/1): r — beyond authority"),
            (ActivityLine(.offerAnswered, ["kind": "free_shipping", "actor": "carol", "approved": "yes", "code": "FL-1", "note": "ok"]),
             "free shipping approved by carol (code FL-1): ok"),
            (ActivityLine(.offerAnswered, ["kind": "replacement", "value": "a new kettle", "actor": "carol"]), "replacement: a new kettle declined by carol"),
            (ActivityLine(.wants, ["item": "TV-55X", "actor": "bob", "hold": "2d"]), "wants TV-55X when it is back, to be held 2d (noted by bob)"),
            (ActivityLine(.back, ["item": "TV-55X", "noMail": "yes", "until": "2026-11-25T10:00:00Z"]),
             "TV-55X is back: the customer was told (no e-mail address: call them); reserved until 2026-11-25T10:00:00Z"),
            (ActivityLine(.madeItRight, ["actor": "bob", "apology": "delay", "id": "4"]), "made it right by bob: apology (delay), no goodwill left to give, follow-up #4 to check"),
        ]
        for (line, english) in cases { #expect(line.text(in: .en) == english) }
        #expect(ActivityLine(.rated, ["score": "2", "credited": "bob"]).text(in: .fi) == "asiakas antoi arvion 2/5 (hyvitetään: bob)")
    }

    @Test func aCustomersWordsAreNotFilledAsPlaceholders() {
        let line = ActivityLine(.escalated, ["level": "tier2", "actor": "bob", "reason": "says {actor} lied {level}"])
        #expect(line.text(in: .en) == "escalated to tier 2 by bob: says {actor} lied {level}")
    }

    @Test func theWordingSurvivesTheSnapshotAndOlderRecordsKeepTheirEnglish() throws {
        let (b, id) = try desk()
        let copy = try HelpDesk(snapshotBytes: b.desk.snapshotBytes())
        #expect(copy == b.desk)
        let activity = try #require(copy.cases[id]?.activity)
        #expect(activity.allSatisfy { $0.line != nil })
        #expect(activity[1].text(in: .sv) == "eskalerat till arbetsledare av bob: refund over limit")
        // A line without wording (a format 7 snapshot's, or the desk's own note) is said as written.
        let legacy = CaseActivity(at: t0, actor: "bob", text: "escalated to tier 2 by bob: old")
        #expect(legacy.text(in: .fi) == "escalated to tier 2 by bob: old")
        var bytes = BinaryWriter(capacity: 64)
        CaseThread.write([legacy], into: &bytes)
        CaseThread.writeLines([legacy], into: &bytes)
        var r = BinaryReader(bytes.bytes)
        var read = try CaseThread.readActivity(&r)
        try CaseThread.readLines(&r, into: &read)
        #expect(read == [legacy] && r.isAtEnd)
    }
}
