import Foundation

/// The snapshot payload: the whole help desk in the binary format. Indexes that can be derived
/// (cases by customer, customers by e-mail) are rebuilt on read rather than stored.
extension HelpDesk {
    /// 4 added the e-mail side of messages; 3 added the run-time SLA targets at the end; 2 and 3 are still read.
    static let snapshotFormatVersion: UInt64 = 4

    public func snapshotBytes() -> [UInt8] { snapshotBytes(format: Self.snapshotFormatVersion) }

    /// `format` below the current one exists for the tests that prove old snapshots still read
    /// (an older format drops what it cannot hold).
    func snapshotBytes(format: UInt64) -> [UInt8] {
        var w = BinaryWriter(capacity: max(1 << 16, cases.count * 600))
        w.uint(format)
        w.uint(lastSequence)
        w.int(nextCaseNumber)
        w.int(nextCustomerNumber)
        w.uint(UInt64(customers.count))
        for k in customers.values.sorted(by: { $0.id < $1.id }) {
            w.string(k.id); w.string(k.name); w.string(k.email); w.string(k.language); w.date(k.since)
        }
        w.uint(UInt64(caseOrder.count))
        for id in caseOrder {
            guard let c = cases[id] else { continue }
            Self.write(c, into: &w, format: format)
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
        return w.bytes
    }

    public init(snapshotBytes bytes: [UInt8]) throws {
        var r = BinaryReader(bytes)
        let version = try r.uint()
        guard (2...Self.snapshotFormatVersion).contains(version) else {
            throw BinaryReader.Malformed(description: "snapshot format \(version) is not one this frontline reads (\(Self.snapshotFormatVersion))")
        }
        self.init()
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
            let c = try Self.readCase(&r, version: version)
            cases[c.id] = c
            for m in c.messages {
                guard let mail = m.mail else { continue }
                caseByMessageID[mail.messageID] = c.id
                if let d = mail.delivery, d.state == .queued || d.state == .retrying { undeliveredReplies[mail.messageID] = c.id }
            }
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
        guard r.isAtEnd else { throw BinaryReader.Malformed(description: "snapshot has trailing bytes at \(r.offset)") }
    }

    static func write(_ c: SupportCase, into w: inout BinaryWriter, format: UInt64) {
        w.string(c.id); w.string(c.customerID); w.string(c.subject)
        w.code(c.status); w.code(c.priority); w.optionalString(c.assignee)
        w.uint(UInt64(c.tags.count)); for t in c.tags { w.string(t) }
        w.uint(UInt64(c.messages.count))
        for m in c.messages {
            w.code(m.direction); w.string(m.author); w.date(m.at); w.string(m.body)
            w.bool(m.channel != nil)
            if let ch = m.channel { w.code(ch) }
            if format >= 4 {
                w.bool(m.mail != nil)
                if let mail = m.mail { MailDetailsCoding.write(mail, into: &w) }
            }
        }
        w.uint(UInt64(c.activity.count))
        for a in c.activity { w.date(a.at); w.string(a.actor); w.string(a.text) }
        w.bool(c.escalation != nil)
        if let e = c.escalation { w.code(e.level); w.string(e.reason); w.string(e.by); w.date(e.at) }
        w.uint(UInt64(c.apologies.count))
        for a in c.apologies { w.code(a.kind); w.string(a.by); w.date(a.at) }
        w.uint(UInt64(c.followUps.count))
        for f in c.followUps {
            w.int(f.id); w.date(f.due); w.string(f.note); w.string(f.by); w.date(f.createdAt)
            w.bool(f.done); w.optionalString(f.outcome); w.optionalDate(f.doneAt)
        }
        w.date(c.openedAt); w.optionalDate(c.waitingSince); w.optionalDate(c.solvedAt); w.date(c.lastActivityAt)
    }

    static func readCase(_ r: inout BinaryReader, version: UInt64) throws -> SupportCase {
        let id = try r.string(), customerID = try r.string(), subject = try r.string()
        let status = try r.code(CaseStatus.self), priority = try r.code(Priority.self)
        let assignee = try r.optionalString()
        var tags: [String] = []
        for _ in 0..<(try r.count()) { tags.append(try r.string()) }
        var messages: [Message] = []
        let messageCount = try r.count()
        messages.reserveCapacity(messageCount)
        for _ in 0..<messageCount {
            let direction = try r.code(MessageDirection.self)
            let author = try r.string(), at = try r.date(), body = try r.string()
            let channel = try r.bool() ? try r.code(Channel.self) : nil
            let hasMail = version >= 4 ? try r.bool() : false
            let mail = hasMail ? try MailDetailsCoding.read(&r) : nil
            messages.append(Message(direction: direction, author: author, at: at, body: body, channel: channel, mail: mail))
        }
        var activity: [CaseActivity] = []
        for _ in 0..<(try r.count()) { activity.append(CaseActivity(at: try r.date(), actor: try r.string(), text: try r.string())) }
        var escalation: Escalation?
        if try r.bool() {
            escalation = Escalation(level: try r.code(EscalationLevel.self), reason: try r.string(), by: try r.string(), at: try r.date())
        }
        var apologies: [Apology] = []
        for _ in 0..<(try r.count()) { apologies.append(Apology(kind: try r.code(ApologyKind.self), by: try r.string(), at: try r.date())) }
        var followUps: [FollowUp] = []
        for _ in 0..<(try r.count()) {
            followUps.append(FollowUp(id: try r.int(), due: try r.date(), note: try r.string(), by: try r.string(), createdAt: try r.date(),
                                      done: try r.bool(), outcome: try r.optionalString(), doneAt: try r.optionalDate()))
        }
        return SupportCase(id: id, customerID: customerID, subject: subject, status: status, priority: priority, assignee: assignee,
                           tags: tags, messages: messages, activity: activity, escalation: escalation, apologies: apologies,
                           followUps: followUps, openedAt: try r.date(), waitingSince: try r.optionalDate(), solvedAt: try r.optionalDate(),
                           lastActivityAt: try r.date())
    }
}
