import Foundation
import FrontlineCore
import FrontlineMail
#if canImport(Glibc)
import Glibc
#endif

/// `intake --mail`, `--maildir` and `--mbox`: where the messages come from, and what each
/// outcome means to the program that handed them over.
struct MailIntakeModes {
    let global: GlobalOptions
    let configPath: String?

    /// One message from an MTA pipe. Every path ends in an exit status the MTA understands: only
    /// 0 (done) and 75 (try again) for anything that is our problem.
    func takeOneFromStdin() throws -> Never {
        let mailConfig: MailConfig
        do { mailConfig = try global.loadConfig(path: configPath).mail } catch {
            finish("config: \(error)", MailExit.temporaryFailure)
        }
        let raw = readStandardInput(limit: MailIntakeRunner.largestKept + 1)
        if raw.count > MailIntakeRunner.largestKept {
            // Read only this far: the rest need not be, it is refused anyway.
            finish("message is over \(MailIntakeRunner.largestKept >> 20) MiB, more than any desk keeps", MailExit.dataError)
        }
        let runner = MailIntakeRunner(global: global, config: mailConfig)
        let envelope = global.environment["SENDER"]
        do {
            let outcome = try runner.take(raw, envelopeSender: envelope)
            runner.close()
            emit(MailIntakeRunner.describe(outcome))
            Foundation.exit(MailExit.ok)
        } catch let failure as MailIntakeRunner.Failure {
            runner.close()
            finish(failure.description, failure.exitCode)
        } catch {
            runner.close()
            finish("not stored: \(error)", MailExit.temporaryFailure)
        }
    }

    func takeMaildir(_ path: String, watch: Bool) throws {
        let runner = MailIntakeRunner(global: global, config: try global.loadConfig(path: configPath).mail)
        defer { runner.close() }
        let box = MaildirSource(path: path)
        var stored = 0, duplicates = 0, ignored = 0
        var tooBig = Set<String>()   // said once, then left alone (and unseen) by later passes
        repeat {
            let entries: [MaildirSource.Entry]
            do { entries = try box.unseen() } catch { throw CleanExit.failure("\(error)") }
            for entry in entries where !tooBig.contains(entry.folder + "/" + entry.name) {
                do {
                    let outcome = try runner.take(try box.read(entry), envelopeSender: nil)
                    try box.markSeen(entry)
                    switch outcome {
                    case .stored: stored += 1
                    case .duplicate: duplicates += 1
                    case .ignored: ignored += 1
                    }
                    if watch { emit(MailIntakeRunner.describe(outcome)) }
                } catch let failure as MailIntakeRunner.Failure where failure.exitCode == MailExit.dataError {
                    tooBig.insert(entry.folder + "/" + entry.name)
                    printError("\(entry.folder)/\(entry.name): \(failure.description); left unseen")
                } catch {
                    // The store cannot take mail now: stop here; the rest stays unseen for the next run.
                    throw CleanExit.failure("\(entry.folder)/\(entry.name): \(error); \(stored) stored before it, the rest left unseen")
                }
            }
            if watch { usleep(500_000) }
        } while watch
        print("\(stored) stored, \(duplicates) duplicate\(duplicates == 1 ? "" : "s"), \(ignored) ignored")
    }

    func takeMbox(_ path: String) throws {
        guard let data = FileManager.default.contents(atPath: path) else { throw CleanExit.failure("cannot read \(path)") }
        let reader = MboxReader(bytes: [UInt8](data))
        guard reader.beginsWithFromLine else {
            throw CleanExit.failure("\(path) is not an mbox (it does not begin with a \"From \" line); for one message use intake --mail")
        }
        let messages = reader.messages()
        let runner = MailIntakeRunner(global: global, config: try global.loadConfig(path: configPath).mail)
        defer { runner.close() }
        let progress = isatty(STDERR_FILENO) == 1
        var stored = 0, duplicates = 0, ignored = 0, tooBig = 0
        // Batches of up to 500 messages or 8 MiB share one fsync (and one pack of raw bytes).
        var start = 0
        while start < messages.count {
            var end = start, bytes = 0
            while end < messages.count, end - start < 500, bytes < 8 << 20 { bytes += messages[end].count; end += 1 }
            let results: [Result<MailIntakeRunner.Outcome, MailIntakeRunner.Failure>]
            do {
                results = try runner.takeMany(Array(messages[start..<end]))
            } catch {
                throw CleanExit.failure("messages \(start + 1)–\(end) of \(messages.count): \(error); the \(stored) before them are stored, run again to go on (duplicates are skipped)")
            }
            for (k, result) in results.enumerated() {
                switch result {
                case .success(.stored): stored += 1
                case .success(.duplicate): duplicates += 1
                case .success(.ignored): ignored += 1
                case let .failure(failure) where failure.exitCode == MailExit.dataError:
                    tooBig += 1
                    printError("message \(start + k + 1): \(failure.description); skipped")
                case let .failure(failure):
                    throw CleanExit.failure("message \(start + k + 1) of \(messages.count): \(failure.description); the \(stored) before it are stored, run again to go on (duplicates are skipped)")
                }
            }
            start = end
            if progress { FileHandle.standardError.write(Data("\r\(start)/\(messages.count) messages".utf8)) }
        }
        if progress { FileHandle.standardError.write(Data("\n".utf8)) }
        print("\(stored) stored, \(duplicates) duplicate\(duplicates == 1 ? "" : "s"), \(ignored) ignored\(tooBig > 0 ? ", \(tooBig) too big" : "") of \(messages.count) in \(path)")
    }

    private func readStandardInput(limit: Int) -> [UInt8] {
        var out: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while out.count < limit {
            let n = chunk.withUnsafeMutableBytes { read(STDIN_FILENO, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { break }
            out.append(contentsOf: chunk[0..<n])
        }
        return out
    }

    /// Unbuffered: a line on stdout is an acknowledgement, written only once the mail is stored.
    private func emit(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }

    private func finish(_ message: String, _ code: Int32) -> Never {
        printError(message)
        Foundation.exit(code)
    }
}
