import FrontlineProtocol
import Synchronization
import Foundation

/// Operations too long for the loop (reading every case of a snapshot for `check`: seconds at a
/// million cases) run on a thread of their own. Their output comes back through a pipe the loop
/// polls, and the loop sends it on the connection that asked, if that connection is still there.
final class OperationErrands: Sendable {
    struct Done: Sendable {
        let fd: Int32
        let connection: ObjectIdentifier
        let request: OperationRequest
        let lines: [String]
        let failure: String?
    }

    private let pipe: WakePipe
    private let finished = Mutex<[Done]>([])

    init() throws {
        pipe = try WakePipe(purpose: "operations")
    }

    var wakeDescriptor: Int32 { pipe.descriptor }

    func run(_ request: OperationRequest, for c: ServerConnection,
             _ work: @escaping @Sendable () -> (lines: [String], failure: String?)) {
        let fd = c.fd, connection = ObjectIdentifier(c)
        Thread.detachNewThread { [self] in
            let (lines, failure) = work()
            finished.withLock { $0.append(Done(fd: fd, connection: connection, request: request, lines: lines, failure: failure)) }
            pipe.wake()
        }
    }

    /// The finished operations (and empties the pipe).
    func take() -> [Done] {
        pipe.drain()
        return finished.withLock { done in
            defer { done = [] }
            return done
        }
    }
}
