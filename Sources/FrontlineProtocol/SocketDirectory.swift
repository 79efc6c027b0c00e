import Glibc

/// The private directory the server's Unix socket lives in. The directory, not the socket file,
/// is the access control: only its owner (and optionally one team group) can traverse it, so
/// nobody else can connect, or plant a fake socket for clients to talk to.
public struct SocketDirectory: Equatable, Sendable {
    public let path: String
    public let mode: UInt32

    /// Creates `<dataDirectory>/<name>` (mode 0700, or 0770 owned by `group`) or verifies the
    /// one already there.
    public static func prepare(dataDirectory: String, name: String = "run",
                               group: UInt32? = nil) throws(SocketDirectoryError) -> SocketDirectory {
        let base = dataDirectory.hasSuffix("/") ? String(dataDirectory.dropLast()) : dataDirectory
        return try prepare(path: base + "/" + name, group: group)
    }

    public static func prepare(path: String, group: UInt32? = nil) throws(SocketDirectoryError) -> SocketDirectory {
        let mode: UInt32 = group == nil ? 0o700 : 0o770
        if mkdir(path, mode_t(mode)) == 0 {
            // mkdir's mode is masked by the umask, and the group comes from the parent: set both.
            if let group, chown(path, uid_t.max, gid_t(group)) != 0 {
                throw .system(path: path, operation: "chown", errno: errno)
            }
            if chmod(path, mode_t(mode)) != 0 {
                throw .system(path: path, operation: "chmod", errno: errno)
            }
        } else if errno != EEXIST {
            throw .system(path: path, operation: "mkdir", errno: errno)
        }
        // Verify even what we just made: between mkdir and here someone could have swapped it.
        try verify(path: path, mode: mode, group: group)
        return SocketDirectory(path: path, mode: mode)
    }

    /// Where the socket called `name` goes inside this directory.
    public func socketPath(_ name: String = "frontline.sock") -> String {
        path + "/" + name
    }

    private static func verify(path: String, mode expected: UInt32, group: UInt32?) throws(SocketDirectoryError) {
        var info = stat()
        // lstat, never stat: a symlink must be refused, not followed.
        guard lstat(path, &info) == 0 else {
            throw .system(path: path, operation: "lstat", errno: errno)
        }
        let type = UInt32(info.st_mode) & UInt32(S_IFMT)
        if type == UInt32(S_IFLNK) { throw .symlink(path: path) }
        guard type == UInt32(S_IFDIR) else { throw .notADirectory(path: path) }
        let uid = UInt32(getuid())
        guard UInt32(info.st_uid) == uid else {
            throw .wrongOwner(path: path, owner: UInt32(info.st_uid), expected: uid)
        }
        if let group, UInt32(info.st_gid) != group {
            throw .wrongGroup(path: path, group: UInt32(info.st_gid), expected: group)
        }
        // Exact permission bits: extra bits let others in, missing ones lock us (or the team) out.
        let permissions = UInt32(info.st_mode) & 0o777
        guard permissions == expected else {
            throw .unsafeMode(path: path, mode: permissions, expected: expected)
        }
    }
}
