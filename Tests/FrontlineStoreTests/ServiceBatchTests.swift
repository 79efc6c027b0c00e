import Foundation
import FrontlineCore
import FrontlineStore
import Testing

extension ServiceStoreSuites {
    /// `performBatch` (group commit of many commands with one write and one fsync): refusals are
    /// reported and leave no trace, accepted commands are durable, and each command is one journal
    /// record, so a torn batch loses whole commands only.
    @Suite struct ServiceBatchTests {
        typealias Item = (command: Command, actor: String, at: Date?)

        /// A batch mixing work on a case opened earlier in the same batch with refusals.
        static func mixedBatch() -> (items: [Item], refused: Set<Int>, unchanged: Set<Int>) {
            let t = serviceEpoch
            let items: [Item] = [
                (ServiceCommands.open("Åsa Lindqvist", email: "asa@example.se", language: "sv", subject: "TV:n luktar bränt", body: "Hej!"), "intake", t),
                (.reply("C-1000", body: "We are on it"), "alice", t.addingTimeInterval(60)),           // a case opened in this batch
                (.note("C-9999", body: "REFUSED-note-on-missing-case"), "alice", t.addingTimeInterval(61)),
                (ServiceCommands.open("Nobody", body: "   "), "intake", t.addingTimeInterval(62)),       // empty body
                (.tag("C-1000", tags: ["VIP", " tv "]), "alice", t.addingTimeInterval(63)),
                (.solve("C-1000"), "alice", t.addingTimeInterval(64)),
                (.solve("C-1000"), "bob", t.addingTimeInterval(65)),                                     // already solved, in the batch
                (.saveDraft("C-1000", body: ""), "alice", t.addingTimeInterval(66)),                      // nothing to discard
                (.escalate("C-1000", level: .supervisor, reason: "angry customer"), "alice", nil),          // now: the clock's time
                (.escalate("C-1000", level: .supervisor, reason: " angry customer "), "bob", nil),        // same level and reason again
                (ServiceCommands.open("Matti Virtanen", email: "matti@example.fi", language: "fi", body: "Moi"), "intake", t.addingTimeInterval(70)),
                (ServiceCommands.append(to: "C-1001", body: "Lisää tietoa"), "intake", t.addingTimeInterval(71)),
            ]
            return (items, refused: [2, 3, 6, 9], unchanged: [7])
        }

        @Test func refusedCommandsAreReportedAndLeaveNoTrace() throws {
            let folder = ServiceTestFolder("batch")
            defer { folder.remove() }
            let path = folder.path()
            let clock = ManualClock(serviceEpoch.addingTimeInterval(600))
            let (items, refused, unchanged) = Self.mixedBatch()

            let service = try LocalCaseService(path: path, owner: "batch test", clock: clock)
            let results = try service.performBatch(items)
            #expect(results.count == items.count)
            var accepted: [[Event]] = []
            for (index, result) in results.enumerated() {
                switch result {
                case let .success(events):
                    #expect(!refused.contains(index), "command \(index) must be refused")
                    #expect(events.isEmpty == unchanged.contains(index), "command \(index): \(events)")
                    if !events.isEmpty { accepted.append(events) }
                case let .failure(refusal):
                    #expect(refused.contains(index), "command \(index) was refused: \(refusal)")
                    #expect(!refusal.description.isEmpty)
                }
            }
            // Events carry the batch item's own time, or the clock's now when none is given.
            if case let .success(events) = results[1] { #expect(events.allSatisfy { $0.at == serviceEpoch.addingTimeInterval(60) }) }
            if case let .success(events) = results[8] { #expect(events.allSatisfy { $0.at == clock.now() }) }

            // The batch gives exactly what performing the same commands one by one gives.
            let oneByOne = try LocalCaseService(path: folder.path("one-by-one"), owner: "batch reference", clock: clock)
            var referenceEvents: [[Event]] = []
            for item in items {
                if let events = try? oneByOne.perform(item.command, actor: item.actor, at: item.at), !events.isEmpty {
                    referenceEvents.append(events)
                }
            }
            #expect(accepted == referenceEvents)
            #expect(serviceDifference(service.desk, oneByOne.desk) == nil)
            oneByOne.close()

            let desk = service.desk
            #expect(desk.cases.count == 2)
            #expect(desk.cases["C-1000"]?.status == .solved)
            #expect(desk.cases["C-1001"]?.messages.map(\.body) == ["Moi", "Lisää tietoa"])
            service.close()

            // One journal record per accepted command, each holding exactly that command's events.
            let segment = try path + "/" + #require(ServiceFiles.segments(in: path).last)
            let bytes = ServiceFiles.bytes(segment)
            let frames = ServiceJournalFrames.frames(bytes)
            #expect(frames.last?.end == bytes.count, "the segment holds whole frames only")
            #expect(frames.map(\.sequence) == Array(1...UInt64(accepted.count)))
            #expect(try frames.map(ServiceJournalFrames.events) == accepted)
            #expect(try frames.map(ServiceJournalFrames.events).first?.map(\.change.typeName) == ["case_opened", "message_received"],
                    "opening a case is one record: the case and its first message together")
            // Nothing of a refused command reached the disk.
            #expect(!String(decoding: bytes, as: UTF8.self).contains("REFUSED-note"))
            #expect(!String(decoding: bytes, as: UTF8.self).contains("Nobody"))

            let reopened = try LocalCaseService(path: path, owner: "batch verify", clock: clock)
            #expect(serviceDifference(reopened.desk, desk) == nil)
            #expect(reopened.recoveryNotes.isEmpty)
            reopened.close()
        }

        @Test func aBatchOfRefusalsWritesNothing() throws {
            let folder = ServiceTestFolder("batch-refused")
            defer { folder.remove() }
            let path = folder.path()
            let service = try LocalCaseService(path: path, owner: "batch test", clock: ManualClock(serviceEpoch))
            try service.perform(ServiceCommands.open("Jane Doe"), actor: "intake")
            let segment = try path + "/" + #require(ServiceFiles.segments(in: path).last)
            let sizeBefore = ServiceFiles.bytes(segment).count
            let desk = service.desk

            let results = try service.performBatch([
                (.reply("C-4242", body: "nobody here"), "alice", nil),
                (.note("C-1000", body: " "), "alice", nil),
                (.reopen("C-1000"), "alice", nil),          // already open
                (.saveDraft("C-1000", body: ""), "alice", nil),  // accepted, but changes nothing
            ])
            #expect(results.count == 4)
            #expect(results.prefix(3).allSatisfy { if case .failure = $0 { true } else { false } })
            if case let .success(events) = results[3] { #expect(events.isEmpty) } else { Issue.record("an unchanged draft is not a refusal") }
            #expect(serviceDifference(service.desk, desk) == nil)
            #expect(ServiceFiles.bytes(segment).count == sizeBefore, "nothing may be journaled for a batch with no changes")
            #expect(try service.performBatch([]).isEmpty)
            service.close()

            let reopened = try LocalCaseService(path: path, owner: "verify", clock: ManualClock(serviceEpoch))
            #expect(serviceDifference(reopened.desk, desk) == nil)
            reopened.close()
        }

        /// A batch is written with one write; if it tears, recovery keeps a prefix of whole commands
        /// — never a case without its first message, never part of a command.
        @Test func aTornBatchLosesWholeCommandsOnly() throws {
            let folder = ServiceTestFolder("batch-torn")
            defer { folder.remove() }
            let path = folder.path()
            let clock = ManualClock(serviceEpoch.addingTimeInterval(600))
            let (items, _, _) = Self.mixedBatch()

            // The desk after each accepted command, from the same commands one by one.
            let reference = try LocalCaseService(path: folder.path("reference"), owner: "reference", clock: clock)
            var prefixDesks = [reference.desk]
            for item in items {
                if let events = try? reference.perform(item.command, actor: item.actor, at: item.at), !events.isEmpty {
                    prefixDesks.append(reference.desk)
                }
            }
            reference.close()

            let service = try LocalCaseService(path: path, owner: "batch test", clock: clock)
            try service.performBatch(items)
            #expect(serviceDifference(service.desk, prefixDesks.last!) == nil)
            service.close()

            let segmentName = try #require(ServiceFiles.segments(in: path).last)
            let bytes = ServiceFiles.bytes(path + "/" + segmentName)
            let frames = ServiceJournalFrames.frames(bytes)
            try #require(frames.count == prefixDesks.count - 1, "one record per accepted command")
            // Cut inside every frame: at its header, right after it, and in its payload.
            for (index, frame) in frames.enumerated() {
                for cut in Set([frame.offset + 3, frame.offset + 16, (frame.offset + frame.end) / 2, frame.end - 1]) {
                    let copy = folder.path("cut-\(cut)")
                    try ServiceFiles.copyDirectory(path, to: copy)
                    try ServiceFiles.truncate(copy + "/" + segmentName, to: cut)
                    let reopened = try LocalCaseService(path: copy, owner: "torn verify", clock: clock)
                    #expect(serviceDifference(reopened.desk, prefixDesks[index]) == nil, "cut at \(cut) inside record \(index + 1)")
                    #expect(reopened.desk.cases.values.allSatisfy { $0.messages.first?.direction == .inbound },
                            "cut at \(cut): a case without its first message")
                    #expect(reopened.recoveryNotes.count == 1, "cut at \(cut): \(reopened.recoveryNotes)")
                    reopened.close()
                    try FileManager.default.removeItem(atPath: copy)
                }
            }
        }
    }
}
