import ArgumentParser
import Foundation
import FrontlineCore
import FrontlineStore
#if canImport(Glibc)
import Glibc
#endif

struct IntakeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "intake",
        abstract: "Take in customer messages: JSON lines, one e-mail (--mail), a Maildir or an mbox.",
        discussion: """
        JSON lines (the default), from stdin: {"customer":{"name":…,"email":…,"language":"sv"},"subject":…,"body":…,"channel":"email|phone|chat","received_at":"ISO 8601","case":"C-12"} ("case" is optional: it adds the message to that case). Prints one case id per accepted line, after it is durably stored. A bad line gets "line N: what is wrong" on stderr and nothing of it is stored; the exit status is then 1.

        --mail reads one RFC 5322 message from stdin, as a mail system's pipe gives it (Postfix alias `support: "|frontline intake --mail"`). It prints the case id once the message is durably stored, or says it was a duplicate or deliberately ignored. Exit status (sysexits.h): 0 stored, duplicate or ignored; 75 (EX_TEMPFAIL) the store cannot take it now — the mail system keeps it queued and tries again; 65 (EX_DATAERR) over 32 MiB. A message that cannot be read is quarantined (exit 0): its raw bytes are kept and a case says so.

        --maildir DIR takes every message in DIR/new and the unseen ones in DIR/cur, moving each to cur/ with the S flag once stored (--watch: keep taking new mail). --mbox FILE imports a whole mbox.
        """)

    @OptionGroup var global: GlobalOptions

    @Flag(help: "Read one e-mail (RFC 5322) from stdin, as an MTA pipe gives it.")
    var mail = false

    @Option(help: ArgumentHelp("Take the messages of a Maildir (new/ and unseen cur/).", valueName: "DIR"))
    var maildir: String?

    @Flag(help: "With --maildir: keep going, taking mail as it arrives.")
    var watch = false

    @Option(help: ArgumentHelp("Import every message of an mbox file.", valueName: "FILE"))
    var mbox: String?

    @Option(help: ArgumentHelp("The config file with [mail] (default $XDG_CONFIG_HOME/frontline/config.toml).", valueName: "FILE"))
    var config: String?

    func validate() throws {
        let modes = [mail, maildir != nil, mbox != nil].filter { $0 }.count
        if modes > 1 { throw ValidationError("choose one of --mail, --maildir and --mbox") }
        if watch && maildir == nil { throw ValidationError("--watch goes with --maildir") }
    }

    func run() throws {
        let modes = MailIntakeModes(global: global, configPath: config)
        if mail { try modes.takeOneFromStdin() }
        if let maildir { return try modes.takeMaildir(maildir, watch: watch) }
        if let mbox { return try modes.takeMbox(mbox) }
        try takeJSONLines()
    }

    func takeJSONLines() throws {
        let store = try global.openService(owner: "frontline intake", subscribe: false)
        defer { store.close() }
        var bad = 0
        var lineNumber = 0
        let reader = LineReader(fd: STDIN_FILENO)
        while let line = reader.next() {
            lineNumber += 1
            if line.allSatisfy({ $0 == 32 || $0 == 9 || $0 == 13 }) { continue }
            do {
                let message = try IntakeParser.parse(line)
                let events = try store.perform(.receive(message), actor: "intake")
                // Unbuffered: the id is the acknowledgement, written only once the case is on disk.
                FileHandle.standardOutput.write(Data(((events.first?.caseID ?? "?") + "\n").utf8))
            } catch let p as IntakeParser.Problem {
                bad += 1
                printError("line \(lineNumber): \(p.description)")
            } catch let e as CommandError {
                bad += 1
                printError("line \(lineNumber): \(e.description)")
            } catch {
                // The store itself failed: nothing more can be acknowledged.
                throw CleanExit.failure("line \(lineNumber): not stored: \(error)")
            }
        }
        if bad > 0 {
            throw CleanExit.failure("\(bad) of \(lineNumber) line\(lineNumber == 1 ? "" : "s") refused (see above); the others are stored")
        }
    }
}

/// Reads lines of any length (a 1 MB line is fine) as bytes, so invalid UTF-8 is handled by the parser.
final class LineReader {
    let fd: Int32
    private var buffer: [UInt8] = []
    private var start = 0
    /// Where the search for the next newline resumes: a long line is scanned once, not once per read.
    private var scanned = 0
    private var eof = false

    init(fd: Int32) { self.fd = fd }

    func next() -> [UInt8]? {
        while true {
            if let nl = buffer[max(start, scanned)...].firstIndex(of: 10) {
                let line = Array(buffer[start..<nl])
                start = nl + 1
                scanned = start
                if start > 1 << 20 { buffer.removeFirst(start); start = 0; scanned = 0 }
                return line
            }
            scanned = buffer.count
            if eof {
                guard start < buffer.count else { return nil }
                let line = Array(buffer[start...])
                start = buffer.count
                return line
            }
            var chunk = [UInt8](repeating: 0, count: 65536)
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, 65536) }
            if n <= 0 {
                if n < 0 && errno == EINTR { continue }
                eof = true
            } else {
                buffer.append(contentsOf: chunk[0..<n])
            }
        }
    }
}
