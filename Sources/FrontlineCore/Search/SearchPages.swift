/// An array kept in pages of 4,096 elements, so that after the index is copied (to a background
/// thread) a change copies one page, not the whole array.
struct SearchPages<Element: Sendable>: Sendable {
    static var shift: Int { 12 }
    static var mask: Int { (1 << shift) - 1 }
    private var pages: [[Element]] = []
    private(set) var count = 0

    init() {}

    init(repeating value: Element, count: Int) {
        for _ in 0..<count { append(value) }
    }

    subscript(i: Int) -> Element {
        @inline(__always) get { pages[i &>> Self.shift][i & Self.mask] }
        @inline(__always) _modify { yield &pages[i &>> Self.shift][i & Self.mask] }
    }

    mutating func append(_ e: Element) {
        if count & Self.mask == 0 {
            var page: [Element] = []
            page.reserveCapacity(1 << Self.shift)
            pages.append(page)
        }
        pages[pages.count - 1].append(e)
        count += 1
    }

    var isEmpty: Bool { count == 0 }
}

/// A dictionary in 64 shards, for the same reason.
struct SearchShardedMap<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    private var shards = [[Key: Value]](repeating: [:], count: 64)

    subscript(key: Key) -> Value? {
        get { shards[Self.shard(key)][key] }
        set { shards[Self.shard(key)][key] = newValue }
    }

    @inline(__always) private static func shard(_ key: Key) -> Int { key.hashValue & 63 }
}
