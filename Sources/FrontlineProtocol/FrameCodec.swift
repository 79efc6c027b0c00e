/// The frame format: a 4-byte big-endian payload length, then the payload.
public enum FrameCodec {
    public static let headerSize = 4
    /// Default cap: far above any real message, small enough that a hostile header cannot make
    /// the server reserve much memory per connection.
    public static let defaultMaxPayload = 1 << 20
    /// What a client accepts from its server: the first sync carries the whole store
    /// (≈ 80 MB of base64 at 100,000 cases). Clients' frames stay under `defaultMaxPayload`.
    public static let maxServerPayload = 1 << 30
    /// What a client may send once past the handshake: one e-mail at the 25 MiB default limit,
    /// as base64 inside JSON, with room to spare.
    public static let maxClientPayload = 48 << 20

    /// The largest maximum a 4-byte header can express.
    static let largestExpressible = Int(UInt32.max)

    public static func header(for length: Int) -> [UInt8] {
        let n = UInt32(length)
        return [UInt8(truncatingIfNeeded: n >> 24), UInt8(truncatingIfNeeded: n >> 16),
                UInt8(truncatingIfNeeded: n >> 8), UInt8(truncatingIfNeeded: n)]
    }

    static func length(fromHeader h: [UInt8]) -> Int {
        Int(UInt32(h[0]) << 24 | UInt32(h[1]) << 16 | UInt32(h[2]) << 8 | UInt32(h[3]))
    }
}
