/// The one gate for customer- and outside-provided text before layout.
///
/// Terminal escape sequences (OSC title/clipboard/hyperlink, CSI, DCS) lose their ESC and C1
/// introducers, so they show as harmless text; invisible characters that could reorder or hide
/// text (bidi overrides, zero-width characters) are removed; Zalgo text is capped so it stays
/// one line high. ncurses alone passes bidi and zero-width characters straight through.
public enum TextSanitiser {
    /// Combining marks kept per base character; the rest are dropped.
    public static let maxCombiningMarksPerCharacter: Int = 2

    /// Sanitised text; newlines are kept (as "\n").
    public static func sanitise(_ s: String) -> String {
        var output = String.UnicodeScalarView()
        output.reserveCapacity(s.utf8.count)
        var state = ScanState.lineStart
        var marksOnBase = 0
        for scalar in s.unicodeScalars {
            let value = scalar.value
            // Printable ASCII first: it is nearly all text and needs no lookup.
            if value >= 0x20 && value < 0x7F {
                output.append(scalar)
                state = .afterBase
                marksOnBase = 0
                continue
            }
            switch classify(scalar) {
            case .newline:
                output.append("\n")
                state = .lineStart
            case .tab:
                // Four single appends: appending a "    " view here costs microseconds each time.
                for _ in 0..<4 { output.append(" ") }
                state = .afterBase
                marksOnBase = 0
            case .replace(let replacement):
                output.append(replacement)
                state = .afterBase
                marksOnBase = 0
            case .remove:
                break
            case .variationSelector:
                // Only meaningful right after a base; anywhere else it is an invisible payload.
                if state == .afterBase && marksOnBase < maxCombiningMarksPerCharacter {
                    output.append(scalar)
                    marksOnBase += 1
                    state = .afterMark
                }
            case .combiningMark:
                if state == .lineStart {
                    // A mark with nothing to sit on: give it the conventional dotted circle.
                    output.append("\u{25CC}")
                    marksOnBase = 0
                }
                if marksOnBase < maxCombiningMarksPerCharacter {
                    output.append(scalar)
                    marksOnBase += 1
                }
                state = .afterMark
            case .keep:
                output.append(scalar)
                state = .afterBase
                marksOnBase = 0
            }
        }
        return String(output)
    }

    /// Decodes UTF-8 (each invalid sequence becomes U+FFFD), then sanitises.
    public static func sanitise(bytes: some Sequence<UInt8>) -> String {
        sanitise(String(decoding: Array(bytes), as: UTF8.self))
    }

    /// Sanitised text on one line: each run of newlines becomes one space, and the ends are trimmed.
    public static func singleLine(_ s: String) -> String {
        let clean = sanitise(s)
        var output = String.UnicodeScalarView()
        output.reserveCapacity(clean.utf8.count)
        var previousWasNewline = false
        for scalar in clean.unicodeScalars {
            if scalar == "\n" {
                if !previousWasNewline { output.append(" ") }
                previousWasNewline = true
            } else {
                output.append(scalar)
                previousWasNewline = false
            }
        }
        return trimmingSpaces(String(output))
    }

    // MARK: - Classification

    private enum ScanState {
        case lineStart, afterBase, afterMark
    }

    private enum Action {
        case newline, tab, remove, variationSelector, combiningMark, keep
        case replace(Unicode.Scalar)
    }

    private static func classify(_ scalar: Unicode.Scalar) -> Action {
        let value = scalar.value
        switch value {
        case 0x0A, 0x2028, 0x2029:
            return .newline
        case 0x09:
            return .tab
        case 0x0D:
            return .remove  // CRLF becomes LF; a lone CR would move the terminal cursor home
        case 0x00...0x1F:
            // The matching Control Pictures symbol: ESC shows as ␛, NUL as ␀.
            return .replace(Unicode.Scalar(0x2400 + value)!)
        case 0x7F:
            return .replace("\u{2421}")
        case 0x80...0x9F:
            return .replace("\u{FFFD}")  // C1: 0x9B alone is a CSI on some terminals
        case 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F, 0x061C:
            return .remove  // bidi controls could reorder what the agent reads
        case 0x200B...0x200D, 0x2060...0x2064, 0xFEFF, 0x180E, 0x00AD, 0xE0000...0xE007F:
            return .remove  // zero-width and invisible characters
        case 0xFE00...0xFE0F, 0xE0100...0xE01EF, 0x180B...0x180D, 0x180F:
            return .variationSelector
        case 0xA0..<0x300:
            return .keep  // Latin-1 and Latin Extended: no marks or format characters here
        default:
            switch scalar.properties.generalCategory {
            case .format:
                return .remove  // every other invisible format character
            case .nonspacingMark, .enclosingMark, .spacingMark:
                return .combiningMark
            default:
                return .keep
            }
        }
    }

    private static func trimmingSpaces(_ s: String) -> String {
        let scalars = s.unicodeScalars
        guard let first = scalars.firstIndex(where: { $0 != " " }) else { return "" }
        let last = scalars.lastIndex(where: { $0 != " " })!
        return String(scalars[first...last])
    }
}
