import Foundation
import FrontlineCore

/// Performs the demo's steps through the store, so demo data is journaled like real work.
public enum DemoSeeder {
    /// `journaled` gets each batch's events once they are durable (the server broadcasts them).
    public static func seed(_ store: any DeskStore, count: Int, seed: UInt64, now: Date = SystemClock().now(),
                            journaled: ([Event]) -> Void = { _ in }) throws {
        // Cases are numbered in opening order, so the id of each demo case is known up front and
        // the steps can be journaled in large batches (one fsync each): a 100,000-case demo must
        // not cost 500,000 fsyncs.
        var nextNumber = store.desk.nextCaseNumber
        var ids: [Int: CaseID] = [:]
        var batch: [(command: Command, actor: String, at: Date?)] = []
        var expected: [CaseID?] = []
        func flush() throws {
            // The demo's replies are history, not mail to anyone: nothing of it is sent.
            let results = try store.performBatch(batch, mailingReplies: false)
            var added: [Event] = []
            for case let .success(events) in results { added += events }
            journaled(added)
            for (want, result) in zip(expected, results) {
                guard let want else { continue }
                guard case let .success(events) = result, events.first?.caseID == want else {
                    throw StoreOpenError("demo: case \(want) could not be opened (\(result)); the demo stopped")
                }
            }
            batch.removeAll(keepingCapacity: true)
            expected.removeAll(keepingCapacity: true)
        }
        for step in DemoQueue(count: count, seed: seed).steps(now: now) {
            if step.opensCase {
                let id = "C-\(nextNumber)"
                nextNumber += 1
                ids[step.caseRef] = id
                batch.append((step.command, step.actor, step.at))
                expected.append(id)
            } else if let id = ids[step.caseRef] {
                // A step the generated history makes redundant (e.g. assigning twice) is refused and skipped.
                batch.append((step.command(for: id), step.actor, step.at))
                expected.append(nil)
            }
            if batch.count >= 5000 { try flush() }
        }
        try flush()
    }
}
