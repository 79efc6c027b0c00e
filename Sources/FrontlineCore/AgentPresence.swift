/// Which case an agent has open in their console, and whether they are writing a reply to it.
/// Ephemeral: shared through the team server, never journaled.
public struct AgentPresence: Codable, Sendable, Equatable {
    public var agent: String
    public var caseID: CaseID?
    public var replying: Bool

    public init(agent: String, caseID: CaseID?, replying: Bool) {
        self.agent = agent
        self.caseID = caseID
        self.replying = replying
    }

    enum CodingKeys: String, CodingKey {
        case agent, replying
        case caseID = "case"
    }
}
