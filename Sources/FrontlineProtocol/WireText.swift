/// Peer-supplied strings end up in logs and on terminals (refusals, errors): keep them short
/// and free of control characters so a hostile client cannot paint someone's screen.
enum WireText {
    static let maxDisplayLength = 80

    static func displayable(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            if out.unicodeScalars.count >= maxDisplayLength { return out + "…" }
            let v = scalar.value
            let control = v < 0x20 || (0x7F...0x9F).contains(v)
                || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v)
            out.unicodeScalars.append(control ? "?" : scalar)
        }
        return out
    }
}
