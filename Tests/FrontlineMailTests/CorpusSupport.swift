import Foundation

/// Finding the shared mail corpus and running the oracle for the corpus test.
enum CorpusSupport {
    /// `…/shared/mail` next to an ancestor of this file (symlinks resolved), e.g. /work/main/../shared/mail.
    static func mailDirectory(from file: String = #filePath) -> URL? {
        var dir = URL(fileURLWithPath: file).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<12 {
            let candidate = dir.appendingPathComponent("shared/mail")
            if FileManager.default.fileExists(atPath: candidate.appendingPathComponent("oracle.py").path) { return candidate }
            let up = dir.deletingLastPathComponent()
            if up.path == dir.path { break }
            dir = up
        }
        let fallback = URL(fileURLWithPath: "/work/main/../shared/mail").standardizedFileURL
        return FileManager.default.fileExists(atPath: fallback.appendingPathComponent("oracle.py").path) ? fallback : nil
    }

    struct RunError: Error, CustomStringConvertible { let description: String }

    /// Runs `python3 args…`, returning stdout; throws with a clear message when python3 is missing or fails.
    static func python(_ args: [String]) throws -> Data {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3"] + args
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        do { try p.run() } catch { throw RunError(description: "cannot start python3 via /usr/bin/env: \(error)") }
        let data = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        if p.terminationStatus != 0 {
            throw RunError(description: "python3 \(args.prefix(2).joined(separator: " ")) failed (exit \(p.terminationStatus)): "
                           + String(decoding: errData.prefix(2000), as: UTF8.self))
        }
        return data
    }

    /// NFC, every run of whitespace (Python's `\s`) one space, trimmed — the oracle's normalisation.
    static func normalise(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        var space = false
        for u in s.precomposedStringWithCanonicalMapping.unicodeScalars {
            if u.properties.isWhitespace || (0x1C...0x1F).contains(u.value) { space = true; continue }
            if space && !out.isEmpty { out.append(" ") }
            space = false
            out.append(u)
        }
        return String(out)
    }

    /// Equality where each run of U+FFFD in the oracle's value, with the character on each side of
    /// it, stands for anything (bytes Python could not decode; we may decode them).
    static func matches(oracle: String?, ours: String?) -> Bool {
        guard let o = oracle, let u = ours else { return oracle == nil && ours == nil }
        guard o.unicodeScalars.contains("\u{FFFD}") else { return o == u }
        // Split into literal pieces around the wildcards.
        let scalars = Array(o.unicodeScalars)
        var pieces: [[Unicode.Scalar]] = [[]]
        var i = 0
        while i < scalars.count {
            if scalars[i] == "\u{FFFD}" || (i + 1 < scalars.count && scalars[i + 1] == "\u{FFFD}") {
                if scalars[i] != "\u{FFFD}" { i += 1 }            // the character before the run
                while i < scalars.count, scalars[i] == "\u{FFFD}" { i += 1 }
                if i < scalars.count { i += 1 }                    // the character after it
                pieces.append([])
                continue
            }
            pieces[pieces.count - 1].append(scalars[i]); i += 1
        }
        let us = Array(u.unicodeScalars)
        // pieces[0] is a prefix, pieces.last a suffix, the middle ones in order (leftmost match).
        guard let first = pieces.first, let last = pieces.last, us.starts(with: first) else { return false }
        var pos = first.count
        for piece in pieces.dropFirst().dropLast() where !piece.isEmpty {
            guard let r = find(piece, in: us, from: pos) else { return false }
            pos = r + piece.count
        }
        return us.count - pos >= last.count && Array(us[(us.count - last.count)...]) == last
    }

    private static func find(_ needle: [Unicode.Scalar], in hay: [Unicode.Scalar], from: Int) -> Int? {
        var i = from
        while i + needle.count <= hay.count {
            if Array(hay[i..<(i + needle.count)]) == needle { return i }
            i += 1
        }
        return nil
    }
}
