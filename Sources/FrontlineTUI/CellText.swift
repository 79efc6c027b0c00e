/// What one grapheme becomes inside a single grid cell.
///
/// The grid's last line of defence for text that skipped the sanitiser: a grapheme is cut at
/// its first control or format scalar (a ZWJ sequence keeps only its first emoji, a tag
/// sequence its base flag) and keeps at most `TextSanitiser.maxCombiningMarksPerCharacter`
/// combining marks, so the terminal draws it in exactly the columns the layout counted.
enum CellText {
    /// The cell text and its width (1 or 2), or nil when the grapheme takes no column at all
    /// (controls, newline, tab, zero-width and format characters, lone combining marks).
    static func normalise(_ c: Character) -> (text: String, width: Int)? {
        let width = DisplayWidth.of(c)
        guard width > 0 else { return nil }
        let scalars = c.unicodeScalars
        if scalars.count == 1 { return (String(c), width) }

        var kept = String.UnicodeScalarView()
        var marks = 0
        var changed = false
        for (index, scalar) in scalars.enumerated() {
            if index == 0 {
                kept.append(scalar)
                continue
            }
            let category = scalar.properties.generalCategory
            if category == .format || category == .control {
                changed = true
                break
            }
            if category == .nonspacingMark || category == .enclosingMark || category == .spacingMark {
                if marks == TextSanitiser.maxCombiningMarksPerCharacter {
                    changed = true
                    continue
                }
                marks += 1
            }
            kept.append(scalar)
        }
        guard changed else { return (String(c), width) }
        let text = String(kept)
        // Re-measure: the part kept may have lost the VS16 that made it wide.
        let keptWidth = text.first.map(DisplayWidth.of) ?? 0
        guard keptWidth > 0 else { return nil }
        return (text, keptWidth)
    }
}
