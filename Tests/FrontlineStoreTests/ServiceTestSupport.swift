import Foundation
import FrontlineCore
import FrontlineStore
import Testing
#if canImport(Glibc)
import Glibc
#endif

// Helpers shared by the Service* and Crash* suites (service-level recovery, crash and property
// tests). Names carry a "Service" prefix so they never collide with other suites in this target.

/// A fixed start time: Monday 2026-11-23 10:00 UTC.
let serviceEpoch = Date(timeIntervalSince1970: 1_795_428_000)

/// A unique temporary folder for one test; `remove()` it in a `defer`.
struct ServiceTestFolder {
    let root: String

    init(_ label: String = "service") {
        root = FileManager.default.temporaryDirectory
            .appendingPathComponent("frontline-\(label)-\(UUID().uuidString)").path
        try? FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
    }

    func path(_ name: String = "data") -> String { root + "/" + name }

    func remove() {
        try? FileManager.default.removeItem(atPath: root)
    }
}

enum ServiceFiles {
    static func bytes(_ path: String) -> [UInt8] {
        FileManager.default.contents(atPath: path).map { [UInt8]($0) } ?? []
    }

    static func write(_ bytes: [UInt8], to path: String) throws {
        try Data(bytes).write(to: URL(fileURLWithPath: path))
    }

    static func names(in directory: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).sorted()
    }

    static func exists(_ path: String) -> Bool {
        FileManager.default.fileExists(atPath: path)
    }

    /// Copies a whole data directory (archive/ included) to a new path.
    static func copyDirectory(_ source: String, to destination: String) throws {
        try FileManager.default.copyItem(atPath: source, toPath: destination)
    }

    static func mode(_ path: String) -> mode_t {
        var info = stat()
        guard lstat(path, &info) == 0 else { return 0 }
        return info.st_mode & 0o7777
    }

    static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        guard lstat(path, &info) == 0 else { return false }
        return info.st_mode & S_IFMT == S_IFDIR
    }

    /// Live journal segments of a data directory, oldest first.
    static func segments(in directory: String) -> [String] {
        names(in: directory).filter { $0.hasPrefix("journal-") && $0.hasSuffix(".log") }
    }

    /// Snapshot files, newest first.
    static func snapshots(in directory: String) -> [String] {
        names(in: directory).filter { $0.hasPrefix("snapshot-") && $0.hasSuffix(".snap") }.sorted(by: >)
    }

    /// Truncates a file to `length` bytes.
    static func truncate(_ path: String, to length: Int) throws {
        guard Glibc.truncate(path, off_t(length)) == 0 else {
            throw ServiceTestFailure("truncate \(path) to \(length): errno \(errno)")
        }
    }

    /// Flips every bit of one byte.
    static func flipByte(in path: String, at offset: Int) throws {
        var data = bytes(path)
        guard offset < data.count else { throw ServiceTestFailure("\(path) has only \(data.count) bytes, cannot flip byte \(offset)") }
        data[offset] ^= 0xFF
        try write(data, to: path)
    }
}

struct ServiceTestFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// Reads journal segments with the documented framing, independently of the library:
/// u32 LE payload length | u32 LE CRC32C | u64 LE sequence | payload.
enum ServiceJournalFrames {
    struct Frame {
        let offset: Int
        let end: Int
        let sequence: UInt64
        let payload: [UInt8]
    }

    /// The complete frames at the start of `bytes` (stops at the first incomplete one; does not verify checksums).
    static func frames(_ bytes: [UInt8]) -> [Frame] {
        var frames: [Frame] = []
        var offset = 0
        while offset + 16 <= bytes.count {
            let length = Int(littleEndian32(bytes, at: offset))
            let end = offset + 16 + length
            guard end <= bytes.count else { break }
            let sequence = UInt64(littleEndian32(bytes, at: offset + 8)) | UInt64(littleEndian32(bytes, at: offset + 12)) << 32
            frames.append(Frame(offset: offset, end: end, sequence: sequence, payload: Array(bytes[(offset + 16)..<end])))
            offset = end
        }
        return frames
    }

    static func events(of frame: Frame) throws -> [Event] {
        try JournalCodec.makeDecoder().decode([Event].self, from: Data(frame.payload))
    }

    private static func littleEndian32(_ bytes: [UInt8], at offset: Int) -> UInt32 {
        UInt32(bytes[offset]) | UInt32(bytes[offset + 1]) << 8 | UInt32(bytes[offset + 2]) << 16 | UInt32(bytes[offset + 3]) << 24
    }
}

/// Commands that are easy to write in tests.
enum ServiceCommands {
    static func open(_ name: String, email: String = "", language: String = "en", subject: String = "Help",
                     body: String = "Hello", priority: Priority = .normal, receivedAt: Date? = nil) -> Command {
        .receive(IncomingMessage(customerName: name, customerEmail: email, language: language, subject: subject,
                                 body: body, receivedAt: receivedAt, priority: priority))
    }

    static func append(to id: CaseID, body: String, receivedAt: Date? = nil) -> Command {
        .receive(IncomingMessage(customerName: "", customerEmail: "", language: "en", subject: "", body: body,
                                 receivedAt: receivedAt, appendTo: id))
    }
}

/// Folds events into a desk, as recovery does.
func serviceFold(_ events: [Event], into desk: HelpDesk = HelpDesk()) -> HelpDesk {
    var desk = desk
    for event in events { desk.apply(event) }
    return desk
}

/// Whether some case in `desk` has a message whose body is `body`.
func serviceDesk(_ desk: HelpDesk, hasMessage body: String) -> Bool {
    desk.cases.values.contains { $0.messages.contains { $0.body == body } }
}

// MARK: - The real binary

/// Finds and runs the `frontline` executable that `swift test` built next to the test bundle.
enum ServiceBinary {
    /// The binary, or a reason why none was found.
    static let location: Result<String, ServiceTestFailure> = locate()

    static func path() throws -> String {
        try location.get()
    }

    private static func locate() -> Result<String, ServiceTestFailure> {
        var starts: [URL] = [Bundle.main.bundleURL]
        if let executable = Bundle.main.executableURL { starts.append(executable) }
        if let own = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            starts.append(URL(fileURLWithPath: own))
        }
        for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
            starts.append(bundle.bundleURL)
        }
        var tried: [String] = []
        for start in starts {
            var directory = start.standardizedFileURL
            for _ in 0..<5 {
                let candidate = directory.appendingPathComponent("frontline").path
                tried.append(candidate)
                if isExecutableFile(candidate) { return .success(candidate) }
                directory = directory.deletingLastPathComponent()
            }
        }
        // <package root>/.build/debug/frontline, from this source file's place in Tests/FrontlineStoreTests/.
        let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let fallback = packageRoot.appendingPathComponent(".build/debug/frontline").path
        tried.append(fallback)
        if isExecutableFile(fallback) { return .success(fallback) }
        return .failure(ServiceTestFailure("the frontline binary was not found (build it with `swift build`); looked at: \(tried.joined(separator: ", "))"))
    }

    private static func isExecutableFile(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && !isDirectory.boolValue
            && FileManager.default.isExecutableFile(atPath: path)
    }

    struct Outcome {
        let status: Int32
        let stdout: String
        let stderr: String
        let stdoutData: Data
    }

    /// Runs the binary to completion with stdin at /dev/null. Output goes through files (not
    /// pipes), so a descriptor inherited by some other child can never hold the read open.
    static func run(_ arguments: [String], scratch: String) throws -> Outcome {
        let id = UUID().uuidString
        let outPath = scratch + "/out-\(id)"
        let errPath = scratch + "/err-\(id)"
        precondition(FileManager.default.createFile(atPath: outPath, contents: nil), "cannot create \(outPath)")
        precondition(FileManager.default.createFile(atPath: errPath, contents: nil), "cannot create \(errPath)")
        defer {
            try? FileManager.default.removeItem(atPath: outPath)
            try? FileManager.default.removeItem(atPath: errPath)
        }
        let out = try FileHandle(forWritingTo: URL(fileURLWithPath: outPath))
        let err = try FileHandle(forWritingTo: URL(fileURLWithPath: errPath))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try path())
        process.arguments = arguments
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = out
        process.standardError = err
        process.environment = environment()
        try process.run()
        process.waitUntilExit()
        try? out.close()
        try? err.close()
        let stdoutData = FileManager.default.contents(atPath: outPath) ?? Data()
        let stderrData = FileManager.default.contents(atPath: errPath) ?? Data()
        return Outcome(status: process.terminationStatus, stdout: String(decoding: stdoutData, as: UTF8.self),
                       stderr: String(decoding: stderrData, as: UTF8.self), stdoutData: stdoutData)
    }

    /// The test's environment without anything that could point the binary at a real store.
    static func environment() -> [String: String] {
        var environment = ProcessInfo.processInfo.environment
        environment["FRONTLINE_DATA_DIR"] = nil
        environment["FRONTLINE_AGENT"] = nil
        environment["NO_COLOR"] = "1"
        return environment
    }
}

// MARK: - Describing differences briefly

/// The first few differences between two desks, field by field and case by case; nil when equal.
/// (A failed `#expect(a == b)` would print both desks whole — thousands of lines.)
func serviceDifference(_ actual: HelpDesk, _ expected: HelpDesk, limit: Int = 6) -> String? {
    guard actual != expected else { return nil }
    var found: [String] = []
    func note(_ what: String, _ a: Any, _ b: Any) {
        if found.count < limit { found.append("\(what): \(a) vs expected \(b)") }
    }
    if actual.lastSequence != expected.lastSequence { note("lastSequence", actual.lastSequence, expected.lastSequence) }
    if actual.caseOrder != expected.caseOrder { note("caseOrder", actual.caseOrder, expected.caseOrder) }
    if actual.nextCaseNumber != expected.nextCaseNumber { note("nextCaseNumber", actual.nextCaseNumber, expected.nextCaseNumber) }
    if actual.nextCustomerNumber != expected.nextCustomerNumber { note("nextCustomerNumber", actual.nextCustomerNumber, expected.nextCustomerNumber) }
    if actual.casesByCustomer != expected.casesByCustomer { note("casesByCustomer", actual.casesByCustomer, expected.casesByCustomer) }
    if actual.customerByEmail != expected.customerByEmail { note("customerByEmail", actual.customerByEmail, expected.customerByEmail) }
    if actual.drafts != expected.drafts { note("drafts", actual.drafts, expected.drafts) }
    for id in Set(actual.customers.keys).union(expected.customers.keys).sorted() where actual.customers[id] != expected.customers[id] {
        let a = actual.customers[id], b = expected.customers[id]
        if let a, let b, a.since != b.since {
            note("customer \(id).since", a.since.timeIntervalSince1970, b.since.timeIntervalSince1970)
        } else {
            note("customer \(id)", a as Any, b as Any)
        }
    }
    for id in Set(actual.cases.keys).union(expected.cases.keys).sorted() where actual.cases[id] != expected.cases[id] {
        guard let a = actual.cases[id], let b = expected.cases[id] else {
            note("case \(id) present", actual.cases[id] != nil, expected.cases[id] != nil)
            continue
        }
        let fields: [(String, Any, Any, Bool)] = [
            ("status", a.status, b.status, a.status == b.status), ("priority", a.priority, b.priority, a.priority == b.priority),
            ("assignee", a.assignee as Any, b.assignee as Any, a.assignee == b.assignee), ("tags", a.tags, b.tags, a.tags == b.tags),
            ("subject", a.subject, b.subject, a.subject == b.subject), ("customerID", a.customerID, b.customerID, a.customerID == b.customerID),
            ("messages", a.messages, b.messages, a.messages == b.messages), ("activity", a.activity, b.activity, a.activity == b.activity),
            ("escalation", a.escalation as Any, b.escalation as Any, a.escalation == b.escalation),
            ("apologies", a.apologies, b.apologies, a.apologies == b.apologies), ("followUps", a.followUps, b.followUps, a.followUps == b.followUps),
            ("openedAt", a.openedAt, b.openedAt, a.openedAt == b.openedAt),
            ("waitingSince", a.waitingSince as Any, b.waitingSince as Any, a.waitingSince == b.waitingSince),
            ("solvedAt", a.solvedAt as Any, b.solvedAt as Any, a.solvedAt == b.solvedAt),
            ("lastActivityAt", a.lastActivityAt, b.lastActivityAt, a.lastActivityAt == b.lastActivityAt),
        ]
        for (name, x, y, same) in fields where !same { note("case \(id).\(name)", x, y) }
    }
    if found.isEmpty { found.append("the desks differ in a way not itemised here") }
    return found.joined(separator: "; ")
}

/// Where two event lists first differ; nil when equal.
func serviceDifference(_ actual: [Event], _ expected: [Event]) -> String? {
    guard actual != expected else { return nil }
    for (index, (a, b)) in zip(actual, expected).enumerated() where a != b {
        return "event \(index) (sequence \(b.sequence)): \(a) vs expected \(b)"
    }
    return "\(actual.count) events vs expected \(expected.count)"
}

/// The parent of every Service* and Crash* suite, run one test at a time. Why: a child process
/// spawned by one test (Foundation `Process`) holds copies of all this process's descriptors
/// from its fork until its exec, so a store another test has just closed can, for that moment,
/// still be locked (flock) — and an immediate reopen is refused with "in use by pid <our own
/// pid>". Serialising keeps this target's own spawns away from its own close→reopen loops.
@Suite(.serialized) struct ServiceStoreSuites {}
