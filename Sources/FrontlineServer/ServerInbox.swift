import Foundation
import FrontlineCore
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Commands from the server's own threads (the mail sender's delivery outcomes), performed on
/// the loop like a client's so every console hears of them. A byte on a pipe wakes the loop.
final class ServerInbox: Sendable {
    private let pipe: WakePipe
    private let waiting = Mutex<[(command: Command, actor: String)]>([])

    init() throws {
        pipe = try WakePipe(purpose: "inbox")
    }

    var wakeDescriptor: Int32 { pipe.descriptor }

    func post(_ commands: [Command], actor: String) {
        waiting.withLock { $0 += commands.map { ($0, actor) } }
        pipe.wake()
    }

    func take() -> [(command: Command, actor: String)] {
        pipe.drain()
        return waiting.withLock { w in
            defer { w = [] }
            return w
        }
    }
}
