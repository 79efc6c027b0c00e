#if canImport(Glibc)
import Glibc
#endif

/// Thin wrappers over the POSIX calls durability depends on. Each failure becomes a `StoreError`
/// naming the operation and the path. Every descriptor is opened O_CLOEXEC so a spawned $EDITOR
/// never inherits the data-directory lock or a journal file.
enum PosixFile {
    /// Mode of every file that holds customer data.
    static let privateFileMode: mode_t = 0o600

    static func open(_ path: String, flags: Int32, operation: String) throws -> Int32 {
        while true {
            let fd = Glibc.open(path, flags | O_CLOEXEC | O_NOFOLLOW, privateFileMode)
            if fd >= 0 { return fd }
            if errno == EINTR { continue }
            throw StoreError.io(operation, path: path, errno: errno)
        }
    }

    /// Creates a new private file; fails if the name is taken.
    static func createExclusive(_ path: String) throws -> Int32 {
        let fd = try open(path, flags: O_WRONLY | O_CREAT | O_EXCL, operation: "create")
        // The umask may have removed bits, never added them; set the mode explicitly anyway.
        if fchmod(fd, privateFileMode) != 0 {
            let code = errno
            Glibc.close(fd)
            throw StoreError.io("set mode 0600 on", path: path, errno: code)
        }
        return fd
    }

    static func close(_ fd: Int32) {
        _ = Glibc.close(fd)  // close errors after a successful fsync carry no information we can act on
    }

    static func writeAll(_ fd: Int32, _ bytes: UnsafeRawBufferPointer, path: String) throws {
        var done = 0
        while done < bytes.count {
            let written = Glibc.write(fd, bytes.baseAddress! + done, bytes.count - done)
            if written < 0 {
                if errno == EINTR { continue }
                throw StoreError.io("write", path: path, errno: errno)
            }
            done += written
        }
    }

    static func writeAll(_ fd: Int32, _ bytes: [UInt8], path: String) throws {
        try bytes.withUnsafeBytes { try writeAll(fd, $0, path: path) }
    }

    static func fsync(_ fd: Int32, path: String) throws {
        while Glibc.fsync(fd) != 0 {
            if errno == EINTR { continue }
            throw StoreError.io("fsync", path: path, errno: errno)
        }
    }

    /// Makes renames, creations and deletions in a directory durable.
    /// Follows symlinks: a parent such as $XDG_DATA_HOME may legitimately be one.
    static func fsyncDirectory(_ path: String) throws {
        let fd = Glibc.open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw StoreError.io("open directory", path: path, errno: errno) }
        defer { close(fd) }
        try fsync(fd, path: path)
    }

    static func truncate(_ fd: Int32, to length: Int, path: String) throws {
        while ftruncate(fd, off_t(length)) != 0 {
            if errno == EINTR { continue }
            throw StoreError.io("truncate", path: path, errno: errno)
        }
    }

    static func size(_ fd: Int32, path: String) throws -> Int {
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw StoreError.io("stat", path: path, errno: errno) }
        return Int(info.st_size)
    }

    /// Reads `count` bytes at `offset`, or fewer if the file ends first.
    static func read(_ fd: Int32, offset: Int, count: Int, path: String) throws -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: count)
        var done = 0
        try bytes.withUnsafeMutableBytes { buffer in
            while done < count {
                let got = pread(fd, buffer.baseAddress! + done, count - done, off_t(offset + done))
                if got < 0 {
                    if errno == EINTR { continue }
                    throw StoreError.io("read", path: path, errno: errno)
                }
                if got == 0 { break }
                done += got
            }
        }
        bytes.removeLast(count - done)
        return bytes
    }

    static func readAll(_ path: String) throws -> [UInt8] {
        let fd = try open(path, flags: O_RDONLY, operation: "open")
        defer { close(fd) }
        return try read(fd, offset: 0, count: size(fd, path: path), path: path)
    }

    static func rename(_ source: String, to destination: String) throws {
        guard Glibc.rename(source, destination) == 0 else {
            throw StoreError.io("rename to \(destination)", path: source, errno: errno)
        }
    }

    /// Removes a file; one that is already gone counts as removed.
    static func removeIfPresent(_ path: String) throws {
        if unlink(path) != 0 && errno != ENOENT {
            throw StoreError.io("delete", path: path, errno: errno)
        }
    }

    /// `lstat` of a path, or nil when it does not exist.
    static func linkStatus(_ path: String) throws -> stat? {
        var info = stat()
        if lstat(path, &info) == 0 { return info }
        if errno == ENOENT { return nil }
        throw StoreError.io("inspect", path: path, errno: errno)
    }

    /// Names in a directory (without "." and ".."), unsorted.
    static func entries(ofDirectory path: String) throws -> [String] {
        guard let directory = opendir(path) else {
            throw StoreError.io("list", path: path, errno: errno)
        }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafePointer(to: &entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { String(cString: $0) }
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }

    static func isDirectory(_ info: stat) -> Bool { info.st_mode & S_IFMT == S_IFDIR }
    static func isSymbolicLink(_ info: stat) -> Bool { info.st_mode & S_IFMT == S_IFLNK }
    static func permissionBits(_ info: stat) -> mode_t { info.st_mode & 0o7777 }
}
