import Foundation
import FrontlineCore
import Synchronization

/// The console's search index: built from a copy of the store on a thread of its own when the
/// console starts (so the first search never waits on the loop), then kept up to date with
/// every event the console folds in. Each console has its own, as it has its own copy of the
/// store: a keystroke is answered locally, with no round trip to the server.
final class ConsoleSearch: @unchecked Sendable {
    // @unchecked: `index` and `backlog` are only touched on the console's thread; the builder
    // hands its result over through `built`.
    private var index: SearchIndex?
    /// Events folded in while the index was being built, applied once it is there.
    private var backlog: [Event] = []
    private let built = Mutex<SearchIndex?>(nil)
    /// Bumped whenever what a search answers may have changed (the index arrived, events);
    /// reading it takes in an index the builder has finished.
    var generation: Int {
        adoptIfBuilt()
        return changes
    }
    private var changes = 0

    /// `inBackground`: built later by `startBuilding` on a thread of its own (the console starts
    /// it once its first frame is on screen, so the two do not share the cores); else at once.
    init(desk: HelpDesk, inBackground: Bool = true) {
        if !inBackground { index = SearchIndex(desk: desk) }
    }

    private var started = false

    /// Builds the index from `desk` (an immutable copy) on a thread of its own, once.
    func startBuilding(from desk: HelpDesk) {
        guard index == nil, !started else { return }
        started = true
        let copy = desk
        Thread.detachNewThread { [weak self] in
            let fresh = SearchIndex(desk: copy)
            self?.built.withLock { $0 = fresh }
        }
    }

    var isReady: Bool {
        adoptIfBuilt()
        return index != nil
    }

    /// Folds in events the console has just applied (`desk` includes them).
    func apply(_ events: [Event], desk: HelpDesk) {
        guard !events.isEmpty else { return }
        adoptIfBuilt()
        if index == nil {
            backlog += events
        } else {
            for e in events { index!.apply(e, desk: desk) }
            changes += 1
        }
    }

    /// Case numbers matching `query`; nil while the index is still being built.
    func matches(_ query: String) -> Set<Int>? {
        adoptIfBuilt()
        return index?.matches(query)
    }

    private func adoptIfBuilt() {
        guard index == nil, let fresh = built.withLock({ b -> SearchIndex? in defer { b = nil }; return b }) else { return }
        var ready = fresh
        // The backlog's desk is the current one for every event: the index takes what an event
        // added from the event and the case as it is now, which holds everything since.
        for e in backlog { ready.apply(e, desk: currentDesk?() ?? HelpDesk()) }
        backlog = []
        index = ready
        changes += 1
    }

    /// The store as the console sees it now (set by the app).
    var currentDesk: (() -> HelpDesk)?
}
