/// The team section of the config: which Unix users may use a shared desk, and as what.
///
/// ```toml
/// [team]
/// default_role = "agent"   # users not listed; leave it out to refuse them
/// group = "support"        # share the socket with this Unix group (directory 0770)
/// [team.users]
/// alice = "supervisor"
/// wall = "viewer"
/// ```
public struct TeamAccess: Sendable, Equatable {
    public var roles: [String: TeamRole]
    public var defaultRole: TeamRole?
    /// The Unix group that may connect to the server's socket; nil keeps it to the owner.
    public var group: String?

    public init(roles: [String: TeamRole] = [:], defaultRole: TeamRole? = nil, group: String? = nil) {
        self.roles = roles
        self.defaultRole = defaultRole
        self.group = group
    }

    /// The role of `user`, or nil when they are not on the team. The server's own Unix user
    /// owns the files (it could edit the journal directly), so unlisted it is a supervisor.
    public func role(of user: String, isOwner: Bool) -> TeamRole? {
        if let listed = roles[user] { return listed }
        if let fallback = defaultRole { return fallback }
        return isOwner ? .supervisor : nil
    }
}
