import Foundation
import Synchronization
import FrontlineCore
import FrontlineProtocol
import FrontlineStore
#if canImport(Glibc)
import Glibc
#endif

/// One process owns the store (as tmux owns its sessions); consoles and commands are clients
/// over a Unix socket in the data directory's private folder. A single thread runs a `poll`
/// loop: the store's own fsync is the only wait, and no client can make the server wait on it.
public final class CaseServer {
    public static let software = "frontline \(FrontlineServerVersion.string)"

    let store: any DeskStore
    let socketPath: String
    let listener: Int32
    var connections: [Int32: ServerConnection] = [:]
    var cachedCopy: (sequence: UInt64, bytes: [UInt8])?
    let copyMaker: StoreCopyMaker
    let inbox: ServerInbox
    let errands: OperationErrands
    /// Commands read in this round of the loop, decided in order and journaled together with
    /// one fsync at the end of the round (group commit, as bbolt's Batch): their answers wait
    /// for that one fsync instead of each its own.
    var pendingPerforms: [(connection: ServerConnection, request: PerformRequest, actor: String)] = []
    /// The store's problem as last told to the consoles.
    var announcedProblem: String?
    /// Told of every batch of journaled events, on the loop (the mail sender wakes on a new reply).
    public var onJournaled: (([Event]) -> Void)?
    /// Where replies are mailed, told to every client in its welcome.
    public var mailDestination: String?
    /// The sequence of the copy being encoded, and every event journaled since it was taken:
    /// the consoles waiting for that copy get both.
    var copyInFlight: UInt64?
    var eventsSinceCopy: [Event] = []
    let encoder = FrameEncoder()
    /// Events sent to subscribers as frames of up to this many bytes in their queue before the
    /// client is considered too slow and dropped (it reconnects and re-syncs).
    public var maxQueuedBytes = 64 << 20
    /// A client that leaves a frame half-sent this long is closed (slow drip).
    public var partialFrameTimeout: TimeInterval = 10
    /// Set for a server a console started in the background: it stops once it has had no
    /// client for this long (as tmux's server exits with its last session).
    public var exitWhenIdle: TimeInterval?
    /// How long a follow-up may stay open past its time before the server marks it broken and
    /// escalates the case (`PromiseKeeper`); nil: never. `frontline serve` sets it from `[promises]`.
    public var promiseGrace: TimeInterval?
    /// When and how often to ask customers how we did (`[feedback]`); nil: never.
    public var feedbackRules: FeedbackRules?
    /// Solved cases waiting for their feedback request; seeded one check interval after start
    /// (a pass over every case's head, kept off the start's critical path).
    var feedback: FeedbackScheduler?
    /// The loop's first round (by the server's clock).
    lazy var startedAt = clock.now()
    /// How often it looks (tests look every round).
    public var promiseCheckInterval = PromiseKeeper.interval
    var promisesCheckedAt: Date?

    /// The idle timer's clock (tests move it by hand).
    public var clock: WallClock = SystemClock() {
        didSet { idleSince = clock.now() }
    }
    lazy var idleSince = clock.now()
    /// Who may use this desk and as what; replaced on SIGHUP through `replaceTeam`.
    public private(set) var team: TeamAccess
    let newTeam = Mutex<TeamAccess?>(nil)
    /// Who a peer is, from its kernel credentials. Tests inject other users here.
    public var identify: @Sendable (PeerCredentials) -> PeerIdentity = PeerIdentity.fromSystem

    /// Listens in `<data dir>/run/frontline.sock`; the store (and so the data-dir lock) is the caller's.
    /// With a team `group` (its gid resolved by the caller), the socket directory is 0770 for it.
    public init(store: any DeskStore, team: TeamAccess = TeamAccess(), groupID: UInt32? = nil) throws {
        self.store = store
        self.team = team
        copyMaker = try StoreCopyMaker()
        inbox = try ServerInbox()
        errands = try OperationErrands()
        let directory = try SocketDirectory.prepare(dataDirectory: store.dataDirectory, group: groupID)
        socketPath = directory.socketPath()
        listener = try UnixSocket.listen(at: socketPath, group: groupID)
    }

    /// Takes effect at the start of the next round (safe from any thread, e.g. a SIGHUP reload).
    /// Every later command is checked against it; connections already open keep going.
    public func replaceTeam(_ team: TeamAccess) {
        newTeam.withLock { $0 = team }
    }

    /// The round's commands: decided in arrival order (each sees the ones before it), journaled
    /// with one write and one fsync, then answered and broadcast as one batch of events.
    func performPending() {
        guard !pendingPerforms.isEmpty else { return }
        let batch = pendingPerforms
        pendingPerforms = []
        do {
            let outcomes = try store.performBatch(batch.map { ($0.request.command, $0.actor, nil) })
            var journaled: [Event] = []
            for case let .success(events) in outcomes { journaled += events }
            if !journaled.isEmpty { broadcast(journaled) }
            for (item, outcome) in zip(batch, outcomes) where connections[item.connection.fd] === item.connection {
                switch outcome {
                case let .success(events):
                    send(.performed(Performed(request: item.request.request, events: events)), to: item.connection)
                case let .failure(refusal):
                    let worded = refusal.worded.isEmpty ? nil : Dictionary(uniqueKeysWithValues: refusal.worded.map { ($0.key.rawValue, $0.value) })
                    send(.refused(Refused(request: item.request.request, reason: refusal.description, worded: worded)), to: item.connection)
                }
            }
        } catch {
            // Not durable, so nothing of the batch happened: every client hears it was not stored.
            for item in batch where connections[item.connection.fd] === item.connection {
                send(.refused(Refused(request: item.request.request, reason: "\(error)", notStored: true)), to: item.connection)
            }
        }
    }

    /// Performs `commands` as `actor` on the loop, as if a client had sent them; from any thread.
    public func submit(_ commands: [Command], actor: String) {
        inbox.post(commands, actor: actor)
    }

    /// `submit` as a value another thread may keep.
    public var submitter: @Sendable ([Command], String) -> Void {
        let inbox = self.inbox
        return { inbox.post($0, actor: $1) }
    }

    public func performSubmitted() {
        for item in inbox.take() {
            do {
                let events = try store.perform(item.command, actor: item.actor)
                if !events.isEmpty { broadcast(events) }
            } catch {
                FileHandle.standardError.write(Data("\(item.command.name) by \(item.actor) not recorded: \(error)\n".utf8))
            }
        }
    }

    /// Every `promiseCheckInterval`: the promises nobody kept are marked broken and escalated,
    /// and reservations that ran out pass to the next in line (`StockKeeper`), through the store
    /// like any command, and every console sees it.
    func keepPromises() {
        // With several servers on one database, one keeps the desk's promises (the others see it done).
        guard store.runsDeskWork else { return }
        let now = clock.now()
        if let last = promisesCheckedAt, now.timeIntervalSince(last) < promiseCheckInterval { return }
        promisesCheckedAt = now
        let broken = promiseGrace.map { PromiseKeeper.overdue(in: store.desk, now: now, grace: $0) } ?? []
        if feedback == nil, let rules = feedbackRules, now.timeIntervalSince(startedAt) >= promiseCheckInterval {
            feedback = FeedbackScheduler(rules: rules, desk: store.desk, now: now)
        }
        let asks = feedback?.due(now: now, desk: store.desk) ?? []
        let commands = broken + StockKeeper.lapsed(on: store.desk, at: now) + asks
        guard !commands.isEmpty else { return }
        var notAsked: [String: Int] = [:]
        // One journal write for the round (group commit): after a long night, or on a demo desk,
        // thousands of promises fall due at once, and one fsync each would stall the loop.
        let outcomes: [Result<[Event], CommandError>]
        do {
            outcomes = try store.performBatch(commands.map { ($0, PromiseKeeper.actor, nil) })
        } catch {
            FileHandle.standardError.write(Data("promise keeper: \(commands.count) commands not recorded: \(error)\n".utf8))
            return
        }
        var events: [Event] = []
        for (command, outcome) in zip(commands, outcomes) {
            switch outcome {
            case let .success(e): events += e
            case let .failure(refused) where command.name == "request_feedback":
                // Not asked (asked lately, an automatic sender, a phone case): final, not retried.
                let why = refused.description.split(separator: ":", maxSplits: 1).last.map { $0.trimmingCharacters(in: .whitespaces) } ?? refused.description
                notAsked[why, default: 0] += 1
            case let .failure(refused):
                FileHandle.standardError.write(Data("promise keeper: \(command.name) not recorded: \(refused)\n".utf8))
            }
        }
        if !events.isEmpty { broadcast(events) }
        if !notAsked.isEmpty {
            let summary = notAsked.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: "; ")
            FileHandle.standardError.write(Data("feedback: not asked: \(summary)\n".utf8))
        }
    }

    public static func socketPath(dataDirectory: String) -> String {
        (dataDirectory as NSString).appendingPathComponent("run/frontline.sock")
    }

    /// Serves until `shouldStop` says so; checks it at least every `tick` milliseconds.
    public func run(tick: Int32 = 200, shouldStop: () -> Bool) {
        while !shouldStop() && !idleLongEnough() { serveOnce(timeout: tick) }
        shutdown()
    }

    func idleLongEnough() -> Bool {
        guard let limit = exitWhenIdle else { return false }
        let now = clock.now()
        if !connections.isEmpty { idleSince = now }
        return now.timeIntervalSince(idleSince) >= limit
    }

    /// One round of the loop: wait for sockets (at most `timeout` ms), then serve what is ready.
    public func serveOnce(timeout: Int32) {
        if let replaced = newTeam.withLock({ t -> TeamAccess? in defer { t = nil }; return t }) { team = replaced }
        keepPromises()   // before the wait: an idle server keeps them too
        var fds = [pollfd(fd: listener, events: Int16(POLLIN), revents: 0)]
        for c in connections.values {
            var events = Int16(POLLIN)
            if c.pendingBytes > 0 { events |= Int16(POLLOUT) }
            fds.append(pollfd(fd: c.fd, events: events, revents: 0))
        }
        // What other servers on the same database committed (-1, which poll skips, for a local store).
        fds.append(pollfd(fd: store.changeFeedDescriptor ?? -1, events: Int16(POLLIN), revents: 0))
        fds.append(pollfd(fd: inbox.wakeDescriptor, events: Int16(POLLIN), revents: 0))
        fds.append(pollfd(fd: copyMaker.wakeDescriptor, events: Int16(POLLIN), revents: 0))
        fds.append(pollfd(fd: errands.wakeDescriptor, events: Int16(POLLIN), revents: 0))
        let ready = poll(&fds, nfds_t(fds.count), timeout)
        guard ready > 0 else { followOthers(); tellWhetherTheStoreStores(); dropSlowDrips(); return }
        // First: this round's commands are then decided on the freshest desk.
        if fds[fds.count - 4].revents & Int16(POLLIN | POLLHUP | POLLERR) != 0 { followOthers() }
        if fds[fds.count - 1].revents & Int16(POLLIN) != 0 { errandsFinished() }
        if fds[fds.count - 2].revents & Int16(POLLIN) != 0 { copyFinished() }
        if fds[fds.count - 3].revents & Int16(POLLIN) != 0 { performSubmitted() }
        if fds[0].revents & Int16(POLLIN) != 0 { acceptClients() }
        for p in fds.dropFirst() {
            guard let c = connections[p.fd] else { continue }
            if p.revents & Int16(POLLIN | POLLHUP | POLLERR) != 0 { readFrom(c) }
        }
        performPending()
        // Folded while deciding a round whose own commands were all refused: still handed on.
        let others = store.takeForeignEvents()
        if !others.isEmpty { fanOut(others) }
        tellWhetherTheStoreStores()
        for p in fds.dropFirst() {
            guard let c = connections[p.fd], p.revents & Int16(POLLOUT) != 0 else { continue }
            flush(c)
        }
        dropSlowDrips()
    }

    func acceptClients() {
        while true {
            let fd = accept(listener, nil, nil)
            guard fd >= 0 else { return }
            _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
            // Identity comes from the kernel, never from what the client says.
            guard let peer = try? PeerCredentials.of(socket: fd) else { close(fd); continue }
            connections[fd] = ServerConnection(fd: fd, peer: peer, identity: identify(peer))
        }
    }

    func readFrom(_ c: ServerConnection) {
        var buffer = [UInt8](repeating: 0, count: 65536)
        // Until it is drained, or it leaves the loop (dropped, or handed to an export thread that
        // made it blocking: one more recv here would stall the whole server).
        while connections[c.fd] === c {
            let n = buffer.withUnsafeMutableBytes { recv(c.fd, $0.baseAddress, $0.count, 0) }
            if n == 0 { drop(c); return }
            if n < 0 {
                if errno == EINTR { continue }
                if errno != EAGAIN && errno != EWOULDBLOCK { drop(c) }
                return
            }
            let frames: [[UInt8]]
            do {
                frames = try c.decoder.feed(buffer[0..<n], at: Date())
            } catch {
                drop(c)   // oversized or malformed: this connection only
                return
            }
            for frame in frames {
                guard connections[c.fd] != nil, c.stage != .closing else { return }
                handle(frame, from: c)
            }
        }
    }

    func handle(_ frame: [UInt8], from c: ServerConnection) {
        guard let message = try? WireMessage.decode(payload: frame) else { drop(c); return }
        // Whatever else a client asks sees (and follows) the commands read before it.
        switch message {
        case .perform, .presence: break
        default: performPending()
        }
        switch (c.stage, message) {
        case let (.greeting, .hello(hello)):
            var answer = Handshake.answer(to: hello, serverVersion: ServerVersion(protocolVersion: ProtocolVersion.current, software: Self.software))
            c.kind = hello.role
            if case .welcome(var welcome) = answer {
                welcome.autoStarted = exitWhenIdle != nil ? true : nil
                welcome.mail = mailDestination
                if !c.identity.isOwner {
                    welcome.user = c.identity.user
                    welcome.role = team.role(of: c.identity.user, isOwner: false)
                }
                answer = .welcome(welcome)
                if let why = teamRefusal(of: c.identity) { answer = .refusal(Refusal(reason: why)) }
            }
            send(answer, to: c)
            if case .refusal = answer { c.stage = .closing } else {
                c.stage = .ready
                // Past the handshake a known peer may send a whole e-mail (raw bytes included).
                c.decoder.raiseLimit(to: FrameCodec.maxClientPayload)
            }
        case (.greeting, _):
            drop(c)
        case (.ready, .subscribe), (.subscribed, .subscribe):
            let desk = store.desk
            if let copy = cachedCopy, copy.sequence == desk.lastSequence {
                deliver(copy, to: c, then: [])
            } else {
                c.stage = .awaitingCopy
                if copyInFlight == nil {
                    copyInFlight = desk.lastSequence
                    eventsSinceCopy = []
                    if let opened = store.snapshotAtOpen, opened.deskSequence == desk.lastSequence, cachedCopy == nil {
                        // Nothing changed since the store opened: its snapshot is the copy.
                        copyMaker.start(copying: opened.payload, sequence: opened.deskSequence)
                    } else {
                        // The stale copy is let go on the encoding thread: giving back 60 MB is
                        // milliseconds the loop need not spend.
                        copyMaker.start(desk, retiring: cachedCopy.take())
                    }
                }
            }
        case (.subscribed, .presence(var presence)), (.ready, .presence(var presence)), (.awaitingCopy, .presence(var presence)):
            // Others see the name the kernel vouches for, not the one a client made up.
            if !c.identity.isOwner { presence.agent = c.identity.user }
            guard c.presence != presence else { return }
            c.presence = presence
            broadcastPresence()
        case let (_, .perform(request)):
            let actor = c.identity.isOwner ? request.agent : c.identity.user
            if let why = permissionRefusal(of: request.command, actor: actor, on: c) {
                send(.refused(Refused(request: request.request, reason: why)), to: c)
                return
            }
            pendingPerforms.append((c, request, actor))
        case let (_, .performBatch(request)):
            let actor = c.identity.isOwner ? request.agent : c.identity.user
            var results = request.commands.map { command in
                permissionRefusal(of: command, actor: actor, on: c).map { PerformedBatch.Result(refusal: $0) }
            }
            let allowed = request.commands.indices.filter { results[$0] == nil }
            do {
                let outcomes = try store.performBatch(allowed.map { (request.commands[$0], actor, nil) })
                var journaled: [Event] = []
                for (i, outcome) in zip(allowed, outcomes) {
                    switch outcome {
                    case let .success(events):
                        results[i] = request.brief == true
                            ? PerformedBatch.Result(landing: request.commands[i].landing(events: events, on: store.desk))
                            : PerformedBatch.Result(events: events)
                        journaled += events
                    case let .failure(refusal):
                        results[i] = PerformedBatch.Result(refusal: refusal.description)
                    }
                }
                if !journaled.isEmpty { broadcast(journaled) }
                send(.performedBatch(PerformedBatch(request: request.request, results: results.map { $0 ?? PerformedBatch.Result() })), to: c)
            } catch {
                send(.refused(Refused(request: request.request, reason: "\(error)", notStored: true)), to: c)
            }
        case let (.ready, .operation(request)), let (.subscribed, .operation(request)), let (.awaitingCopy, .operation(request)):
            run(request, for: c)
        default:
            drop(c)
        }
    }

    /// Why a user may not connect at all, or nil. Only the server's own user may name an agent
    /// of their choosing (it owns the files anyway); everyone else is their Unix user.
    func teamRefusal(of identity: PeerIdentity) -> String? {
        guard !identity.isOwner, team.role(of: identity.user, isOwner: false) == nil else { return nil }
        return "user \(identity.user) is not on this desk's team: a supervisor can add them under [team.users] in the server's config.toml (or set [team] default_role) and reload it with SIGHUP"
    }

    /// Why this connection may not run `command` as `actor`, or nil; asked before every command.
    func permissionRefusal(of command: Command, actor: String, on c: ServerConnection) -> String? {
        if c.kind == .wallboard { return "a wallboard only watches the queue" }
        if let why = teamRefusal(of: c.identity) { return why }
        guard let role = team.role(of: actor, isOwner: c.identity.isOwner) else {
            return "\(actor) is not on this desk's team (see [team.users] in the server's config)"
        }
        return AccessPolicy.refusal(of: command, by: actor, role: role, on: store.desk)
    }

    /// A finished copy goes to every console waiting for it, with the events since; it is kept
    /// for consoles that join before the next change (after a restart, at nine o'clock).
    func copyFinished() {
        guard let copy = copyMaker.take() else { return }
        let since = eventsSinceCopy.filter { $0.sequence > copy.sequence }
        copyInFlight = nil
        eventsSinceCopy = []
        cachedCopy = copy
        for c in connections.values where c.stage == .awaitingCopy { deliver(copy, to: c, then: since) }
    }

    func deliver(_ copy: (sequence: UInt64, bytes: [UInt8]), to c: ServerConnection, then events: [Event]) {
        c.stage = .subscribed
        send(.sync(Sync(sequence: copy.sequence, bytes: copy.bytes.count)), to: c)
        queueRaw(copy.bytes, to: c)
        if !events.isEmpty, connections[c.fd] != nil { send(.events(EventBatch(events: events)), to: c) }
        if connections[c.fd] != nil, connections.values.contains(where: { $0.presence != nil }) {
            send(.presenceBoard(PresenceBoard(entries: connections.values.compactMap(\.presence).sorted { $0.agent < $1.agent })), to: c)
        }
    }

    /// A frame that is not JSON (the store copy after a `sync`); exempt from the queue bound.
    /// Queued as its header and then the shared copy itself: no per-console copy of the bytes.
    func queueRaw(_ payload: [UInt8], to c: ServerConnection) {
        guard connections[c.fd] != nil, payload.count <= FrameCodec.maxServerPayload else {
            drop(c)
            return
        }
        c.queue(FrameCodec.header(for: payload.count))
        c.queue(payload)
        c.allowance += FrameCodec.headerSize + payload.count
        flush(c)
    }

    /// Every console hears at once when the store stops storing (its database lost) and when it
    /// stores again, not only the agent who next tries something.
    func tellWhetherTheStoreStores() {
        let now = store.backgroundProblem
        guard now != announcedProblem else { return }
        FileHandle.standardError.write(Data((now.map { "store: \($0)" } ?? "store: storing again") .utf8 + [0x0A]))
        broadcastPresence()
    }

    /// Events other servers committed, folded and handed on to this server's consoles. On a
    /// store of its own there are none; a missed wake-up is caught on the next idle tick.
    func followOthers() {
        let others = store.pollChanges()
        if !others.isEmpty { fanOut(others) }
    }

    /// Every subscriber gets the events — after any that other servers committed before them,
    /// which the store folded while deciding these, so consoles see the log in order.
    func broadcast(_ events: [Event]) {
        let others = store.takeForeignEvents()
        if !others.isEmpty { fanOut(others) }
        fanOut(events)
    }

    /// One that cannot keep up is dropped, never waited for.
    func fanOut(_ events: [Event]) {
        onJournaled?(events)
        feedback?.note(events, desk: store.desk)
        if copyInFlight != nil { eventsSinceCopy += events }
        for c in connections.values where c.stage == .subscribed {
            send(.events(EventBatch(events: events)), to: c)
        }
    }

    /// Everyone's presence to every console (small, and only when something changed).
    func broadcastPresence() {
        announcedProblem = store.backgroundProblem
        let board = PresenceBoard(entries: connections.values.compactMap(\.presence).sorted { $0.agent < $1.agent }, storeProblem: announcedProblem)
        for c in connections.values where c.stage == .subscribed {
            send(.presenceBoard(board), to: c)
        }
    }

    func send(_ message: WireMessage, to c: ServerConnection, large: Bool = false) {
        guard let payload = try? message.payload(),
              let frame = try? (large ? FrameEncoder(maxPayload: FrameCodec.maxServerPayload) : encoder).encode(payload) else {
            drop(c)
            return
        }
        c.queue(frame)
        if c.pendingBytes > maxQueuedBytes + c.allowance && !large {
            drop(c)
            return
        }
        flush(c)
    }

    func flush(_ c: ServerConnection) {
        guard c.writeQueued() else {
            drop(c)
            return
        }
        if c.pendingBytes == 0 && c.stage == .closing { drop(c) }
    }

    func refuse(_ c: ServerConnection, _ reason: String) {
        c.stage = .closing
        send(.refusal(Refusal(reason: reason)), to: c)
    }

    func dropSlowDrips() {
        let now = Date()
        for c in connections.values {
            if let waited = c.decoder.pendingDuration(at: now), waited > partialFrameTimeout { drop(c) }
        }
    }

    func drop(_ c: ServerConnection) {
        guard connections.removeValue(forKey: c.fd) != nil else { return }
        close(c.fd)
        if c.presence != nil { broadcastPresence() }
    }

    /// Closes every connection and removes the socket.
    public func shutdown() {
        for c in connections.values { drop(c) }
        close(listener)
        _ = unlink(socketPath)
    }

    public var connectionCount: Int { connections.count }
}

public enum FrontlineServerVersion {
    public static let string = "0.1.0"
}
