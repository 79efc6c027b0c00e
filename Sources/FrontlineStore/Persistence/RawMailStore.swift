#if canImport(Glibc)
import Glibc
#endif
import FrontlineCore

/// Every customer message exactly as it arrived, so a better parser can read it again and
/// nothing a customer sent is ever lost: `mail/raw/<2 hex>/<digest>.eml` in the data directory,
/// 0600, content-addressed (the same bytes twice are one file). Written durably (temp → fsync →
/// rename → fsync directory) before the message is journaled.
public struct RawMailStore: Sendable {
    public let root: String

    public init(directory: DataDirectory) {
        root = directory.filePath("mail/raw")
    }

    /// Reading only (a command that does not own the store): `root` is `<data dir>/mail/raw`.
    public init(root: String) {
        self.root = root
    }

    /// Keeps `bytes`; returns the name they are kept under.
    public func put(_ bytes: [UInt8]) throws -> String {
        let key = ContentDigest.hex(bytes)
        let folder = root + "/" + key.prefix(2)
        try Self.makeDirectories([String(root.dropLast(4)), root, folder])
        let path = folder + "/" + key + ".eml"
        if let info = try PosixFile.linkStatus(path), info.st_size == bytes.count { return key }
        let temporary = path + ".tmp"
        try PosixFile.removeIfPresent(temporary)
        let fd = try PosixFile.createExclusive(temporary)
        do {
            defer { PosixFile.close(fd) }
            try PosixFile.writeAll(fd, bytes, path: temporary)
            try PosixFile.fsync(fd, path: temporary)
        } catch {
            try? PosixFile.removeIfPresent(temporary)
            throw error
        }
        try PosixFile.rename(temporary, to: path)
        try PosixFile.fsyncDirectory(folder)
        return key
    }

    /// The bytes kept under `key`; nil when there is no such message. Keys are checked to be
    /// digests, so a key from outside can never name a path elsewhere.
    public func get(_ key: String) throws -> [UInt8]? {
        guard key.count == 32, key.allSatisfy({ $0.isHexDigit && !$0.isUppercase }) else { return nil }
        let path = root + "/" + key.prefix(2) + "/" + key + ".eml"
        guard try PosixFile.linkStatus(path) != nil else { return nil }
        return try PosixFile.readAll(path)
    }

    private static func makeDirectories(_ paths: [String]) throws {
        for path in paths {
            if mkdir(path, 0o700) == 0 {
                if let slash = path.lastIndex(of: "/") { try PosixFile.fsyncDirectory(String(path[..<slash])) }
            } else if errno != EEXIST {
                throw StoreError.io("create directory", path: path, errno: errno)
            }
        }
    }
}
