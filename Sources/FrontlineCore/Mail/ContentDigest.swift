/// A 128-bit digest of bytes (two independent 64-bit FNV-1a lanes over the bytes, mixed with
/// the length): names a raw message in the data directory and synthesises a Message-ID for mail
/// that has none, so the same bytes twice are recognised. Not cryptographic: the desk dedupes
/// by it, it does not trust it.
public enum ContentDigest {
    @inlinable
    public static func hex<C: Collection>(_ bytes: C) -> String where C.Element == UInt8 {
        // Over contiguous memory (an Array, a slice): a generic walk across a module boundary
        // costs ten times as much, and an mbox import digests every message.
        if let fast = bytes.withContiguousStorageIfAvailable({ hex(buffer: $0) }) { return fast }
        let copy = Array(bytes)
        return copy.withUnsafeBufferPointer { hex(buffer: $0) }
    }

    public static func hex(buffer bytes: UnsafeBufferPointer<UInt8>) -> String {
        var a: UInt64 = 0xcbf2_9ce4_8422_2325
        var b: UInt64 = 0x84222325_cbf29ce4
        for byte in bytes {
            a = (a ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
            b = (b ^ UInt64(byte ^ 0x5c)) &* 0x0000_0001_0000_01B3 &+ 0x9E37_79B9
        }
        let n = UInt64(bytes.count)
        return hex64(mix(a ^ n)) + hex64(mix(b &+ n))
    }

    /// `<frontline.1f0c…@synthesised.invalid>`: for mail that arrived without a Message-ID.
    public static func synthesisedMessageID<C: Collection>(for bytes: C) -> String where C.Element == UInt8 {
        "<frontline.\(hex(bytes))@synthesised.invalid>"
    }

    /// SplitMix64's finaliser: spreads every input bit over the output.
    private static func mix(_ x: UInt64) -> UInt64 {
        var z = x &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    private static func hex64(_ v: UInt64) -> String {
        let s = String(v, radix: 16)
        return String(repeating: "0", count: 16 - s.count) + s
    }
}
