/// Wraps payloads in frames. Refuses what the peer's decoder would refuse, so a bug in this
/// end shows up here rather than as a dropped connection.
public struct FrameEncoder: Sendable {
    public let maxPayload: Int

    public init(maxPayload: Int = FrameCodec.defaultMaxPayload) {
        precondition(maxPayload >= 0 && maxPayload <= FrameCodec.largestExpressible,
                     "maxPayload must fit in the 4-byte length header")
        self.maxPayload = maxPayload
    }

    public func encode(_ payload: some Collection<UInt8>) throws(FrameError) -> [UInt8] {
        let count = payload.count
        guard count <= maxPayload else { throw .oversized(declared: count, max: maxPayload) }
        var frame = FrameCodec.header(for: count)
        frame.reserveCapacity(FrameCodec.headerSize + count)
        frame.append(contentsOf: payload)
        return frame
    }
}
