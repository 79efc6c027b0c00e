import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Pipes the message to a sendmail-compatible program (`/usr/sbin/sendmail -t -oi`: Postfix,
/// Exim, OpenSMTPD, msmtp and dma all provide one). Its exit status decides: 0 accepted;
/// EX_TEMPFAIL (75), a signal, a hang or a program that cannot start is temporary; any other
/// sysexits code is permanent.
public struct SendmailTransport: MailTransport {
    public let command: [String]
    public var timeout: TimeInterval
    /// Given as `-f ADDRESS` (unless the command names one itself), so bounces come back to
    /// our own address, where intake marks the reply they are about.
    public var envelopeSender: String?

    public init(command: [String], envelopeSender: String? = nil, timeout: TimeInterval = 120) {
        self.command = command
        self.envelopeSender = envelopeSender
        self.timeout = timeout
    }

    /// The program's arguments, with `-f` added when we know our address and it is not there.
    var arguments: [String] {
        var args = Array(command.dropFirst())
        if let sender = envelopeSender, !args.contains(where: { $0.hasPrefix("-f") }), !sender.contains(where: { $0.isWhitespace }) {
            args.insert(contentsOf: ["-f", sender], at: 0)
        }
        return args
    }

    public var description: String { "sendmail (\(command.joined(separator: " ")))" }

    public func send(_ message: [UInt8]) -> TransportResult {
        guard let program = command.first else { return .permanentFailure("no sendmail command is configured") }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        let input = Pipe(), errors = Pipe()
        process.standardInput = input
        process.standardOutput = FileHandle.nullDevice
        process.standardError = errors
        do {
            try process.run()
        } catch {
            return .temporaryFailure("cannot run \(program): \(error.localizedDescription)")
        }
        // stderr is read on its own thread so a chatty program cannot block on a full pipe.
        let collected = ErrorText()
        let reader = Thread { collected.set(errors.fileHandleForReading.readDataToEndOfFile()) }
        reader.start()
        let wrote = Self.writeAll(message, to: input.fileHandleForWriting.fileDescriptor)
        try? input.fileHandleForWriting.close()
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { usleep(5_000) }
        if process.isRunning {
            // SIGTERM first; a child that ignores it (an inherited signal mask) gets SIGKILL.
            process.terminate()
            let grace = Date().addingTimeInterval(2)
            while process.isRunning && Date() < grace { usleep(5_000) }
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
            process.waitUntilExit()
            return .temporaryFailure("\(program) did not finish within \(Int(timeout)) s")
        }
        process.waitUntilExit()
        let why = collected.summary(waitingUpTo: 1)
        let said = why.isEmpty ? "" : ": \(why)"
        if process.terminationReason == .uncaughtSignal {
            return .temporaryFailure("\(program) was killed by signal \(process.terminationStatus)\(said)")
        }
        switch process.terminationStatus {
        case 0:
            return wrote ? .accepted : .temporaryFailure("\(program) exited before reading the whole message")
        case 75:
            return .temporaryFailure("\(program) exited 75 (temporary failure)\(said)")
        case let code:
            return .permanentFailure("\(program) exited \(code)\(said)")
        }
    }

    private static func writeAll(_ bytes: [UInt8], to fd: Int32) -> Bool {
        signal(SIGPIPE, SIG_IGN)   // a program that exits early must not kill us
        return DescriptorWrite.all(bytes, to: fd)
    }

    /// The program's stderr, kept short for a case's history.
    final class ErrorText: @unchecked Sendable {
        // @unchecked: `data` is only touched under `lock`.
        private let lock = NSCondition()
        private var data: Data?
        func set(_ d: Data) { lock.withLock { data = d; lock.broadcast() } }
        func summary(waitingUpTo seconds: TimeInterval) -> String {
            lock.withLock {
                let until = Date().addingTimeInterval(seconds)
                while data == nil && lock.wait(until: until) {}
                let text = String(decoding: (data ?? Data()).prefix(600), as: UTF8.self)
                return text.split(whereSeparator: \.isNewline).joined(separator: " ").trimmingCharacters(in: .whitespaces)
            }
        }
    }
}
