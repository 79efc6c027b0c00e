import Foundation
import FrontlineCore
import FrontlineTUI

/// The run loop: wait for a key or the tick, update, perform effects through the store, draw.
public final class ConsoleApp {
    public struct Options {
        public var agent: String
        public var levels: ServiceLevels
        public var timeZone: TimeZone
        /// How long the loop waits for a key before redrawing anyway (ages tick live).
        public var tickMilliseconds: Int
        /// A dirty draft is saved after this much typing pause.
        public var draftSaveDelay: TimeInterval
        public var environment: [String: String]
        /// Where replies are mailed, for the status line ("the outbox Maildir /…").
        public var mailDestination: String?
        /// Saves an attachment (message index on the case, attachment index in that message,
        /// folder) and says where; the executable supplies it (it reads the raw mail store).
        public var saveAttachment: (@Sendable (SupportCase, Int, Int, String) throws -> String)?
        /// Build the search index on a thread of its own (the console); tests build it at once.
        public var searchIndexInBackground = true
        /// The reply templates: bundled, with the team's files laid over them (`TemplateLoader`).
        public var templates = TemplateLibrary.bundled
        /// `[authority]` of the config, for what the console shows (the deciding store enforces its own).
        public var authority = GoodwillAuthority.embedded
        /// The solution articles: bundled, with the team's files laid over them (`SolutionLoader`).
        public var solutions = SolutionLibrary.bundled
        /// `[review]`: the weekly sample and the scorecard of the Review screen.
        public var review = ReviewSettings()
        /// The desk as it was at a moment, folded from the event log (`:at`); the executable
        /// supplies it (it knows where the log is). Nil: this console cannot go back.
        public var history: (@Sendable (Date) throws -> HelpDesk)?
        /// The language the console speaks (`language` in config.toml, or the locale).
        public var language: UILanguage = .en
        /// Between hours and minutes (`clock = "14.03"` in config.toml); nil: the language's own.
        public var clockSeparator: String?

        public init(agent: String, levels: ServiceLevels = ServiceLevels(), timeZone: TimeZone = .current,
                    tickMilliseconds: Int = 250, draftSaveDelay: TimeInterval = 1.0,
                    environment: [String: String] = ProcessInfo.processInfo.environment) {
            self.agent = agent
            self.levels = levels
            self.timeZone = timeZone
            self.tickMilliseconds = tickMilliseconds
            self.draftSaveDelay = draftSaveDelay
            self.environment = environment
        }
    }

    public private(set) var state: ConsoleState
    public private(set) var queue: QueueSnapshot
    /// Every view's order, updated case by case as events arrive (a full sort only when the
    /// console cannot tell which cases changed).
    private var order: QueueOrder
    /// Cases changed by events this console has seen since the order was last updated, and the
    /// sequence up to which it has seen every event.
    private var changedCases: Set<CaseID> = []
    private var seenThrough: UInt64
    /// Sequences noted beyond `seenThrough` (a colleague's events can be handed on after our
    /// own action's, which came later): `seenThrough` moves up as the gap below them fills.
    private var seenAhead = Set<UInt64>()
    /// What the last frame was drawn from, so an idle tick redraws only when something visible can have changed.
    private var lastDrawn: (state: ConsoleState, sequence: UInt64, second: Int, size: Int, others: [AgentPresence])?
    private let time: TimeText
    private let threadCache = ThreadLayoutCache()
    /// The background problem on the status line, so it can be taken down when it is over.
    private var shownProblem: String?
    let service: CaseService
    let backend: TerminalBackend
    let host: ConsoleHost
    let clock: WallClock
    let theme: Theme
    let search: ConsoleSearch
    /// The search index has been built (it is built in the background after the first frame).
    public var searchReady: Bool { search.isReady }

    /// Starts building the search index now (the run loop does it after its first frame).
    public func startSearchIndex() { search.startBuilding(from: service.desk) }
    public var options: Options
    /// What others' events call for in this console (an approved offer into a draft), done
    /// outside `refreshWorld` so no world holds the desk while the store changes.
    private var noticeEffects: [ConsoleEffect] = []
    /// The desk as it was, while the console shows the past (`:at`): read-only, standing still.
    private var past: (service: FrozenCaseService, moment: Date)?
    /// Others' events that came while the console showed the past: noticed once it is back.
    private var heldWhileInThePast: [Event] = []
    /// What the console shows: the store, or the past.
    private var shown: CaseService { past?.service ?? service }

    public init(service: CaseService, backend: TerminalBackend, host: ConsoleHost, clock: WallClock, theme: Theme, options: Options) {
        self.service = service
        self.backend = backend
        self.host = host
        self.clock = clock
        self.theme = theme
        self.options = options
        time = TimeText(timeZone: options.timeZone, language: options.language, clockSeparator: options.clockSeparator)
        state = ConsoleState(agent: options.agent)
        state.role = service.assignedRole
        let desk = service.desk, now = clock.now()
        let levels = desk.serviceLevels(base: options.levels)
        order = QueueOrder(desk: desk, agent: options.agent, levels: levels, now: now)
        seenThrough = desk.lastSequence
        queue = QueueSnapshot(order: order, desk: desk, query: QueueQuery(view: .waiting, agent: options.agent, levels: levels), now: now)
        search = ConsoleSearch(desk: desk, inBackground: options.searchIndexInBackground)
        search.currentDesk = { [unowned service] in service.desk }
        if let note = service.recoveryNotes.first {
            // Before the run loop: the console's language is the option's, not yet the task's.
            let l = options.language, m = Words.messages
            let more = service.recoveryNotes.count > 1 ? m.plusMore(l, ["n": "\(service.recoveryNotes.count - 1)"]) : ""
            state.status = StatusMessage(m.recovered(l, ["more": more, "note": note]), kind: .error, at: clock.now())
        }
        // Select the first case and load its draft before the first frame.
        let follow = { () -> [ConsoleEffect] in
            let world = self.refreshWorld()
            return ConsoleUpdate.followSelection(state: &self.state, world: world)
        }()
        for effect in follow { _ = perform(effect) }
    }

    /// Runs until the agent quits or the host says to stop; returns why it ended (nil for a normal quit).
    @discardableResult
    public func run() -> String? {
        UILanguage.$current.withValue(options.language) { runLoop() }
    }

    private func runLoop() -> String? {
        while true {
            draw(refreshWorld())   // no reference to the desk outlives the frame (see handle)
            if let reason = host.exitReason {
                saveDraftBeforeExit()
                return reason
            }
            let key = backend.nextKey(timeoutMilliseconds: options.tickMilliseconds)
            if let reason = host.exitReason {
                saveDraftBeforeExit()
                return reason
            }
            if let key {
                if handle(key) { return nil }
            } else {
                tick()
            }
        }
    }

    /// Feeds one key through update and performs its effects. Returns true when the agent quit.
    @discardableResult
    public func handle(_ key: Key) -> Bool {
        UILanguage.$current.withValue(options.language) { handleKey(key) }
    }

    private func handleKey(_ key: Key) -> Bool {
        // The world (and its copy of the desk) must be gone before effects run: while a second
        // reference to the desk lives, the store's next change copies all of it (copy-on-write),
        // which at 100,000 cases costs more than the rest of the keystroke.
        performNoticeEffects()
        let effects = decide(key)
        var quit = false
        for effect in effects {
            if perform(effect) { quit = true }
        }
        let follow = { () -> [ConsoleEffect] in
            let after = self.refreshWorld()
            return ConsoleUpdate.followSelection(state: &self.state, world: after)
        }()
        for effect in follow { _ = perform(effect) }
        return quit
    }

    private func decide(_ key: Key) -> [ConsoleEffect] {
        let world = refreshWorld()
        let layout = ConsoleLayout(width: backend.size.width, height: backend.size.height)
        state.replyWidth = layout.replyTextWidth
        return ConsoleUpdate.handle(key, state: &state, world: world, pageSize: max(1, layout.queueRows - 1))
    }

    /// Time passing with no key: save a draft the agent paused on, let old messages fade.
    public func tick() {
        UILanguage.$current.withValue(options.language) { tickNow() }
    }

    private func tickNow() {
        performNoticeEffects()
        let now = clock.now()
        if state.draftDirty, let last = state.lastEditAt, now.timeIntervalSince(last) >= options.draftSaveDelay {
            for effect in ConsoleUpdate.flushDraft(&state) { _ = perform(effect) }
        }
        if let s = state.status, s.kind == .info, now.timeIntervalSince(s.at) > 10 { state.status = nil }
        if let problem = service.backgroundProblem {
            if state.status == nil || state.status?.text == shownProblem, shownProblem != problem {
                state.status = StatusMessage(problem, kind: .error, at: now)
                shownProblem = problem
            }
        } else if let shown = shownProblem {
            // The trouble is over (the server or its database is back): say so instead of leaving
            // the old error up — or a refusal it caused meanwhile ("could not store it").
            if state.status?.text == shown || state.status?.kind == .error {
                state.status = StatusMessage(Words.messages.connectedAgain(UILanguage.current), at: now)
            }
            shownProblem = nil
        }
    }

    /// The current frame, as it would be drawn now.
    public func frame() -> Grid {
        UILanguage.$current.withValue(options.language) {
            ConsoleRenderer.render(state: state, world: refreshWorld(), theme: theme, width: backend.size.width, height: backend.size.height).grid
        }
    }

    func draw(_ world: ConsoleWorld) {
        let size = backend.size
        // Ages and clocks change at most once a second: an idle tick with nothing new draws nothing.
        let second = Int(world.now.timeIntervalSince1970)
        let sizeKey = size.width << 16 | size.height
        // Say what this agent has open, so other consoles can show "alice is replying".
        service.announce(AgentPresence(agent: state.agent, caseID: state.selectedCaseID, replying: state.focus == .reply))
        if let last = lastDrawn, last.state == state, last.sequence == world.desk.lastSequence,
           last.second == second, last.size == sizeKey, last.others == world.others {
            return
        }
        let frame = ConsoleRenderer.render(state: state, world: world, theme: theme, width: size.width, height: size.height)
        state.queueTop = frame.queueTop
        state.historyScroll = frame.historyScroll
        backend.present(frame.grid)
        lastDrawn = (state, world.desk.lastSequence, second, sizeKey, world.others)
        // The first frame is on screen: now the search index may have the spare core.
        search.startBuilding(from: world.desk)
    }

    /// Brings the cached queue up to date with the store and the clock, and keeps the selection on its case.
    func refreshWorld() -> ConsoleWorld {
        var polled = service.pollChanges()
        note(polled)
        if past != nil {
            heldWhileInThePast += polled
            polled = []
        } else if !heldWhileInThePast.isEmpty {
            polled = heldWhileInThePast + polled
            heldWhileInThePast = []
        }
        let desk = shown.desk
        let now = past?.moment ?? clock.now()
        // A supervisor may change SLA targets at run time; they travel with the store.
        let levels = desk.serviceLevels(base: options.levels)
        let query = QueueQuery(view: state.view, agent: state.agent, search: state.search, levels: levels)
        let searching = !query.search.trimmingCharacters(in: .whitespaces).isEmpty
        if !queue.isCurrent(desk: desk, query: query, now: now, searchGeneration: search.generation) {
            if past != nil, !order.isCurrent(desk: desk, agent: state.agent, levels: levels, now: now) {
                queue.rows = []
                order = QueueOrder(desk: desk, agent: state.agent, levels: levels, now: now)
            } else if !order.isCurrent(desk: desk, agent: state.agent, levels: levels, now: now) {
                if seenThrough == desk.lastSequence && order.agent == state.agent && order.levels == levels {
                    // The old rows share the order's arrays: let go first, so the update moves
                    // entries in place instead of copying a 100,000-entry view.
                    queue.rows = []
                    order.update(changed: changedCases, desk: desk, now: now)
                } else {
                    order = QueueOrder(desk: desk, agent: state.agent, levels: levels, now: now)
                    seenThrough = desk.lastSequence
                    seenAhead.removeAll()
                }
                changedCases.removeAll(keepingCapacity: true)
            }
            let matching = searching ? search.matches(query.search) : nil
            queue = QueueSnapshot(order: order, desk: desk, query: query, now: now, matching: matching,
                                  searchGeneration: search.generation, searchPending: searching && matching == nil)
        }
        let answering = state.focus == .reply && state.editorCaseID != nil && state.editorCaseID == state.selectedCaseID
            && desk.cases[state.selectedCaseID ?? ""] != nil
        if let i = queue.index(of: state.selectedCaseID) {
            state.selectedIndex = i
        } else if answering {
            // Keep the case being answered selected though it left the view (see caseBeingAnswered).
        } else if !queue.rows.isEmpty {
            state.selectedIndex = min(max(0, state.selectedIndex), queue.rows.count - 1)
            state.selectedCaseID = queue.rows[state.selectedIndex]
        } else {
            state.selectedCaseID = nil
            state.selectedIndex = 0
        }
        var world = ConsoleWorld(desk: desk, now: now, queue: queue, levels: levels, time: time, threadCache: threadCache)
        world.others = service.presence.filter { $0.agent != state.agent }
        world.templates = options.templates
        world.authority = options.authority
        world.solutions = options.solutions
        world.review = options.review
        if !polled.isEmpty {
            noticeEffects += ActionSteps.noticeAnswers(polled, state: &state, world: world)
            ReviewSteps.notice(polled, state: &state, world: world)
        }
        return world
    }

    /// Remembers which cases these events touched, for the next order update, and folds them
    /// into the search index.
    private func note(_ events: [Event]) {
        search.apply(events, desk: service.desk)
        for e in events {
            changedCases.insert(e.caseID)
            if e.sequence > seenThrough { seenAhead.insert(e.sequence) }
            while seenAhead.remove(seenThrough + 1) != nil { seenThrough += 1 }
        }
    }

    private func performNoticeEffects() {
        let pending = noticeEffects
        noticeEffects = []
        for effect in pending { _ = perform(effect) }
    }

    /// Does the effect's I/O and hands what came of it back to the update (`EffectResult`).
    /// Returns true for `.quit`.
    func perform(_ effect: ConsoleEffect) -> Bool {
        guard let result = run(effect) else { return effect == .quit }
        let followUp: [ConsoleEffect]
        if case let .performed(command, _, _, _) = result, command.needsTheDeskAfterwards {
            // What follows an offer depends on what was decided (its coupon code): it needs the desk.
            followUp = ConsoleUpdate.receive(result, state: &state, now: clock.now(), world: refreshWorld())
        } else {
            followUp = ConsoleUpdate.receive(result, state: &state, now: clock.now())
        }
        for next in followUp { _ = perform(next) }
        return false
    }

    /// The I/O of one effect; nil for those that have no result to report.
    private func run(_ effect: ConsoleEffect) -> EffectResult? {
        switch effect {
        case .quit:
            return nil
        case .suspend:
            host.suspend()
            lastDrawn = nil   // the terminal was someone else's: draw the next frame whole
            return nil
        case let .saveDraft(id, body):
            do {
                note(try service.perform(.saveDraft(id, body: body), actor: state.agent))
                return .draftSaved(troubled: service.backgroundProblem != nil)
            } catch {
                return .draftNotSaved(reason: "\(error)")
            }
        case let .travel(moment):
            return travel(to: moment)
        case let .perform(command, success):
            do {
                let events = try shown.perform(command, actor: state.agent)
                note(events)
                return .performed(command, success: success, events: events, mailDestination: options.mailDestination)
            } catch {
                // A refusal by the rules in the console's language when it was worded so.
                return .failed(command, reason: (error as? CommandError)?.text() ?? "\(error)")
            }
        case let .saveAttachment(id, number, directory):
            guard let c = service.desk.cases[id], let (message, index) = MailThreadLines.attachments(c).dropFirst(number - 1).first.map({ ($0.message, $0.index) }) else {
                return .attachmentNotSaved(reason: Words.mail.noAttachmentNumber(UILanguage.current, ["case": id, "n": "\(number)"]))
            }
            guard let save = options.saveAttachment else { return .attachmentNotSaved(reason: Words.mail.cannotSave(UILanguage.current)) }
            do {
                return .attachmentSaved(where: try save(c, message, index, directory.isEmpty ? FileManager.default.currentDirectoryPath : directory))
            } catch {
                return .attachmentNotSaved(reason: Words.mail.notSaved(UILanguage.current, ["error": "\(error)"]))
            }
        case let .openExternalEditor(id, text):
            var result: Result<String, Error> = .failure(ExternalEditor.Failure(description: Words.messages.editorDidNotRun(UILanguage.current)))
            host.runOutsideFullScreen {
                result = Result { try ExternalEditor.edit(text, caseID: id, environment: options.environment) }
            }
            lastDrawn = nil
            switch result {
            case let .success(edited): return .edited(id, text: edited)
            case let .failure(error): return .editorFailed(reason: "\(error)")
            }
        }
    }

    /// Into the past (`:at`): the log folded up to `moment` and shown read-only in place of the
    /// store; nil: back to the store as it is now, with what others did meanwhile noticed.
    private func travel(to moment: Date?) -> EffectResult {
        let l = UILanguage.current, m = Words.messages
        guard let moment else {
            guard past != nil else { return .notTravelled(reason: m.alreadyNow(l)) }
            past = nil
            queue.rows = []
            let desk = service.desk, now = clock.now()
            order = QueueOrder(desk: desk, agent: state.agent, levels: desk.serviceLevels(base: options.levels), now: now)
            seenThrough = desk.lastSequence
            seenAhead.removeAll()
            changedCases.removeAll()
            return .travelled(to: nil, role: service.assignedRole)
        }
        guard moment < clock.now() else { return .notTravelled(reason: m.notInThePast(l, ["when": ISOTime.format(moment, timeZone: options.timeZone)])) }
        guard let history = options.history else { return .notTravelled(reason: m.noEventLog(l)) }
        do {
            let desk = try history(moment)
            past = (FrozenCaseService(desk), moment)
            queue.rows = []
            order = QueueOrder(desk: desk, agent: state.agent, levels: desk.serviceLevels(base: options.levels), now: moment)
            return .travelled(to: moment, role: .viewer)
        } catch {
            return .notTravelled(reason: m.eventLogUnreadable(l, ["error": "\(error)"]))
        }
    }

    /// On quit, SIGHUP, SIGTERM or a lost terminal: an unsent draft must be on disk.
    public func saveDraftBeforeExit() {
        for effect in ConsoleUpdate.flushDraft(&state) { _ = perform(effect) }
    }
}
