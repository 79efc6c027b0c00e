import Foundation
import Testing
@testable import FrontlineCore

@Suite struct ExportDocumentTests {
    @Test func theExportHasTheDocumentedShape() throws {
        var b = DeskBuilder()
        let id = try b.open("Åsa Lindqvist", email: "asa@example.se", language: "sv", subject: "TV", body: "luktar bränt")
        try b.run(.apologise(id, kind: .faulty))
        try b.run(.scheduleFollowUp(id, due: t0.addingTimeInterval(3600), note: "ring"))
        try b.run(.note(id, body: "internal"))
        let other = try b.open("Tom", subject: "x", body: "y")
        let data = try ExportDocument.encoder(timeZone: TimeZone(identifier: "Europe/Stockholm")!).encode(ExportDocument(desk: b.desk))
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let cases = try #require(json["cases"] as? [[String: Any]])
        #expect((json["customers"] as? [[String: Any]])?.count == 2)
        let c = try #require(cases.first { $0["id"] as? String == id })
        for key in ["id", "status", "priority", "assignee", "customer", "subject", "tags", "escalation", "apologies", "followUps", "messages"] {
            #expect(c.keys.contains(key), "missing \(key)")
        }
        #expect(c["escalation"] is NSNull)
        #expect((c["customer"] as? [String: Any])?["language"] as? String == "sv")
        #expect((c["apologies"] as? [[String: Any]])?.first?["kind"] as? String == "faulty")
        let followUp = try #require((c["followUps"] as? [[String: Any]])?.first)
        #expect(followUp["note"] as? String == "ring" && followUp["done"] as? Bool == false)
        #expect((followUp["due"] as? String)?.hasSuffix("+01:00") == true, "times carry their offset: \(followUp["due"] ?? "")")
        let directions = (c["messages"] as? [[String: Any]])?.compactMap { $0["direction"] as? String }
        #expect(directions == ["inbound", "note"])
        #expect(cases.contains { $0["id"] as? String == other })
    }

    @Test func eventsExportWithSnakeCaseTypesAndIsoTimes() throws {
        var b = DeskBuilder()
        let id = try b.open("Tom", subject: "x", body: "y")
        let events = try b.run(.escalate(id, level: .supervisor, reason: "refund over limit"))
        let line = try #require(String(data: try ExportDocument.encoder(timeZone: TimeZone(identifier: "UTC")!).encode(events[0]), encoding: .utf8))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        #expect(object["type"] as? String == "escalated")
        #expect(object["case"] as? String == id)
        #expect(object["reason"] as? String == "refund over limit")
        #expect(object["level"] as? String == "supervisor")
        #expect(object["seq"] as? Int == 3)
        #expect((object["at"] as? String)?.hasPrefix("2026-11-23T10:00:00") == true)
    }
}
