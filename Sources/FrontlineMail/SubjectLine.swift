import Foundation

/// Subject helpers for threading: reply/forward prefixes in many languages, and our case tag "[C-123]".
public enum SubjectLine {
    private static let prefixes = ["antw", "vast", "odp", "fwd", "aw", "wg", "sv", "vs", "re", "fw", "tr", "vá"]
        .sorted { $0.count > $1.count }

    /// Strips "Re:", "RE[2]:", "Fwd:", "SV:", "VS:", "AW:", "WG:", "Antw:", "Vast:", "Vá:", "Odp:",
    /// "Tr:" … repeatedly (case-insensitive, blanks allowed before the colon).
    public static func stripReplyPrefixes(_ s: String) -> String {
        var rest = Substring(s)
        while true {
            let trimmed = rest.drop { $0 == " " || $0 == "\t" }
            guard let next = strippingOnePrefix(trimmed) else { return String(trimmed).trimmingCharacters(in: .whitespaces) }
            rest = next
        }
    }

    private static func strippingOnePrefix(_ s: Substring) -> Substring? {
        // Only the start can match (the longest prefix is 4 characters): lowercasing the whole
        // rest on every strip made "Re:Re:Re:…" quadratic.
        let lower = s.prefix(8).lowercased()
        for p in prefixes where lower.hasPrefix(p) {
            var r = s.dropFirst(p.count)
            // Optional counter: "[2]" or "(2)".
            if let open = r.first, open == "[" || open == "(" {
                let close: Character = open == "[" ? "]" : ")"
                let inner = r.dropFirst().prefix { $0.isNumber }
                let after = r.dropFirst(1 + inner.count)
                if !inner.isEmpty, after.first == close { r = after.dropFirst() } else { continue }
            }
            r = r.drop { $0 == " " || $0 == "\t" }
            if r.first == ":" || r.first == "：" { return r.dropFirst() }
        }
        return nil
    }

    /// "C-123" from the last "[C-123]" in the subject, or nil.
    public static func caseTag(_ s: String) -> String? {
        tagRanges(s).last.map { String(s[s.index(after: $0.lowerBound)..<s.index(before: $0.upperBound)]) }
    }

    /// The subject without any "[C-123]" tag, blanks tidied.
    public static func removingCaseTag(_ s: String) -> String {
        var out = s
        for r in tagRanges(s).reversed() { out.removeSubrange(r) }
        return out.split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
    }

    private static func tagRanges(_ s: String) -> [Range<String.Index>] {
        var found: [Range<String.Index>] = []
        var i = s.startIndex
        while let open = s[i...].firstIndex(of: "[") {
            var j = s.index(after: open)
            if s[j...].hasPrefix("C-") {
                j = s.index(j, offsetBy: 2)
                let digits = s[j...].prefix { $0.isASCII && $0.isNumber }
                let end = digits.endIndex
                if !digits.isEmpty, end < s.endIndex, s[end] == "]" {
                    found.append(open..<s.index(after: end))
                    i = s.index(after: end)
                    continue
                }
            }
            i = s.index(after: open)
        }
        return found
    }
}
