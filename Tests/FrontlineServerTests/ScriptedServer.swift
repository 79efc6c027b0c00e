import Foundation
import FrontlineCore
import FrontlineProtocol
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// A stand-in server that answers each connection with a fixed script of frames, for the
/// client's edge cases (read-ahead, gaps) that a real server rarely produces on cue. Its
/// thread is done with every descriptor before `finish` returns, so no descriptor number is
/// closed after another test may have been given it.
final class ScriptedServer: @unchecked Sendable {
    // @unchecked: the listener is only used by the serving thread until `finish`.
    let folder: String
    let socketPath: String
    private let listener: Int32
    private let done = DispatchSemaphore(value: 0)
    let connections = Atomic<Int>(0)

    /// Serves `scripts[i]` to the i-th connection, then stops.
    init(scripts: [[UInt8]]) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("fl-script-\(UUID().uuidString.prefix(8))").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        socketPath = folder + "/s.sock"
        listener = try UnixSocket.listen(at: socketPath)
        Thread.detachNewThread { [self] in
            defer { done.signal() }
            for script in scripts {
                var p = pollfd(fd: listener, events: Int16(POLLIN), revents: 0)
                guard poll(&p, 1, 10_000) > 0 else { return }
                let fd = accept(listener, nil, nil)
                guard fd >= 0 else { return }
                connections.add(1, ordering: .relaxed)
                usleep(50_000)   // the client's hello and subscribe are in; answer everything at once
                try? UnixSocket.writeAll(fd, script)
                usleep(300_000)
                close(fd)
            }
        }
    }

    /// Waits for the script to be played out, then closes the listener.
    func finish() {
        done.wait()
        close(listener)
        try? FileManager.default.removeItem(atPath: folder)
    }

    /// A welcome and a copy of `desk`, as a real server answers a console's hello and subscribe.
    static func greeting(_ desk: HelpDesk) throws -> [UInt8] {
        let encoder = FrameEncoder(maxPayload: FrameCodec.maxServerPayload)
        let copy = desk.snapshotBytes()
        return try encoder.encode(WireMessage.welcome(Welcome(server: "scripted")).payload())
            + encoder.encode(WireMessage.sync(Sync(sequence: desk.lastSequence, bytes: copy.count)).payload()) + encoder.encode(copy)
    }

    static func events(_ events: [Event]) throws -> [UInt8] {
        try FrameEncoder(maxPayload: FrameCodec.maxServerPayload).encode(WireMessage.events(EventBatch(events: events)).payload())
    }
}
