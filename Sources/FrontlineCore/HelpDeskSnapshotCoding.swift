import Foundation

/// The snapshot payload: the whole help desk in the binary format. Indexes that can be derived
/// from what opening reads anyway (cases by customer, customers by e-mail) are rebuilt on read.
///
/// Format 5 is the lean store's: the cases' messages and activity (their threads, nine tenths
/// of the bytes) come first as one section, and each case's head — what the queue paints —
/// names its thread's place in it. Opening reads the heads and leaves the threads where they
/// are (mapped from the file), so neither the time nor the memory of opening grows with the
/// message text. The Message-ID tables, which older formats derived from every message, are
/// stored for the same reason.
extension HelpDesk {
    /// 8 added the wording of each history line after a thread's activity; 7 added reviews and the last reopening to the heads; 6 added offers to the heads; 5 put threads in a section of their own; 4 added the e-mail
    /// side of messages; 3 added the run-time SLA targets at the end; 2 to 7 are still read.
    static let snapshotFormatVersion: UInt64 = 8

    public func snapshotBytes() -> [UInt8] { snapshotBytes(format: Self.snapshotFormatVersion) }

    /// `format` below the current one exists for the tests that prove old snapshots still read
    /// (an older format drops what it cannot hold).
    func snapshotBytes(format: UInt64) -> [UInt8] {
        var w = BinaryWriter(capacity: max(1 << 16, cases.count * 600))
        w.uint(format)
        // One lookup a case, and the cases held by their boxes, not copied.
        let present = caseOrder.compactMap { cases.box($0) }
        var threads: [Range<Int>] = []
        if format >= 5 {
            // The threads' section, its length (eight bytes) filled in when it is written.
            let length = w.reserveFixed64()
            let base = w.bytes.count
            threads.reserveCapacity(present.count)
            for box in present {
                let start = w.bytes.count - base
                box.value.thread.write(into: &w)
                threads.append(start..<(w.bytes.count - base))
            }
            w.patchFixed64(at: length, UInt64(w.bytes.count - base))
        }
        w.uint(lastSequence)
        w.int(nextCaseNumber)
        w.int(nextCustomerNumber)
        w.uint(UInt64(customers.count))
        for k in customers.values.sorted(by: { $0.id < $1.id }) {
            w.string(k.id); w.string(k.name); w.string(k.email); w.string(k.language); w.date(k.since)
        }
        w.uint(UInt64(present.count))
        for (i, box) in present.enumerated() {
            if format >= 5 {
                Self.writeHead(box.value, into: &w, format: format)
                w.uint(UInt64(threads[i].lowerBound)); w.uint(UInt64(threads[i].count))
                box.value.thread.summary.write(into: &w)
            } else {
                Self.writeCaseInline(box.value, into: &w, format: format)
            }
        }
        let draftCases = drafts.keys.sorted()
        w.uint(UInt64(draftCases.count))
        for id in draftCases {
            let byAgent = drafts[id] ?? [:]
            w.string(id)
            w.uint(UInt64(byAgent.count))
            for agent in byAgent.keys.sorted() { w.string(agent); w.string(byAgent[agent]!) }
        }
        let targets = serviceLevelTargets.sorted { $0.key.rawValue < $1.key.rawValue }
        w.uint(UInt64(targets.count))
        for (priority, seconds) in targets { w.code(priority); w.int(Int(seconds.rounded())) }
        if format >= 5 {
            let position = caseByMessageID.isEmpty && undeliveredReplies.isEmpty ? [:]
                : Dictionary(uniqueKeysWithValues: present.enumerated().map { ($0.element.value.id, $0.offset) })
            for table in [Dictionary(uniqueKeysWithValues: Array(caseByMessageID)), undeliveredReplies] {
                let rows = table.compactMap { messageID, caseID in position[caseID].map { (messageID, $0) } }.sorted { $0.0 < $1.0 }
                w.uint(UInt64(rows.count))
                for (messageID, i) in rows { w.string(messageID); w.uint(UInt64(i)) }
            }
        }
        return w.bytes
    }

    public init(snapshotBytes bytes: [UInt8]) throws { try self.init(snapshot: StoredBytes(copying: bytes)) }

    /// Reads a snapshot payload. From format 5 on, the cases' threads stay in `snapshot`, which
    /// the desk keeps alive for as long as any unchanged case refers to it.
    public init(snapshot: StoredBytes) throws {
        var r = BinaryReader(snapshot)
        let version = try r.uint()
        guard (2...Self.snapshotFormatVersion).contains(version) else {
            throw BinaryReader.Malformed(description: "snapshot format \(version) is not one this frontline reads (\(Self.snapshotFormatVersion))")
        }
        self.init()
        var threadSection = 0..<0
        if version >= 5 { threadSection = try r.skip(try r.fixed64()) }
        lastSequence = try r.uint()
        nextCaseNumber = try r.int()
        nextCustomerNumber = try r.int()
        let customerCount = try r.count()
        customers.reserveCapacity(customerCount)
        for _ in 0..<customerCount {
            let k = Customer(id: try r.string(), name: try r.string(), email: try r.string(), language: try r.string(), since: try r.date())
            customers[k.id] = k
            if !k.email.isEmpty { customerByEmail[k.email.lowercased()] = k.id }
        }
        let caseCount = try r.count()
        caseOrder.reserveCapacity(caseCount)
        for _ in 0..<caseCount {
            let c: SupportCase
            if version >= 5 {
                c = try Self.readHead(&r, version: version, threads: threadSection, in: snapshot)
            } else {
                c = try Self.readCaseInline(&r, version: version)
                for m in c.messages {
                    guard let mail = m.mail else { continue }
                    caseByMessageID[mail.messageID] = c.id
                    if let d = mail.delivery, d.state == .queued || d.state == .retrying { undeliveredReplies[mail.messageID] = c.id }
                }
            }
            cases[c.id] = c
            notePromises(of: c)
            caseOrder.append(c.id)
            casesByCustomer[c.customerID, default: []].append(c.id)
        }
        for _ in 0..<(try r.count()) {
            let id = try r.string()
            var byAgent: [String: String] = [:]
            for _ in 0..<(try r.count()) { byAgent[try r.string()] = try r.string() }
            drafts[id] = byAgent
        }
        if version >= 3 {
            for _ in 0..<(try r.count()) { serviceLevelTargets[try r.code(Priority.self)] = TimeInterval(try r.int()) }
        }
        if version >= 5 {
            func caseAt(_ i: UInt64) throws -> CaseID {
                guard i < UInt64(caseOrder.count) else { throw r.fail("a Message-ID names case #\(i) of \(caseOrder.count)") }
                return caseOrder[Int(i)]
            }
            for _ in 0..<(try r.count()) { caseByMessageID[try r.string()] = try caseAt(try r.uint()) }
            for _ in 0..<(try r.count()) { undeliveredReplies[try r.string()] = try caseAt(try r.uint()) }
        }
        guard r.isAtEnd else { throw BinaryReader.Malformed(description: "snapshot has trailing bytes at \(r.offset)") }
    }

    /// Every stored thread decoded once, for `frontline check`: opening reads only the heads.
    public func verifyStoredThreads() throws {
        for id in caseOrder {
            guard let c = cases[id] else { continue }
            do { try c.thread.verify() } catch { throw BinaryReader.Malformed(description: "case \(id): \(error)") }
        }
    }

    /// A case without its thread: what opening reads for every case.
    static func writeHead(_ c: SupportCase, into w: inout BinaryWriter, format: UInt64) {
        w.string(c.id); w.string(c.customerID); w.string(c.subject)
        w.code(c.status); w.code(c.priority); w.optionalString(c.assignee)
        w.uint(UInt64(c.tags.count)); for t in c.tags { w.string(t) }
        writeTail(c, into: &w, format: format)
    }

    /// Formats 2 to 4: each case whole, messages and activity inline.
    static func writeCaseInline(_ c: SupportCase, into w: inout BinaryWriter, format: UInt64) {
        w.string(c.id); w.string(c.customerID); w.string(c.subject)
        w.code(c.status); w.code(c.priority); w.optionalString(c.assignee)
        w.uint(UInt64(c.tags.count)); for t in c.tags { w.string(t) }
        CaseThread.write(c.messages, into: &w, format: format)
        CaseThread.write(c.activity, into: &w)
        writeTail(c, into: &w, format: format)
    }

    private static func writeTail(_ c: SupportCase, into w: inout BinaryWriter, format: UInt64) {
        w.bool(c.escalation != nil)
        if let e = c.escalation { w.code(e.level); w.string(e.reason); w.string(e.by); w.date(e.at) }
        w.uint(UInt64(c.apologies.count))
        for a in c.apologies { w.code(a.kind); w.string(a.by); w.date(a.at) }
        w.uint(UInt64(c.followUps.count))
        for f in c.followUps {
            w.int(f.id); w.date(f.due); w.string(f.note); w.string(f.by); w.date(f.createdAt)
            w.bool(f.done); w.optionalString(f.outcome); w.optionalDate(f.doneAt)
            if format >= 5 { w.bool(f.untilAnswer); w.optionalString(f.cancelled); w.optionalDate(f.brokenAt) }
            if format >= 6 { w.optionalString(f.waitingOn) }
        }
        if format >= 5 {
            w.uint(UInt64(c.ratings.count))
            for r in c.ratings {
                w.int(r.score); w.optionalString(r.comment); w.date(r.at); w.string(r.by)
                w.uint(UInt64(r.credited.count)); for a in r.credited { w.string(a) }
            }
        }
        if format >= 6 {
            w.uint(UInt64(c.offers.count))
            for o in c.offers { o.write(into: &w) }
            w.uint(UInt64(c.recoveries.count))
            for r in c.recoveries {
                w.date(r.at); w.string(r.by); w.code(r.apology); w.bool(r.offer != nil); if let o = r.offer { w.int(o) }; w.int(r.followUp)
            }
            w.uint(UInt64(c.stockWishes.count))
            for s in c.stockWishes { s.write(into: &w) }
            w.uint(UInt64(c.feedbackRequests.count))
            for f in c.feedbackRequests { f.write(into: &w) }
            w.uint(UInt64(c.solutionsUsed.count))
            for u in c.solutionsUsed { w.string(u.name); w.string(u.by); w.date(u.at) }
            w.int(c.reopens)
        }
        if format >= 7 {
            w.uint(UInt64(c.reviews.count))
            for r in c.reviews { r.write(into: &w) }
            w.optionalDate(c.reopenedAt)
        }
        w.date(c.openedAt); w.optionalDate(c.waitingSince); w.optionalDate(c.solvedAt); w.date(c.lastActivityAt)
    }

    static func readHead(_ r: inout BinaryReader, version: UInt64, threads: Range<Int>, in snapshot: StoredBytes) throws -> SupportCase {
        let id = try r.string(), customerID = try r.string(), subject = try r.string()
        let status = try r.code(CaseStatus.self), priority = try r.code(Priority.self)
        let assignee = try r.optionalString()
        var tags: [String] = []
        for _ in 0..<(try r.count()) { tags.append(try r.string()) }
        var c = try readTail(&r, version: version, id: id, customerID: customerID, subject: subject, status: status,
                             priority: priority, assignee: assignee, tags: tags, thread: CaseThread(messages: [], activity: []))
        let start = try r.uint(), length = try r.uint()
        let summary = try ThreadSummary.read(&r)
        guard start <= UInt64(threads.count), length <= UInt64(threads.count) - start else {
            throw r.fail("case \(id)'s thread (\(length) bytes at \(start)) lies outside the \(threads.count) bytes of threads")
        }
        let from = threads.lowerBound + Int(start)
        c.thread = CaseThread(stored: snapshot, range: from..<(from + Int(length)), summary: summary)
        return c
    }

    static func readCaseInline(_ r: inout BinaryReader, version: UInt64) throws -> SupportCase {
        let id = try r.string(), customerID = try r.string(), subject = try r.string()
        let status = try r.code(CaseStatus.self), priority = try r.code(Priority.self)
        let assignee = try r.optionalString()
        var tags: [String] = []
        for _ in 0..<(try r.count()) { tags.append(try r.string()) }
        let messages = try CaseThread.readMessages(&r, version: version)
        let activity = try CaseThread.readActivity(&r)
        return try readTail(&r, version: version, id: id, customerID: customerID, subject: subject, status: status, priority: priority,
                            assignee: assignee, tags: tags, thread: CaseThread(messages: messages, activity: activity))
    }

    private static func readTail(_ r: inout BinaryReader, version: UInt64, id: CaseID, customerID: CustomerID, subject: String, status: CaseStatus,
                                 priority: Priority, assignee: String?, tags: [String], thread: CaseThread) throws -> SupportCase {
        var escalation: Escalation?
        if try r.bool() {
            escalation = Escalation(level: try r.code(EscalationLevel.self), reason: try r.string(), by: try r.string(), at: try r.date())
        }
        var apologies: [Apology] = []
        for _ in 0..<(try r.count()) { apologies.append(Apology(kind: try r.code(ApologyKind.self), by: try r.string(), at: try r.date())) }
        var followUps: [FollowUp] = []
        for _ in 0..<(try r.count()) {
            var f = FollowUp(id: try r.int(), due: try r.date(), note: try r.string(), by: try r.string(), createdAt: try r.date(),
                             done: try r.bool(), outcome: try r.optionalString(), doneAt: try r.optionalDate())
            if version >= 5 { f.untilAnswer = try r.bool(); f.cancelled = try r.optionalString(); f.brokenAt = try r.optionalDate() }
            if version >= 6 { f.waitingOn = try r.optionalString() }
            followUps.append(f)
        }
        var ratings: [Rating] = []
        if version >= 5 {
            for _ in 0..<(try r.count()) {
                let score = try r.int(), comment = try r.optionalString(), at = try r.date(), by = try r.string()
                var credited: [String] = []
                for _ in 0..<(try r.count()) { credited.append(try r.string()) }
                ratings.append(Rating(score: score, comment: comment, at: at, credited: credited, by: by))
            }
        }
        var offers: [Offer] = []
        var recoveries: [Recovery] = []
        var wishes: [StockWish] = []
        var requests: [FeedbackRequest] = []
        var used: [SolutionUse] = []
        var reopens = 0
        if version >= 6 {
            for _ in 0..<(try r.count()) { offers.append(try Offer.read(&r)) }
            for _ in 0..<(try r.count()) {
                let at = try r.date(), by = try r.string(), apology = try r.code(ApologyKind.self)
                let offer = try r.bool() ? try r.int() : nil
                recoveries.append(Recovery(at: at, by: by, apology: apology, offer: offer, followUp: try r.int()))
            }
            for _ in 0..<(try r.count()) { wishes.append(try StockWish.read(&r)) }
            for _ in 0..<(try r.count()) { requests.append(try FeedbackRequest.read(&r)) }
            for _ in 0..<(try r.count()) { used.append(SolutionUse(name: try r.string(), by: try r.string(), at: try r.date())) }
            reopens = try r.int()
        }
        var reviews: [Review] = []
        var reopenedAt: Date?
        if version >= 7 {
            for _ in 0..<(try r.count()) { reviews.append(try Review.read(&r)) }
            reopenedAt = try r.optionalDate()
        }
        var c = SupportCase(id: id, customerID: customerID, subject: subject, status: status, priority: priority, assignee: assignee,
                            tags: tags, thread: thread, escalation: escalation, apologies: apologies, followUps: followUps,
                            openedAt: try r.date(), waitingSince: try r.optionalDate(), solvedAt: try r.optionalDate(),
                            lastActivityAt: try r.date())
        c.ratings = ratings
        c.offers = offers
        c.recoveries = recoveries
        c.stockWishes = wishes
        c.feedbackRequests = requests
        c.solutionsUsed = used
        c.reopens = reopens
        c.reviews = reviews
        c.reopenedAt = reopenedAt
        return c
    }
}
