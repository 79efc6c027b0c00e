import Foundation
import Testing
@testable import FrontlineCore

/// The incrementally maintained order must always equal a fresh sort.
@Suite struct QueueOrderTests {
    func expectSame(_ order: QueueOrder, _ desk: HelpDesk, now: Date, _ context: String) {
        let fresh = QueueOrder(desk: desk, agent: "alice", levels: ServiceLevels(), now: now)
        for view in QueueView.allCases {
            let q = QueueQuery(view: view, agent: "alice")
            #expect(order.rows(for: q, desk: desk, now: now) == q.run(on: desk, now: now), "\(view) after \(context)")
        }
        #expect(order.counts == fresh.counts, "counts after \(context)")
        #expect(order.openFollowUpDues == fresh.openFollowUpDues, "follow-ups after \(context)")
        #expect(order.validUntil == fresh.validUntil, "validUntil after \(context)")
        for view in QueueView.allCases {
            let expected = QueueQuery(view: view, agent: "alice").run(on: desk, now: now)
                .compactMap { desk.cases[$0] }.filter { $0.status == .open }.compactMap(\.waitingSince).min()
            #expect(order.oldestWaitingSince(view) == expected, "oldest in \(view) after \(context)")
        }
    }

    @Test(arguments: [1, 2, 3] as [UInt64])
    func incrementalUpdatesMatchAFreshSort(seed: UInt64) throws {
        var b = DeskBuilder()
        try demo(&b, count: 60, seed: seed)
        var order = QueueOrder(desk: b.desk, agent: "alice", levels: ServiceLevels(), now: b.now)
        var rng = SeededRandom(seed: seed)
        for step in 0..<150 {
            let ids = b.desk.caseOrder
            let id = ids[Int(rng.next() % UInt64(ids.count))]
            let command: Command = switch rng.next() % 13 {
            case 11: .note(id, body: "leaves the case where it is")
            case 12: .tag(id, tags: ["t\(step % 3)"])
            case 0: .reply(id, body: "r")
            case 1: .solve(id)
            case 2: .reopen(id)
            case 3: .escalate(id, level: .tier2, reason: "why \(step)")
            case 4: .scheduleFollowUp(id, due: b.now.addingTimeInterval(Double(rng.next() % 7200)), note: "n")
            case 5: .completeFollowUp(id, id: nil, outcome: nil)
            case 6: .assign(id, agent: ["alice", "bob", nil][Int(rng.next() % 3)])
            case 7: .setPriority(id, Priority.allCases[Int(rng.next() % 4)])
            case 8: .receive(IncomingMessage(customerName: "", customerEmail: "", language: "", subject: "", body: "again", appendTo: id))
            case 9: .receive(IncomingMessage(customerName: "New \(step)", customerEmail: "n\(step)@x.com", language: "fi", subject: "s", body: "b"))
            default: .setPending(id)
            }
            guard let events = try? b.run(command) else { continue }
            // Time passes too, sometimes across follow-up due times.
            b.advance(Double(rng.next() % 900))
            order.update(changed: Set(events.map(\.caseID)), desk: b.desk, now: b.now)
            expectSame(order, b.desk, now: b.now, "step \(step): \(command)")
        }
    }

    @Test func aFollowUpComingDueMovesItsCaseWithoutAnyEvent() throws {
        var b = DeskBuilder()
        let id = try b.open("Tom")
        try b.run(.reply(id, body: "call you at two"))
        try b.run(.scheduleFollowUp(id, due: t0.addingTimeInterval(3600), note: "call"))
        var order = QueueOrder(desk: b.desk, agent: "alice", levels: ServiceLevels(), now: t0)
        #expect(!order.rows(for: QueueQuery(view: .waiting, agent: "alice"), desk: b.desk, now: t0).contains(id))
        #expect(order.validUntil == t0.addingTimeInterval(3600))
        let later = t0.addingTimeInterval(3601)
        order.update(changed: [], desk: b.desk, now: later)
        #expect(order.rows(for: QueueQuery(view: .waiting, agent: "alice"), desk: b.desk, now: later) == [id])
        expectSame(order, b.desk, now: later, "the follow-up came due")
    }
}

@Suite struct IndexedSearchRowsTests {
    /// Rows narrowed by the search index keep the view's order exactly and drop nothing.
    @Test func indexedRowsAreTheViewFilteredByTheIndexInQueueOrder() throws {
        var b = DeskBuilder()
        try demo(&b, count: 300, seed: 9)
        let desk = b.desk
        let index = SearchIndex(desk: desk)
        let now = t0.addingTimeInterval(3600)
        let order = QueueOrder(desk: desk, agent: "alice", levels: ServiceLevels(), now: now)
        for view in QueueView.allCases {
            for search in ["åsa", "asa", "order 5512", "tv", "refund", "c-10", "nothing-like-this"] {
                let matching = index.matches(search)
                let q = QueueQuery(view: view, agent: "alice", search: search)
                let expected = QueueQuery(view: view, agent: "alice").run(on: desk, now: now)
                    .filter { matching.contains(Int(SearchIndex.caseNumber($0) ?? -1)) }
                #expect(order.rows(for: q, desk: desk, now: now, matching: matching) == expected, "\(view) \(search)")
            }
        }
    }

    /// The title's oldest wait for a search: the narrow path (looking each match up) and the
    /// broad one (walking the waits) both give what a scan of the view's cases gives.
    @Test func theOldestWaitOfASearchIsTheOldestAmongItsMatches() throws {
        var b = DeskBuilder()
        // Big enough that the smaller views too take the look-each-match-up path for a few matches.
        try demo(&b, count: 2500, seed: 4)
        let desk = b.desk
        let now = t0.addingTimeInterval(3600)
        let order = QueueOrder(desk: desk, agent: "alice", levels: ServiceLevels(), now: now)
        var rng = SeededRandom(seed: 11)
        let numbers = desk.caseOrder.compactMap { SearchIndex.caseNumber($0).map(Int.init) }
        var narrow = 0, broad = 0
        for view in QueueView.allCases {
            let inView = QueueQuery(view: view, agent: "alice").run(on: desk, now: now)
            for size in [0, 1, 3, 10, 40, 200, numbers.count] {
                let matching = Set(numbers.shuffled(using: &rng).prefix(size))
                let expected = inView.filter { matching.contains(Int(SearchIndex.caseNumber($0) ?? -1)) }
                    .compactMap { id in desk.cases[id].flatMap { $0.status == .open ? $0.waitingSince : nil } }.min()
                #expect(order.oldestWaitingSince(view, matching: matching) == expected, "\(view), \(size) matching")
                if size * size < inView.count { narrow += 1 } else { broad += 1 }
            }
        }
        #expect(narrow > 5 && broad > 5, "both paths were taken")
    }
}

/// A demo queue of `count` cases played into `b` as agents would have worked it; the clock is back at t0 after.
func demo(_ b: inout DeskBuilder, count: Int, seed: UInt64) throws {
    var ids: [Int: CaseID] = [:]
    for step in DemoQueue(count: count, seed: seed).steps(now: t0) {
        b.now = step.at
        if step.opensCase { ids[step.caseRef] = try b.run(step.command, actor: step.actor).first?.caseID }
        else if let id = ids[step.caseRef] { _ = try? b.run(step.command(for: id), actor: step.actor) }
    }
    b.now = t0
}
