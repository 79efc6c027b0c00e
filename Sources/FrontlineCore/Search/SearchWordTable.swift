import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Distinct words, each with an id (its insertion order), stored as UTF-8 in contiguous chunks
/// of about 1 MB: `0 word 0 word 0 … word 0`. A search over every word is one scan per chunk that
/// cannot match across words (a word never spans chunks); a prefix search scans for `0` + prefix.
/// Found by hash (open addressing). Everything is paged or chunked so that a change after the
/// table was copied copies a page or the last chunk, not the table.
struct SearchWordTable: Sendable {
    static let chunkSize = 1 << 20

    private var chunks: [[UInt8]] = [[0]]
    /// The first word id of each chunk.
    private var chunkFirstWord: [Int32] = [0]
    /// Word id → chunk, offset of its first byte in the chunk, and length.
    private var chunkOf = SearchPages<Int32>()
    private var offsets = SearchPages<Int32>()
    private var lengths = SearchPages<Int32>()
    /// Two hash tables, one for words that start with a digit (order numbers, phone numbers: the
    /// long tail of the vocabulary) and one for the rest, which then stays small enough to be in cache.
    private var letterSlots = SearchHashSlots()
    private var digitSlots = SearchHashSlots()

    init() {}

    var count: Int { offsets.count }

    @inline(__always)
    static func hash(_ p: UnsafePointer<UInt8>, _ n: Int) -> UInt32 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325 ^ UInt64(n)
        var k = 0
        while k + 8 <= n {
            h = (h ^ UnsafeRawPointer(p + k).loadUnaligned(as: UInt64.self)) &* 0x0000_0100_0000_01B3
            h ^= h &>> 29
            k += 8
        }
        if k < n {
            var tail: UInt64 = 0
            var shift: UInt64 = 0
            while k < n {
                tail |= UInt64(p[k]) &<< shift
                shift += 8
                k += 1
            }
            h = (h ^ tail) &* 0x0000_0100_0000_01B3
        }
        h = (h ^ (h &>> 32)) &* 0x9E37_79B9_7F4A_7C15
        return UInt32(truncatingIfNeeded: h &>> 32)
    }

    @inline(__always)
    private static func startsWithDigit(_ p: UnsafePointer<UInt8>) -> Bool { p[0] &- 0x30 < 10 }

    /// The id of the word with these bytes (n > 0), if present.
    @inline(__always)
    func find(_ p: UnsafePointer<UInt8>, _ n: Int, hash h: UInt32) -> Int32? {
        Self.startsWithDigit(p) ? find(p, n, hash: h, in: digitSlots) : find(p, n, hash: h, in: letterSlots)
    }

    @inline(__always)
    private func find(_ p: UnsafePointer<UInt8>, _ n: Int, hash h: UInt32, in t: borrowing SearchHashSlots) -> Int32? {
        let mask = t.count - 1
        var s = Int(h) & mask
        while true {
            let e = t.slots[s]
            if e == 0 { return nil }
            if UInt32(truncatingIfNeeded: e &>> 32) == h {
                let id = Int(UInt32(truncatingIfNeeded: e)) - 1
                if Int(lengths[id]) == n {
                    let same = chunks[Int(chunkOf[id])].withUnsafeBufferPointer { c in
                        let w = c.baseAddress! + Int(offsets[id])
                        if n > 16 { return memcmp(w, p, n) == 0 }
                        for k in 0..<n where w[k] != p[k] { return false }
                        return true
                    }
                    if same { return Int32(id) }
                }
            }
            s = (s + 1) & mask
        }
    }

    /// Adds a word (n > 0) known to be absent; returns its id.
    mutating func insert(_ p: UnsafePointer<UInt8>, _ n: Int, hash h: UInt32) -> Int32 {
        let id = Int32(offsets.count)
        if chunks[chunks.count - 1].count + n + 1 > Self.chunkSize, chunks[chunks.count - 1].count > 1 {
            var fresh: [UInt8] = [0]
            fresh.reserveCapacity(max(Self.chunkSize, n + 2))
            chunks.append(fresh)
            chunkFirstWord.append(id)
        }
        let c = chunks.count - 1
        chunkOf.append(Int32(c))
        offsets.append(Int32(chunks[c].count))
        lengths.append(Int32(n))
        chunks[c].append(contentsOf: UnsafeBufferPointer(start: p, count: n))
        chunks[c].append(0)
        if Self.startsWithDigit(p) { digitSlots.insert(UInt64(h) << 32 | UInt64(id + 1)) } else { letterSlots.insert(UInt64(h) << 32 | UInt64(id + 1)) }
        return id
    }

    /// The id of this word (n > 0), adding it if new.
    @inline(__always)
    mutating func intern(_ p: UnsafePointer<UInt8>, _ n: Int) -> (id: Int32, new: Bool) {
        let h = Self.hash(p, n)
        if let id = find(p, n, hash: h) { return (id, false) }
        return (insert(p, n, hash: h), true)
    }

    // MARK: - Search

    /// Ids of the words that contain `needle` (non-empty), in id order. With `prefix`, only words
    /// that start with it. One scan per chunk, 16 bytes at a time, looking for the needle's first
    /// and last bytes at the right distance.
    func search(_ term: [UInt8], prefix: Bool) -> [Int32] {
        guard !term.isEmpty else { return [] }
        let needle = prefix ? [0] + term : term
        let k = needle.count
        var found: [Int32] = []
        needle.withUnsafeBufferPointer { nd in
            let first = nd[0], last = nd[k - 1]
            let vFirst = SIMD16<UInt8>(repeating: first)
            let vLast = SIMD16<UInt8>(repeating: last)
            for (c, chunk) in chunks.enumerated() {
                let firstID = Int(chunkFirstWord[c])
                let endID = c + 1 < chunks.count ? Int(chunkFirstWord[c + 1]) : offsets.count
                guard firstID < endID else { continue }
                var cursor = firstID   // words before it were passed
                chunk.withUnsafeBufferPointer { hay in
                    let h = hay.baseAddress!
                    let n = hay.count
                    let raw = UnsafeRawPointer(h)
                    var i = 0
                    /// Records the word holding a match at `pos` (its first byte when `prefix`)
                    /// and returns where to go on: the separator after it.
                    func hit(_ pos: Int) -> Int {
                        let at = prefix ? pos + 1 : pos
                        // Gallop from the cursor to the last word starting at or before `at`.
                        var step = 1
                        var lo = cursor, hi = cursor
                        while hi < endID, Int(offsets[hi]) <= at {
                            lo = hi
                            hi = min(endID, hi + step)
                            step *= 2
                        }
                        // offsets[lo] <= at; offsets[hi] > at or hi == endID
                        while hi - lo > 1 {
                            let mid = (lo + hi) / 2
                            if Int(offsets[mid]) <= at { lo = mid } else { hi = mid }
                        }
                        found.append(Int32(lo))
                        cursor = lo + 1
                        return Int(offsets[lo]) + Int(lengths[lo])
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

/// Open addressing, linear probing, paged; each slot is hash << 32 | (id + 1), 0 = empty.
struct SearchHashSlots: Sendable {
    private(set) var slots = SearchPages<UInt64>(repeating: 0, count: 1 << 10)
    private(set) var count = 1 << 10
    private var used = 0

    mutating func insert(_ entry: UInt64) {
        used += 1
        if used * 10 > count * 7 {
            var old: [UInt64] = []
            old.reserveCapacity(used)
            for s in 0..<count where slots[s] != 0 { old.append(slots[s]) }
            count *= 2
            slots = SearchPages(repeating: 0, count: count)
            for e in old { place(e) }
        }
        place(entry)
    }

    private mutating func place(_ e: UInt64) {
        let mask = count - 1
        var s = Int(e &>> 32) & mask
        while slots[s] != 0 { s = (s + 1) & mask }
        slots[s] = e
    }
}
