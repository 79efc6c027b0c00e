#if canImport(Glibc)
import Glibc
#endif
import Synchronization

/// Proof that this process owns a data directory: an `flock` on "<dir>/lock", held until
/// `release()` or deinit. `flock` rather than POSIX `fcntl` locks, because closing *any*
/// descriptor of the file drops an fcntl lock, and two opens in one process do not conflict.
/// The lock file names the holder ("<pid> <owner>") so a refused second program can say who.
public final class DataDirectoryLock: @unchecked Sendable {
    public static let fileName = "lock"

    /// Path of the lock file.
    public let path: String
    private let descriptor: Mutex<Int32>  // -1 once released

    private init(path: String, descriptor: Int32) {
        self.path = path
        self.descriptor = Mutex(descriptor)
    }

    deinit {
        release()
    }

    /// Gives the directory up. Safe to call more than once.
    public func release() {
        let fd = descriptor.withLock { fd in
            defer { fd = -1 }
            return fd
        }
        if fd >= 0 { PosixFile.close(fd) }  // closing the only descriptor drops the flock
    }

    static func acquire(directory: DataDirectory, owner: String) throws -> DataDirectoryLock {
        let path = directory.filePath(fileName)
        // No O_TRUNC: until we hold the lock, the file still names the current holder.
        let fd = try PosixFile.open(path, flags: O_RDWR | O_CREAT, operation: "open lock file")
        do {
            if fchmod(fd, PosixFile.privateFileMode) != 0 {
                throw StoreError.io("set mode 0600 on", path: path, errno: errno)
            }
            var patience = 0
            while flock(fd, LOCK_EX | LOCK_NB) != 0 {
                if errno == EINTR { continue }
                if errno == EWOULDBLOCK {
                    // Held in our own name: a child this process is spawning still holds a copy
                    // of the descriptor we just closed, until it execs (O_CLOEXEC acts only then).
                    // Give it a moment rather than refuse ourselves.
                    let refusal = inUseError(directory: directory, lockFile: fd, path: path)
                    if case let .inUse(pid, _) = refusal.kind, pid == getpid(), patience < 500 {
                        patience += 1
                        usleep(2000)
                        continue
                    }
                    throw refusal
                }
                throw StoreError.io("lock", path: path, errno: errno)
            }
            try PosixFile.truncate(fd, to: 0, path: path)
            let line = "\(getpid()) \(singleLine(owner))\n"
            try PosixFile.writeAll(fd, Array(line.utf8), path: path)
        } catch {
            PosixFile.close(fd)
            throw error
        }
        return DataDirectoryLock(path: path, descriptor: fd)
    }

    private static func inUseError(directory: DataDirectory, lockFile fd: Int32, path: String) -> StoreError {
        let content = (try? PosixFile.read(fd, offset: 0, count: 512, path: path)) ?? []
        let text = String(decoding: content, as: UTF8.self)
        let parts = text.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
        let pid = parts.first.flatMap { Int32($0) } ?? 0
        var owner = parts.count > 1 ? singleLine(String(parts[1])) : ""
        if owner.isEmpty { owner = "owner unknown" }
        let who = pid > 0 ? "pid \(pid)" : "another process (it has not written its pid yet)"
        return StoreError(kind: .inUse(pid: pid, owner: owner), description:
            "data directory \(directory.path) is in use by \(who) (\(owner)); close that program or use another --data-dir")
    }

    /// The owner text is shown on a terminal later: keep it to one printable line.
    private static func singleLine(_ text: String) -> String {
        let cleaned = text.unicodeScalars.map { scalar -> Character in
            scalar.properties.generalCategory == .control ? " " : Character(scalar)
        }
        return String(String(cleaned).trimmingCharactersInWhitespace().prefix(200))
    }
}

private extension String {
    func trimmingCharactersInWhitespace() -> String {
        var scalars = Substring(self)
        while let first = scalars.first, first.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }
}
