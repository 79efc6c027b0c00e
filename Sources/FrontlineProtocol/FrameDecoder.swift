import Foundation

/// Incremental frame reader: bytes arrive in any chunking; complete payloads come out.
///
/// After it throws, the decoder stays failed (every later `feed` throws the same error): the
/// stream has lost its frame boundaries, so the only safe thing is to close the connection.
public struct FrameDecoder: Sendable {
    public private(set) var maxPayload: Int

    private var header: [UInt8] = []
    /// Payload length of the frame being read, once its header is complete.
    private var expected: Int?
    private var body: [UInt8] = []
    private var failure: FrameError?

    /// When the first byte of the frame still being read arrived (by the caller's clock), or nil
    /// when no frame is partly read. A server closes clients whose partial frame is too old,
    /// so a client dripping one byte a minute cannot hold a connection open forever.
    public private(set) var partialSince: Date?

    public init(maxPayload: Int = FrameCodec.defaultMaxPayload) {
        precondition(maxPayload >= 0 && maxPayload <= FrameCodec.largestExpressible,
                     "maxPayload must fit in the 4-byte length header")
        self.maxPayload = maxPayload
    }

    /// Accepts larger frames from now on (after a peer proved who it is); never lowers the limit.
    public mutating func raiseLimit(to limit: Int) {
        maxPayload = max(maxPayload, min(limit, FrameCodec.largestExpressible))
    }

    /// Bytes held for the frame still being read.
    public var bufferedByteCount: Int { header.count + body.count }

    /// How long the current partial frame has been pending at `now`; nil when none is.
    public func pendingDuration(at now: Date) -> TimeInterval? {
        partialSince.map { now.timeIntervalSince($0) }
    }

    public mutating func feed(_ bytes: some Collection<UInt8>) throws(FrameError) -> [[UInt8]] {
        try feed(bytes, at: Date())
    }

    public mutating func feed(_ bytes: some Collection<UInt8>, at now: Date) throws(FrameError) -> [[UInt8]] {
        // Copy with memcpy, not byte by byte: a store copy is tens of megabytes.
        var outcome: Result<[[UInt8]], FrameError>?
        _ = bytes.withContiguousStorageIfAvailable { buffer in
            outcome = Result { () throws(FrameError) -> [[UInt8]] in try feedContiguous(buffer, at: now) }
        }
        if let outcome { return try outcome.get() }
        return try Array(bytes).withUnsafeBufferPointer { buffer throws(FrameError) in try feedContiguous(buffer, at: now) }
    }

    private mutating func feedContiguous(_ bytes: UnsafeBufferPointer<UInt8>, at now: Date) throws(FrameError) -> [[UInt8]] {
        if let failure { throw failure }
        var frames: [[UInt8]] = []
        var rest = bytes[...]
        while !rest.isEmpty {
            if bufferedByteCount == 0 { partialSince = now }
            guard let length = expected else {
                let take = min(FrameCodec.headerSize - header.count, rest.count)
                header.append(contentsOf: UnsafeBufferPointer(rebasing: rest.prefix(take)))
                rest = rest.dropFirst(take)
                if header.count == FrameCodec.headerSize {
                    let length = FrameCodec.length(fromHeader: header)
                    // Refuse on the header alone: never buffer a body we will not accept.
                    guard length <= maxPayload else {
                        let error = FrameError.oversized(declared: length, max: maxPayload)
                        failure = error
                        throw error
                    }
                    expected = length
                    // One allocation for a big frame (a store copy) instead of doubling up to it.
                    body.reserveCapacity(min(length, 64 << 20))
                    if length == 0 { frames.append(finishFrame()) }
                }
                continue
            }
            let take = min(length - body.count, rest.count)
            body.append(contentsOf: UnsafeBufferPointer(rebasing: rest.prefix(take)))
            rest = rest.dropFirst(take)
            if body.count == length { frames.append(finishFrame()) }
        }
        return frames
    }

    private mutating func finishFrame() -> [UInt8] {
        let payload = body
        header.removeAll(keepingCapacity: true)
        body = []
        expected = nil
        partialSince = nil
        return payload
    }
}
