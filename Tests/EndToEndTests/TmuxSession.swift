import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

// The end-to-end harness: the built `frontline` binary inside a private tmux server, driven the
// way a person drives it (keys in, screen out). Each test gets its own temp directory holding
// the data directory, the tmux socket, HOME and XDG config, so tests never share state and never
// touch the user's store or tmux.
//
// The console runs under an interactive shell in the pane (`bash -i`, job control on), so exit
// codes (`echo E2E-EXIT-n=$?`), leaving the alternate screen and Ctrl-Z/fg all behave as at a
// real prompt.

struct E2EFailure: Error, CustomStringConvertible {
    let description: String
    init(_ d: String) { description = d }
}

/// Where the binary of this very build is.
enum FrontlineBinary {
    static let located: Result<String, E2EFailure> = locate()

    static func path() throws -> String { try located.get() }

    private static func isExecutable(_ p: String) -> Bool {
        var isDir: ObjCBool = false
        return FileManager.default.fileExists(atPath: p, isDirectory: &isDir) && !isDir.boolValue
            && FileManager.default.isExecutableFile(atPath: p)
    }

    private static func locate() -> Result<String, E2EFailure> {
        var tried: [String] = []
        if let override = ProcessInfo.processInfo.environment["FRONTLINE_E2E_BINARY"], !override.isEmpty {
            if isExecutable(override) { return .success(override) }
            tried.append(override)
        }
        // The test runner lives in the build products directory (…/debug/FrontlinePackageTests.xctest);
        // `frontline` is built next to it because the test target depends on it.
        var starts: [URL] = []
        if let exe = Bundle.main.executableURL { starts.append(exe) }
        starts.append(Bundle.main.bundleURL)
        if let arg0 = CommandLine.arguments.first {
            starts.append(URL(fileURLWithPath: arg0, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath)))
        }
        for start in starts {
            var dir = start.standardizedFileURL.resolvingSymlinksInPath()
            for _ in 0..<6 {
                dir = dir.deletingLastPathComponent()
                let candidate = dir.appendingPathComponent("frontline").path
                if isExecutable(candidate) { return .success(candidate) }
                tried.append(candidate)
                if dir.path == "/" { break }
            }
        }
        // Fallback: the package's default build directory.
        let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let fallback = packageRoot.appendingPathComponent(".build/debug/frontline").path
        if isExecutable(fallback) { return .success(fallback) }
        tried.append(fallback)
        return .failure(E2EFailure("""
            the frontline binary was not found; build it first (`swift build`) or set FRONTLINE_E2E_BINARY.
            Looked in: \(Set(tried).sorted().joined(separator: ", "))
            """))
    }
}

struct CommandResult {
    var status: Int32
    var stdoutData: Data
    var stderr: String
    var stdout: String { String(decoding: stdoutData, as: UTF8.self) }
}

/// What the pane shows at one moment.
struct Screen: CustomStringConvertible {
    let text: String
    let lines: [String]

    init(_ text: String, height: Int) {
        self.text = text
        var l = text.components(separatedBy: "\n")
        if l.count > height, l.last == "" { l.removeLast() }
        lines = l
    }

    var description: String { text }
    func contains(_ s: String) -> Bool { text.contains(s) }
    var lastLine: String { lines.last ?? "" }
    var title: String { lines.first ?? "" }

    /// The case the "▶" marker is on.
    var selectedCaseID: String? {
        for line in lines {
            if let r = line.range(of: #"▶ C-[0-9]+"#, options: .regularExpression) {
                return String(line[r].dropFirst(2))
            }
        }
        return nil
    }

    /// Case ids of the queue rows, top to bottom.
    var queueCaseIDs: [String] {
        queueRows.compactMap { row in
            row.range(of: #"^[▶ ] C-[0-9]+"#, options: .regularExpression).map { String(row[$0].dropFirst(2)) }
        }
    }

    /// Index of the reply box's top border ("├ Reply to …┤").
    var replyTopRow: Int? { lines.firstIndex { $0.hasPrefix("├") } }

    private func column(_ n: Int, rows: Range<Int>) -> [String] {
        rows.compactMap { i -> String? in
            guard i < lines.count else { return nil }
            let parts = lines[i].components(separatedBy: "│")
            return parts.count > n ? parts[n] : nil
        }
    }

    /// The queue pane's interior rows (below the view bar).
    var queueRows: [String] {
        guard let r = replyTopRow else { return [] }
        return column(1, rows: 2..<r)
    }

    /// The history pane's text, wrapped lines joined and whitespace collapsed, so a phrase can be
    /// found wherever the pane happened to wrap it.
    var historyText: String {
        guard let r = replyTopRow else { return "" }
        return Screen.collapse(column(2, rows: 1..<r).joined(separator: " "))
    }

    /// The reply pane's text, whitespace collapsed.
    var replyText: String {
        guard let r = replyTopRow else { return "" }
        return Screen.collapse(column(1, rows: (r + 1)..<max(r + 1, lines.count - 2)).joined(separator: " "))
    }

    /// The queue box title ("Waiting 21 · oldest 3h"), from the top border.
    var queueTitle: String {
        let top = title
        guard let end = top.firstIndex(of: "┬") else { return top }
        return String(top[..<end])
    }

    /// "Waiting 21" → 21 for the view named `view` in the queue title.
    func queueTitleCount(_ view: String) -> Int? {
        let t = queueTitle
        guard let r = t.range(of: "─ \(view) [0-9]+", options: .regularExpression) else { return nil }
        return Int(t[r].split(separator: " ").last!)
    }

    static func collapse(_ s: String) -> String {
        s.split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ")
    }
}

/// Terminal columns a string takes, as tmux counts them (narrow, wide East Asian/emoji, zero for marks).
enum TerminalWidth {
    static let wide: [ClosedRange<UInt32>] = [
        0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x23E9...0x23EC, 0x23F0...0x23F0, 0x23F3...0x23F3,
        0x25FD...0x25FE, 0x2614...0x2615, 0x2648...0x2653, 0x267F...0x267F, 0x2693...0x2693, 0x26A1...0x26A1,
        0x26AA...0x26AB, 0x26BD...0x26BE, 0x26C4...0x26C5, 0x26CE...0x26CE, 0x26D4...0x26D4, 0x26EA...0x26EA,
        0x26F2...0x26F3, 0x26F5...0x26F5, 0x26FA...0x26FA, 0x26FD...0x26FD, 0x2705...0x2705, 0x270A...0x270B,
        0x2728...0x2728, 0x274C...0x274C, 0x274E...0x274E, 0x2753...0x2755, 0x2757...0x2757, 0x2795...0x2797,
        0x27B0...0x27B0, 0x27BF...0x27BF, 0x2B1B...0x2B1C, 0x2B50...0x2B50, 0x2B55...0x2B55, 0x2E80...0x303E,
        0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF, 0xA960...0xA97F, 0xAC00...0xD7A3,
        0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F, 0xFF00...0xFF60, 0xFFE0...0xFFE6,
        0x1F004...0x1F004, 0x1F0CF...0x1F0CF, 0x1F18E...0x1F18E, 0x1F191...0x1F19A, 0x1F1E6...0x1F1FF,
        0x1F300...0x1F64F, 0x1F680...0x1F6FF, 0x1F900...0x1F9FF, 0x20000...0x3FFFD,
    ]

    static func of(_ scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        for r in wide where r.contains(v) { return 2 }
        return 1
    }

    static func of(_ s: String) -> Int { s.unicodeScalars.reduce(0) { $0 + of($1) } }

    /// The character drawn at display column `col` (nil past the end or inside a wide character).
    static func character(in line: String, atColumn col: Int) -> Character? {
        var x = 0
        for ch in line {
            if x == col { return ch }
            x += ch.unicodeScalars.reduce(0) { $0 + of($1) }
            if x > col { return nil }
        }
        return nil
    }
}

/// One private tmux server running an interactive shell, in which tests launch the console.
final class TmuxSession {
    let root: String
    let dataDir: String
    let socket: String
    let binary: String
    let tmux: String
    private(set) var width: Int
    private(set) var height: Int
    let agent: String
    /// Where config.toml and themes live (shared by sessions on one data directory).
    let configDir: String
    private var serverStarted = false
    private var launchCount = 0
    private var commandCount = 0
    private var startedPIDs: [pid_t] = []

    /// `sharing`: another session whose data directory and config this one uses, as a second
    /// agent's terminal on the same team desk.
    init(width: Int = 120, height: Int = 40, agent: String = "alice", sharing other: TmuxSession? = nil) throws {
        binary = try FrontlineBinary.path()
        tmux = try TmuxSession.findTool("tmux")
        var template = Array("/tmp/fl-e2e-XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else { throw E2EFailure("mkdtemp failed: errno \(errno)") }
        root = String(cString: made)
        self.agent = agent
        dataDir = other?.dataDir ?? root + "/data"
        configDir = other?.configDir ?? root + "/config"
        socket = root + "/tmux.sock"
        self.width = width
        self.height = height
        for d in ["home", "config", "xdg-data"] {
            try FileManager.default.createDirectory(atPath: root + "/" + d, withIntermediateDirectories: true)
        }
    }

    deinit {
        if serverStarted { _ = try? runTool(tmux, ["-S", socket, "kill-server"]) }
        // Only what this session started, by pid.
        for pid in startedPIDs where TmuxSession.isAlive(pid) { kill(pid, SIGKILL) }
        // The background server a console started for this data directory is this session's too.
        for pid in serverPIDs() { kill(pid, SIGKILL) }
        try? FileManager.default.removeItem(atPath: root)
    }

    // MARK: - Environment

    static func findTool(_ name: String) throws -> String {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for dir in path.split(separator: ":") + ["/usr/bin", "/bin", "/usr/local/bin"] {
            let p = "\(dir)/\(name)"
            if FileManager.default.isExecutableFile(atPath: p) { return p }
        }
        throw E2EFailure("\(name) is needed for the end-to-end tests but is not on PATH")
    }

    /// The environment for tmux and the CLI: no inherited store or agent, a UTF-8 locale, private HOME/XDG.
    var environment: [String: String] {
        var env = ProcessInfo.processInfo.environment
        for k in ["FRONTLINE_DATA_DIR", "FRONTLINE_AGENT", "TMUX", "TMUX_PANE", "NO_COLOR", "LC_ALL", "LC_CTYPE", "LC_MESSAGES", "VISUAL", "EDITOR"] {
            env[k] = nil
        }
        env["LANG"] = "C.UTF-8"
        env["HOME"] = root + "/home"
        env["XDG_CONFIG_HOME"] = configDir
        env["XDG_DATA_HOME"] = root + "/xdg-data"
        if env["TERM"] == nil || env["TERM"] == "dumb" { env["TERM"] = "xterm-256color" }
        return env
    }

    static var paneTerm: String {
        let dirs = ["/usr/share/terminfo", "/lib/terminfo", "/etc/terminfo", "/usr/lib/terminfo"]
        for d in dirs where FileManager.default.fileExists(atPath: d + "/t/tmux-256color") { return "tmux-256color" }
        return "xterm-256color"
    }

    static func shellQuote(_ s: String) -> String { "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'" }

    // MARK: - Processes

    /// Runs a program to completion with stdin from `stdin` and stdout/stderr captured.
    ///
    /// Not Foundation's `Process`: it waits until every inheritor of an internal socket has
    /// exited, and the tmux server that `tmux new-session` daemonises inherits it, so it would
    /// never return. It also passes on the test runner's blocked signal mask, which leaves tmux
    /// and the console deaf to signals. `posix_spawn` with a clean mask and default handlers,
    /// then `waitpid`, has neither problem.
    @discardableResult
    func runTool(_ executable: String, _ args: [String], stdin: Data? = nil) throws -> CommandResult {
        commandCount += 1
        let base = "\(root)/cmd\(commandCount)"
        let outPath = base + ".out", errPath = base + ".err", inPath = base + ".in"
        _ = FileManager.default.createFile(atPath: inPath, contents: stdin ?? Data())
        defer { for p in [outPath, errPath, inPath] { try? FileManager.default.removeItem(atPath: p) } }
        let status = try TmuxSession.spawnAndWait(executable, args, environment: environment, stdin: inPath, stdout: outPath, stderr: errPath)
        let outData = FileManager.default.contents(atPath: outPath) ?? Data()
        let errData = FileManager.default.contents(atPath: errPath) ?? Data()
        return CommandResult(status: status, stdoutData: outData, stderr: String(decoding: errData, as: UTF8.self))
    }

    /// Exit status, or 128 + signal when the program was killed.
    static func spawnAndWait(_ executable: String, _ args: [String], environment: [String: String],
                             stdin: String, stdout: String, stderr: String) throws -> Int32 {
        let pid = try spawn(executable, args, environment: environment, stdin: stdin, stdout: stdout, stderr: stderr)
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 {
            guard errno == EINTR else { throw E2EFailure("waitpid \(pid) failed: errno \(errno)") }
        }
        let signal = status & 0x7F
        return signal == 0 ? (status >> 8) & 0xFF : 128 + signal
    }

    /// Starts a program with a clean signal mask and default handlers, stdio from/to the given
    /// files; `ownGroup`: in a process group of its own, so it and its children can be ended by id.
    static func spawn(_ executable: String, _ args: [String], environment: [String: String],
                      stdin: String, stdout: String, stderr: String, ownGroup: Bool = false) throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, stdin, O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, stdout, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, stderr, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        var allSignals = sigset_t()
        sigfillset(&allSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        posix_spawnattr_setsigdefault(&attributes, &allSignals)
        var flags = POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF
        if ownGroup {
            posix_spawnattr_setpgroup(&attributes, 0)
            flags |= POSIX_SPAWN_SETPGROUP
        }
        posix_spawnattr_setflags(&attributes, Int16(flags))
        let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + args).map { strdup($0) } + [nil]
        let envp: [UnsafeMutablePointer<CChar>?] = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { for p in argv + envp { free(p) } }
        var pid: pid_t = 0
        let rc = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
        guard rc == 0 else { throw E2EFailure("cannot run \(executable): errno \(rc)") }
        return pid
    }

    /// `frontline SUBCOMMAND --data-dir DIR --agent alice ARGS…`
    @discardableResult
    func cli(_ subcommand: String, _ args: [String] = [], stdin: Data? = nil) throws -> CommandResult {
        try runTool(binary, [subcommand, "--data-dir", dataDir, "--agent", agent] + args, stdin: stdin)
    }

    /// One customer's message taken in and the console started on it. Returns the case id.
    func consoleOnOneNewCase(_ line: Data) throws -> String {
        guard let id = try intake([line]).first else { throw E2EFailure("intake acknowledged no case") }
        try launchConsole()
        try waitFor("Reply to \(id)")
        return id
    }

    /// One customer's message taken in, the console started on it and `r` pressed: the reply
    /// pane is open and waits for text. Returns the case id.
    func replyingToOneNewCase(_ line: Data) throws -> String {
        let id = try consoleOnOneNewCase(line)
        try sendKeys("r")
        try waitFor("Ctrl-S send")
        return id
    }

    /// Writes the console's and server's config.toml.
    func writeConfig(_ toml: String) throws {
        try FileManager.default.createDirectory(atPath: configDir + "/frontline", withIntermediateDirectories: true)
        try toml.write(toFile: configDir + "/frontline/config.toml", atomically: true, encoding: .utf8)
    }

    /// Feeds JSON lines to `frontline intake`; returns the case ids it acknowledged.
    @discardableResult
    func intake(_ lines: [Data]) throws -> [String] {
        var input = Data()
        for l in lines { input.append(l); input.append(0x0A) }
        let r = try cli("intake", stdin: input)
        guard r.status == 0 else { throw E2EFailure("intake failed (\(r.status)): \(r.stderr)") }
        return r.stdout.split(separator: "\n").map(String.init)
    }

    func seedDemo(cases: Int = 40, seed: Int = 3) throws {
        let r = try cli("demo", ["--cases", String(cases), "--seed", String(seed)])
        guard r.status == 0 else { throw E2EFailure("demo failed (\(r.status)): \(r.stderr)") }
    }

    /// `frontline export` (JSON) as case id → case object.
    func exportCases() throws -> [String: [String: Any]] {
        let r = try cli("export")
        guard r.status == 0 else { throw E2EFailure("export failed (\(r.status)): \(r.stderr)") }
        guard let doc = try JSONSerialization.jsonObject(with: r.stdoutData) as? [String: Any],
              let cases = doc["cases"] as? [[String: Any]] else { throw E2EFailure("export is not {\"cases\":[…]}: \(r.stdout.prefix(300))") }
        var byID: [String: [String: Any]] = [:]
        for c in cases { if let id = c["id"] as? String { byID[id] = c } }
        return byID
    }

    // MARK: - tmux

    @discardableResult
    func tmuxCommand(_ args: [String]) throws -> CommandResult {
        let r = try runTool(tmux, ["-S", socket] + args)
        guard r.status == 0 else { throw E2EFailure("tmux \(args.joined(separator: " ")) failed (\(r.status)): \(r.stderr)") }
        return r
    }

    private func startServerIfNeeded() throws {
        guard !serverStarted else { return }
        let shell = FileManager.default.isExecutableFile(atPath: "/bin/bash") ? "/bin/bash --noprofile --norc -i" : "/bin/sh -i"
        let envs = [
            "PATH=/usr/local/bin:/usr/bin:/bin", "HOME=\(root)/home", "LANG=C.UTF-8", "TERM=\(TmuxSession.paneTerm)",
            "XDG_CONFIG_HOME=\(configDir)", "XDG_DATA_HOME=\(root)/xdg-data", "HISTFILE=/dev/null", "PS1=e2e$ ",
        ].map(TmuxSession.shellQuote).joined(separator: " ")
        let paneCommand = "exec env -i \(envs) \(shell)"
        try tmuxCommand(["-u", "-f", "/dev/null", "new-session", "-d", "-x", String(width), "-y", String(height), paneCommand])
        serverStarted = true
        // An OSC 52 that leaked through would land in a tmux buffer; a bell would be counted.
        try tmuxCommand(["set-option", "-g", "set-clipboard", "on"])
        try waitUntil("the shell prompt", timeout: 10) { $0.contains("e2e$") }
    }

    /// Ends the tmux server (the terminal goes away, as when an ssh connection drops). The next
    /// launch starts a fresh server on the same socket.
    func killServer() throws {
        guard serverStarted else { return }
        try tmuxCommand(["kill-server"])
        serverStarted = false
    }

    /// Types a command line at the shell prompt.
    func typeShellLine(_ line: String) throws {
        try startServerIfNeeded()
        try sendText(line)
        try sendKeys("Enter")
    }

    /// Starts the console (`frontline --data-dir DIR --agent alice`) at the shell prompt and waits for its first frame.
    func launchConsole(extraArguments: [String] = [], environment extra: [String: String] = [:]) throws {
        try startServerIfNeeded()
        launchCount += 1
        let args = ["--data-dir", dataDir, "--agent", agent] + extraArguments
        let assignments = extra.sorted { $0.key < $1.key }.map { "\($0.key)=\(TmuxSession.shellQuote($0.value)) " }.joined()
        let line = assignments + ([binary] + args).map(TmuxSession.shellQuote).joined(separator: " ") + "; echo \"E2E-EXIT-\(launchCount)=$?\""
        try typeShellLine(line)
        try waitUntil("the console's first frame", timeout: 15) { s in
            s.contains("terminal too small") || (s.title.hasPrefix("┌") && s.lastLine.contains(agent))
        }
        let pid = try consolePID()
        if !startedPIDs.contains(pid) { startedPIDs.append(pid) }
    }

    /// Waits for the shell to print the exit status of the last launch.
    @discardableResult
    func waitForExit(timeout: Double = 10) throws -> Int32 {
        let marker = "E2E-EXIT-\(launchCount)="
        let s = try waitUntil("the console to exit (\(marker)N on the shell)", timeout: timeout) { screen in
            screen.text.range(of: NSRegularExpression.escapedPattern(for: marker) + "[0-9]+", options: .regularExpression) != nil
        }
        let r = s.text.range(of: NSRegularExpression.escapedPattern(for: marker) + "[0-9]+", options: .regularExpression)!
        return Int32(s.text[r].dropFirst(marker.count))!
    }

    /// Clears the shell's screen (after an exit the old frame can linger on the alternate screen).
    func clearShellScreen() throws {
        try typeShellLine("printf '\\033[?1049l'; clear")
        try waitUntil("a cleared shell screen") { s in !s.contains("┌") && !s.contains("└") && s.contains("e2e$") }
    }

    func sendKeys(_ keys: String...) throws {
        try startServerIfNeeded()
        try tmuxCommand(["send-keys"] + keys)
    }

    /// Types text literally (UTF-8, no key-name lookup).
    func sendText(_ text: String) throws {
        try tmuxCommand(["send-keys", "-l", text])
    }

    func capture(escapes: Bool = false) throws -> Screen {
        let r = try tmuxCommand(["capture-pane", "-p"] + (escapes ? ["-e"] : []))
        return Screen(r.stdout, height: height)
    }

    func format(_ f: String) throws -> String {
        try tmuxCommand(["display-message", "-p", f]).stdout.trimmingCharacters(in: .newlines)
    }

    var isAlternateScreenOn: Bool { (try? format("#{alternate_on}")) == "1" }

    func resize(width: Int, height: Int) throws {
        try tmuxCommand(["resize-window", "-x", String(width), "-y", String(height)])
        self.width = width
        self.height = height
    }

    /// Polls the pane until `predicate` holds; fails with the last screen when it does not in time.
    @discardableResult
    func waitUntil(_ what: String, timeout: Double = 10, _ predicate: (Screen) throws -> Bool) throws -> Screen {
        let deadline = Date().addingTimeInterval(timeout)
        var last = Screen("", height: height)
        while true {
            last = try capture()
            if try predicate(last) { return last }
            if Date() > deadline {
                throw E2EFailure("timed out after \(timeout) s waiting for \(what). The screen was:\n\(last.text)")
            }
            usleep(80_000)
        }
    }

    /// Polls a condition outside the screen (processes, files) until it holds, or fails naming it.
    func waitUntilTrue(_ what: String, timeout: Double = 10, _ condition: () -> Bool) throws {
        let deadline = Date().addingTimeInterval(timeout)
        while !condition() {
            if Date() > deadline { throw E2EFailure("timed out after \(timeout) s waiting for \(what)") }
            usleep(20_000)
        }
    }

    /// Polls until `text` is on the screen (throws at the deadline); the screen, for more checks.
    @discardableResult
    func waitFor(_ text: String, timeout: Double = 10) throws -> Screen {
        try waitUntil("\"\(text)\" on screen", timeout: timeout) { $0.contains(text) }
    }

    // MARK: - The console process

    /// The running console's pid (the `frontline` process whose arguments name this data dir).
    func consolePID(timeout: Double = 10) throws -> pid_t {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            if let pid = findConsolePID() { return pid }
            if Date() > deadline { throw E2EFailure("no frontline process for \(dataDir) found") }
            usleep(50_000)
        }
    }

    func findConsolePID() -> pid_t? {
        frontlineProcesses().first { p in
            !p.argv.contains("intake") && !p.argv.contains("serve") && !p.argv.contains("wallboard") && p.argv.contains(agent)
        }?.pid
    }

    /// The team server(s) on this session's data directory (a console starts one in the background).
    func serverPIDs() -> [pid_t] {
        frontlineProcesses().filter { $0.argv.contains("serve") }.map(\.pid)
    }

    /// Live frontline processes on this session's data directory, with their arguments.
    func frontlineProcesses() -> [(pid: pid_t, argv: [String])] {
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: "/proc") else { return [] }
        var found: [(pid: pid_t, argv: [String])] = []
        for e in entries {
            guard let pid = pid_t(e), let data = FileManager.default.contents(atPath: "/proc/\(e)/cmdline"), !data.isEmpty else { continue }
            let argv = data.split(separator: 0, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
            guard argv.first?.hasSuffix("/frontline") == true, argv.contains(dataDir) else { continue }
            if TmuxSession.processState(pid) != "Z" { found.append((pid, argv)) }
        }
        return found
    }

    /// The state letter of /proc/PID/stat (R, S, T, Z …), nil if there is no such process.
    static func processState(_ pid: pid_t) -> Character? {
        guard let data = FileManager.default.contents(atPath: "/proc/\(pid)/stat") else { return nil }
        let s = String(decoding: data, as: UTF8.self)
        // "pid (comm) S …": the state follows the last ')'.
        guard let close = s.lastIndex(of: ")") else { return nil }
        return s[s.index(after: close)...].first { $0 != " " }
    }

    static func isAlive(_ pid: pid_t) -> Bool {
        guard let st = processState(pid) else { return false }
        return st != "Z" && st != "X"
    }

    func sendSignal(_ sig: Int32) throws {
        let pid = try consolePID()
        guard kill(pid, sig) == 0 else { throw E2EFailure("kill(\(pid), \(sig)) failed: errno \(errno)") }
    }

    /// Polls until `pid` has exited (or is a zombie); false if it is still running at the deadline.
    @discardableResult
    static func waitForExit(of pid: pid_t, timeout: Double = 10) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while isAlive(pid) {
            if Date() > deadline { return false }
            usleep(50_000)
        }
        return true
    }

    func waitForProcessState(_ pid: pid_t, _ wanted: Character, timeout: Double = 10) throws {
        let deadline = Date().addingTimeInterval(timeout)
        while TmuxSession.processState(pid) != wanted {
            if Date() > deadline { throw E2EFailure("pid \(pid) is in state \(TmuxSession.processState(pid).map(String.init) ?? "gone"), not \(wanted)") }
            usleep(50_000)
        }
    }
}

// MARK: - Test data

enum IntakeLine {
    /// A JSON string literal that escapes only what JSON requires (quote, backslash, C0 as \u00XX),
    /// so C1 and bidi characters go through as raw UTF-8 bytes.
    static func jsonString(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            default:
                if scalar.value < 0x20 {
                    out += String(format: "\\u%04x", scalar.value)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    static func make(name: String, email: String = "", language: String = "en", subject: String, body: String, channel: String = "email") -> Data {
        let customer = "{\"name\":\(jsonString(name)),\"email\":\(jsonString(email)),\"language\":\(jsonString(language))}"
        let line = "{\"customer\":\(customer),\"subject\":\(jsonString(subject)),\"body\":\(jsonString(body)),\"channel\":\(jsonString(channel))}"
        return Data(line.utf8)
    }

    static let asa = make(name: "Åsa Lindqvist", email: "asa.lindqvist@example.se", language: "sv",
                          subject: "TV:n luktar bränt", body: "Hej! Min nya TV luktar bränt när jag slår på den.")
    static let matti = make(name: "Matti Virtanen", email: "matti.virtanen@example.fi", language: "fi",
                            subject: "Alennuskoodi puuttuu", body: "Uutiskirjeen alennuskoodia ei huomioitu kassalla.")
}
