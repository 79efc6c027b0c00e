extension Array {
    /// The first index whose element does not satisfy `belongsBefore` (the array is partitioned
    /// by it: true for a prefix, false after). Binary search: O(log n).
    public func partitionPoint(_ belongsBefore: (Element) -> Bool) -> Int {
        var lo = 0, hi = count
        while lo < hi {
            let mid = (lo + hi) / 2
            if belongsBefore(self[mid]) { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }
}
