import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Delivers into a Maildir (tmp → fsync → rename into new/), as a local MDA does: the embedded
/// default's outbox inside the data directory, real messages anyone can open with `mutt -f`.
public struct MaildirTransport: MailTransport {
    public let path: String

    public init(path: String) { self.path = path }

    public var description: String { "the outbox Maildir \(path)" }

    public func send(_ message: [UInt8]) -> TransportResult {
        for dir in [path, path + "/tmp", path + "/new", path + "/cur"] where mkdir(dir, 0o700) != 0 && errno != EEXIST {
            return .temporaryFailure("cannot create \(dir): \(String(cString: strerror(errno)))")
        }
        let name = Self.uniqueName()
        let temporary = path + "/tmp/" + name
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard fd >= 0 else { return .temporaryFailure("cannot create \(temporary): \(String(cString: strerror(errno)))") }
        let ok = DescriptorWrite.all(message, to: fd) && fsync(fd) == 0
        let failure = String(cString: strerror(errno))
        close(fd)
        guard ok else {
            unlink(temporary)
            return .temporaryFailure("cannot write \(temporary): \(failure)")
        }
        guard rename(temporary, path + "/new/" + name) == 0 else {
            let why = String(cString: strerror(errno))
            unlink(temporary)
            return .temporaryFailure("cannot move the message into \(path)/new: \(why)")
        }
        let dirFD = open(path + "/new", O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if dirFD >= 0 { _ = fsync(dirFD); close(dirFD) }
        return .accepted
    }

    /// `<seconds>.M<microseconds>P<pid>Q<counter>.<host>`: the Maildir convention for a unique name.
    static func uniqueName() -> String {
        var tv = timeval()
        gettimeofday(&tv, nil)
        var host = [CChar](repeating: 0, count: 256)
        gethostname(&host, 255)
        let hostName = String(decoding: host.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self).replacingOccurrences(of: "/", with: "\\057").replacingOccurrences(of: ":", with: "\\072")
        return "\(tv.tv_sec).M\(tv.tv_usec)P\(getpid())Q\(counter.next()).\(hostName.isEmpty ? "localhost" : hostName)"
    }

    private static let counter = Counter()

    final class Counter: @unchecked Sendable {
        // @unchecked: the value is only touched under `lock`.
        private let lock = NSLock()
        private var value = 0
        func next() -> Int { lock.withLock { value += 1; return value } }
    }
}
