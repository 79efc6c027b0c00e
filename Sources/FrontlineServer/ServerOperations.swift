import Foundation
import FrontlineCore
import FrontlineProtocol
import FrontlineStore
#if canImport(Glibc)
import Glibc
#endif

// `export --events`, `check` and `demo` while the server owns the data directory: it does the
// file work itself and streams the output back.
extension CaseServer {
    /// Lines per output frame: large enough to keep frames few, well under the frame limit.
    static let linesPerFrame = 500

    func run(_ request: OperationRequest, for c: ServerConnection) {
        if c.kind == .wallboard { return finish(request, on: c, failure: "a wallboard only watches the queue") }
        if let why = teamRefusal(of: c.identity) { return finish(request, on: c, failure: why) }
        switch request.kind {
        case .check:
            // Commands wait only while the files are framed and checksummed; reading every case
            // of the newest snapshot happens on a thread of its own (see `OperationErrands`).
            errands.run(request, for: c, store.checkErrand())
        case .demo:
            // Seeding a live desk with made-up customers is a supervisor's call.
            let role = team.role(of: c.identity.user, isOwner: c.identity.isOwner)
            guard role == .supervisor else {
                return finish(request, on: c, failure: "only a supervisor can add a demo queue to a shared desk (\(c.identity.user) is \(role.map { $0 == .agent ? "an agent" : "a \($0.rawValue)" } ?? "not on the team"))")
            }
            let before = store.desk.cases.count
            do {
                try DemoSeeder.seed(store, count: request.count ?? 60, seed: request.seed ?? 42) { events in
                    if !events.isEmpty { broadcast(events) }
                }
            } catch {
                return finish(request, on: c, failure: "demo stopped: \(error)")
            }
            stream(["added \(store.desk.cases.count - before) demo cases to \(store.location)"], request, to: c)
            finish(request, on: c, failure: nil)
        case .exportEvents:
            exportEvents(request, to: c)
        }
    }

    /// The event log can be far larger than a client's queue may grow, so this connection leaves
    /// the poll loop and a thread of its own writes it with blocking sends: the reader's pace sets
    /// the pace, and nobody else waits (commands pause only while the files are read).
    func exportEvents(_ request: OperationRequest, to c: ServerConnection) {
        let store = self.store
        leaveTheLoop(request, c) { emit in
            let json = ExportDocument.encoder()
            var lines: [String] = []
            func flushLines() throws {
                if !lines.isEmpty { try emit(lines) }
                lines.removeAll(keepingCapacity: true)
            }
            var failure: String?
            do {
                // A segment at a time: the reader's pace sets the pace, and memory stays flat.
                try store.forEachEventWhileOpen { events in
                    for event in events {
                        lines.append(String(decoding: try json.encode(event), as: UTF8.self))
                        if lines.count == Self.linesPerFrame { try flushLines() }
                    }
                }
            } catch let error as UnixSocket.Failure {
                throw error
            } catch {
                failure = "export --events: \(error)"
            }
            try flushLines()
            return failure
        }
    }

    /// Hands a long operation's connection to a thread of its own, off the poll loop: `work`
    /// emits output lines with blocking sends and returns the failure to finish with (nil for
    /// success); the connection closes after. Nobody else waits for it.
    func leaveTheLoop(_ request: OperationRequest, _ c: ServerConnection,
                      _ work: @escaping @Sendable (_ emit: ([String]) throws -> Void) throws -> String?) {
        connections[c.fd] = nil
        if c.presence != nil { broadcastPresence() }
        let fd = c.fd
        let unsent = c.takeUnsent()
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK)
        Thread.detachNewThread {
            defer { close(fd) }
            let encoder = FrameEncoder(maxPayload: FrameCodec.maxServerPayload)
            func send(_ message: WireMessage) throws { try UnixSocket.writeAll(fd, try encoder.encode(try message.payload())) }
            do {
                try UnixSocket.writeAll(fd, unsent)
                let failure = try work { lines in
                    var start = 0
                    while start < lines.count {
                        let chunk = Array(lines[start..<min(lines.count, start + Self.linesPerFrame)])
                        try send(.output(OperationOutput(request: request.request, lines: chunk)))
                        start += chunk.count
                    }
                }
                try send(.finished(OperationFinished(request: request.request, failure: failure)))
            } catch {
                // The reader went away; nothing to tell anyone.
            }
        }
    }

    /// Operations that ran on their own threads: their answers go to the connections that asked.
    func errandsFinished() {
        for done in errands.take() {
            guard let c = connections[done.fd], ObjectIdentifier(c) == done.connection else { continue }
            stream(done.lines, done.request, to: c)
            finish(done.request, on: c, failure: done.failure)
        }
    }

    func stream(_ lines: [String], _ request: OperationRequest, to c: ServerConnection) {
        var start = 0
        while start < lines.count {
            let chunk = Array(lines[start..<min(lines.count, start + Self.linesPerFrame)])
            send(.output(OperationOutput(request: request.request, lines: chunk)), to: c, large: true)
            start += chunk.count
        }
    }

    func finish(_ request: OperationRequest, on c: ServerConnection, failure: String?) {
        send(.finished(OperationFinished(request: request.request, failure: failure)), to: c)
    }
}
