#if canImport(Glibc)
import Glibc
#endif
import FrontlineCore

/// A file mapped read-only into memory, as `StoredBytes`: the lean store reads snapshot threads
/// from it when a case is opened. Snapshot files are written once, renamed into place and later
/// deleted, never changed in place, so a mapping stays valid for as long as it is held (Linux keeps
/// a deleted file's pages while they are mapped). Unmapped when the last reference goes.
enum MappedFile {
    static func map(_ path: String) throws -> StoredBytes {
        let fd = try PosixFile.open(path, flags: O_RDONLY, operation: "open")
        defer { PosixFile.close(fd) }
        let size = try PosixFile.size(fd, path: path)
        // An empty file cannot be mapped; its bytes (none) are read instead and then fail to verify.
        guard size > 0 else { return StoredBytes(copying: []) }
        guard let start = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0), start != MAP_FAILED else {
            throw StoreError.io("map", path: path, errno: errno)
        }
        let address = UInt(bitPattern: start)
        return StoredBytes(adopting: UnsafeRawBufferPointer(start: start, count: size)) {
            _ = munmap(UnsafeMutableRawPointer(bitPattern: address), size)
        }
    }

    /// Lets go of the pages read so far (verifying the checksum reads them all): they stay in the
    /// kernel's page cache and come back on the next read, but no longer count as this process's.
    static func release(_ bytes: StoredBytes) {
        guard let base = bytes.buffer.baseAddress, bytes.count > 0 else { return }
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        let start = UInt(bitPattern: base) / UInt(page) * UInt(page)
        let end = UInt(bitPattern: base) + UInt(bytes.count)
        _ = madvise(UnsafeMutableRawPointer(bitPattern: start), Int(end - start), MADV_DONTNEED)
    }
}
