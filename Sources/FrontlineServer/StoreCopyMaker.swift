import Foundation
import FrontlineCore
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Encodes the store copy a joining console needs on a thread of its own, so the server's loop
/// keeps serving everyone else meanwhile (at 100,000 cases an encoding takes ~0.5–1 s). When it
/// is done it writes a byte to a pipe the loop polls.
final class StoreCopyMaker: Sendable {
    private let pipeFDs: (read: Int32, write: Int32)
    private let finished = Mutex<(sequence: UInt64, bytes: [UInt8])?>(nil)

    init() throws {
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else {
            throw UnixSocket.Failure(description: "cannot make the server's wake-up pipe: \(String(cString: strerror(errno)))")
        }
        for fd in fds {
            _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
        }
        pipeFDs = (fds[0], fds[1])
    }

    deinit {
        close(pipeFDs.read)
        close(pipeFDs.write)
    }

    /// The loop polls this for "a copy is ready".
    var wakeDescriptor: Int32 { pipeFDs.read }

    /// Starts encoding `desk` (an immutable value: the store goes on changing meanwhile).
    func start(_ desk: HelpDesk) {
        Thread.detachNewThread { [self] in
            let bytes = desk.snapshotBytes()
            finished.withLock { $0 = (desk.lastSequence, bytes) }
            var one: UInt8 = 1
            _ = write(pipeFDs.write, &one, 1)
        }
    }

    /// The finished copy, if there is one (and empties the pipe).
    func take() -> (sequence: UInt64, bytes: [UInt8])? {
        var drain = [UInt8](repeating: 0, count: 64)
        while read(pipeFDs.read, &drain, drain.count) > 0 {}
        return finished.withLock { done in
            defer { done = nil }
            return done
        }
    }
}
