/// Bytes that stay where they are for as long as anything refers to them: a snapshot mapped
/// from its file, or a store copy received from the server. The lean store reads cases'
/// messages from here when a case is opened instead of holding every body on the heap.
/// Never written after it is made, so any thread may read it (hence `@unchecked Sendable`).
public final class StoredBytes: @unchecked Sendable {
    public let buffer: UnsafeRawBufferPointer
    private let release: () -> Void

    /// Takes over memory someone else made (a mapping); `release` runs when the last reference goes.
    public init(adopting buffer: UnsafeRawBufferPointer, release: @escaping () -> Void) {
        self.buffer = buffer
        self.release = release
    }

    public convenience init(copying bytes: [UInt8]) {
        let copy = UnsafeMutableRawBufferPointer.allocate(byteCount: max(1, bytes.count), alignment: 16)
        bytes.withUnsafeBytes { copy.copyMemory(from: $0) }
        self.init(adopting: UnsafeRawBufferPointer(rebasing: copy[0..<bytes.count])) { copy.deallocate() }
    }

    public var count: Int { buffer.count }

    /// A copy, for tests and small things.
    public var bytes: [UInt8] { Array(buffer) }

    deinit { release() }
}
