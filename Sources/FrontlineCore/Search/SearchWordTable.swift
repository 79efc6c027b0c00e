import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Distinct words, each with an id (its insertion order), in one contiguous UTF-8 buffer:
/// `0 word₀ 0 word₁ 0 … wordₙ 0`, so a substring search over every word is one scan of `bytes`
/// that cannot match across words. Found by hash (open addressing) and, for prefix searches, by
/// their first byte and first two bytes.
struct SearchWordTable: Sendable {
    /// The words, each preceded and followed by a 0 byte.
    private(set) var bytes: [UInt8] = [0]
    /// Where word i starts in `bytes` (ascending).
    private(set) var starts: [Int] = []
    private var hashes: [UInt32] = []
    /// Word id + 1, or 0 for empty.
    private var slots = [Int32](repeating: 0, count: 1024)
    /// Keep the buckets for prefix search (the raw-form cache does without).
    private let buckets: Bool
    private var byFirstByte: [[Int32]]
    private var byFirstPair: [[Int32]]

    init(buckets: Bool) {
        self.buckets = buckets
        byFirstByte = buckets ? Array(repeating: [], count: 256) : []
        byFirstPair = buckets ? Array(repeating: [], count: 65536) : []
    }

    var count: Int { starts.count }

    /// The bytes of word `id`.
    func range(of id: Int32) -> Range<Int> {
        let i = Int(id)
        let end = i + 1 < starts.count ? starts[i + 1] - 1 : bytes.count - 1
        return starts[i]..<end
    }

    func word(_ id: Int32) -> String { String(decoding: bytes[range(of: id)], as: UTF8.self) }

    @inline(__always)
    static func hash(_ p: UnsafePointer<UInt8>, _ n: Int) -> UInt32 {
        // FNV-1a, 64-bit, folded.
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        var k = 0
        while k + 8 <= n {
            let w = UnsafeRawPointer(p + k).loadUnaligned(as: UInt64.self)
            h = (h ^ w) &* 0x0000_0100_0000_01B3
            h ^= h >> 29
            k += 8
        }
        while k < n {
            h = (h ^ UInt64(p[k])) &* 0x0000_0100_0000_01B3
            k += 1
        }
        h ^= h >> 32
        return UInt32(truncatingIfNeeded: h)
    }

    /// The id of the word with these bytes, if present.
    func find(_ p: UnsafePointer<UInt8>, _ n: Int, hash h: UInt32) -> Int32? {
        slots.withUnsafeBufferPointer { slots in
            hashes.withUnsafeBufferPointer { hashes in
                starts.withUnsafeBufferPointer { starts in
                    bytes.withUnsafeBufferPointer { bytes in
                        let mask = slots.count - 1
                        var s = Int(h) & mask
                        while true {
                            let e = slots[s]
                            if e == 0 { return nil }
                            let id = Int(e - 1)
                            if hashes[id] == h {
                                let start = starts[id]
                                let end = id + 1 < starts.count ? starts[id + 1] - 1 : bytes.count - 1
                                if end - start == n && memcmp(bytes.baseAddress! + start, p, n) == 0 { return Int32(id) }
                            }
                            s = (s + 1) & mask
                        }
                    }
                }
            }
        }
    }

    /// Adds a word known to be absent; returns its id.
    mutating func insert(_ p: UnsafePointer<UInt8>, _ n: Int, hash h: UInt32) -> Int32 {
        let id = Int32(starts.count)
        starts.append(bytes.count)
        bytes.append(contentsOf: UnsafeBufferPointer(start: p, count: n))
        bytes.append(0)
        hashes.append(h)
        if buckets, n > 0 {
            byFirstByte[Int(p[0])].append(id)
            if n > 1 { byFirstPair[Int(p[0]) << 8 | Int(p[1])].append(id) }
        }
        if starts.count * 2 > slots.count { grow() } else { place(id, hash: h) }
        return id
    }

    /// The id of this word, adding it if new.
    @inline(__always)
    mutating func intern(_ p: UnsafePointer<UInt8>, _ n: Int) -> (id: Int32, new: Bool) {
        let h = Self.hash(p, n)
        if let id = find(p, n, hash: h) { return (id, false) }
        return (insert(p, n, hash: h), true)
    }

    private mutating func place(_ id: Int32, hash h: UInt32) {
        let mask = slots.count - 1
        var s = Int(h) & mask
        while slots[s] != 0 { s = (s + 1) & mask }
        slots[s] = id + 1
    }

    private mutating func grow() {
        slots = [Int32](repeating: 0, count: slots.count * 4)
        for id in 0..<starts.count { place(Int32(id), hash: hashes[id]) }
    }

    // MARK: - Search

    /// Ids of the words that start with `needle` (non-empty), in id order.
    func withPrefix(_ needle: [UInt8]) -> [Int32] {
        guard buckets, let b0 = needle.first else { return [] }
        if needle.count == 1 { return byFirstByte[Int(b0)] }
        let candidates = byFirstPair[Int(b0) << 8 | Int(needle[1])]
        if needle.count == 2 { return candidates }
        let n = needle.count
        return bytes.withUnsafeBufferPointer { bytes in
            needle.withUnsafeBufferPointer { needle in
                candidates.filter { id in
                    let r = range(of: id)
                    return r.count >= n && memcmp(bytes.baseAddress! + r.lowerBound + 2, needle.baseAddress! + 2, n - 2) == 0
                }
            }
        }
    }

    /// Ids of the words that contain `needle` (non-empty), in id order: one scan of the buffer,
    /// 16 bytes at a time, looking for the needle's first and last bytes at the right distance.
    func containing(_ needle: [UInt8]) -> [Int32] {
        let k = needle.count
        guard k > 0 else { return [] }
        var found: [Int32] = []
        bytes.withUnsafeBufferPointer { hay in
            starts.withUnsafeBufferPointer { starts in
                needle.withUnsafeBufferPointer { nd in
                    let h = hay.baseAddress!
                    let n = hay.count
                    let first = nd[0], last = nd[k - 1]
                    let vFirst = SIMD16<UInt8>(repeating: first)
                    let vLast = SIMD16<UInt8>(repeating: last)
                    let raw = UnsafeRawPointer(h)
                    var i = 0
                    /// Records the word holding a match at `pos` and returns where to go on: its end.
                    func hit(_ pos: Int) -> Int {
                        var lo = 0, hi = starts.count   // the last start <= pos
                        while lo < hi {
                            let mid = (lo + hi) / 2
                            if starts[mid] <= pos { lo = mid + 1 } else { hi = mid }
                        }
                        let id = lo - 1
                        found.append(Int32(id))
                        return id + 1 < starts.count ? starts[id + 1] : n
                    }
                    @inline(__always) func matchesAt(_ pos: Int) -> Bool {
                        k <= 2 || memcmp(h + pos + 1, nd.baseAddress! + 1, k - 2) == 0
                    }
                    outer: while i + k - 1 + 16 <= n {
                        let a = raw.loadUnaligned(fromByteOffset: i, as: SIMD16<UInt8>.self)
                        let b = raw.loadUnaligned(fromByteOffset: i + k - 1, as: SIMD16<UInt8>.self)
                        let m = (a .== vFirst) .& (b .== vLast)
                        if any(m) {
                            for lane in 0..<16 where m[lane] {
                                let pos = i + lane
                                if matchesAt(pos) {
                                    i = hit(pos)
                                    continue outer
                                }
                            }
                        }
                        i += 16
                    }
                    while i + k <= n {
                        if h[i] == first && h[i + k - 1] == last && matchesAt(i) {
                            i = hit(i)
                        } else {
                            i += 1
                        }
                    }
                }
            }
        }
        return found
    }
}
