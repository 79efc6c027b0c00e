import FrontlineCore
extension SeededRandom {
    mutating func bytes(_ count: Int) -> [UInt8] {
        (0..<count).map { _ in UInt8.random(in: 0...255, using: &self) }
    }
}

/// Splits `bytes` into consecutive chunks of random sizes in `sizes`.
func randomChunks(_ bytes: [UInt8], sizes: ClosedRange<Int>, using rng: inout SeededRandom) -> [[UInt8]] {
    var chunks: [[UInt8]] = []
    var index = 0
    while index < bytes.count {
        let size = min(Int.random(in: sizes, using: &rng), bytes.count - index)
        chunks.append(Array(bytes[index..<index + size]))
        index += size
    }
    return chunks
}
