import Foundation
import FrontlineConsole
import FrontlineCore
import FrontlineStore
import FrontlineTUI

// frontline-bench: seeds N cases into a temporary store and measures what an agent feels.
// Run in a release build:  swift run -c release frontline-bench [N …]   (default 10000 100000)

final class BenchHost: ConsoleHost {
    var exitReason: String? { nil }
    func runOutsideFullScreen(_ body: () -> Void) { body() }
    func suspend() {}
}

func nowNanos() -> UInt64 {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return UInt64(ts.tv_sec) * 1_000_000_000 + UInt64(ts.tv_nsec)
}

func seconds(_ body: () throws -> Void) rethrows -> Double {
    let start = nowNanos()
    try body()
    return Double(nowNanos() - start) / 1e9
}

/// VmRSS (or another field, e.g. VmHWM for the peak) of this or another process.
func residentBytes(pid: String = "self", field: String = "VmRSS") -> Int {
    guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return 0 }
    for line in status.split(separator: "\n") where line.hasPrefix(field + ":") {
        let kb = line.split(separator: " ").dropFirst().first.flatMap { Int($0) } ?? 0
        return kb * 1024
    }
    return 0
}

func percentile(_ xs: [Double], _ p: Double) -> Double {
    let s = xs.sorted()
    return s[min(s.count - 1, Int(Double(s.count - 1) * p))]
}

func ms(_ s: Double) -> String { String(format: "%.3f ms", s * 1000) }

func rawTextBytes(_ desk: HelpDesk) -> Int {
    var n = 0
    for c in desk.cases.values {
        n += c.subject.utf8.count
        for m in c.messages { n += m.body.utf8.count + m.author.utf8.count }
    }
    for k in desk.customers.values { n += k.name.utf8.count + k.email.utf8.count }
    return n
}

func bench(cases n: Int) throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("frontline-bench-\(getpid())-\(n)").path
    defer { if ProcessInfo.processInfo.environment["BENCH_KEEP"] == nil { try? FileManager.default.removeItem(atPath: dir) } }
    say("== \(n) cases ==")

    // Seed (batched: one fsync per 5,000 steps).
    let seeded = try LocalCaseService(path: dir, owner: "bench", snapshotInterval: Int.max)
    let seedTime = try seconds {
        var batch: [(command: Command, actor: String, at: Date?)] = []
        var next = seeded.desk.nextCaseNumber
        var ids: [Int: CaseID] = [:]
        for step in DemoQueue(count: n, seed: 1).steps(now: Date()) {
            if step.opensCase { ids[step.caseRef] = "C-\(next)"; next += 1; batch.append((step.command, step.actor, step.at)) }
            else if let id = ids[step.caseRef] { batch.append((step.command(for: id), step.actor, step.at)) }
            if batch.count >= 5000 { try seeded.performBatch(batch, mailingReplies: false); batch.removeAll() }
        }
        try seeded.performBatch(batch, mailingReplies: false)
        // Top up to five messages per case on average with notes and customer messages.
        let desk = seeded.desk
        var extra: [(command: Command, actor: String, at: Date?)] = []
        for id in desk.caseOrder {
            let have = desk.cases[id]!.messages.count
            for i in have..<5 {
                extra.append((i % 2 == 0 ? .note(id, body: "Checked the order history; nothing unusual. Will call back after lunch.")
                                         : .receive(IncomingMessage(customerName: "", customerEmail: "", language: "", subject: "",
                                                                    body: "Any news? I still have not heard anything from you about this.", appendTo: id)),
                              "alice", nil))
                if extra.count >= 5000 { try seeded.performBatch(extra, mailingReplies: false); extra.removeAll() }
            }
        }
        try seeded.performBatch(extra, mailingReplies: false)
    }
    let messages = seeded.desk.cases.values.reduce(0) { $0 + $1.messages.count }
    say("seeded \(n) cases, \(messages) messages in \(String(format: "%.2f", seedTime)) s")

    // Snapshot time (foreground, for the figure).
    let encodeTime = seconds { _ = seeded.desk.snapshotBytes() }
    let snapTime = try seconds { try seeded.snapshotNow() }
    say("snapshot (encode + write + fsync + rename): \(ms(snapTime)); the encoding alone \(ms(encodeTime))")
    // A store in steady state has two snapshot generations and only the journal since the older
    // one; the seeding history moves to archive/ (as it would over a day of work).
    try seeded.performBatch([(.note(seeded.desk.caseOrder[0], body: "after the first snapshot"), "alice", nil)])
    try seeded.snapshotNow()
    seeded.close()

    // Start to first painted frame and memory, in a fresh process so neither the seeding above
    // nor its allocator state colours the figures.
    let child = Process()
    child.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
    child.arguments = ["--measure-open", dir]
    try child.run()
    child.waitUntilExit()

    // The same store owned by a real `frontline serve`, as consoles now use it.
    // Twenty consoles each holding a million cases would need ~50 GiB: fewer at that size.
    try benchServer(dataDirectory: dir, consoles: n >= 500_000 ? 3 : 20)

    let backend = TestBackend(width: 160, height: 48)
    let store = try LocalCaseService(path: dir, owner: "bench")
    let app = ConsoleApp(service: store, backend: backend, host: BenchHost(), clock: SystemClock(), theme: Theme.fallbackMonochrome,
                         options: ConsoleApp.Options(agent: "alice"))
    backend.present(app.frame())

    // Keystroke to finished frame (update + render + diff against the last frame).
    func keystrokes(_ label: String, _ keys: [Key], rounds: Int) {
        var samples: [Double] = []
        for r in 0..<rounds {
            let key = keys[r % keys.count]
            let t = seconds {
                app.handle(key)
                backend.present(app.frame())
            }
            samples.append(t)
        }
        say("keystroke \(label): median \(ms(percentile(samples, 0.5))), p99 \(ms(percentile(samples, 0.99)))")
    }
    keystrokes("move selection (j/k)", [.character("j"), .character("j"), .character("k")], rounds: 2000)
    keystrokes("switch view (7 All / 1 Waiting)", [.character("7"), .character("1")], rounds: 200)
    keystrokes("open a case (Enter, Esc)", [.enter, .escape], rounds: 1000)

    // Search: the index is built in the background at start; wait for it, then type words
    // into / one key at a time (each key re-filters the view), Ctrl-U between words.
    let rssBeforeIndex = residentBytes()
    let indexStart = Date()
    app.startSearchIndex()
    while !app.searchReady { usleep(1000) }
    say(String(format: "search index built in the background in %.1f s; the process grew by %.0f MiB meanwhile",
               Date().timeIntervalSince(indexStart), Double(residentBytes() - rssBeforeIndex) / 1048576))
    var searchSamples: [Double] = []
    app.handle(.character("/"))
    for word in ["lindqvist", "order 5512", "mäkinen", "refund", "kassa", "tilaus", "asa", "luktar bränt", "c-1042", "zzzzzzzzzzzzzz"] {
        for ch in word {
            searchSamples.append(seconds {
                app.handle(.character(ch))
                backend.present(app.frame())
            })
        }
        app.handle(.control("u"))
        backend.present(app.frame())
    }
    app.handle(.escape)
    backend.present(app.frame())
    say("keystroke search (/ and a word, \(searchSamples.count) keys): median \(ms(percentile(searchSamples, 0.5))), p99 \(ms(percentile(searchSamples, 0.99))), max \(ms(searchSamples.max() ?? 0))")

    // Durable actions per second.
    let ids = Array(store.desk.caseOrder.prefix(500))
    let single = try seconds {
        for id in ids { try store.perform(.note(id, body: "bench note"), actor: "alice") }
    }
    say(String(format: "durable actions, one writer (one fsync each): %.0f /s", Double(ids.count) / single))
    let batched = try seconds {
        for chunk in stride(from: 0, to: ids.count, by: 50) {
            try store.performBatch(ids[chunk..<min(ids.count, chunk + 50)].map { (.note($0, body: "bench note"), "bob", nil) })
        }
    }
    say(String(format: "durable actions, batches of 50 (group commit): %.0f /s", Double(ids.count) / batched))

    // An action as an agent takes it (n, a note, Enter): journaled with its fsync, the queue
    // order updated for the case it touched, the frame drawn.
    var afterAction: [Double] = []
    for i in 0..<100 {
        app.handle(.character("n"))
        app.handle(.character("x"))
        afterAction.append(seconds {
            app.handle(.enter)
            backend.present(app.frame())
        })
        app.handle(.character(i % 2 == 0 ? "j" : "k"))
    }
    say("action (n note Enter) to finished frame, fsync included: median \(ms(percentile(afterAction, 0.5))), p99 \(ms(percentile(afterAction, 0.99)))")

    // Frames while a background snapshot runs: none may be delayed past 16 ms.
    store.snapshotInBackground()
    var worst = 0.0
    var worstDesk = 0.0
    var frames = 0
    let window = try seconds {
        let start = nowNanos()
        while Double(nowNanos() - start) / 1e9 < max(0.5, snapTime * 1.5) {
            let t = seconds {
                app.handle(.character(frames % 2 == 0 ? "j" : "k"))
                backend.present(app.frame())
            }
            worst = max(worst, t)
            worstDesk = max(worstDesk, seconds { _ = store.desk })
            frames += 1
        }
        _ = try store.perform(.note(ids[0], body: "after snapshot"), actor: "alice")
    }
    say("during a background snapshot: \(frames) frames in \(ms(window)), slowest \(ms(worst)) (slowest read of the store's state \(ms(worstDesk)))")

    // The wallboard's second: a full pass over the desk against the tally taking in one change.
    let levels = store.desk.serviceLevels(base: ServiceLevels())
    let fullPasses = (0..<5).map { _ in seconds { _ = WallboardFigures(desk: store.desk, now: Date(), levels: levels, timeZone: .current) } }
    var tally: WallboardTally!
    let tallyBuild = seconds { tally = WallboardTally(desk: store.desk, levels: levels) }
    var ticks: [Double] = []
    for id in ids.prefix(100) {
        let events = try store.perform(.reply(id, body: "bench reply"), actor: "alice")
        ticks.append(seconds {
            tally.update(desk: store.desk, events: events, levels: levels)
            _ = tally.figures(desk: store.desk, now: Date(), timeZone: .current)
        })
    }
    // The supervisors' screens, worked out when opened: Reports (R) and Review (V, the week's sample).
    let openReport = seconds { app.handle(.character("R")); backend.present(app.frame()) }
    app.handle(.escape)
    let openReview = seconds { app.handle(.character("V")); backend.present(app.frame()) }
    let reviewRows = app.state.reviewBoard?.candidates.count ?? 0
    app.handle(.escape)
    say("opening a supervisor's screen: Reports (R, the last 7 days) \(ms(openReport)); Review (V, \(reviewRows) replies to review this week) \(ms(openReview))")
    say("wallboard second: full pass median \(ms(percentile(fullPasses, 0.5))); tally built in \(ms(tallyBuild)), then a tick with one change median \(ms(percentile(ticks, 0.5))), p99 \(ms(percentile(ticks, 0.99))) (\(tally.rebuilds) build)")
    store.close()
}

/// Child mode: open the store, paint one frame, report time and memory.
func measureOpen(_ dir: String) throws {
    let baseline = residentBytes(), baselineFile = residentBytes(field: "RssFile")
    var store: LocalCaseService!
    let backend = TestBackend(width: 160, height: 48)
    var openTime = 0.0
    let firstPaint = try seconds {
        openTime = try seconds { store = try LocalCaseService(path: dir, owner: "bench (open)") }
        let app = ConsoleApp(service: store, backend: backend, host: BenchHost(), clock: SystemClock(), theme: Theme.fallbackMonochrome,
                             options: ConsoleApp.Options(agent: "alice"))
        backend.present(app.frame())
    }
    let rss = residentBytes()
    let mapped = residentBytes(field: "RssFile") - baselineFile
    let raw = rawTextBytes(store.desk)
    say("first paint (open store + queue + render): \(ms(firstPaint)) — of which opening the store \(ms(openTime))")
    say(String(format: "memory after open: %.1f MiB resident, %.1f MiB above the empty process (%.1f MiB of it pages of the mapped snapshot); raw text %.1f MiB; ratio %.2f×",
                 Double(rss) / 1048576, Double(rss - baseline) / 1048576, Double(mapped) / 1048576, Double(raw) / 1048576, Double(rss - baseline) / Double(max(1, raw))))
    store.close()
}

if CommandLine.arguments.count == 3, CommandLine.arguments[1] == "--measure-open" {
    try measureOpen(CommandLine.arguments[2])
    exit(0)
}

if CommandLine.arguments.count == 3, CommandLine.arguments[1] == "--measure-remote-open" {
    try measureRemoteOpen(CommandLine.arguments[2])
    exit(0)
}

if CommandLine.arguments.count == 4, CommandLine.arguments[1] == "--measure-search" {
    try measureSearch(CommandLine.arguments[2], word: CommandLine.arguments[3])
    exit(0)
}

if CommandLine.arguments.count >= 2, CommandLine.arguments[1] == "--mail" {
    try benchMail(count: CommandLine.arguments.count > 2 ? Int(CommandLine.arguments[2]) ?? 100_000 : 100_000)
    exit(0)
}

// --postgres URL [PASSFILE]: two servers on one empty, migrated database; --postgres-join URL [PASSFILE]: a desk already there.
if CommandLine.arguments.count >= 3, ["--postgres", "--postgres-join"].contains(CommandLine.arguments[1]) {
    let passfile = CommandLine.arguments.count > 3 ? CommandLine.arguments[3] : nil
    if CommandLine.arguments[1] == "--postgres" { try benchPostgres(url: CommandLine.arguments[2], passfile: passfile) }
    else { try benchPostgresJoin(url: CommandLine.arguments[2], passfile: passfile) }
    exit(0)
}

if CommandLine.arguments.count == 2, CommandLine.arguments[1] == "--fan-out" {
    try benchFanOut()
    exit(0)
}

let sizes = CommandLine.arguments.dropFirst().compactMap { Int($0) }
say("frontline-bench on \(ProcessInfo.processInfo.processorCount) cores, \(ProcessInfo.processInfo.physicalMemory / 1_073_741_824) GiB")
for n in sizes.isEmpty ? [10_000, 100_000] : sizes {
    try bench(cases: n)
}

/// Unbuffered, so the child's lines land in order with ours.
func say(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}
