import Foundation
import FrontlineClient
import FrontlineProtocol
import FrontlineServer
#if canImport(Glibc)
import Glibc
#endif

/// Starts `frontline serve` in the background for a data directory, as tmux starts its server:
/// a single agent never has to think about it. The server runs in its own session (an ssh drop
/// that hangs up the console does not reach it), logs to `<data dir>/server.log`, and exits by
/// itself once no client has been connected for `idleSeconds`.
final class ServerLauncher {
    let dataDirectory: String
    let idleSeconds: Int
    private var child: pid_t?
    private var lastStart = Date.distantPast

    init(dataDirectory: String, idleSeconds: Int = 5) {
        self.dataDirectory = dataDirectory
        self.idleSeconds = idleSeconds
    }

    var logPath: String { (dataDirectory as NSString).appendingPathComponent("server.log") }

    /// Starts a server and waits (up to `timeout`) until it answers; the connection it answered on.
    /// A server that could not start because a short command (`frontline queue`) held the store
    /// a moment is started again; one that keeps failing is reported with its own words.
    func startAndConnect(client: String, role: ClientRole, timeout: TimeInterval = 15) throws -> RemoteCaseService {
        try start()
        let socket = CaseServer.socketPath(dataDirectory: dataDirectory)
        let deadline = Date().addingTimeInterval(timeout)
        var failedStarts = 0
        while true {
            if FileManager.default.fileExists(atPath: socket),
               let service = try? RemoteCaseService(socketPath: socket, client: client, role: role) {
                return service
            }
            if !childIsRunning(), Date().timeIntervalSince(lastStart) > 0.25 {
                // Ours exited: another console's server may have won (its socket answers on the
                // next round), or the store was busy for a moment, or it cannot start at all.
                failedStarts += 1
                let busy = logTail().contains("in use by")
                if !busy || failedStarts >= 20 {
                    throw CleanExit.failure("could not start the frontline server for \(dataDirectory): \(logTail())")
                }
                try start()
            }
            if Date() > deadline {
                throw CleanExit.failure("the frontline server for \(dataDirectory) did not answer within \(Int(timeout)) s; see \(logPath)")
            }
            usleep(20_000)
        }
    }

    /// Brings back a background server that died (a console's reconnect calls this). At most
    /// one attempt every few seconds; of several consoles' attempts, the data-dir lock lets one win.
    func restart() {
        guard !childIsRunning(), Date().timeIntervalSince(lastStart) > 3 else { return }
        try? start()
    }

    func start() throws {
        try FileManager.default.createDirectory(atPath: dataDirectory, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
        rotateLog()
        let executable = Self.ownExecutable()
        let args = [executable, "serve", "--data-dir", dataDirectory, "--exit-when-idle", String(idleSeconds)]
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, logPath, O_WRONLY | O_CREAT | O_APPEND, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // A clean signal state (the console's handlers and mask are not the server's), and a
        // session of its own: a hangup of the agent's terminal must not stop the team's server.
        var none = sigset_t(), all = sigset_t()
        sigemptyset(&none)
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setsigdefault(&attributes, &all)
        let setsid: Int32 = 0x80   // POSIX_SPAWN_SETSID; glibc declares it only under _GNU_SOURCE
        posix_spawnattr_setflags(&attributes, Int16(Int32(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF) | setsid))
        let argv: [UnsafeMutablePointer<CChar>?] = args.map { strdup($0) } + [nil]
        let envp: [UnsafeMutablePointer<CChar>?] = ProcessInfo.processInfo.environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { for p in argv + envp { free(p) } }
        var pid: pid_t = 0
        let rc = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
        guard rc == 0 else { throw CleanExit.failure("could not start \(executable) serve: \(String(cString: strerror(rc)))") }
        child = pid
        lastStart = Date()
    }

    /// Reaps our child if it has exited (so it does not linger as a zombie) and says whether it runs.
    func childIsRunning() -> Bool {
        guard let pid = child else { return false }
        var status: Int32 = 0
        let r = waitpid(pid, &status, WNOHANG)
        if r == 0 { return true }
        child = nil
        return false
    }

    /// The last line the server wrote: why it could not start (a damaged store, a bad config).
    func logTail() -> String {
        let text = (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? ""
        guard let last = text.split(separator: "\n").last else { return "it exited without a word; see \(logPath)" }
        return last.replacingOccurrences(of: "frontline: ", with: "")
    }

    /// Keeps the log small: one previous generation.
    func rotateLog() {
        guard let size = (try? FileManager.default.attributesOfItem(atPath: logPath))?[.size] as? Int, size > 1 << 20 else { return }
        _ = rename(logPath, logPath + ".1")
    }

    static func ownExecutable() -> String {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let n = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        guard n > 0 else { return CommandLine.arguments[0] }
        return String(decoding: buffer.prefix(n).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
