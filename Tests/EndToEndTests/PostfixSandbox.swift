import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A private, loopback-only Postfix for one test (`Scripts/postfix-sandbox`): mail to
/// support@DOMAIN is piped to `frontline intake --mail`, mail to customer@DOMAIN lands in a
/// Maildir. A missing Postfix fails the test loudly: CI installs it (see .ci/run).
final class PostfixSandbox {
    let directory: String
    let values: [String: String]
    private let script: String
    private let session: TmuxSession

    var domain: String { values["DOMAIN"] ?? "example.test" }
    var customerMaildir: String { values["CUSTOMER_MAILDIR"] ?? "" }
    /// The sendmail command line that submits to this instance.
    var sendmail: [String] { (values["SENDMAIL"] ?? "").split(separator: " ").map(String.init) }

    init(session: TmuxSession, pipe: String) throws {
        self.session = session
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        script = root.appendingPathComponent("Scripts/postfix-sandbox").path
        guard FileManager.default.isExecutableFile(atPath: "/usr/sbin/postfix") else {
            throw E2EFailure("Postfix is not installed (/usr/sbin/postfix): the mail journeys need a real MTA. `apt-get install -y postfix` (.ci/run does it)")
        }
        directory = session.root + "/postfix"
        let r = try session.runTool("/bin/bash", [script, "start", directory, "--pipe-user", "support", "--pipe", pipe, "--mailbox", "customer", "--domain", "example.test"])
        guard r.status == 0 else { throw E2EFailure("postfix-sandbox start failed (\(r.status)): \(r.stderr)\(r.stdout)") }
        var v: [String: String] = [:]
        for line in r.stdout.split(separator: "\n") {
            guard let eq = line.firstIndex(of: "=") else { continue }
            v[String(line[..<eq])] = String(line[line.index(after: eq)...])
        }
        values = v
    }

    deinit {
        _ = try? session.runTool("/bin/bash", [script, "stop", directory])
    }

    /// Submits a message as `envelopeFrom` (what a customer's MTA would hand ours).
    func submit(_ message: String, envelopeFrom: String) throws {
        let r = try session.runTool(sendmail[0], Array(sendmail.dropFirst()) + ["-f", envelopeFrom], stdin: Data(message.utf8))
        guard r.status == 0 else { throw E2EFailure("sendmail failed (\(r.status)): \(r.stderr)") }
    }

    func flush() throws {
        let r = try session.runTool("/bin/bash", [script, "flush", directory])
        guard r.status == 0 else { throw E2EFailure("postfix-sandbox flush failed: \(r.stderr)") }
    }

    /// `postqueue -p`: what is still queued (deferred mail shows here).
    func queue() throws -> String {
        try session.runTool("/bin/bash", [script, "queue", directory]).stdout
    }

    /// Messages delivered to customer@, oldest first.
    func customerMail() -> [String] {
        let new = customerMaildir + "/new"
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: new)) ?? []).sorted()
        return names.compactMap { try? String(contentsOfFile: new + "/" + $0, encoding: .utf8) }
    }

    var log: String { (try? String(contentsOfFile: values["LOG"] ?? "", encoding: .utf8)) ?? "" }
}

/// One header's value of a message as text (unfolded), or nil.
func headerValue(_ name: String, in message: String) -> String? {
    var current: String?
    var out: String?
    for line in message.components(separatedBy: "\n") {
        if line.isEmpty { break }
        if line.first == " " || line.first == "\t" {
            if current != nil { out? += " " + line.trimmingCharacters(in: .whitespaces) }
            continue
        }
        if out != nil && current != nil { break }
        let parts = line.split(separator: ":", maxSplits: 1)
        current = nil
        if parts.count == 2, parts[0].lowercased() == name.lowercased() {
            current = name
            out = parts[1].trimmingCharacters(in: .whitespaces)
        }
    }
    return out
}
