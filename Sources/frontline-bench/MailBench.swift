import Foundation
import FrontlineClient
import FrontlineCore
import FrontlineMail
import FrontlineServer
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Mail intake at scale: parsing speed in this process, `frontline intake --mbox` of the
/// benchmark's mailbox on its own and through a running server, and the MTA pipe path (one
/// `frontline intake --mail` process per message, two at a time as Postfix's local delivery
/// does by default) into a server.
func benchMail(count: Int, pipeMessages: Int = 1000) throws {
    // BENCH_FRONTLINE: another build of the binary (e.g. --static-swift-stdlib) to compare.
    let frontline = ProcessInfo.processInfo.environment["BENCH_FRONTLINE"]
        ?? URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("frontline").path
    guard FileManager.default.isExecutableFile(atPath: frontline) else {
        say("mail: no frontline binary at \(frontline) (build it: swift build -c release)")
        return
    }
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("frontline-mailbench-\(getpid())").path
    try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
    defer { if ProcessInfo.processInfo.environment["BENCH_KEEP"] == nil { try? FileManager.default.removeItem(atPath: root) } }
    say("== mail: \(count) messages (\(frontline)) ==")
    var mbox: [UInt8] = []
    let made = seconds { mbox = MailCorpus(count: count, seed: 7).mbox() }
    let mboxPath = root + "/mail.mbox"
    guard FileManager.default.createFile(atPath: mboxPath, contents: Data(mbox)) else { throw BenchFailure(description: "could not write \(mboxPath)") }
    say(String(format: "mbox: %.1f MiB (generated in %.1f s)", Double(mbox.count) / 1048576, made))

    let messages = MboxReader(bytes: mbox).messages()
    var parsed = 0, refused = 0
    let parseTime = seconds {
        for m in messages {
            if (try? MailParser.parse(m)) != nil { parsed += 1 } else { refused += 1 }
        }
    }
    let bytes = messages.reduce(0) { $0 + $1.count }
    say(String(format: "parse: %d messages, %.1f MiB in %.2f s = %.0f MB/s, %.0f messages/s (%d refused)",
               parsed, Double(bytes) / 1048576, parseTime, Double(bytes) / parseTime / 1e6, Double(messages.count) / parseTime, refused))

    let alone = root + "/alone"
    let importAlone = try seconds { try runFrontline(frontline, ["intake", "--mbox", mboxPath, "--data-dir", alone]) }
    say(String(format: "intake --mbox, store in the process: %.1f s = %.0f messages/s", importAlone, Double(messages.count) / importAlone))
    // A customer's order number, as an agent would look one up (each mail carries its own).
    try compareWithMutt(mbox: mboxPath, store: alone, word: String(100_000 + count / 2))

    let shared = root + "/shared"
    let server = try startServer(frontline, dataDirectory: shared)
    defer { server.terminate(); server.waitUntilExit() }
    let importServed = try seconds { try runFrontline(frontline, ["intake", "--mbox", mboxPath, "--data-dir", shared]) }
    say(String(format: "intake --mbox through a running server: %.1f s = %.0f messages/s", importServed, Double(messages.count) / importServed))

    // The pipe path: fresh messages (new Message-IDs) one process each.
    let fresh = MboxReader(bytes: MailCorpus(count: pipeMessages, seed: 99).mbox()).messages().map { m -> [UInt8] in
        Array(String(decoding: m, as: UTF8.self).replacingOccurrences(of: "<bench.", with: "<pipe.").utf8)
    }
    let next = Atomic<Int>(0)
    let failures = Atomic<Int>(0)
    let pipeTime = seconds {
        let group = DispatchGroup()
        for _ in 0..<2 {
            group.enter()
            Thread.detachNewThread {
                while true {
                    let i = next.add(1, ordering: .relaxed).oldValue
                    guard i < fresh.count else { break }
                    if (try? runFrontline(frontline, ["intake", "--mail", "--data-dir", shared], stdin: fresh[i])) == nil { failures.add(1, ordering: .relaxed) }
                }
                group.leave()
            }
        }
        group.wait()
    }
    say(String(format: "intake --mail (MTA pipe), one process per message, 2 at a time, through the server: %d in %.1f s = %.0f messages/s (%d failed)",
               fresh.count, pipeTime, Double(fresh.count) / pipeTime, failures.load(ordering: .relaxed)))
}

func startServer(_ frontline: String, dataDirectory dir: String) throws -> Process {
    let server = Process()
    server.executableURL = URL(fileURLWithPath: frontline)
    server.arguments = ["serve", "--data-dir", dir]
    server.standardError = FileHandle.nullDevice
    try server.run()
    let socket = CaseServer.socketPath(dataDirectory: dir)
    let deadline = Date().addingTimeInterval(60)
    while (try? RemoteCaseService(socketPath: socket, client: "bench probe", role: .command, subscribe: false))?.close() == nil {
        guard Date() < deadline else { throw CocoaError(.fileReadUnknown) }
        usleep(10_000)
    }
    return server
}

struct BenchFailure: Error, CustomStringConvertible { let description: String }

/// Runs the frontline binary to completion; throws on a non-zero exit.
func runFrontline(_ frontline: String, _ args: [String], stdin: [UInt8]? = nil) throws {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: frontline)
    p.arguments = args
    var env = ProcessInfo.processInfo.environment
    env["XDG_CONFIG_HOME"] = "/nonexistent"
    p.environment = env
    p.standardOutput = FileHandle.nullDevice
    let input = Pipe()
    if stdin != nil { p.standardInput = input }
    try p.run()
    if let stdin {
        input.fileHandleForWriting.write(Data(stdin))
        try input.fileHandleForWriting.close()
    }
    p.waitUntilExit()
    guard p.terminationStatus == 0 else { throw BenchFailure(description: "frontline \(args.joined(separator: " ")) exited \(p.terminationStatus)") }
}
