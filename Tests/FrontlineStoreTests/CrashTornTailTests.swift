import Foundation
import FrontlineCore
import FrontlineStore
import Testing

extension ServiceStoreSuites {
    /// A crash can leave the newest journal segment ending anywhere inside the last records. At the
    /// service level: every such length reopens to the desk after exactly the whole commands, says
    /// what it cut, and keeps working. Damage in the middle is refused, with file and offset.
    @Suite struct CrashTornTailTests {
        struct Written {
            let path: String
            /// The newest segment's file name.
            let segment: String
            /// desks[k]: the desk once the first k records of the newest segment are applied.
            let desks: [HelpDesk]
        }

        /// A store with a snapshot, an older segment and a newest segment of several records, the
        /// last two of them multi-event commands (a first reply that also assigns; a case opening).
        private func writeStore(in path: String) throws -> Written {
            let clock = ManualClock(serviceEpoch)
            let service = try LocalCaseService(path: path, owner: "torn tail test", clock: clock)
            func step(_ command: Command, _ actor: String = "alice") throws {
                clock.advance(by: 37.5)
                try service.perform(command, actor: actor)
            }
            try step(ServiceCommands.open("Åsa Lindqvist", email: "asa@example.se", language: "sv", subject: "TV:n luktar bränt", body: "Den luktar bränt"), "intake")
            try step(ServiceCommands.open("Matti Virtanen", email: "matti@example.fi", language: "fi", body: "Moi"), "intake")
            try step(.note("C-1000", body: "called, no answer"))
            try step(.escalate("C-1000", level: .tier2, reason: "smoke"))
            try service.snapshotNow()
            #expect(service.backgroundProblem == nil)

            var desks = [service.desk]
            try step(.apologise("C-1000", kind: .faulty))
            desks.append(service.desk)
            try step(.scheduleFollowUp("C-1000", due: serviceEpoch.addingTimeInterval(86_400), note: "check the TV"))
            desks.append(service.desk)
            try step(.reply("C-1001", body: "Hei Matti, katsomme asiaa"), "bob")   // reply + assign: two events
            desks.append(service.desk)
            try step(ServiceCommands.open("Jane Doe", email: "jane@example.com", subject: "Refund", body: "Where is my refund?"), "intake")
            desks.append(service.desk)
            service.close()

            let segments = ServiceFiles.segments(in: path)
            #expect(segments.count == 2, "the snapshot must have started a new segment: \(segments)")
            return Written(path: path, segment: try #require(segments.last), desks: desks)
        }

        @Test func everyTornLengthOfTheLastTwoRecordsRecoversWholeCommands() throws {
            let folder = ServiceTestFolder("torn")
            defer { folder.remove() }
            let written = try writeStore(in: folder.path())
            let bytes = ServiceFiles.bytes(written.path + "/" + written.segment)
            let frames = ServiceJournalFrames.frames(bytes)
            // One record per command; otherwise the per-cut expectations below have no meaning.
            try #require(frames.count == written.desks.count - 1, "the newest segment must hold one record per command")
            #expect(frames.last?.end == bytes.count)
            let lastTwo = frames.suffix(2).map { try? ServiceJournalFrames.events(of: $0).count }
            #expect(lastTwo == [2, 2], "the last two records must each hold a multi-event command")

            let boundaries = Set(frames.map(\.end))
            let start = frames[frames.count - 2].offset
            for cut in start...bytes.count {
                let copy = folder.path("cut-\(cut)")
                try ServiceFiles.copyDirectory(written.path, to: copy)
                try ServiceFiles.truncate(copy + "/" + written.segment, to: cut)
                let intact = frames.filter { $0.end <= cut }.count
                let expected = written.desks[intact]

                let service = try LocalCaseService(path: copy, owner: "cut \(cut)", clock: ManualClock(serviceEpoch.addingTimeInterval(3600)))
                #expect(serviceDifference(service.desk, expected) == nil, "cut at \(cut): must be the desk after exactly \(intact) whole records")
                #expect(service.desk.cases.values.allSatisfy { $0.messages.first?.direction == .inbound },
                        "cut at \(cut): a case exists without its first message")
                if boundaries.contains(cut) || cut == start {
                    #expect(service.recoveryNotes.isEmpty, "cut at \(cut) is a record boundary: \(service.recoveryNotes)")
                } else {
                    let boundary = frames[intact - 1].end
                    #expect(service.recoveryNotes.count == 1, "cut at \(cut)")
                    let note = service.recoveryNotes.first ?? ""
                    #expect(note.contains(written.segment) && note.contains("offset \(boundary)"), "cut at \(cut): \(note)")
                    #expect(ServiceFiles.bytes(copy + "/" + written.segment + ".torn-\(boundary)") == Array(bytes[boundary..<cut]),
                            "cut at \(cut): the cut bytes must be kept")
                }

                // The store takes new work at once, and it survives another reopen.
                let events = try service.perform(.note("C-1000", body: "after the crash at \(cut)"), actor: "carol")
                #expect(events.map(\.sequence) == [expected.lastSequence + 1], "cut at \(cut)")
                let after = service.desk
                service.close()
                let reopened = try LocalCaseService(path: copy, owner: "cut \(cut) again", clock: ManualClock(serviceEpoch))
                #expect(serviceDifference(reopened.desk, after) == nil, "cut at \(cut): the command after recovery must survive a reopen")
                #expect(reopened.recoveryNotes.isEmpty, "cut at \(cut): \(reopened.recoveryNotes)")
                reopened.close()
                try FileManager.default.removeItem(atPath: copy)
            }
        }

        /// DESIGN "Store and persistence": a torn tail is cut off, a copy kept, and what was cut is
        /// printed. A command-line run that recovers must say so (on stderr, keeping stdout clean).
        @Test func theCommandLineSaysWhatRecoveryCut() throws {
            let folder = ServiceTestFolder("torn-cli")
            defer { folder.remove() }
            let written = try writeStore(in: folder.path())
            let segmentPath = written.path + "/" + written.segment
            let intactLength = ServiceFiles.bytes(segmentPath).count
            // Half a header: an append interrupted by a crash.
            try ServiceFiles.write(ServiceFiles.bytes(segmentPath) + [0x40, 0, 0, 0, 0x11, 0x22], to: segmentPath)

            let export = try ServiceBinary.run(["export", "--data-dir", written.path], scratch: folder.root)
            #expect(export.status == 0, "\(export.stderr)")
            #expect(ServiceFiles.exists(segmentPath + ".torn-\(intactLength)"), "the export's open must have cut the torn tail")
            #expect(export.stderr.contains("torn") && export.stderr.contains(written.segment),
                    "the cut must be reported on stderr; stderr was: \"\(export.stderr)\"")
            #expect(!export.stdout.contains("torn"), "stdout carries the export only")
        }

        @Test func damageInTheMiddleRefusesToOpenNamingFileAndOffset() throws {
            let folder = ServiceTestFolder("torn-middle")
            defer { folder.remove() }
            let written = try writeStore(in: folder.path())
            let bytes = ServiceFiles.bytes(written.path + "/" + written.segment)
            let frames = ServiceJournalFrames.frames(bytes)
            #expect(frames.count >= 3)

            for (recordIndex, frame) in frames.dropLast().enumerated() {
                // A byte of the length, the checksum, the sequence and the payload.
                for position in [frame.offset, frame.offset + 5, frame.offset + 9, (frame.offset + 16 + frame.end) / 2] {
                    let copy = folder.path("flip-\(position)")
                    try ServiceFiles.copyDirectory(written.path, to: copy)
                    let segmentPath = copy + "/" + written.segment
                    try ServiceFiles.flipByte(in: segmentPath, at: position)
                    let damaged = ServiceFiles.bytes(segmentPath)

                    for attempt in 1...2 {  // the failed open must release the lock: a second try fails the same way
                        do {
                            let service = try LocalCaseService(path: copy, owner: "flip", clock: ManualClock(serviceEpoch))
                            service.close()
                            Issue.record("record \(recordIndex + 1), byte \(position) flipped: the store opened")
                        } catch {
                            let message = String(describing: error)
                            #expect(message.contains(segmentPath), "attempt \(attempt): the error must name the file: \(message)")
                            #expect(message.contains("offset \(frame.offset)"), "attempt \(attempt): the error must name the offset \(frame.offset): \(message)")
                            #expect(!message.contains("in use"), "attempt \(attempt): \(message)")
                        }
                    }
                    #expect(ServiceFiles.bytes(segmentPath) == damaged, "byte \(position): refusing to open must change nothing")
                    #expect(!ServiceFiles.names(in: copy).contains { $0.contains(".torn-") }, "byte \(position): damage is not a torn tail")
                    try FileManager.default.removeItem(atPath: copy)
                }
            }
        }
    }
}
