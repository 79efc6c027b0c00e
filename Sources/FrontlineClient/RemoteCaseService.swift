import Foundation
import FrontlineCore
import FrontlineProtocol
#if canImport(Glibc)
import Glibc
#endif

/// The store as seen through the server: a full copy at connect, then every event as it
/// happens (folded into the local copy), and commands sent to the one process that owns the
/// journal. The console and the command line use it exactly like the in-process store.
public final class RemoteCaseService: CaseService {
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    public private(set) var desk: HelpDesk
    public let recoveryNotes: [String] = []
    /// Why nothing can be stored now: this client lost its server, or the server's store cannot
    /// store (its database lost), as the server said.
    public var backgroundProblem: String? { connectionProblem ?? serverProblem }
    private var connectionProblem: String?
    private var serverProblem: String?
    var fd: Int32
    let socketPath: String
    let client: String
    let role: ClientRole
    let subscribes: Bool
    /// False after the server went away, until a reconnect succeeds.
    public private(set) var isConnected = true
    var lastReconnectAttempt = Date.distantPast
    /// How often to try again after losing the server.
    public var reconnectInterval: TimeInterval = 1
    var decoder = FrameDecoder(maxPayload: FrameCodec.maxServerPayload)
    let encoder = FrameEncoder(maxPayload: FrameCodec.maxClientPayload)
    var nextRequest = 1
    var queuedEvents: [Event] = []
    /// Colleagues' events folded in while this client waited for an answer: the next
    /// `pollChanges` hands them on, so the console updates its views by case, not by re-sorting.
    var foldedWhileWaiting: [Event] = []
    /// The name the server records this client's actions under, when it is not the server's own
    /// Unix user (then the name given with `--agent` counts); and that user's role.
    public private(set) var assignedName: String?
    public private(set) var assignedRole: TeamRole?
    /// Where the server mails replies (from its welcome).
    public private(set) var mailDestination: String?
    /// The server was started in the background by a console (it said so when we connected).
    public private(set) var serverAutoStarted = false
    /// Starts a new background server; called when an auto-started one is gone and cannot be reached.
    public var restartServer: (() -> Void)?
    /// How long to wait for the server before saying it does not answer.
    public var timeoutMilliseconds: Int32 = 10_000

    /// Connects, says hello, and (for consoles and wallboards) takes a copy of the store.
    public init(socketPath: String, client: String, role: ClientRole, subscribe: Bool = true) throws {
        self.socketPath = socketPath
        self.client = client
        self.role = role
        subscribes = subscribe
        fd = try UnixSocket.connect(to: socketPath)
        desk = HelpDesk()
        try greet()
    }

    /// Hello, and (for consoles and wallboards) a fresh copy of the store.
    func greet() throws {
        do {
            try send(.hello(Hello(client: client, role: role)))
            switch try receive() {
            case let .welcome(welcome):
                serverAutoStarted = welcome.autoStarted == true
                assignedName = welcome.user
                assignedRole = welcome.role
                mailDestination = welcome.mail
            case let .refusal(refusal):
                throw Failure(description: "the server at \(socketPath) refused this client: \(refusal.reason)")
            default:
                throw Failure(description: "the server at \(socketPath) did not follow the handshake")
            }
            if subscribes {
                try send(.subscribe(Subscribe()))
                guard case let .sync(sync) = try receive() else {
                    throw Failure(description: "the server at \(socketPath) did not send the store")
                }
                let bytes = try receiveStoreCopy()
                guard bytes.count == sync.bytes else {
                    throw Failure(description: "the server at \(socketPath) sent \(bytes.count) bytes of store for \(sync.bytes)")
                }
                desk = try HelpDesk(snapshotBytes: bytes)
            }
        } catch {
            Glibc.close(fd)
            throw error
        }
    }

    public func perform(_ command: Command, actor: String, at: Date?) throws -> [Event] {
        guard at == nil else { throw Failure(description: "a command sent to the server cannot be backdated") }
        return try roundTrip({ .perform(PerformRequest(request: $0, agent: actor, command: command)) }) { message, request in
            guard case let .performed(answer) = message, answer.request == request else { return nil }
            apply(answer.events)
            handOnOnlyOthers(answer.events)
            return answer.events
        }
    }

    public func performAll(_ commands: [Command], actor: String) throws -> [Result<[Event], CommandError>] {
        try roundTrip({ .performBatch(PerformBatchRequest(request: $0, agent: actor, commands: commands)) }) { message, request in
            guard case let .performedBatch(answer) = message, answer.request == request else { return nil }
            return answer.results.map { r in
                if let events = r.events {
                    apply(events)
                    handOnOnlyOthers(events)
                    return .success(events)
                }
                return .failure(CommandError(r.refusal ?? "refused"))
            }
        }
    }

    /// A brief batch: the server says where each command landed instead of sending its events.
    /// (A server from before `brief` sends the events; they serve as well.)
    public func performAllForLandings(_ commands: [Command], actor: String) throws -> [Result<Landing, CommandError>] {
        try roundTrip({ .performBatch(PerformBatchRequest(request: $0, agent: actor, commands: commands, brief: true)) }) { message, request in
            guard case let .performedBatch(answer) = message, answer.request == request else { return nil }
            return zip(commands, answer.results).map { command, r in
                if let changed = r.changed { return .success(Landing(caseID: r.caseID, changed: changed)) }
                if let events = r.events {
                    apply(events)
                    handOnOnlyOthers(events)
                    return .success(command.landing(events: events, on: desk))
                }
                return .failure(CommandError(r.refusal ?? "refused"))
            }
        }
    }

    /// Our own events come back on the feed too, ahead of the answer that returns them: the
    /// change feed hands on only what came from elsewhere.
    private func handOnOnlyOthers(_ own: [Event]) {
        guard !own.isEmpty, !foldedWhileWaiting.isEmpty else { return }
        let mine = Set(own.map(\.sequence))
        foldedWhileWaiting.removeAll { mine.contains($0.sequence) }
    }

    /// Sends one request and waits for its answer (`answer` picks it out), folding in the events
    /// that arrive meanwhile; a refusal becomes `CommandError` (the rules) or `NotStored` (the store).
    private func roundTrip<T>(_ makeRequest: (Int) -> WireMessage, answer: (WireMessage, Int) -> T?) throws -> T {
        if !isConnected { reconnect(now: Date(), force: true) }
        guard isConnected else {
            throw Failure(description: "not connected to the frontline server at \(socketPath) (reconnecting…); nothing was stored")
        }
        let request = nextRequest
        nextRequest += 1
        do {
            try send(makeRequest(request))
        } catch {
            lose(error)
            throw Failure(description: "the frontline server went away; nothing was stored (reconnecting…)")
        }
        while true {
            let message: WireMessage
            do {
                message = try receive()
            } catch {
                lose(error)
                throw Failure(description: "the frontline server went away before confirming; check the case before doing it again (reconnecting…)")
            }
            if let result = answer(message, request) { return result }
            switch message {
            case let .events(batch):
                foldedWhileWaiting += apply(batch.events)
            case let .refused(refusal) where refusal.request == request:
                if refusal.notStored == true { throw NotStored(description: "the frontline server could not store it: \(refusal.reason)") }
                var worded: [UILanguage: String] = [:]
                for (code, text) in refusal.worded ?? [:] { if let l = UILanguage(rawValue: code) { worded[l] = text } }
                throw worded.isEmpty ? CommandError(refusal.reason) : CommandError(worded: worded, english: refusal.reason)
            default:
                continue
            }
        }
    }

    public func run(_ kind: OperationRequest.Kind, count: Int? = nil, seed: UInt64? = nil, output: (String) -> Void) throws {
        guard isConnected else { throw Failure(description: "not connected to the frontline server at \(socketPath)") }
        let request = nextRequest
        nextRequest += 1
        // A big export or demo takes the server a while before the first line; it is working, not gone.
        let usual = timeoutMilliseconds
        timeoutMilliseconds = max(usual, 600_000)
        defer { timeoutMilliseconds = usual }
        do {
            try send(.operation(OperationRequest(request: request, kind: kind, count: count, seed: seed)))
            while true {
                switch try receive() {
                case let .events(batch):
                    queuedEvents += batch.events
                case let .output(chunk) where chunk.request == request:
                    chunk.lines.forEach(output)
                case let .finished(end) where end.request == request:
                    // The server streams the event log on a connection of its own and closes it
                    // after: the next command here reconnects by itself.
                    if kind == .exportEvents { disconnectQuietly() }
                    if let failure = end.failure { throw CommandError(failure) }
                    return
                default:
                    continue
                }
            }
        } catch let refusal as CommandError {
            throw refusal
        } catch {
            lose(error)
            throw Failure(description: "the frontline server went away before \(kind.rawValue) finished: \(error)")
        }
    }

    /// Nil once the connection is closed or lost: a dead socket is always readable and would wake the loop forever.
    public var changeFeedDescriptor: Int32? { closed || !isConnected ? nil : fd }

    public func pollChanges() -> [Event] {
        if !isConnected {
            reconnect(now: Date(), force: false)
            return []
        }
        var arrived = queuedEvents
        queuedEvents.removeAll()
        // Events read ahead while waiting for something else (the store copy at connect, an
        // answer) are in `pending`; nobody else will pick them up.
        for case let .events(batch) in pending { arrived += batch.events }
        pending.removeAll { if case .events = $0 { true } else { false } }
        while isConnected, readable(timeout: 0) {
            do {
                for message in try readAvailable() {
                    if case let .events(batch) = message { arrived += batch.events }
                }
            } catch {
                lose(error)
            }
        }
        let folded = foldedWhileWaiting
        foldedWhileWaiting = []
        return folded + apply(arrived)
    }

    /// Closes the connection without calling it a problem; the next command or poll reconnects.
    func disconnectQuietly() {
        guard isConnected else { return }
        isConnected = false
        announced = nil
        Glibc.close(fd)
        pending.removeAll()
        foldedWhileWaiting = []
        expectingStoreCopy = false
        storeCopy = nil
        decoder = FrameDecoder(maxPayload: FrameCodec.maxServerPayload)
    }

    /// The server went away: say so, and try again from the next poll on.
    func lose(_ error: Error) {
        guard isConnected else { return }
        disconnectQuietly()
        presence = []
        connectionProblem = "lost the frontline server (\(error)); reconnecting…"
    }

    /// One attempt (at most every `reconnectInterval` unless forced) to get the connection and
    /// a fresh copy of the store back. The console keeps its selection and draft meanwhile.
    func reconnect(now: Date, force: Bool) {
        guard !closed, force || now.timeIntervalSince(lastReconnectAttempt) >= reconnectInterval else { return }
        lastReconnectAttempt = now
        guard let newFD = try? UnixSocket.connect(to: socketPath) else {
            // Nobody listens. A server a console started is ours to bring back (the data-dir
            // lock makes sure only one of several consoles' attempts wins).
            if serverAutoStarted { restartServer?() }
            return
        }
        fd = newFD
        do {
            try greet()
            isConnected = true
            connectionProblem = nil
        } catch {
            // greet closed the descriptor; try again later.
        }
    }

    private var closed = false

    public func close() {
        guard !closed else { return }   // the descriptor number may already belong to someone else
        closed = true
        if isConnected { Glibc.close(fd) }
    }

    /// Folds events into the local copy, once each, in order; returns those that were new.
    @discardableResult
    func apply(_ events: [Event]) -> [Event] {
        var fresh: [Event] = []
        for e in events where e.sequence > desk.lastSequence {
            // A copy of the store must not skip an event: a gap means something was lost on
            // the way, so take a fresh copy (as after a lost connection) rather than fold on.
            if subscribes, e.sequence > desk.lastSequence + 1 {
                lose(SequenceGap(after: desk.lastSequence, next: e.sequence))
                break
            }
            desk.apply(e)
            fresh.append(e)
        }
        return fresh
    }

    func send(_ message: WireMessage) throws {
        try UnixSocket.writeAll(fd, try encoder.encode(try message.payload()))
    }

    /// The next message, waiting for it if need be. Events that arrive first are kept for pollChanges.
    func receive() throws -> WireMessage {
        while true {
            if let next = pending.first {
                pending.removeFirst()
                return next
            }
            guard readable(timeout: timeoutMilliseconds) else {
                throw Failure(description: "the server did not answer within \(timeoutMilliseconds / 1000) s")
            }
            pending += try readAvailable()
        }
    }

    var pending: [WireMessage] = []
    /// Reused for every read: a store copy arrives in many of them.
    var receiveBuffer = [UInt8](repeating: 0, count: 1 << 20)
    /// After a `sync` header the next frame is the raw store copy, not a message.
    var expectingStoreCopy = false
    var storeCopy: [UInt8]?

    func receiveStoreCopy() throws -> [UInt8] {
        while storeCopy == nil {
            guard readable(timeout: timeoutMilliseconds) else {
                throw Failure(description: "the server did not send the store within \(timeoutMilliseconds / 1000) s")
            }
            pending += try readAvailable()
        }
        defer { storeCopy = nil }
        return storeCopy!
    }
    public private(set) var presence: [AgentPresence] = []
    var announced: AgentPresence?

    public func announce(_ mine: AgentPresence) {
        guard isConnected, mine != announced else { return }
        do {
            try send(.presence(mine))
            announced = mine
        } catch {
            lose(error)
        }
    }

    func readable(timeout: Int32) -> Bool {
        var p = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        return poll(&p, 1, timeout) > 0
    }

    func readAvailable() throws -> [WireMessage] {
        let n = receiveBuffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
        if n == 0 { throw Failure(description: "the server closed the connection") }
        if n < 0 {
            if errno == EINTR || errno == EAGAIN { return [] }
            throw Failure(description: "reading from the server failed: \(String(cString: strerror(errno)))")
        }
        var messages: [WireMessage] = []
        for payload in try decoder.feed(receiveBuffer[0..<n]) {
            if expectingStoreCopy {
                storeCopy = payload
                expectingStoreCopy = false
                continue
            }
            let message = try WireMessage.decode(payload: payload)
            if case .sync = message { expectingStoreCopy = true }
            messages.append(message)
        }
        // Presence is kept as it arrives; it is never an answer anyone waits for.
        for case let .presenceBoard(board) in messages {
            presence = board.entries
            serverProblem = board.storeProblem.map { "the frontline server stores nothing now: \($0)" }
        }
        return messages.filter { if case .presenceBoard = $0 { false } else { true } }
    }
}

/// The server accepted the command by the rules but could not make it durable (disk full, fsync
/// failed): nothing was stored, and trying again later may work.
public struct NotStored: Error, CustomStringConvertible, Sendable {
    public let description: String
}

/// Events arrived with sequence numbers missing between the copy and them.
struct SequenceGap: Error, CustomStringConvertible {
    let after: UInt64
    let next: UInt64
    var description: String { "events \(after + 1)–\(next - 1) never arrived; taking a fresh copy" }
}
