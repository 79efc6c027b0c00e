/// What a person may do on a shared desk. The team server gives each connection one, from the
/// config, by the Unix user the kernel reports.
public enum TeamRole: String, Codable, Sendable, CaseIterable {
    /// Works cases: reply, note, apologise, escalate, follow up, take, solve.
    case agent
    /// Everything an agent does, plus de-escalating, reassigning another agent's case and
    /// changing SLA targets at run time.
    case supervisor
    /// Watches the queue (a wallboard, a trainee); changes nothing.
    case viewer
    /// Takes in customer messages and nothing else: the user a mail system's pipe runs as
    /// (Postfix runs root's aliases as `nobody`).
    case intake
}
