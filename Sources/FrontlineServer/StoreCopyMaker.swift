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
    private let pipe: WakePipe
    private let finished = Mutex<(sequence: UInt64, bytes: [UInt8])?>(nil)

    init() throws {
        pipe = try WakePipe(purpose: "wake-up")
    }

    /// The loop polls this for "a copy is ready".
    var wakeDescriptor: Int32 { pipe.descriptor }

    /// Starts encoding `desk` (an immutable value: the store goes on changing meanwhile), and
    /// releases `retiring` (the previous copy) off the caller's thread.
    func start(_ desk: HelpDesk, retiring: (sequence: UInt64, bytes: [UInt8])? = nil) {
        Thread.detachNewThread { [self] in
            withExtendedLifetime(retiring) {}   // held by this closure: freed with it, on this thread
            let bytes = desk.snapshotBytes()
            finished.withLock { $0 = (desk.lastSequence, bytes) }
            pipe.wake()
        }
    }

    /// The same for a copy that already exists as stored bytes (the snapshot the store opened
    /// from, while nothing has changed since): copied out, not encoded.
    func start(copying payload: StoredBytes, sequence: UInt64) {
        Thread.detachNewThread { [self] in
            let bytes = payload.bytes
            finished.withLock { $0 = (sequence, bytes) }
            pipe.wake()
        }
    }

    /// The finished copy, if there is one (and empties the pipe).
    func take() -> (sequence: UInt64, bytes: [UInt8])? {
        pipe.drain()
        return finished.withLock { done in
            defer { done = nil }
            return done
        }
    }
}
