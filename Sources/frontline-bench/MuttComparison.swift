import Foundation
import FrontlineConsole
import FrontlineCore
import FrontlineStore
import FrontlineTUI
#if canImport(Glibc)
import Glibc
#endif

/// The same mails in mutt and in frontline, in one run: mutt opening the mbox, and its `~b`
/// body search (limit the index to the messages whose body has the word), against frontline's
/// first paint of the store those mails were imported into and the same word typed into `/`.
/// mutt runs in a private tmux server (it needs a terminal); its times are from start to the
/// moment it quits after the pushed keys, less tmux's own start-up, measured with `true`.
func compareWithMutt(mbox: String, store: String, word: String) throws {
    guard let mutt = executableOnPath("mutt") else {
        say("mutt: not installed (apt-get install -y mutt), no comparison")
        return
    }
    guard executableOnPath("tmux") != nil else {
        say("mutt: tmux is needed to give mutt a terminal, no comparison")
        return
    }
    let baseline = try timeInTmux("true")
    // -n: no system muttrc; -F /dev/null: no user one; -R: read-only (no "save changes?").
    // folder: an existing directory, or mutt first asks to create ~/Mail.
    let folder = (mbox as NSString).deletingLastPathComponent
    let muttCommand = "\(mutt) -n -F /dev/null -R -e 'set folder=\(folder) spoolfile=\(mbox)' -f \(mbox)"
    let open = try timeInTmux(muttCommand + " -e 'push <quit>'") - baseline
    let searched = try timeInTmux(muttCommand + " -e 'push \"<limit>~b \(word)<enter><quit>\"'") - baseline
    let search = searched - open

    // frontline on the store the mails were imported into, in a fresh process each.
    let child = Process()
    child.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
    child.arguments = ["--measure-search", store, word]
    let out = Pipe()
    child.standardOutput = out
    try child.run()
    let report = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    child.waitUntilExit()
    let figures = report.split(whereSeparator: \.isWhitespace).compactMap { Double($0) }
    guard figures.count == 3 else { throw BenchFailure(description: "--measure-search said: \(report)") }
    let (paint, settle, slowestKey) = (figures[0], figures[1], figures[2])
    say(String(format: "mutt: opens the mbox in %.2f s; frontline paints the imported store in %.2f s (%.0f× faster)", open, paint, open / paint))
    say(String(format: "mutt: ~b %@ takes %.2f s; frontline's / %@ settles %.1f ms after the first key, slowest key %.1f ms (%.0f× faster)",
               word, search, word, settle * 1000, slowestKey * 1000, search / settle))
}

/// Child mode: open the store and paint (time to first frame), build the search index, type
/// `word` into `/`: prints "first-paint settle slowest-key" in seconds.
func measureSearch(_ dir: String, word: String) throws {
    let backend = TestBackend(width: 160, height: 48)
    var store: LocalCaseService!
    var app: ConsoleApp!
    let paint = try seconds {
        store = try LocalCaseService(path: dir, owner: "bench (search)")
        app = ConsoleApp(service: store, backend: backend, host: BenchHost(), clock: SystemClock(), theme: Theme.fallbackMonochrome,
                         options: ConsoleApp.Options(agent: "alice"))
        backend.present(app.frame())
    }
    app.startSearchIndex()
    while !app.searchReady { usleep(1000) }
    app.handle(.character("/"))
    backend.present(app.frame())
    var slowest = 0.0
    let settle = seconds {
        for ch in word {
            slowest = max(slowest, seconds {
                app.handle(.character(ch))
                backend.present(app.frame())
            })
        }
    }
    print(paint, settle, slowest)
    store.close()
}

/// Seconds from starting `command` in a private, detached tmux server until its session ends.
func timeInTmux(_ command: String) throws -> Double {
    let socket = "frontline-bench-mutt-\(getpid())"
    let start = nowNanos()
    try runTool("tmux", ["-L", socket, "-f", "/dev/null", "new-session", "-d", "-x", "160", "-y", "48", command])
    let deadline = Date().addingTimeInterval(600)
    while (try? runTool("tmux", ["-L", socket, "has-session"])) != nil {
        guard Date() < deadline else {
            try? runTool("tmux", ["-L", socket, "kill-server"])
            throw BenchFailure(description: "\(command) still running after 10 minutes")
        }
        usleep(2_000)
    }
    return Double(nowNanos() - start) / 1e9
}

func runTool(_ name: String, _ args: [String]) throws {
    guard let path = executableOnPath(name) else { throw BenchFailure(description: "\(name) is not installed") }
    let p = Process()
    p.executableURL = URL(fileURLWithPath: path)
    p.arguments = args
    p.standardOutput = FileHandle.nullDevice
    p.standardError = FileHandle.nullDevice
    try p.run()
    p.waitUntilExit()
    guard p.terminationStatus == 0 else { throw BenchFailure(description: "\(name) exited \(p.terminationStatus)") }
}

func executableOnPath(_ name: String) -> String? {
    for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
        let path = "\(dir)/\(name)"
        if FileManager.default.isExecutableFile(atPath: path) { return path }
    }
    return nil
}
