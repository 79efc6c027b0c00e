import Foundation
import FrontlineCore
import FrontlineStore
import Testing

extension ServiceStoreSuites {
    /// The store's central promise, as a property: whatever work was done, reopening the data
    /// directory gives back exactly the desk that was in memory — through background snapshots,
    /// retired journal segments, a lost newest snapshot and a damaged one.
    @Suite struct ServiceReplayTests {
        static let commandsPerRun = 300
        static let snapshotInterval = 17

        struct Run {
            let desk: HelpDesk
            /// Every event `perform` returned, in order.
            let events: [Event]
            let accepted: Int
            let refused: Int
        }

        /// Performs a seeded scenario through a service with a small snapshot interval, checking each
        /// step as it goes, then closes the service.
        private func performScenario(seed: UInt64, in path: String) throws -> Run {
            let clock = ManualClock(serviceEpoch)
            let service = try LocalCaseService(path: path, owner: "replay test", clock: clock, snapshotInterval: Self.snapshotInterval)
            var scenario = ServiceScenario(seed: seed)
            var events: [Event] = []
            var accepted = 0, refused = 0
            for index in 0..<Self.commandsPerRun {
                clock.advance(by: Double(1 + scenario.int(900)) + Double(scenario.int(1000)) / 1000)
                let before = service.desk
                let step = scenario.next(desk: before, now: clock.now())
                do {
                    let performed = try service.perform(step.command, actor: step.actor, at: step.at)
                    switch step.expectation {
                    case .refused:
                        Issue.record("seed \(seed) step \(index) (\(step.label)) was accepted but must be refused: \(performed)")
                    case .unchanged:
                        #expect(performed.isEmpty, "seed \(seed) step \(index) (\(step.label))")
                        #expect(serviceDifference(service.desk, before) == nil, "seed \(seed) step \(index) (\(step.label)) changed the desk")
                    case .accepted:
                        let first = before.lastSequence + 1
                        #expect(performed.map(\.sequence) == Array(first..<(first + UInt64(performed.count))),
                                "seed \(seed) step \(index) (\(step.label)): sequences must run on")
                        #expect(!performed.isEmpty, "seed \(seed) step \(index) (\(step.label)) made no events")
                        accepted += 1
                    }
                    events += performed
                } catch let refusal as CommandError {
                    #expect(step.expectation == .refused, "seed \(seed) step \(index) (\(step.label)) was refused: \(refusal)")
                    #expect(serviceDifference(service.desk, before) == nil, "seed \(seed) step \(index): a refused command changed the desk")
                    refused += 1
                }
            }
            #expect(service.backgroundProblem == nil, "seed \(seed): \(service.backgroundProblem ?? "")")
            #expect(service.recoveryNotes.isEmpty)
            let desk = service.desk
            // The desk in memory is exactly the fold of what perform reported.
            #expect(serviceDifference(desk, serviceFold(events)) == nil, "seed \(seed): in-memory desk differs from the fold of the returned events")
            service.close()
            return Run(desk: desk, events: events, accepted: accepted, refused: refused)
        }

        /// Opens `path`, checks its desk and its full event history, and returns its recovery notes.
        @discardableResult
        private func reopenAndVerify(_ path: String, against run: Run, _ context: String) throws -> [String] {
            let service = try LocalCaseService(path: path, owner: "replay verify", clock: ManualClock(serviceEpoch),
                                               snapshotInterval: Self.snapshotInterval)
            defer { service.close() }
            #expect(serviceDifference(service.desk, run.desk) == nil, "\(context): reopened desk differs from the desk before closing")
            var history: [Event] = []
            try service.forEachJournaledEvent { history.append($0) }
            let last = run.desk.lastSequence
            #expect(history.map(\.sequence) == Array(1...last), "\(context): journaled events must be exactly 1…\(last), once each")
            #expect(serviceDifference(history, run.events) == nil, "\(context): the journal must hold exactly the events perform returned")
            #expect(serviceDifference(serviceFold(history), run.desk) == nil, "\(context): replaying the whole audit trail must give the same desk")
            return service.recoveryNotes
        }

        @Test(arguments: [1, 7, 42, 2026, 31_337, 4, 99, 123_456_789] as [UInt64])
        func reopenGivesBackTheDeskBuiltInMemory(seed: UInt64) throws {
            let folder = ServiceTestFolder("replay")
            defer { folder.remove() }
            let path = folder.path()
            let run = try performScenario(seed: seed, in: path)
            // The scenario must be worth something: mostly real work, some refusals, many snapshots.
            #expect(run.accepted > Self.commandsPerRun / 2, "seed \(seed): only \(run.accepted) commands accepted")
            #expect(run.refused >= 10, "seed \(seed): only \(run.refused) commands refused")
            #expect(run.desk.cases.count >= 20)

            // Background snapshots ran and retired old segments to archive/, keeping two generations.
            let archive = path + "/" + JournalHistory.archiveFolder
            let archived = ServiceFiles.segments(in: archive)
            #expect(archived.count >= 5, "seed \(seed): archived segments \(archived)")
            #expect(archived.first == "journal-00000000000000000001.log")
            #expect(!ServiceFiles.segments(in: path).contains("journal-00000000000000000001.log"))
            let snapshots = ServiceFiles.snapshots(in: path)
            try #require(snapshots.count == SnapshotStore.generationsKept, "seed \(seed): \(snapshots)")

            // Copies for the damage cases, taken before anything reopens the original.
            try ServiceFiles.copyDirectory(path, to: folder.path("lost-newest"))
            try ServiceFiles.copyDirectory(path, to: folder.path("damaged-newest"))

            let notes = try reopenAndVerify(path, against: run, "seed \(seed)")
            #expect(notes.isEmpty, "seed \(seed): a clean reopen has nothing to report: \(notes)")
            // Reopening is repeatable: a second generation of open/close changes nothing.
            try reopenAndVerify(path, against: run, "seed \(seed), second reopen")

            // The newest snapshot is lost: rebuilt from the older generation plus the journal after it.
            let lost = folder.path("lost-newest")
            try FileManager.default.removeItem(atPath: lost + "/" + snapshots[0])
            try reopenAndVerify(lost, against: run, "seed \(seed), newest snapshot deleted")
            try reopenAndVerify(lost, against: run, "seed \(seed), newest snapshot deleted, reopened again")

            // The newest snapshot is damaged: passed over with a note, moved aside, same desk.
            let damaged = folder.path("damaged-newest")
            let snapshotPath = damaged + "/" + snapshots[0]
            var rng = SeededRandom(seed: seed)
            let size = ServiceFiles.bytes(snapshotPath).count
            try ServiceFiles.flipByte(in: snapshotPath, at: 28 + Int(rng.next() % UInt64(size - 28)))
            let damageNotes = try reopenAndVerify(damaged, against: run, "seed \(seed), newest snapshot damaged")
            #expect(damageNotes.contains { $0.contains(snapshots[0]) && $0.contains("damaged") },
                    "seed \(seed): a note must name the damaged snapshot: \(damageNotes)")
            #expect(ServiceFiles.exists(damaged + "/" + snapshots[0] + ".corrupt"))
            let again = try reopenAndVerify(damaged, against: run, "seed \(seed), newest snapshot damaged, reopened again")
            #expect(again.isEmpty, "seed \(seed): the damage was dealt with once: \(again)")
        }

        /// Work continues after a reopen: new commands join the same history seamlessly.
        @Test func workContinuesAcrossReopensWithSnapshots() throws {
            let folder = ServiceTestFolder("replay-continue")
            defer { folder.remove() }
            let path = folder.path()
            let clock = ManualClock(serviceEpoch)
            var scenario = ServiceScenario(seed: 99)
            var events: [Event] = []
            var desk = HelpDesk()
            for session in 0..<4 {
                let service = try LocalCaseService(path: path, owner: "session \(session)", clock: clock, snapshotInterval: 7)
                #expect(serviceDifference(service.desk, desk) == nil, "session \(session) must start where the last one ended")
                for _ in 0..<40 {
                    clock.advance(by: Double(1 + scenario.int(600)))
                    let step = scenario.next(desk: service.desk, now: clock.now())
                    if let performed = try? service.perform(step.command, actor: step.actor, at: step.at) { events += performed }
                }
                desk = service.desk
                service.close()
            }
            let service = try LocalCaseService(path: path, owner: "final", clock: clock, snapshotInterval: 7)
            defer { service.close() }
            #expect(serviceDifference(service.desk, desk) == nil)
            var history: [Event] = []
            try service.forEachJournaledEvent { history.append($0) }
            #expect(serviceDifference(history, events) == nil)
            #expect(history.map(\.sequence) == Array(1...desk.lastSequence))
        }

        /// Times given to the store with sub-millisecond precision (`perform(at:)`, as the demo
        /// seeder does, or an `IncomingMessage.receivedAt` built in code) must survive a reopen: the
        /// journal keeps whole milliseconds, so the desk in memory must hold the same values.
        @Test func subMillisecondTimesGiveTheSameDeskAfterReopen() throws {
            let folder = ServiceTestFolder("replay-ms")
            defer { folder.remove() }
            let path = folder.path()
            let service = try LocalCaseService(path: path, owner: "ms test", clock: ManualClock(serviceEpoch))
            let fractional = serviceEpoch.addingTimeInterval(-1234.567_891)
            try service.perform(ServiceCommands.open("Åsa", email: "asa@example.se", receivedAt: fractional), actor: "intake")
            try service.perform(ServiceCommands.open("Matti", email: "matti@example.fi"), actor: "intake",
                                at: serviceEpoch.addingTimeInterval(-99.000_4))
            try service.perform(.scheduleFollowUp("C-1000", due: serviceEpoch.addingTimeInterval(3600.123_45), note: "call"),
                                actor: "alice", at: serviceEpoch.addingTimeInterval(0.000_3))
            let before = service.desk
            service.close()

            let reopened = try LocalCaseService(path: path, owner: "ms verify", clock: ManualClock(serviceEpoch))
            defer { reopened.close() }
            #expect(serviceDifference(reopened.desk, before) == nil, """
                sub-millisecond times differ after reopen: customer since \
                \(before.customers.values.map { $0.since.timeIntervalSince1970 }.sorted()) before vs \
                \(reopened.desk.customers.values.map { $0.since.timeIntervalSince1970 }.sorted()) after
                """)
        }
    }
}
