import Foundation
import Testing
@testable import FrontlineCore

@Suite struct AccessPolicyTests {
    func deskWithCases() throws -> (HelpDesk, bobs: CaseID, free: CaseID) {
        var b = DeskBuilder()
        let bobs = try b.open("Åsa")
        let free = try b.open("Chen")
        try b.run(.take(bobs), actor: "bob")
        try b.run(.escalate(bobs, level: .supervisor, reason: "refund over limit"), actor: "bob")
        return (b.desk, bobs, free)
    }

    @Test func supervisorsMayDoAnything() throws {
        let (desk, bobs, _) = try deskWithCases()
        for command: Command in [.deescalate(bobs, reason: "ok"), .assign(bobs, agent: "alice"), .assign(bobs, agent: nil),
                                 .setServiceLevel(.urgent, target: 1800), .reply(bobs, body: "hi")] {
            #expect(AccessPolicy.refusal(of: command, by: "sam", role: .supervisor, on: desk) == nil, "\(command)")
        }
    }

    @Test func viewersMayChangeNothing() throws {
        let (desk, bobs, free) = try deskWithCases()
        for command: Command in [.note(bobs, body: "x"), .take(free), .saveDraft(free, body: "x"), .solve(free)] {
            let why = AccessPolicy.refusal(of: command, by: "wall", role: .viewer, on: desk)
            #expect(why == "wall is a viewer on this desk: viewers can watch the queue but not change it", "\(command)")
        }
    }

    @Test func agentsWorkCasesButOnlySupervisorsTakeThemBackOrMoveThem() throws {
        let (desk, bobs, free) = try deskWithCases()
        // Everyday work, and handing out unassigned work or passing on one's own case.
        for (actor, command) in [("alice", Command.reply(bobs, body: "hi")), ("alice", .escalate(free, level: .tier2, reason: "x")),
                                 ("alice", .assign(free, agent: "chen")), ("bob", .assign(bobs, agent: "alice")),
                                 ("bob", .assign(bobs, agent: nil)), ("alice", .take(free))] {
            #expect(AccessPolicy.refusal(of: command, by: actor, role: .agent, on: desk) == nil, "\(actor) \(command)")
        }
        #expect(AccessPolicy.refusal(of: .deescalate(bobs, reason: "fine"), by: "bob", role: .agent, on: desk)
                == "only a supervisor can de-escalate \(bobs) (bob is an agent)")
        #expect(AccessPolicy.refusal(of: .assign(bobs, agent: "alice"), by: "alice", role: .agent, on: desk)
                == "only a supervisor can reassign \(bobs): it is bob's case (alice is an agent)")
        #expect(AccessPolicy.refusal(of: .assign(bobs, agent: nil), by: "alice", role: .agent, on: desk) != nil)
        #expect(AccessPolicy.refusal(of: .setServiceLevel(.high, target: 3600), by: "alice", role: .agent, on: desk)
                == "only a supervisor can change SLA targets (alice is an agent)")
    }

    @Test func rolesComeFromTheListThenTheDefaultThenOwnership() {
        let listed = TeamAccess(roles: ["alice": .supervisor, "wall": .viewer])
        #expect(listed.role(of: "alice", isOwner: false) == .supervisor)
        #expect(listed.role(of: "wall", isOwner: true) == .viewer)
        #expect(listed.role(of: "mallory", isOwner: false) == nil)
        #expect(listed.role(of: "support", isOwner: true) == .supervisor)
        var open = listed
        open.defaultRole = .agent
        #expect(open.role(of: "mallory", isOwner: false) == .agent)
        #expect(open.role(of: "support", isOwner: true) == .agent)
    }

    @Test func deescalatingNeedsAReasonAndAnEscalationAndIsInTheThread() throws {
        var b = DeskBuilder()
        let id = try b.open("Åsa")
        #expect(throws: CommandError("\(id) is not escalated")) { try b.run(.deescalate(id, reason: "x")) }
        try b.run(.escalate(id, level: .tier2, reason: "billing"), actor: "bob")
        #expect(throws: CommandError.self) { try b.run(.deescalate(id, reason: "  ")) }
        try b.run(.deescalate(id, reason: "resolved at tier 1"), actor: "sam")
        #expect(b.desk.cases[id]?.escalation == nil)
        #expect(b.desk.cases[id]?.activity.last?.text == "de-escalated from tier 2 by sam: resolved at tier 1")
    }

    @Test func runTimeSLATargetsOverrideTheConfigAndAreChecked() throws {
        var b = DeskBuilder()
        #expect(throws: CommandError.self) { try b.run(.setServiceLevel(.urgent, target: 10)) }
        let events = try b.run(.setServiceLevel(.urgent, target: 1800), actor: "sam")
        #expect(events.map(\.caseID) == [HelpDesk.deskWide])
        #expect(throws: CommandError("the urgent SLA target is already 30m")) { try b.run(.setServiceLevel(.urgent, target: 1800)) }
        let config = ServiceLevels(targets: [.urgent: 7200, .low: 999_999])
        let inForce = b.desk.serviceLevels(base: config)
        #expect(inForce.target(for: .urgent) == 1800)
        #expect(inForce.target(for: .low) == 999_999)
        #expect(HelpDesk().serviceLevels(base: config) == config)
    }
}
