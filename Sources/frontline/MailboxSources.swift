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

/// The messages of an mbox file. A line starting "From " begins a message; in the body, the
/// quoted forms (">From ", ">>From " …) lose one ">" (mboxrd; for mboxo this unquotes the
/// lines that were quoted, which is as close as that format allows).
struct MboxReader {
    let bytes: [UInt8]

    /// Byte ranges of each message (without its "From " line).
    func messages() -> [[UInt8]] {
        var starts: [Int] = []   // offsets of "From " lines
        var i = 0
        let n = bytes.count
        while i < n {
            if (i == 0 || bytes[i - 1] == 10), Self.isFromLine(bytes, at: i) { starts.append(i) }
            guard let nl = bytes[i...].firstIndex(of: 10) else { break }
            i = nl + 1
        }
        var out: [[UInt8]] = []
        for (k, start) in starts.enumerated() {
            let end = k + 1 < starts.count ? starts[k + 1] : n
            guard let bodyStart = bytes[start..<end].firstIndex(of: 10).map({ $0 + 1 }) else { continue }
            var message = Self.unquote(bytes[bodyStart..<end])
            // The blank line before the next "From " belongs to the mbox, not the message.
            if message.last == 10, message.dropLast().last == 10 { message.removeLast() }
            if !message.isEmpty { out.append(message) }
        }
        return out
    }

    static func isFromLine(_ b: [UInt8], at i: Int) -> Bool {
        i + 5 <= b.count && b[i] == 70 && b[i + 1] == 114 && b[i + 2] == 111 && b[i + 3] == 109 && b[i + 4] == 32
    }

    static func unquote(_ slice: ArraySlice<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(slice.count)
        var lineStart = true
        var i = slice.startIndex
        while i < slice.endIndex {
            if lineStart, slice[i] == 62 {   // '>'
                var j = i
                while j < slice.endIndex, slice[j] == 62 { j += 1 }
                if j + 5 <= slice.endIndex, slice[j] == 70, slice[j + 1] == 114, slice[j + 2] == 111, slice[j + 3] == 109, slice[j + 4] == 32 {
                    i += 1   // drop one '>'
                }
            }
            let b = slice[i]
            out.append(b)
            lineStart = b == 10
            i += 1
        }
        return out
    }
}
