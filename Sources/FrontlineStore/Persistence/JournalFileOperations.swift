#if canImport(Glibc)
import Glibc
#endif

/// The two calls an append depends on, replaceable so fault tests can make the disk fail
/// (full disk, EIO from fsync) without a real failing disk.
public struct JournalFileOperations: Sendable {
    /// Writes at `offset`; returns the number of bytes written (may be fewer) or `-errno`.
    public var write: @Sendable (_ fd: Int32, _ bytes: UnsafeRawBufferPointer, _ offset: Int64) -> Int
    /// Flushes the file's data (and the size needed to read it back); returns 0 or an errno.
    public var synchronize: @Sendable (_ fd: Int32) -> Int32

    public init(write: @escaping @Sendable (_ fd: Int32, _ bytes: UnsafeRawBufferPointer, _ offset: Int64) -> Int,
                synchronize: @escaping @Sendable (_ fd: Int32) -> Int32) {
        self.write = write
        self.synchronize = synchronize
    }

    /// pwrite and fdatasync: fdatasync skips timestamps but, for an append, still flushes the size.
    public static let posix = JournalFileOperations(
        write: { fd, bytes, offset in
            while true {
                let written = pwrite(fd, bytes.baseAddress, bytes.count, off_t(offset))
                if written >= 0 { return written }
                if errno != EINTR { return -Int(errno) }
            }
        },
        synchronize: { fd in
            while true {
                if fdatasync(fd) == 0 { return 0 }
                if errno != EINTR { return errno }
            }
        }
    )
}
