import Glibc

/// Why the socket directory cannot be trusted. Each message says what is wrong and what to do,
/// because the person reading it is an admin at a shell, not a developer.
public enum SocketDirectoryError: Error, Equatable, Sendable, CustomStringConvertible {
    case symlink(path: String)
    case notADirectory(path: String)
    case wrongOwner(path: String, owner: UInt32, expected: UInt32)
    case wrongGroup(path: String, group: UInt32, expected: UInt32)
    case unsafeMode(path: String, mode: UInt32, expected: UInt32)
    case system(path: String, operation: String, errno: Int32)

    public var description: String {
        switch self {
        case let .symlink(path):
            return "\(path) is a symbolic link; frontline will not follow it for its socket. "
                + "Remove it (rm \(path)) and frontline will create a private directory there."
        case let .notADirectory(path):
            return "\(path) exists but is not a directory. Move or remove it and frontline will create it."
        case let .wrongOwner(path, owner, expected):
            return "\(path) is owned by uid \(owner), not by this user (uid \(expected)), so anyone with that uid "
                + "could replace the socket. Remove it, or run frontline as its owner."
        case let .wrongGroup(path, group, expected):
            return "\(path) belongs to group \(group), not the team group \(expected). "
                + "Run chgrp \(expected) \(path)."
        case let .unsafeMode(path, mode, expected):
            return "\(path) has mode \(octal(mode)) but must be \(octal(expected)) so only "
                + (expected == 0o700 ? "you" : "you and the team group") + " can reach the socket. "
                + "Run chmod \(octal(expected)) \(path)."
        case let .system(path, operation, errno):
            return "\(operation) \(path) failed: \(String(cString: strerror(errno)))"
        }
    }

    private func octal(_ mode: UInt32) -> String { String(mode, radix: 8) }
}
