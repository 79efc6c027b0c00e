import Glibc

/// Who is on the other end of a Unix socket, as the kernel says (SO_PEERCRED) — the only
/// identity the server trusts; a client's own claims are never used for permissions.
public struct PeerCredentials: Equatable, Sendable {
    public var pid: Int32
    public var uid: UInt32
    public var gid: UInt32

    /// Tests and the role check use this to inject an identity without a real socket.
    public init(pid: Int32, uid: UInt32, gid: UInt32) {
        self.pid = pid
        self.uid = uid
        self.gid = gid
    }

    public static func of(socket fd: Int32) throws(PeerCredentialsError) -> PeerCredentials {
        var cred = UCred()
        var length = socklen_t(MemoryLayout<UCred>.size)
        guard getsockopt(fd, SOL_SOCKET, SO_PEERCRED, &cred, &length) == 0 else {
            throw PeerCredentialsError(errno: errno)
        }
        guard Int(length) == MemoryLayout<UCred>.size else {
            throw PeerCredentialsError(errno: EINVAL)
        }
        return PeerCredentials(pid: cred.pid, uid: cred.uid, gid: cred.gid)
    }
}

/// Linux's `struct ucred` (pid_t, uid_t, gid_t). Glibc only declares it under _GNU_SOURCE,
/// which the Swift Glibc module is not built with, so its fixed ABI layout is mirrored here.
private struct UCred {
    var pid: Int32 = 0
    var uid: UInt32 = 0
    var gid: UInt32 = 0
}

public struct PeerCredentialsError: Error, Equatable, Sendable, CustomStringConvertible {
    public var errno: Int32

    public var description: String {
        "could not read the peer's credentials (SO_PEERCRED): \(String(cString: strerror(errno)))"
    }
}
