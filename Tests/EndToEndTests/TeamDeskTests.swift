import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

// The shared desk as a team uses it: consoles start the server themselves, several agents and a
// wallboard watch one live queue while mail keeps arriving, and roles come from the config.

extension FrontlineEndToEnd {
    @Test("with no server running the console starts one; kill -9 it and the console brings it back with the draft kept; idle, it exits")
    func theConsoleStartsAndRestartsItsServer() throws {
        let t = try TmuxSession()
        let id = try #require(try t.intake([IntakeLine.asa]).first)
        try t.launchConsole()
        try t.waitFor("Reply to \(id)")
        let first = try #require(t.serverPIDs().first, "a background server for \(t.dataDir)")
        // A command now goes through that server, and shows in the console without a key press.
        let note = try t.cli("note", [id, "rang", "the", "customer"])
        #expect(note.status == 0, "note through the started server: \(note.stderr)")
        try t.waitFor("rang the customer")

        try t.sendKeys("r")
        try t.waitFor("Ctrl-S send")
        try t.sendText("Hej Åsa, vi byter TV:n")
        try t.waitFor("Hej Åsa, vi byter TV:n")
        kill(first, SIGKILL)
        try t.waitFor("reconnecting")
        try t.waitFor("connected again", timeout: 15)
        let second = try #require(t.serverPIDs().first, "the console started a new server")
        #expect(second != first)
        // Place and draft kept: the editor is still open on the same case with the text in it.
        var s = try t.capture()
        #expect(s.contains("Hej Åsa, vi byter TV:n") && s.contains("Reply to \(id)"), "\(s.text)")
        try t.sendKeys("C-s")
        s = try t.waitFor("reply sent on \(id)")

        try t.sendKeys("q")
        #expect(try t.waitForExit() == 0)
        // Nobody left: the background server goes by itself (after 5 s idle).
        try t.waitUntilTrue("the idle server to exit", timeout: 20) { t.serverPIDs().isEmpty }
        let c = try #require(try t.exportCases()[id])
        let bodies = (c["messages"] as? [[String: Any]] ?? []).compactMap { $0["body"] as? String }
        #expect(bodies.contains("rang the customer"))
        #expect(bodies.contains("Hej Åsa, vi byter TV:n"))
    }

    @Test("two consoles, a redacted wallboard and an intake stream at once: replies, presence and collisions cross over live")
    func twoAgentsAndAWallboardShareTheQueue() throws {
        let alice = try TmuxSession()
        let id = try #require(try alice.intake([IntakeLine.asa]).first)
        let bob = try TmuxSession(agent: "bob", sharing: alice)
        let wall = try TmuxSession(agent: "wall", sharing: alice)
        try alice.launchConsole()
        try alice.waitFor("Reply to \(id)")
        try bob.launchConsole()
        try bob.waitFor("Reply to \(id)")
        #expect(alice.serverPIDs().count == 1, "both consoles share one server")
        try wall.typeShellLine([wall.binary, "wallboard", "--redact", "--data-dir", wall.dataDir].map(TmuxSession.shellQuote).joined(separator: " "))
        try wall.waitFor("waiting")

        // Mail keeps coming while they work: 12 customers, one intake run each, as a mail pipe would.
        let stream = (1...12).map { IntakeLine.make(name: "Kund\($0) Svensson", language: "sv", subject: "Ärende \($0)", body: "Hej nummer \($0)") }
        for line in stream { _ = try alice.intake([line]) }
        try alice.waitUntil("all 13 cases in alice's console") { $0.contains("All 13") }
        try bob.waitUntil("all 13 cases in bob's console") { $0.contains("All 13") }

        // Bob starts a reply on Åsa's case: alice sees him at it.
        try bob.sendKeys("/")
        try bob.sendText("Åsa")
        try bob.sendKeys("Enter")
        try bob.waitFor("Reply to \(id)")
        try bob.sendKeys("r")
        try bob.waitFor("Ctrl-S send")
        try bob.sendText("Hej, bob här")
        try alice.sendKeys("/")
        try alice.sendText("Åsa")
        try alice.sendKeys("Enter")
        try alice.waitFor("bob is replying")

        // Alice answers first; her reply shows in bob's console at once.
        try alice.sendKeys("r")
        try alice.waitFor("Ctrl-S send")
        try alice.sendText("Hej Åsa, alice här")
        try alice.sendKeys("C-s")
        try alice.waitFor("reply sent on \(id)")
        try bob.waitFor("Hej Åsa, alice här")
        // Bob's send is stopped: the case changed while he wrote.
        try bob.sendKeys("C-s")
        // Wait for the whole frame: tmux can be read while a frame is half written (the picker
        // drawn, the status line below it not yet).
        let prompt = try bob.waitUntil("the question and what changed") {
            $0.contains("Send your reply anyway?") && $0.contains("changed while you wrote")
        }
        #expect(prompt.contains("changed while you wrote: alice replied"), "the prompt says what changed: \(prompt.text)")
        #expect(prompt.contains("review first") && prompt.contains("send anyway"))

        // The wall screen counts everyone but names no one.
        // 12 still waiting (all under 15 minutes old) once alice answered Åsa; alice has one reply today.
        let board = try wall.waitUntil("the wallboard to count the stream and alice's reply") { screen in
            screen.text.range(of: #"<15m +12 █"#, options: .regularExpression) != nil
                && screen.text.range(of: #"│ alice +\d+ +\S+ +1 "#, options: .regularExpression) != nil
        }
        #expect(board.contains("FRONTLINE WALLBOARD · redacted"))
        for name in ["Åsa", "Lindqvist", "Svensson", "Kund", "TV:n luktar", "Ärende"] {
            #expect(!board.contains(name), "a redacted wallboard shows \(name): \(board.text)")
        }
        try wall.sendKeys("q")
        try bob.sendKeys("2")   // review first
        try bob.waitUntil("the question to close") { !$0.contains("Send your reply anyway?") }
        try bob.sendKeys("Escape")
        try bob.waitUntil("bob back in the queue") { !$0.contains("Esc back to queue") }
        try bob.sendKeys("q")
        try alice.sendKeys("q")
        #expect(try alice.waitForExit() == 0)
        #expect(try bob.waitForExit() == 0)
    }

    @Test("roles from config.toml: agents cannot de-escalate or reassign, viewers change nothing, SIGHUP reloads the roles")
    func rolesComeFromTheConfigAndReloadOnHangup() throws {
        let t = try TmuxSession()
        try FileManager.default.createDirectory(atPath: t.configDir + "/frontline", withIntermediateDirectories: true)
        let config = t.configDir + "/frontline/config.toml"
        try "[team.users]\nalice = \"agent\"\nsam = \"supervisor\"\nwall = \"viewer\"\n".write(toFile: config, atomically: true, encoding: .utf8)
        let id = try #require(try t.intake([IntakeLine.asa]).first)
        try t.runTool("/bin/sh", ["-c", "XDG_CONFIG_HOME='\(t.configDir)' '\(t.binary)' serve --data-dir '\(t.dataDir)' >'\(t.dataDir)/serve.out' 2>&1 &"])
        try t.waitUntilTrue("the server's socket") { FileManager.default.fileExists(atPath: t.dataDir + "/run/frontline.sock") }
        let server = try #require(t.serverPIDs().first)

        func run(_ agent: String, _ args: [String]) throws -> CommandResult {
            try t.runTool(t.binary, [args[0], "--data-dir", t.dataDir, "--agent", agent] + args.dropFirst())
        }
        #expect(try run("alice", ["escalate", id, "--to", "supervisor", "--reason", "refund over limit"]).status == 0)
        var r = try run("alice", ["deescalate", id, "--reason", "fine"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("only a supervisor can de-escalate \(id) (alice is an agent)"), "\(r.stderr)")
        r = try run("wall", ["note", id, "hello"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("wall is a viewer on this desk"), "\(r.stderr)")
        r = try run("alice", ["sla", "urgent", "30m"])
        #expect(r.stderr.contains("only a supervisor can change SLA targets"), "\(r.stderr)")

        // A supervisor promotes alice; the server takes the new roles on SIGHUP, no restart.
        try "[team.users]\nalice = \"supervisor\"\nsam = \"supervisor\"\nwall = \"viewer\"\n".write(toFile: config, atomically: true, encoding: .utf8)
        kill(server, SIGHUP)
        try t.waitUntilTrue("the server to log the reload") {
            ((try? String(contentsOfFile: t.dataDir + "/serve.out", encoding: .utf8)) ?? "").contains("reloaded")
        }
        r = try run("alice", ["deescalate", id, "--reason", "approved the refund"])
        #expect(r.status == 0, "\(r.stderr)")
        r = try run("alice", ["sla", "urgent", "30m"])
        #expect(r.status == 0, "\(r.stderr)")
        r = try run("alice", ["sla"])
        #expect(r.stdout.contains("urgent  30m   set at run time"), "\(r.stdout)")
        #expect(TmuxSession.isAlive(server), "reloading did not restart the server")

        let stop = try t.cli("serve", ["--stop"])
        #expect(stop.status == 0, "\(stop.stderr)")
        let c = try #require(try t.exportCases()[id])
        #expect(c["escalation"] == nil || c["escalation"] is NSNull, "de-escalated: \(c)")
    }

    @Test("a real other Unix user is known by the kernel, not by --agent; a group socket lets the team in", .enabled(if: getuid() == 0, "needs root to run a client as another user"))
    func anotherUnixUserActsUnderTheirOwnName() throws {
        let t = try TmuxSession()
        // nobody must be able to reach the data directory's run/ folder: through a 0711 temp root.
        chmod(t.root, 0o711)
        try FileManager.default.createDirectory(atPath: t.configDir + "/frontline", withIntermediateDirectories: true)
        try "[team]\ngroup = \"nogroup\"\n[team.users]\nnobody = \"agent\"\n".write(toFile: t.configDir + "/frontline/config.toml", atomically: true, encoding: .utf8)
        let id = try #require(try t.intake([IntakeLine.asa]).first)
        try t.runTool("/bin/sh", ["-c", "XDG_CONFIG_HOME='\(t.configDir)' '\(t.binary)' serve --data-dir '\(t.dataDir)' >'\(t.root)/serve.out' 2>&1 &"])
        try t.waitUntilTrue("the server's socket") { FileManager.default.fileExists(atPath: t.dataDir + "/run/frontline.sock") }

        var info = stat()
        #expect(stat(t.dataDir + "/run", &info) == 0 && info.st_mode & 0o777 == 0o770, "a team socket directory is 0770")
        let setpriv = try TmuxSession.findTool("setpriv")
        let asNobody = ["--reuid=nobody", "--regid=nogroup", "--clear-groups", t.binary]
        var r = try t.runTool(setpriv, asNobody + ["note", id, "from nobody", "--data-dir", t.dataDir, "--agent", "alice"])
        #expect(r.status == 0, "nobody is an agent on this team: \(r.stderr)")
        r = try t.runTool(setpriv, asNobody + ["deescalate", id, "--reason", "x", "--data-dir", t.dataDir, "--agent", "sam"])
        #expect(r.stderr.contains("(nobody is an agent)"), "\(r.stderr)")
        // "Mine" is nobody's, not alice's, though --agent alice was given.
        r = try t.runTool(setpriv, asNobody + ["assign", id, "nobody", "--data-dir", t.dataDir, "--agent", "alice"])
        #expect(r.status == 0, "\(r.stderr)")
        r = try t.runTool(setpriv, asNobody + ["queue", "--view", "mine", "--data-dir", t.dataDir, "--agent", "alice"])
        #expect(r.stdout.contains(id), "nobody's own queue lists the case: \(r.stdout) \(r.stderr)")

        let stop = try t.cli("serve", ["--stop"])
        #expect(stop.status == 0, "\(stop.stderr)")
        let c = try #require(try t.exportCases()[id])
        let note = (c["messages"] as? [[String: Any]] ?? []).first { $0["body"] as? String == "from nobody" }
        #expect(note?["author"] as? String == "nobody", "the kernel's name, not --agent alice: \(String(describing: note))")
    }
}
