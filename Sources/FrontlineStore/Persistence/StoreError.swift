#if canImport(Glibc)
import Glibc
#endif

/// A failure of the persistence layer. `kind` is for code to match on; `description` is for a
/// person: it says what went wrong, where (file, offset) and what to do about it.
///
/// File names in `kind` are full paths, so a message never leaves the reader guessing which
/// data directory is meant.
public struct StoreError: Error, CustomStringConvertible, Sendable {
    public enum Kind: Sendable, Equatable {
        case inUse(pid: Int32, owner: String)
        case corruptRecord(file: String, offset: Int)
        case corruptSnapshot(file: String)
        case unsafePermissions(path: String)
        case io(operation: String, path: String, errno: Int32)
        case journalFailed
        case sequenceGap(file: String, expected: UInt64, found: UInt64)
    }

    public let kind: Kind
    public let description: String

    public init(kind: Kind, description: String) {
        self.kind = kind
        self.description = description
    }

    /// An error with a generic but still actionable message, for callers that have no more context.
    public init(_ kind: Kind) {
        self.kind = kind
        switch kind {
        case let .inUse(pid, owner):
            description = "the data directory is in use by pid \(pid) (\(owner)); close that program or use another --data-dir"
        case let .corruptRecord(file, offset):
            description = "journal file \(file) has a damaged record at byte offset \(offset); run `frontline check` for details"
        case let .corruptSnapshot(file):
            description = "snapshot file \(file) is damaged; run `frontline check` for details"
        case let .unsafePermissions(path):
            description = "\(path) is not a private directory of yours; refusing to keep customer data there"
        case let .io(operation, path, code):
            description = StoreError.ioMessage(operation: operation, path: path, errno: code)
        case .journalFailed:
            description = "the journal failed earlier and accepts no more changes; restart Frontline after fixing the cause"
        case let .sequenceGap(file, expected, found):
            description = "journal file \(file): expected sequence \(expected) but found \(found); run `frontline check` for details"
        }
    }

    /// An I/O failure, with advice that depends on what the system said.
    static func io(_ operation: String, path: String, errno code: Int32) -> StoreError {
        StoreError(kind: .io(operation: operation, path: path, errno: code),
                   description: ioMessage(operation: operation, path: path, errno: code))
    }

    static func ioMessage(operation: String, path: String, errno code: Int32) -> String {
        let reason = String(cString: strerror(code))
        let advice: String
        switch code {
        case ENOSPC, EDQUOT: advice = "free some disk space, then try again"
        case EACCES, EPERM, EROFS: advice = "check that the data directory is yours and writable"
        case EIO: advice = "the disk reported an error; check it (dmesg) before trusting this data directory"
        case EFBIG: advice = "the data is larger than a journal record may be (64 MiB)"
        default: advice = "check the data directory and the disk"
        }
        return "could not \(operation) \(path): \(reason) (errno \(code)); \(advice)"
    }
}
