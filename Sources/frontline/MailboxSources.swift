import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A Maildir being taken in: the messages in `new/` and the unseen ones in `cur/`. Each is
/// marked seen (moved to `cur/` with the S flag) only after its case is stored, so a crash at
/// any moment loses nothing, and a re-run finds the stored ones duplicates (by Message-ID).
struct MaildirSource {
    let path: String

    struct Entry {
        let folder: String   // "new" or "cur"
        let name: String
    }

    /// Unseen messages, oldest first (Maildir names start with the delivery time).
    func unseen() throws -> [Entry] {
        var entries: [Entry] = []
        for folder in ["new", "cur"] {
            let dir = path + "/" + folder
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: dir) else {
                throw MaildirError(description: "\(dir) is not readable: is \(path) a Maildir (with new/ and cur/)?")
            }
            for name in names where !name.hasPrefix(".") {
                if folder == "cur", Self.flags(of: name).contains("S") { continue }
                entries.append(Entry(folder: folder, name: name))
            }
        }
        return entries.sorted { $0.name < $1.name }
    }

    func read(_ e: Entry) throws -> [UInt8] {
        let file = path + "/" + e.folder + "/" + e.name
        guard let data = FileManager.default.contents(atPath: file) else { throw MaildirError(description: "cannot read \(file)") }
        return [UInt8](data)
    }

    /// Moves a stored message to `cur/` with the S (seen) flag added.
    func markSeen(_ e: Entry) throws {
        let base = e.name.split(separator: ":", maxSplits: 1).first.map(String.init) ?? e.name
        var flags = Array(Self.flags(of: e.name))
        if !flags.contains("S") { flags.append("S") }
        let target = path + "/cur/" + base + ":2," + String(flags.sorted())
        guard rename(path + "/" + e.folder + "/" + e.name, target) == 0 else {
            throw MaildirError(description: "cannot mark \(e.folder)/\(e.name) seen: \(String(cString: strerror(errno)))")
        }
    }

    static func flags(of name: String) -> Substring {
        guard let r = name.range(of: ":2,") else { return "" }
        return name[r.upperBound...]
    }
}

struct MaildirError: Error, CustomStringConvertible {
    let description: String
}
