import ArgumentParser
import Foundation
import FrontlineCore
import FrontlineStore

struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Add a realistic demo queue (Swedish, Finnish and English customers, history, escalations, follow-ups).")

    @OptionGroup var global: GlobalOptions

    @Option(help: "How many cases to add (1–1,000,000).")
    var cases = 60

    @Option(help: "Seed for the generator: the same seed gives the same queue.")
    var seed: UInt64 = 42

    func validate() throws {
        guard (1...1_000_000).contains(cases) else { throw ValidationError("--cases must be between 1 and 1000000, not \(cases)") }
    }

    func run() throws {
        let store = try global.openStore(owner: "frontline demo")
        defer { store.close() }
        let before = store.desk.cases.count
        do {
            try DemoSeeder.seed(store, count: cases, seed: seed)
        } catch {
            throw CleanExit.failure("demo stopped: \(error)")
        }
        print("added \(store.desk.cases.count - before) demo cases to \(global.resolvedDataDir)")
    }
}

/// Performs the demo's steps through the store, so demo data is journaled like real work.
enum DemoSeeder {
    static func seed(_ store: LocalCaseService, count: Int, seed: UInt64, now: Date = SystemClock().now()) throws {
        // Cases are numbered in opening order, so the id of each demo case is known up front and
        // the steps can be journaled in large batches (one fsync each): a 100,000-case demo must
        // not cost 500,000 fsyncs.
        var nextNumber = store.desk.nextCaseNumber
        var ids: [Int: CaseID] = [:]
        var batch: [(command: Command, actor: String, at: Date?)] = []
        var expected: [CaseID?] = []
        func flush() throws {
            let results = try store.performBatch(batch)
            for (want, result) in zip(expected, results) {
                guard let want else { continue }
                guard case let .success(events) = result, events.first?.caseID == want else {
                    throw CleanExit.failure("demo: case \(want) could not be opened (\(result)); the demo stopped")
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
