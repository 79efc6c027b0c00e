/// SplitMix64: a tiny deterministic generator, so randomised tests replay identically.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Scalars that stress terminal layout: ASCII, Swedish, combining marks, CJK, emoji and their
/// joiners, controls, C1, bidi and zero-width characters, variation selectors, tags.
let hostileScalarPool: [UInt32] = [
    0x61, 0x62, 0x20, 0x20, 0x41, 0x7A, 0x2E, 0xE5, 0xE4, 0xF6, 0xC5, 0x301, 0x308, 0x20DD, 0x93F,
    0x6F22, 0x5B57, 0xAC00, 0xFF21, 0x1F600, 0x1F44D, 0x1F3FD, 0x1F1F8, 0x1F1EA, 0x2764, 0xFE0F, 0xFE0E,
    0x200D, 0x200B, 0x2060, 0xFEFF, 0xAD, 0x202E, 0x2066, 0x200F, 0x61C, 0x1B, 0x07, 0x00, 0x09, 0x0A,
    0x0D, 0x7F, 0x85, 0x9B, 0x9D, 0x2028, 0xE0067, 0xE007F, 0x1160, 0x0E33, 0xFFFD, 0x25CC,
]

func randomHostileString(length: Int, using generator: inout SeededGenerator) -> String {
    var scalars = String.UnicodeScalarView()
    for _ in 0..<length {
        let value = hostileScalarPool.randomElement(using: &generator)!
        scalars.append(Unicode.Scalar(value)!)
    }
    return String(scalars)
}
