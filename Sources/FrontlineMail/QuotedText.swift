import Foundation

/// Splits a reply into what the sender wrote, what they quoted, and their signature: "> " blocks;
/// everything from an attribution on ("On … wrote:", "Den … skrev:", "… kirjoitti:",
/// "Am … schrieb …:", "-----Original Message-----", an Outlook "From:/Sent:" block in English,
/// Swedish or Finnish); and the signature from a line "-- " (or "--") up to the attribution or end.
public enum QuotedText {
    public struct Block: Sendable, Equatable {
        public enum Kind: Sendable, Equatable { case text, quoted, signature }
        public var kind: Kind
        public var lines: [String]
        public init(kind: Kind, lines: [String]) {
            self.kind = kind
            self.lines = lines
        }
    }

    public static func blocks(_ body: String) -> [Block] {
        let lines = body.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            line.hasSuffix("\r") ? String(line.dropLast()) : String(line)
        }
        let attribution = attributionStart(lines) ?? lines.count
        let signature = lines[..<attribution].firstIndex { $0 == "-- " || $0 == "--" } ?? attribution
        var blocks: [Block] = []
        func add(_ kind: Block.Kind, _ line: String) {
            if let last = blocks.last, last.kind == kind { blocks[blocks.count - 1].lines.append(line) }
            else { blocks.append(Block(kind: kind, lines: [line])) }
        }
        for (k, line) in lines.enumerated() {
            if k >= attribution { add(.quoted, line) }
            else if k >= signature { add(.signature, line) }
            else if isQuoteLine(line) { add(.quoted, line) }
            else { add(.text, line) }
        }
        // Blank lines between a text block and a quote or signature stay with the text; trailing
        // blank lines of the message are dropped; blocks of nothing but blank lines go.
        while let last = blocks.last, last.lines.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) {
            blocks.removeLast()
        }
        if let last = blocks.indices.last {
            while let l = blocks[last].lines.last, l.trimmingCharacters(in: .whitespaces).isEmpty { blocks[last].lines.removeLast() }
        }
        var merged: [Block] = []
        for b in blocks where !b.lines.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) {
            if let last = merged.last, last.kind == b.kind { merged[merged.count - 1].lines.append(contentsOf: b.lines) }
            else { merged.append(b) }
        }
        return merged
    }

    static func isQuoteLine(_ line: String) -> Bool { line.hasPrefix(">") }

    /// The first line of the first attribution, or nil.
    static func attributionStart(_ lines: [String]) -> Int? {
        for (k, raw) in lines.enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || isQuoteLine(line) { continue }
            let lower = line.lowercased()
            if isOriginalMessageMarker(lower) { return k }
            // Intro lines, perhaps wrapped over two lines by the mailer.
            let joined = k + 1 < lines.count ? lower + " " + lines[k + 1].trimmingCharacters(in: .whitespaces).lowercased() : lower
            for candidate in [lower, joined] {
                if (candidate.hasPrefix("on ") && candidate.hasSuffix("wrote:"))
                    || (candidate.hasPrefix("den ") && candidate.hasSuffix(":")
                        && (candidate.contains(" skrev ") || candidate.hasSuffix("skrev:") || candidate.hasSuffix("skrev följande:")))
                    || candidate.hasSuffix("kirjoitti:")
                    || (candidate.hasPrefix("am ") && candidate.contains("schrieb") && candidate.hasSuffix(":")) {
                    return k
                }
            }
            // A line ending in "wrote:" right above a quote.
            if lower.hasSuffix("wrote:") || lower.hasSuffix("skrev:") || lower.hasSuffix("schrieb:"),
               let next = lines[(k + 1)...].first(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty }), isQuoteLine(next) {
                return k
            }
            if isHeaderBlockStart(lines, k) {
                // Include an Outlook rule line ("_____") right above.
                if k > 0, isRule(lines[k - 1]) { return k - 1 }
                if k > 1, lines[k - 1].trimmingCharacters(in: .whitespaces).isEmpty, isRule(lines[k - 2]) { return k - 2 }
                return k
            }
        }
        return nil
    }

    private static func isRule(_ line: String) -> Bool {
        let t = line.trimmingCharacters(in: .whitespaces)
        return t.count >= 10 && t.allSatisfy { $0 == "_" || $0 == "-" }
    }

    private static func isOriginalMessageMarker(_ lower: String) -> Bool {
        guard lower.hasPrefix("---") || lower.hasPrefix("- ") || lower.hasPrefix("--") else { return false }
        let inner = lower.trimmingCharacters(in: CharacterSet(charactersIn: "- "))
        return ["original message", "ursprüngliche nachricht", "ursprungligt meddelande", "alkuperäinen viesti",
                "forwarded message", "vidarebefordrat meddelande", "välitetty viesti", "weitergeleitete nachricht"].contains(inner)
    }

    private static let fromNames = ["from:", "från:", "lähettäjä:", "von:"]
    private static let sentNames = ["sent:", "skickat:", "lähetetty:", "gesendet:", "date:", "datum:", "päivämäärä:"]

    /// "From: …" followed within three lines by "Sent: …" (or its Swedish/Finnish/German name).
    private static func isHeaderBlockStart(_ lines: [String], _ k: Int) -> Bool {
        let line = lines[k].trimmingCharacters(in: .whitespaces).lowercased()
        guard fromNames.contains(where: { line.hasPrefix($0) }) else { return false }
        for j in (k + 1)..<min(lines.count, k + 4) {
            let l = lines[j].trimmingCharacters(in: .whitespaces).lowercased()
            if sentNames.contains(where: { l.hasPrefix($0) }) { return true }
        }
        return false
    }
}
