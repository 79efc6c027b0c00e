import FrontlineCore
import Testing
@testable import FrontlineProtocol

/// Hostile byte streams: the decoder (and the message decoder behind it) must either produce
/// frames or throw — never trap, never hold more than one frame's worth of bytes.
@Suite struct FrameFuzzTests {
    @Test func garbageBytesNeverTrap() {
        var rng = SeededRandom(seed: 0xBAD_F00D)
        let max = 64
        var framesSeen = 0
        var errorsSeen = 0
        for _ in 0..<10_000 {
            // Half pure noise, half near-valid streams (real frames, some a bit over the max,
            // with a few bytes flipped) so both the body path and the error path get exercised.
            var bytes: [UInt8]
            if Bool.random(using: &rng) {
                bytes = rng.bytes(Int.random(in: 0...300, using: &rng))
            } else {
                bytes = []
                for _ in 0..<Int.random(in: 1...6, using: &rng) {
                    bytes += (try? FrameEncoder(maxPayload: 80).encode(rng.bytes(Int.random(in: 0...80, using: &rng)))) ?? []
                }
                for _ in 0..<Int.random(in: 0...3, using: &rng) {
                    bytes[Int.random(in: 0..<bytes.count, using: &rng)] = UInt8.random(in: 0...255, using: &rng)
                }
            }
            var decoder = FrameDecoder(maxPayload: max)
            var produced = 0
            do {
                for chunk in randomChunks(bytes, sizes: 1...50, using: &rng) {
                    for frame in try decoder.feed(chunk) {
                        #expect(frame.count <= max)
                        produced += FrameCodec.headerSize + frame.count
                        framesSeen += 1
                        _ = try? WireMessage.decode(payload: frame)
                    }
                }
                #expect(produced + decoder.bufferedByteCount == bytes.count)
                #expect(decoder.bufferedByteCount < FrameCodec.headerSize + max)
            } catch {
                errorsSeen += 1
                // Typed throws: the only way a frame stream can be bad is a header over the max.
                switch error {
                case let .oversized(declared, limit): #expect(declared > max && limit == max)
                }
            }
        }
        // Both paths were really exercised.
        #expect(framesSeen > 1000)
        #expect(errorsSeen > 1000)
    }

    @Test func randomJSONishPayloadsNeverTrap() {
        var rng = SeededRandom(seed: 42)
        let alphabet = Array("{}[]\":,0123456789.eE-+truefalsnul \\type hello welcome refusal protocol client role".utf8)
        for _ in 0..<10_000 {
            let payload = (0..<Int.random(in: 0...80, using: &rng)).map { _ in alphabet.randomElement(using: &rng)! }
            _ = try? WireMessage.decode(payload: payload)
        }
    }
}
