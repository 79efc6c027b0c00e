import Foundation

/// A case's messages and activity: the bulk of a case, and nothing the queue paints. A case read
/// from a snapshot keeps them in the snapshot's stored bytes (mapped from the file) and decodes
/// them when someone asks — opening the case, the search index, an export; a case that changes
/// holds them in memory from then on. At 100,000 cases this keeps half a million message bodies
/// out of the heap.
struct CaseThread: Sendable {
    private enum Storage: Sendable {
        case loaded(messages: [Message], activity: [CaseActivity])
        /// A record `CaseThread.write` wrote: the messages' byte length (eight bytes), the messages, the activity
        /// (and from format 8 the activity's wording).
        case stored(StoredBytes, Range<Int>)
    }

    private var storage: Storage
    /// What the queue shows about the messages, kept beside them (and in the case's head).
    private(set) var summary: ThreadSummary

    init(messages: [Message], activity: [CaseActivity]) {
        storage = .loaded(messages: messages, activity: activity)
        summary = ThreadSummary(messages)
    }

    init(stored: StoredBytes, range: Range<Int>, summary: ThreadSummary) {
        storage = .stored(stored, range)
        self.summary = summary
    }

    var messages: [Message] {
        switch storage {
        case let .loaded(messages, _): return messages
        case let .stored(bytes, range): return Self.decode(bytes, range).messages
        }
    }

    var activity: [CaseActivity] {
        switch storage {
        case let .loaded(_, activity): return activity
        case let .stored(bytes, range): return Self.decode(bytes, range, messages: false).activity
        }
    }

    /// Still in stored bytes (not decoded into the heap): what the tests of the lean store look at.
    var isStored: Bool {
        if case .stored = storage { return true }
        return false
    }

    mutating func setMessages(_ messages: [Message]) {
        storage = .loaded(messages: messages, activity: activity)
        summary = ThreadSummary(messages)
    }
    mutating func setActivity(_ activity: [CaseActivity]) { storage = .loaded(messages: messages, activity: activity) }

    /// The snapshot record; a stored thread is copied as it is, without decoding.
    func write(into w: inout BinaryWriter) {
        switch storage {
        case let .stored(bytes, range):
            w.raw(UnsafeRawBufferPointer(rebasing: bytes.buffer[range]))
        case let .loaded(messages, activity):
            let length = w.reserveFixed64()
            Self.write(messages, into: &w)
            w.patchFixed64(at: length, UInt64(w.bytes.count - length - 8))
            Self.write(activity, into: &w)
            Self.writeLines(activity, into: &w)
        }
    }

    static func write(_ messages: [Message], into w: inout BinaryWriter, format: UInt64 = HelpDesk.snapshotFormatVersion) {
        w.uint(UInt64(messages.count))
        for m in messages {
            w.code(m.direction); w.string(m.author); w.date(m.at); w.string(m.body)
            w.bool(m.channel != nil)
            if let ch = m.channel { w.code(ch) }
            if format >= 4 {
                w.bool(m.mail != nil)
                if let mail = m.mail { MailDetailsCoding.write(mail, into: &w) }
            }
        }
    }

    static func write(_ activity: [CaseActivity], into w: inout BinaryWriter) {
        w.uint(UInt64(activity.count))
        for a in activity { w.date(a.at); w.string(a.actor); w.string(a.text) }
    }

    /// Format 8: after the activity, each line's wording (`ActivityLine`), so every console says
    /// it in its language. A record of format 5 to 7 ends before it: its lines stay as written.
    static func writeLines(_ activity: [CaseActivity], into w: inout BinaryWriter) {
        guard activity.contains(where: { $0.line != nil }) else { return }
        for a in activity {
            w.bool(a.line != nil)
            guard let line = a.line else { continue }
            w.string(line.sentence.rawValue)
            w.uint(UInt64(line.values.count))
            for key in line.values.keys.sorted() { w.string(key); w.string(line.values[key]!) }
        }
    }

    static func readLines(_ r: inout BinaryReader, into activity: inout [CaseActivity]) throws {
        guard !r.isAtEnd else { return }
        for i in activity.indices where try r.bool() {
            let name = try r.string()
            var values: [String: String] = [:]
            for _ in 0..<(try r.count()) { values[try r.string()] = try r.string() }
            // A sentence this frontline does not know (a newer writer's) keeps its English.
            activity[i].line = ActivityLine.Sentence(rawValue: name).map { ActivityLine($0, values) }
        }
    }

    static func readMessages(_ r: inout BinaryReader, version: UInt64) throws -> [Message] {
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
        return messages
    }

    static func readActivity(_ r: inout BinaryReader) throws -> [CaseActivity] {
        var activity: [CaseActivity] = []
        for _ in 0..<(try r.count()) { activity.append(CaseActivity(at: try r.date(), actor: try r.string(), text: try r.string())) }
        return activity
    }

    /// Reads a stored record whole, throwing at the first thing wrong: what `frontline check`
    /// runs on every case (a loaded thread has nothing to verify).
    func verify() throws {
        guard case let .stored(bytes, range) = storage else { return }
        var r = BinaryReader(bytes, range: range)
        var messagesBytes = r
        _ = try r.skip(try r.fixed64())
        _ = try messagesBytes.fixed64()
        _ = try Self.readMessages(&messagesBytes, version: HelpDesk.snapshotFormatVersion)
        guard messagesBytes.offset == r.offset else { throw r.fail("messages end at byte \(messagesBytes.offset), not where their length says") }
        var activity = try Self.readActivity(&r)
        try Self.readLines(&r, into: &activity)
        guard r.isAtEnd else { throw r.fail("a case's record has trailing bytes") }
    }

    /// Decodes a stored record. The snapshot's checksum was verified when it was opened, so a
    /// failure here means a bug in the writer: the case then shows what could be read and a
    /// note saying where the rest is, rather than crashing the console or hiding the case.
    private static func decode(_ bytes: StoredBytes, _ range: Range<Int>, messages wanted: Bool = true) -> (messages: [Message], activity: [CaseActivity]) {
        var r = BinaryReader(bytes, range: range)
        do {
            let messagesRange = try r.skip(try r.fixed64())
            if wanted {
                var m = BinaryReader(bytes, range: messagesRange)
                return (try readMessages(&m, version: HelpDesk.snapshotFormatVersion), [])
            }
            var activity = try readActivity(&r)
            try readLines(&r, into: &activity)
            return ([], activity)
        } catch {
            let note = Message(direction: .note, author: "frontline", at: Date(timeIntervalSince1970: 0),
                               body: "This case's \(wanted ? "messages" : "history") could not be read from the snapshot (\(error), record at bytes \(range)). Run `frontline check`; the journal still holds every change.")
            return wanted ? ([note], []) : ([], [CaseActivity(at: Date(timeIntervalSince1970: 0), actor: "frontline", text: note.body)])
        }
    }
}

/// The marks a queue row shows that come from a case's messages.
struct ThreadSummary: Sendable, Equatable {
    /// Our latest reply by mail, when the mail system could not take it.
    var failedDelivery: MailDelivery?
    /// A customer mail whose sender DMARC/SPF could not verify.
    var senderNotVerified: Bool

    init(failedDelivery: MailDelivery?, senderNotVerified: Bool) {
        self.failedDelivery = failedDelivery
        self.senderNotVerified = senderNotVerified
    }

    init(_ messages: [Message]) {
        let last = messages.last { $0.direction == .outbound }
        failedDelivery = last?.mail?.delivery.flatMap { $0.needsAttention ? $0 : nil }
        senderNotVerified = messages.contains { $0.direction == .inbound && $0.mail?.senderNotVerified == true }
    }

    func write(into w: inout BinaryWriter) {
        w.bool(senderNotVerified)
        MailDetailsCoding.writeDelivery(failedDelivery, into: &w)
    }

    static func read(_ r: inout BinaryReader) throws -> ThreadSummary {
        let unverified = try r.bool()
        return ThreadSummary(failedDelivery: try MailDetailsCoding.readDelivery(&r), senderNotVerified: unverified)
    }
}

extension CaseThread: Equatable {
    static func == (a: CaseThread, b: CaseThread) -> Bool {
        if case let .stored(x, xr) = a.storage, case let .stored(y, yr) = b.storage, x === y, xr == yr { return true }
        return a.messages == b.messages && a.activity == b.activity
    }
}
