import Foundation
import FrontlineCore
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Commands from the server's own threads (the mail sender's delivery outcomes), performed on
/// the loop like a client's so every console hears of them. A byte on a pipe wakes the loop.
final class ServerInbox: Sendable {
    private let pipeFDs: (read: Int32, write: Int32)
    private let waiting = Mutex<[(command: Command, actor: String)]>([])

    init() throws {
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else {
            throw UnixSocket.Failure(description: "cannot make the server's inbox pipe: \(String(cString: strerror(errno)))")
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

    var wakeDescriptor: Int32 { pipeFDs.read }

    func post(_ commands: [Command], actor: String) {
        waiting.withLock { $0 += commands.map { ($0, actor) } }
        var one: UInt8 = 1
        _ = write(pipeFDs.write, &one, 1)
    }

    func take() -> [(command: Command, actor: String)] {
        var drain = [UInt8](repeating: 0, count: 64)
        while read(pipeFDs.read, &drain, drain.count) > 0 {}
        return waiting.withLock { w in
            defer { w = [] }
            return w
        }
    }
}
