import Foundation
import Testing
@testable import FrontlineCore

@Suite struct DemoQueueTests {
    func build(count: Int, seed: UInt64) throws -> HelpDesk {
        var b = DeskBuilder()
        var ids: [Int: CaseID] = [:]
        for step in DemoQueue(count: count, seed: seed).steps(now: t0) {
            b.now = step.at
            if step.opensCase {
                ids[step.caseRef] = try b.run(step.command, actor: step.actor).first?.caseID
            } else if let id = ids[step.caseRef] {
                _ = try? b.run(step.command(for: id), actor: step.actor)
            }
        }
        return b.desk
    }

    @Test func theDemoIsRealisticAndReproducible() throws {
        let desk = try build(count: 120, seed: 7)
        #expect(desk.cases.count == 120)
        #expect(try build(count: 120, seed: 7) == desk)
        let languages = Set(desk.customers.values.map(\.language))
        #expect(languages == ["sv", "fi", "en"])
        #expect(desk.casesByCustomer.values.contains { $0.count > 1 }, "some customers come back")
        #expect(desk.cases.values.contains { $0.escalation != nil })
        #expect(desk.cases.values.contains { $0.followUps.contains { $0.isDue(at: t0) } }, "some follow-ups overdue")
        #expect(desk.cases.values.contains { $0.followUps.contains { !$0.done && $0.due > t0 } }, "some follow-ups still to come")
        let ages = desk.cases.values.filter { $0.status == .open }.map { $0.age(at: t0) }
        #expect(ages.min()! < 3600 && ages.max()! > 86400, "ages from minutes to days")
        #expect(desk.cases.values.contains { $0.status == .solved })
    }
}
