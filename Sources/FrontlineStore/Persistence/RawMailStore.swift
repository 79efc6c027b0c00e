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
        try Self.writeDurably(bytes, to: folder + "/" + key + ".eml", in: folder)
        return key
    }

    /// Keeps many messages with one fsync (an mbox import): appended to one pack file,
    /// `mail/raw/packs/<digest of the batch>.pack`; each key is `<pack>@<offset>+<length>`.
    public func putPack(_ messages: [[UInt8]]) throws -> [String] {
        guard !messages.isEmpty else { return [] }
        var all: [UInt8] = []
        all.reserveCapacity(messages.reduce(0) { $0 + $1.count })
        var keys: [String] = []
        let name = ContentDigest.hex(messages.flatMap { Array(ContentDigest.hex($0).utf8) })
        for m in messages {
            keys.append("\(name)@\(all.count)+\(m.count)")
            all += m
        }
        let folder = root + "/packs"
        try Self.makeDirectories([String(root.dropLast(4)), root, folder])
        try Self.writeDurably(all, to: folder + "/" + name + ".pack", in: folder)
        return keys
    }

    /// The bytes kept under `key`; nil when there is no such message. Keys are checked to be
    /// digests (and numbers), so a key from outside can never name a path elsewhere.
    public func get(_ key: String) throws -> [UInt8]? {
        if let at = key.firstIndex(of: "@") {
            let name = String(key[..<at])
            let range = key[key.index(after: at)...].split(separator: "+")
            guard Self.isDigest(name), range.count == 2, let offset = Int(range[0]), let length = Int(range[1]),
                  offset >= 0, length >= 0, length <= 64 << 20 else { return nil }
            let path = root + "/packs/" + name + ".pack"
            guard try PosixFile.linkStatus(path) != nil else { return nil }
            let fd = try PosixFile.open(path, flags: O_RDONLY, operation: "open")
            defer { PosixFile.close(fd) }
            let bytes = try PosixFile.read(fd, offset: offset, count: length, path: path)
            return bytes.count == length ? bytes : nil
        }
        guard Self.isDigest(key) else { return nil }
        let path = root + "/" + key.prefix(2) + "/" + key + ".eml"
        guard try PosixFile.linkStatus(path) != nil else { return nil }
        return try PosixFile.readAll(path)
    }

    /// Puts messages back under the keys they were kept under elsewhere (a migration from
    /// PostgreSQL): a digest key as its file, pack keys as their pack, byte for byte where they
    /// were. Refuses a key that is not one of ours, or bytes that do not match a digest key.
    public func restore(_ items: [(key: String, bytes: [UInt8])]) throws {
        var packs: [String: [(offset: Int, bytes: [UInt8])]] = [:]
        for item in items {
            if let at = item.key.firstIndex(of: "@") {
                let name = String(item.key[..<at]), range = item.key[item.key.index(after: at)...].split(separator: "+")
                guard Self.isDigest(name), range.count == 2, let offset = Int(range[0]), let length = Int(range[1]),
                      offset >= 0, length == item.bytes.count, offset <= 1 << 34 else {
                    throw StoreOpenError("\(root): raw mail key \"\(item.key)\" is not a pack key of \(item.bytes.count) bytes")
                }
                packs[name, default: []].append((offset, item.bytes))
            } else {
                guard Self.isDigest(item.key), ContentDigest.hex(item.bytes) == item.key else {
                    throw StoreOpenError("\(root): raw mail key \"\(item.key)\" does not name its bytes")
                }
                _ = try put(item.bytes)
            }
        }
        guard !packs.isEmpty else { return }
        let folder = root + "/packs"
        try Self.makeDirectories([String(root.dropLast(4)), root, folder])
        for (name, parts) in packs {
            var all = [UInt8](repeating: 0, count: parts.map { $0.offset + $0.bytes.count }.max() ?? 0)
            for p in parts { all.replaceSubrange(p.offset..<(p.offset + p.bytes.count), with: p.bytes) }
            try Self.writeDurably(all, to: folder + "/" + name + ".pack", in: folder)
        }
    }

    /// temp → fsync → rename → fsync the folder; a file already there whole (the same bytes,
    /// content-addressed) is kept as it is.
    private static func writeDurably(_ bytes: [UInt8], to path: String, in folder: String) throws {
        if let info = try PosixFile.linkStatus(path), info.st_size == bytes.count { return }
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
    }

    static func isDigest(_ s: String) -> Bool {
        s.count == 32 && s.allSatisfy { $0.isHexDigit && !$0.isUppercase }
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
