import Foundation
import FrontlineClient
import FrontlineCore
import FrontlineProtocol
import FrontlineServer
import Testing

/// Roles at the protocol layer: the server is told (as the kernel would) which Unix user each
/// connection is, and must act on that, never on the name the client sends.
@Suite(.serialized) struct TeamRoleServerTests {
    let team = TeamAccess(roles: ["sam": .supervisor, "bob": .agent, "alice": .agent, "wall": .viewer])

    func open(_ running: RunningServer, _ name: String = "test") throws -> RemoteCaseService { try running.client(name) }

    @Test func aUserNotOnTheTeamIsRefusedWithTheWayIn() throws {
        let running = try RunningServer(team: team, identities: [PeerIdentity(user: "mallory", isOwner: false)])
        defer { running.shutDown() }
        let error = #expect(throws: RemoteCaseService.Failure.self) { try running.client() }
        #expect(error?.description.contains("user mallory is not on this desk's team") == true)
        #expect(error?.description.contains("[team.users]") == true)
    }

    @Test func theActorIsTheUnixUserNotTheNameTheClientSends() throws {
        let running = try RunningServer(team: team, identities: [PeerIdentity(user: "bob", isOwner: false)])
        defer { running.shutDown() }
        let bob = try running.client()
        defer { bob.close() }
        // The console learns the name and role it has here, for "Mine" and for presence.
        #expect(bob.assignedName == "bob" && bob.assignedRole == .agent)
        let opened = try bob.perform(.receive(IncomingMessage(customerName: "Åsa", customerEmail: "", language: "sv", subject: "TV", body: "x")), actor: "sam")
        #expect(opened.allSatisfy { $0.actor == "bob" })
        let id = try #require(opened.first?.caseID)
        // Claiming to be the supervisor does not make bob one.
        #expect(throws: CommandError("only a supervisor can change SLA targets (bob is an agent)")) {
            try bob.perform(.setServiceLevel(.urgent, target: 1800), actor: "sam")
        }
        bob.announce(AgentPresence(agent: "sam", caseID: id, replying: true))
        #expect(eventually("presence arrives") { _ = bob.pollChanges(); return !bob.presence.isEmpty })
        #expect(bob.presence.map(\.agent) == ["bob"])
    }

    @Test func agentsAreStoppedWhereSupervisorsAreNot() throws {
        let running = try RunningServer(team: team, identities: [PeerIdentity(user: "bob", isOwner: false), PeerIdentity(user: "alice", isOwner: false),
                                                                 PeerIdentity(user: "sam", isOwner: false)])
        defer { running.shutDown() }
        let bob = try running.client("bob"), alice = try running.client("alice"), sam = try running.client("sam")
        defer { bob.close(); alice.close(); sam.close() }
        let id = try #require(try bob.perform(.receive(IncomingMessage(customerName: "Åsa", customerEmail: "", language: "sv", subject: "TV", body: "x")), actor: "bob").first?.caseID)
        try bob.perform(.take(id), actor: "bob")
        try bob.perform(.escalate(id, level: .supervisor, reason: "refund over limit"), actor: "bob")
        _ = alice.pollChanges()
        #expect(throws: CommandError("only a supervisor can reassign \(id): it is bob's case (alice is an agent)")) {
            try alice.perform(.assign(id, agent: "alice"), actor: "alice")
        }
        #expect(throws: CommandError("only a supervisor can de-escalate \(id) (bob is an agent)")) {
            try bob.perform(.deescalate(id, reason: "fine"), actor: "bob")
        }
        // Nothing refused reached the store.
        #expect(running.store.desk.cases[id]?.assignee == "bob")
        #expect(running.store.desk.cases[id]?.escalation != nil)
        let done = try sam.perform(.deescalate(id, reason: "approved the refund"), actor: "sam")
        #expect(done.first?.actor == "sam")
        try sam.perform(.assign(id, agent: "alice"), actor: "sam")
        try sam.perform(.setServiceLevel(.urgent, target: 1800), actor: "sam")
        #expect(running.store.desk.cases[id]?.assignee == "alice")
        #expect(eventually("alice's copy has the new SLA target") { _ = alice.pollChanges(); return alice.desk.serviceLevelTargets[.urgent] == 1800 })
    }

    @Test func viewersAndWallboardsOnlyWatch() throws {
        let running = try RunningServer(team: team, identities: [PeerIdentity(user: "wall", isOwner: false), PeerIdentity(user: "support", isOwner: true)])
        defer { running.shutDown() }
        let viewer = try running.client("wall")
        let wallboard = try RemoteCaseService(socketPath: running.socketPath, client: "frontline-test wallboard", role: .wallboard)
        defer { viewer.close(); wallboard.close() }
        let message = IncomingMessage(customerName: "Åsa", customerEmail: "", language: "sv", subject: "TV", body: "x")
        #expect(throws: CommandError("wall is a viewer on this desk: viewers can watch the queue but not change it")) {
            try viewer.perform(.receive(message), actor: "wall")
        }
        // Even the owner's wallboard is read-only.
        #expect(throws: CommandError("a wallboard only watches the queue")) { try wallboard.perform(.receive(message), actor: "support") }
        #expect(running.store.desk.cases.isEmpty)
    }

    @Test func theOwnerNamesTheAgentAndTheListDecidesThatAgentsRole() throws {
        let running = try RunningServer(team: team, identities: [PeerIdentity(user: "support", isOwner: true)])
        defer { running.shutDown() }
        let owner = try running.client()
        defer { owner.close() }
        #expect(owner.assignedName == nil, "the server's own user names its agent itself")
        let opened = try owner.perform(.receive(IncomingMessage(customerName: "Åsa", customerEmail: "", language: "sv", subject: "TV", body: "x")), actor: "intake")
        #expect(opened.first?.actor == "intake")
        #expect(throws: CommandError("wall is a viewer on this desk: viewers can watch the queue but not change it")) {
            try owner.perform(.note(opened[0].caseID, body: "hi"), actor: "wall")
        }
    }

    @Test func aReloadedTeamAppliesToTheNextCommand() throws {
        let running = try RunningServer(team: team, identities: [PeerIdentity(user: "bob", isOwner: false)])
        defer { running.shutDown() }
        let bob = try running.client()
        defer { bob.close() }
        #expect(throws: CommandError.self) { try bob.perform(.setServiceLevel(.high, target: 7200), actor: "bob") }
        var promoted = team
        promoted.roles["bob"] = .supervisor
        running.server.replaceTeam(promoted)
        #expect(eventually("the next round takes the new roles") { running.server.team == promoted })
        try bob.perform(.setServiceLevel(.high, target: 7200), actor: "bob")
        var removed = team
        removed.roles["bob"] = nil
        running.server.replaceTeam(removed)
        #expect(eventually("the next round takes the new roles") { running.server.team == removed })
        let error = #expect(throws: CommandError.self) { try bob.perform(.note("C-1000", body: "x"), actor: "bob") }
        #expect(error?.description.contains("user bob is not on this desk's team") == true)
    }
}
