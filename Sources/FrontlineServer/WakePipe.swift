import Foundation
import FrontlineProtocol
#if canImport(Glibc)
import Glibc
#endif

/// A non-blocking pipe another thread writes a byte to, so the server's `poll` loop wakes.
final class WakePipe: Sendable {
    private let fds: (read: Int32, write: Int32)

    init(purpose: String) throws {
        var pair: [Int32] = [0, 0]
        guard pipe(&pair) == 0 else {
            throw UnixSocket.Failure(description: "cannot make the server's \(purpose) pipe: \(String(cString: strerror(errno)))")
        }
        for fd in pair {
            _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
        }
        fds = (pair[0], pair[1])
    }

    deinit {
        close(fds.read)
        close(fds.write)
    }

    /// What the loop polls.
    var descriptor: Int32 { fds.read }

    func wake() {
        var one: UInt8 = 1
        _ = write(fds.write, &one, 1)
    }

    /// Empties the pipe (the loop has woken).
    func drain() {
        var bytes = [UInt8](repeating: 0, count: 64)
        while read(fds.read, &bytes, bytes.count) > 0 {}
    }
}
