import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The few socket calls the server and its clients need, with errors that say what and where.
public enum UnixSocket {
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
        public init(description: String) { self.description = description }
    }

    static func failure(_ what: String, _ path: String, _ code: Int32 = errno) -> Failure {
        Failure(description: "\(what) \(path): \(String(cString: strerror(code)))")
    }

    /// A listening socket at `path`. A socket file left by a dead server is replaced: the caller
    /// holds the data directory's lock, so no live server can own it.
    /// `group`: the team's group may connect too (0660 and that group; the 0770 directory is the real gate).
    public static func listen(at path: String, group: UInt32? = nil) throws -> Int32 {
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw failure("cannot create a socket for", path) }
        var addr = try address(path)
        _ = unlink(path)   // a stale socket of a dead server; ENOENT is fine
        let bound = withUnsafePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        guard bound == 0 else { let e = errno; close(fd); throw failure("cannot bind", path, e) }
        if let group {
            guard chown(path, uid_t.max, gid_t(group)) == 0 else { let e = errno; close(fd); throw failure("cannot give the team's group", path, e) }
        }
        _ = chmod(path, group == nil ? 0o600 : 0o660)
        guard Glibc.listen(fd, 64) == 0 else { let e = errno; close(fd); throw failure("cannot listen on", path, e) }
        try setNonBlocking(fd, path: path)
        return fd
    }

    /// Connects to the server at `path` (blocking connect, then the caller decides).
    public static func connect(to path: String) throws -> Int32 {
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw failure("cannot create a socket for", path) }
        var addr = try address(path)
        let connected = withUnsafePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        guard connected == 0 else { let e = errno; close(fd); throw failure("cannot connect to", path, e) }
        return fd
    }

    static func setNonBlocking(_ fd: Int32, path: String) throws {
        let flags = fcntl(fd, F_GETFL)
        guard flags >= 0, fcntl(fd, F_SETFL, flags | O_NONBLOCK) == 0 else { throw failure("cannot make non-blocking", path) }
    }

    static func address(_ path: String) throws -> sockaddr_un {
        var addr = sockaddr_un()
        addr.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        let capacity = MemoryLayout.size(ofValue: addr.sun_path)
        guard bytes.count < capacity else {
            throw Failure(description: "the socket path \(path) is \(bytes.count) bytes; Unix sockets allow \(capacity - 1). Use a shorter --data-dir")
        }
        withUnsafeMutableBytes(of: &addr.sun_path) { raw in
            raw.copyBytes(from: bytes)
            raw[bytes.count] = 0
        }
        return addr
    }

    /// Writes all of `bytes` to a blocking socket.
    public static func writeAll(_ fd: Int32, _ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let n = bytes[offset...].withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if n < 0 {
                if errno == EINTR { continue }
                throw Failure(description: "the connection to the server broke: \(String(cString: strerror(errno)))")
            }
            offset += n
        }
    }
}
