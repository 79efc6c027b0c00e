import ArgumentParser
import Foundation
import FrontlineCore
import FrontlineStore

struct IntakeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "intake",
        abstract: "Take in customer messages from stdin, one JSON object per line.",
        discussion: """
        Each line: {"customer":{"name":…,"email":…,"language":"sv"},"subject":…,"body":…,"channel":"email|phone|chat","received_at":"ISO 8601","case":"C-12"} ("case" is optional: it adds the message to that case).

        Prints one case id per accepted line, after it is durably stored. A bad line gets "line N: what is wrong" on stderr and nothing of it is stored; the exit status is then 1.
        """)

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let store = try global.openService(owner: "frontline intake")
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
