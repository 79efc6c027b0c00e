import FrontlineCore
import Foundation
import Testing
@testable import FrontlineProtocol

@Suite struct FrameCodecTests {
    @Test func encodesBigEndianLengthThenPayload() throws {
        let frame = try FrameEncoder().encode([0xAA, 0xBB, 0xCC])
        #expect(frame == [0, 0, 0, 3, 0xAA, 0xBB, 0xCC])
        let big = try FrameEncoder().encode([UInt8](repeating: 7, count: 0x01_02_03))
        #expect(Array(big.prefix(4)) == [0, 0x01, 0x02, 0x03])
    }

    @Test func roundTripInOneFeed() throws {
        let payloads: [[UInt8]] = [[1], [], Array("hello".utf8), [UInt8](repeating: 0xFF, count: 1000)]
        var stream: [UInt8] = []
        for p in payloads { stream += try FrameEncoder().encode(p) }
        var decoder = FrameDecoder()
        #expect(try decoder.feed(stream) == payloads)
        #expect(decoder.bufferedByteCount == 0)
        #expect(decoder.partialSince == nil)
    }

    @Test func zeroLengthFramesComeOutAsEmptyPayloads() throws {
        var decoder = FrameDecoder()
        #expect(try decoder.feed([0, 0, 0, 0, 0, 0, 0, 0]) == [[], []])
        #expect(try decoder.feed([0, 0]) == [])
        #expect(try decoder.feed([0, 0]) == [[]])
    }

    @Test func randomPayloadsInRandomChunksReassembleExactly() throws {
        var rng = SeededRandom(seed: 0xF00D)
        for round in 0..<50 {
            let payloads = (0..<Int.random(in: 1...20, using: &rng)).map { _ in
                rng.bytes(Int.random(in: 0...3000, using: &rng))
            }
            var stream: [UInt8] = []
            for p in payloads { stream += try FrameEncoder().encode(p) }
            var decoder = FrameDecoder()
            var out: [[UInt8]] = []
            for chunk in randomChunks(stream, sizes: 1...700, using: &rng) {
                out += try decoder.feed(chunk)
            }
            #expect(out == payloads, "round \(round)")
            #expect(decoder.bufferedByteCount == 0)
        }
    }

    @Test func oneByteDripReassembles() throws {
        let payloads: [[UInt8]] = [Array("first".utf8), [], Array("third frame".utf8)]
        var stream: [UInt8] = []
        for p in payloads { stream += try FrameEncoder().encode(p) }
        var decoder = FrameDecoder()
        var out: [[UInt8]] = []
        for byte in stream { out += try decoder.feed(CollectionOfOne(byte)) }
        #expect(out == payloads)
    }

    @Test func oversizedHeaderIsRejectedBeforeTheBodyArrives() throws {
        var decoder = FrameDecoder(maxPayload: 1024)
        #expect(try decoder.feed([0, 0, 4]) == [])
        // The fourth header byte completes a declared length of 1025: refused with no body sent.
        #expect(throws: FrameError.oversized(declared: 1025, max: 1024)) {
            try decoder.feed([1])
        }
        // The stream has lost its boundaries; the decoder stays failed.
        #expect(throws: FrameError.oversized(declared: 1025, max: 1024)) {
            try decoder.feed([0, 0, 0, 0])
        }
    }

    @Test func hugeDeclaredLengthWithDefaultMaxIsRejected() {
        var decoder = FrameDecoder()
        #expect(throws: FrameError.oversized(declared: Int(UInt32.max), max: 1 << 20)) {
            try decoder.feed([0xFF, 0xFF, 0xFF, 0xFF])
        }
    }

    @Test func frameOfExactlyMaxIsAccepted() throws {
        let max = 4096
        let payload = [UInt8](repeating: 0x5A, count: max)
        let frame = try FrameEncoder(maxPayload: max).encode(payload)
        var decoder = FrameDecoder(maxPayload: max)
        #expect(try decoder.feed(frame) == [payload])
    }

    @Test func encoderRefusesOversizedPayloads() {
        #expect(throws: FrameError.oversized(declared: 11, max: 10)) {
            try FrameEncoder(maxPayload: 10).encode([UInt8](repeating: 0, count: 11))
        }
    }

    @Test func partialSinceTracksTheOldestPendingFrameByTheCallersClock() throws {
        let t0 = Date(timeIntervalSince1970: 1_000_000)
        var decoder = FrameDecoder()
        #expect(decoder.partialSince == nil)
        _ = try decoder.feed([0, 0], at: t0)
        #expect(decoder.partialSince == t0)
        // Slow drip: more bytes arrive, but the frame's start time does not move.
        _ = try decoder.feed([0, 3, 1], at: t0 + 10)
        #expect(decoder.partialSince == t0)
        #expect(decoder.pendingDuration(at: t0 + 30) == 30)
        // Completing it and starting the next frame in the same read: the new frame starts now.
        #expect(try decoder.feed([2, 3, 0], at: t0 + 40) == [[1, 2, 3]])
        #expect(decoder.partialSince == t0 + 40)
        #expect(try decoder.feed([0, 0, 1, 9], at: t0 + 41) == [[9]])
        #expect(decoder.partialSince == nil)
        #expect(decoder.pendingDuration(at: t0 + 50) == nil)
    }
}
