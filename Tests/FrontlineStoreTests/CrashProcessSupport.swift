import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// A running `frontline intake`: lines go in on stdin, acknowledgements (case ids) come back on
/// stdout, each printed only once its record is durable.
final class CrashIntakeProcess {
    let process: Process
    let stderrPath: String
    private let input: Pipe
    private let output: Pipe
    private var buffer: [UInt8] = []

    /// Starts `frontline intake --data-dir DIR --agent t`.
    init(dataDirectory: String, scratch: String) throws {
        // A write to the pipe of a child that died must fail with EPIPE, not kill the test runner.
        signal(SIGPIPE, SIG_IGN)
        stderrPath = scratch + "/intake-stderr-\(UUID().uuidString)"
        precondition(FileManager.default.createFile(atPath: stderrPath, contents: nil), "cannot create \(stderrPath)")
        let stderr = try FileHandle(forWritingTo: URL(fileURLWithPath: stderrPath))
        defer { try? stderr.close() }
        input = Pipe()
        output = Pipe()
        process = Process()
        process.executableURL = URL(fileURLWithPath: try ServiceBinary.path())
        process.arguments = ["intake", "--data-dir", dataDirectory, "--agent", "t"]
        process.environment = ServiceBinary.environment()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = stderr
        try process.run()
    }

    var pid: Int32 { process.processIdentifier }

    /// Writes one line (a newline is added) without waiting for anything.
    func send(_ line: String) throws {
        let bytes = Array((line + "\n").utf8)
        let fd = input.fileHandleForWriting.fileDescriptor
        var done = 0
        while done < bytes.count {
            let written = bytes[done...].withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                throw ServiceTestFailure("writing to intake (pid \(pid)) failed: errno \(errno); stderr: \(stderrText)")
            }
            done += written
        }
    }

    /// The next line intake printed; nil at end of output. Gives up after `timeout` seconds (a
    /// guard against a hung child, not a timing assertion).
    func readLine(timeout: Double = 30) throws -> String? {
        let fd = output.fileHandleForReading.fileDescriptor
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            if let newline = buffer.firstIndex(of: 10) {
                let line = String(decoding: buffer[..<newline], as: UTF8.self)
                buffer.removeFirst(newline + 1)
                return line
            }
            let remaining = deadline.timeIntervalSinceNow
            guard remaining > 0 else {
                throw ServiceTestFailure("intake (pid \(pid)) printed no acknowledgement within \(timeout) s; stderr: \(stderrText)")
            }
            var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            let ready = poll(&poller, 1, Int32(min(remaining, 1) * 1000))
            if ready < 0 && errno != EINTR { throw ServiceTestFailure("poll: errno \(errno)") }
            guard ready > 0 else { continue }
            var chunk = [UInt8](repeating: 0, count: 4096)
            let count = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw ServiceTestFailure("reading intake's output: errno \(errno)")
            }
            if count == 0 { return nil }
            buffer += chunk[0..<count]
        }
    }

    /// SIGKILL, then reap it. Returns whether it died of that signal.
    @discardableResult
    func killNow() -> Bool {
        kill(pid, SIGKILL)
        process.waitUntilExit()
        closePipes()
        return process.terminationReason == .uncaughtSignal && process.terminationStatus == SIGKILL
    }

    /// Ends input and waits for a normal exit; returns the exit status.
    func finish() -> Int32 {
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
        closePipes()
        return process.terminationStatus
    }

    var stderrText: String {
        String(decoding: FileManager.default.contents(atPath: stderrPath) ?? Data(), as: UTF8.self)
    }

    private func closePipes() {
        try? input.fileHandleForWriting.close()
        try? output.fileHandleForReading.close()
    }

    deinit {
        if process.isRunning {
            kill(pid, SIGKILL)
            process.waitUntilExit()
        }
        closePipes()
        try? FileManager.default.removeItem(atPath: stderrPath)
    }
}

/// Spawns `/bin/true` over and over on a background thread until stopped, as a busy process
/// (the console with $EDITOR, a test runner with tmux) does.
final class CrashChildSpawner: @unchecked Sendable {
    // @unchecked: `stopped` and `count` are only touched under `lock`.
    private let lock = NSLock()
    private var stopped = false
    private var count = 0
    private let finished = DispatchSemaphore(value: 0)

    func start() {
        Thread.detachNewThread { [self] in
            while !lock.withLock({ stopped }) {
                let child = Process()
                child.executableURL = URL(fileURLWithPath: "/bin/true")
                if (try? child.run()) != nil {
                    child.waitUntilExit()
                    lock.withLock { count += 1 }
                }
            }
            finished.signal()
        }
    }

    /// Stops spawning, waits for the thread, and returns how many children it spawned.
    func stop() -> Int {
        lock.withLock { stopped = true }
        finished.wait()
        return lock.withLock { count }
    }
}
