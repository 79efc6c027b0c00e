import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

extension FrontlineEndToEnd {
    @Test("frontline serve started while a short command holds the store waits for it, and names a holder that does not let go")
    func serveWaitsForAShortHolderOfTheStore() throws {
        typealias F = MailCommandFixtures
        let t = try TmuxSession()
        _ = try t.intake([IntakeLine.asa])
        let flock = try TmuxSession.findTool("flock")
        let lock = t.dataDir + "/lock"
        // A holder for 1.5 s (a cron `queue`, a script's `note`): the server waits and then serves.
        let short = try F.spawnInBackground(t, flock, [lock, "sleep", "1.5"])
        defer { if !F.reap(short, timeout: 0) { kill(-short, SIGKILL); _ = F.reap(short, timeout: 5) } }
        try t.waitUntilTrue("flock to hold \(lock)", timeout: 5) { ((try? t.runTool(flock, ["-n", lock, "true"]))?.status ?? 0) != 0 }
        let log = t.root + "/serve.log"
        let server = try F.spawnInBackground(t, t.binary, ["serve", "--data-dir", t.dataDir], stderr: log)
        defer { if !F.reap(server, timeout: 0) { kill(-server, SIGTERM); _ = F.reap(server, timeout: 10) } }
        try t.waitUntilTrue("the server to serve once the holder let go", timeout: 15) {
            ((try? String(contentsOfFile: log, encoding: .utf8)) ?? "").contains("serving ")
        }
        let queue = try t.cli("queue")
        #expect(queue.status == 0 && queue.stdout.contains("Åsa Lindqvist"), "\(queue.stdout) \(queue.stderr)")
        kill(server, SIGTERM)
        #expect(F.reap(server, timeout: 10))

        // A holder that stays: after about 5 s the server says who it is.
        let long = try F.spawnInBackground(t, flock, [lock, "sleep", "12"])
        defer { if !F.reap(long, timeout: 0) { kill(-long, SIGKILL); _ = F.reap(long, timeout: 5) } }
        try t.waitUntilTrue("flock to hold \(lock)", timeout: 5) { ((try? t.runTool(flock, ["-n", lock, "true"]))?.status ?? 0) != 0 }
        let started = Date()
        let refused = try t.cli("serve")
        let waited = Date().timeIntervalSince(started)
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("in use by"), "\(refused.stderr)")
        #expect(waited >= 4.5 && waited < 10, "waited \(waited) s before giving up")
    }
}
