#if canImport(Glibc)
import Glibc
#endif

/// Writing all of a buffer to a file or pipe, as `write(2)` may take less than asked and may be
/// interrupted: the one loop the transports and attachment saving share. False on an error
/// (`errno` says which).
public enum DescriptorWrite {
    public static func all(_ bytes: [UInt8], to fd: Int32) -> Bool {
        bytes.withUnsafeBytes { buffer in
            var done = 0
            while done < buffer.count {
                let n = write(fd, buffer.baseAddress! + done, buffer.count - done)
                if n < 0 { if errno == EINTR { continue }; return false }
                done += n
            }
            return true
        }
    }
}
