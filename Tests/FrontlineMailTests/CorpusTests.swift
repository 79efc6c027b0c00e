import Foundation
import Testing
@testable import FrontlineMail

/// Every message of the shared corpus and of Python's own test messages, against what
/// `oracle.py` (Python's `email` package) reads in them.
///
/// Compared where the oracle reports no defects and no error: subject, from (name and address),
/// date, message_id, automatic, attachments (Python's names ⊆ ours) and the body:
/// - Our body is compared up to the first "---------- Forwarded message ----------": we append
///   attached messages (message/rfc822, digests) after the body; Python's `get_body` never looks
///   into them.
/// - body_type "plain": the normalised texts (NFC, whitespace runs one space) are equal.
/// - body_type "html": the two HTML-to-text conversions differ by design (ours keeps link targets
///   as "text <url>", lists as "• item", and breaks lines at other tags), so the rule is that
///   Python's words, in order, are a subsequence of our words; and the body types agree.
/// - body_type null: our body before any forwarded message is empty.
/// A run of U+FFFD in an oracle value, with the character on each side, stands for anything.
/// Where the oracle reports defects or an error, the message must still parse (no refusal, no crash).
@Suite struct CorpusTests {
    /// Messages where an oracle rule is wrong for the message, with the reason. Keep it tiny.
    static let exceptions: [String: String] = [:]

    @Test func corpusMatchesOracle() throws {
        guard let mail = CorpusSupport.mailDirectory() else {
            Issue.record("shared/mail/oracle.py not found above \(#filePath) (expected /work/main/../shared/mail)")
            return
        }
        let corpus = mail.appendingPathComponent("corpus")
        var files = try emlFiles(corpus)
        let pyDir = try String(decoding: CorpusSupport.python(["-c", "import test.test_email as t, os; print(os.path.dirname(t.__file__))"]),
                               as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines) + "/data"
        let pyFiles = try FileManager.default.contentsOfDirectory(atPath: pyDir)
            .filter { $0.hasPrefix("msg_") && $0.hasSuffix(".txt") }.sorted().map { pyDir + "/" + $0 }
        #expect(pyFiles.count >= 40, "Python's test messages missing in \(pyDir)")
        files += pyFiles
        #expect(files.count >= 90)

        let output = try CorpusSupport.python([mail.appendingPathComponent("oracle.py").path] + files)
        var oracle: [String: [String: Any]] = [:]
        for line in String(decoding: output, as: UTF8.self).split(separator: "\n") {
            guard let obj = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                  let path = obj["path"] as? String else { continue }
            oracle[path] = obj
        }
        #expect(oracle.count == files.count, "oracle gave \(oracle.count) results for \(files.count) files")

        var compared = 0, passed = 0
        var failures: [String] = []
        for path in files {
            guard let data = FileManager.default.contents(atPath: path) else { failures.append("\(path): unreadable"); continue }
            let parsed: ParsedMail
            do { parsed = try MailParser.parse([UInt8](data)) } catch {
                failures.append("\(path): refused: \(error)"); continue
            }
            guard let o = oracle[path] else { failures.append("\(path): no oracle result"); continue }
            if o["error"] != nil || (o["defects"] as? Int ?? 1) > 0 { continue }
            if let why = Self.exceptions[URL(fileURLWithPath: path).lastPathComponent] { _ = why; continue }
            compared += 1
            let problems = compare(o, parsed)
            if problems.isEmpty { passed += 1 } else { failures.append("\(path):\n    " + problems.joined(separator: "\n    ")) }
        }
        #expect(compared >= 50, "only \(compared) messages compared")
        #expect(failures.isEmpty, "\(compared) compared, \(passed) passed; mismatches:\n\(failures.joined(separator: "\n"))")
    }

    private func emlFiles(_ dir: URL) throws -> [String] {
        guard let e = FileManager.default.enumerator(atPath: dir.path) else { return [] }
        var out: [String] = []
        while let rel = e.nextObject() as? String { if rel.hasSuffix(".eml") { out.append(dir.path + "/" + rel) } }
        return out.sorted()
    }

    private func string(_ v: Any?) -> String? { v as? String }

    private func compare(_ o: [String: Any], _ m: ParsedMail) -> [String] {
        var p: [String] = []
        func check(_ field: String, _ ours: String?) {
            let theirs = string(o[field])
            if !CorpusSupport.matches(oracle: theirs, ours: ours) {
                p.append("\(field): oracle \(theirs.debugDescription) ours \(ours.debugDescription)")
            }
        }
        check("subject", m.subject)
        check("message_id", m.messageID)
        check("date", m.date.map { Self.iso($0) })
        check("automatic", m.automatic?.rawValue)
        let from = o["from"] as? [String: Any]
        if (from == nil) != (m.from == nil)
            || !CorpusSupport.matches(oracle: string(from?["name"]), ours: m.from?.name)
            || !CorpusSupport.matches(oracle: string(from?["address"]), ours: m.from?.address) {
            p.append("from: oracle \(String(describing: from)) ours \(String(describing: m.from))")
        }
        let theirNames = (o["attachments"] as? [String]) ?? []
        let ourNames = Set(m.attachments.map(\.name))
        let missing = theirNames.filter { n in !ourNames.contains { CorpusSupport.matches(oracle: n, ours: $0) } }
        if !missing.isEmpty { p.append("attachments: missing \(missing), ours \(m.attachments.map(\.name))") }

        let main = m.bodyText.components(separatedBy: MessageBody.forwardedMarker).first ?? ""
        let ours = CorpusSupport.normalise(main)
        let theirs = CorpusSupport.normalise(string(o["body_text"]) ?? "")
        switch string(o["body_type"]) {
        case "plain":
            if m.bodyType != .plain { p.append("body_type: oracle plain ours \(String(describing: m.bodyType))") }
            if !CorpusSupport.matches(oracle: theirs, ours: ours) { p.append("body: oracle \(theirs.prefix(300).debugDescription)\n      ours   \(ours.prefix(300).debugDescription)") }
        case "html":
            if m.bodyType != .html { p.append("body_type: oracle html ours \(String(describing: m.bodyType))") }
            let words = theirs.split(separator: " ").filter { !$0.unicodeScalars.contains("\u{FFFD}") }
            var ourWords = ours.split(separator: " ")[...]
            var lost: [Substring] = []
            for w in words {
                if let k = ourWords.firstIndex(of: w) { ourWords = ourWords[(k + 1)...] } else { lost.append(w) }
            }
            if !lost.isEmpty { p.append("html body: oracle words not found in order in ours: \(lost.prefix(10)) — ours \(ours.prefix(300).debugDescription)") }
        default:
            if !ours.isEmpty { p.append("body: oracle has none, ours \(ours.prefix(200).debugDescription)") }
        }
        return p
    }

    static func iso(_ d: Date) -> String {
        let f = ISO8601DateFormatter()
        f.timeZone = TimeZone(identifier: "UTC")
        return f.string(from: d)
    }
}
