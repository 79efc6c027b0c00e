import FrontlineProtocol
#if canImport(Glibc)
import Glibc
#endif

/// A connected peer as a person: their Unix user name, and whether they are the user the server
/// runs as (who owns the data files and so is trusted to name the agent they act for).
public struct PeerIdentity: Equatable, Sendable {
    public var user: String
    public var isOwner: Bool

    public init(user: String, isOwner: Bool) {
        self.user = user
        self.isOwner = isOwner
    }

    /// The user name from the password database (or "uid N" for a user without an entry).
    @Sendable public static func fromSystem(_ peer: PeerCredentials) -> PeerIdentity {
        var entry = passwd()
        var result: UnsafeMutablePointer<passwd>?
        var buffer = [CChar](repeating: 0, count: 4096)
        let name: String
        if getpwuid_r(uid_t(peer.uid), &entry, &buffer, buffer.count, &result) == 0, result != nil, let n = entry.pw_name {
            name = String(cString: n)
        } else {
            name = "uid \(peer.uid)"
        }
        return PeerIdentity(user: name, isOwner: peer.uid == getuid())
    }
}
