#if canImport(Glibc)
import Glibc
#endif

/// The private folder that holds one store: journal segments, snapshots and the lock file.
/// It holds customer PII, so it is 0700 and must be ours and not a symlink.
public final class DataDirectory: Sendable {
    /// Absolute path, without a trailing slash.
    public let path: String

    private init(path: String) {
        self.path = path
    }

    /// Creates the directory (and parents) if missing, mode 0700. An existing directory owned by
    /// another uid, or that is a symlink, is refused (unsafePermissions); an existing one of ours
    /// with group/other bits is tightened to 0700.
    public static func prepare(path: String) throws -> DataDirectory {
        let path = absolute(path)
        try createMissing(path)
        // Work on an open descriptor (O_NOFOLLOW) so the checks and the chmod hit the same directory.
        let fd = Glibc.open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else {
            let code = errno
            if let info = try PosixFile.linkStatus(path), PosixFile.isSymbolicLink(info) {
                throw StoreError(kind: .unsafePermissions(path: path), description:
                    "data directory \(path) is a symbolic link; refusing to use it because it holds customer data and a link can be redirected. Point --data-dir at the real directory")
            }
            if code == ENOTDIR {
                throw StoreError(kind: .io(operation: "use as data directory", path: path, errno: ENOTDIR), description:
                    "data directory \(path) exists but is not a directory; move it aside or use another --data-dir")
            }
            throw StoreError.io("open data directory", path: path, errno: code)
        }
        defer { PosixFile.close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw StoreError.io("inspect", path: path, errno: errno) }
        // Checked before touching the mode: never chmod someone else's directory.
        if info.st_uid != geteuid() {
            throw StoreError(kind: .unsafePermissions(path: path), description:
                "data directory \(path) belongs to uid \(info.st_uid), not to you (uid \(geteuid())); refusing to keep customer data there. Use a directory of your own with --data-dir")
        }
        if PosixFile.permissionBits(info) != 0o700 {
            guard fchmod(fd, 0o700) == 0 else {
                throw StoreError.io("set mode 0700 on", path: path, errno: errno)
            }
        }
        return DataDirectory(path: path)
    }

    /// Takes the exclusive lock that makes this process the only writer. See `DataDirectoryLock`.
    public func lock(owner: String) throws -> DataDirectoryLock {
        try DataDirectoryLock.acquire(directory: self, owner: owner)
    }

    public func filePath(_ name: String) -> String {
        path + "/" + name
    }

    /// Removes trailing slashes (`lstat("link/")` would follow the link) and anchors relative
    /// paths at the working directory so messages and later opens never depend on `chdir`.
    private static func absolute(_ path: String) -> String {
        var path = path
        if !path.hasPrefix("/") {
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            if let cwd = getcwd(&buffer, buffer.count) {
                let base = String(cString: cwd)
                path = path.isEmpty ? base : base + "/" + path
            }
        }
        while path.count > 1 && path.hasSuffix("/") { path.removeLast() }
        return path
    }

    /// `mkdir -p` with 0700 for every directory we create; the parent of each new directory is
    /// fsynced so the directory itself survives a crash.
    private static func createMissing(_ path: String) throws {
        guard try PosixFile.linkStatus(path) == nil else { return }
        let components = path.split(separator: "/", omittingEmptySubsequences: true)
        var current = ""
        for component in components {
            let parent = current.isEmpty ? "/" : current
            current += "/" + component
            if mkdir(current, 0o700) == 0 {
                try PosixFile.fsyncDirectory(parent)
            } else if errno != EEXIST {
                throw StoreError.io("create directory", path: current, errno: errno)
            }
        }
    }
}
