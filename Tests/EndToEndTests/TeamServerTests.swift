import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

// The team server as people use it: `frontline serve` owns the store; a console and scripts on
// the same data directory work through it at the same time, and what a script does shows in the
// open console without a key press.

extension FrontlineEndToEnd {
    @Test("with `frontline serve` running, a script's note shows live in an open console; serve --stop keeps everything")
    func scriptAndConsoleShareTheServer() throws {
        let t = try TmuxSession()
        let id = try #require(try t.intake([IntakeLine.asa]).first)
        // The server in the background, as a unit file or a tmux window would run it.
        try t.runTool("/bin/sh", ["-c", "'\(t.binary)' serve --data-dir '\(t.dataDir)' >/dev/null 2>&1 &"])
        let socket = t.dataDir + "/run/frontline.sock"
        let deadline = Date().addingTimeInterval(10)
        while !FileManager.default.fileExists(atPath: socket) && Date() < deadline { usleep(20_000) }
        try #require(FileManager.default.fileExists(atPath: socket), "the server made no socket at \(socket)")

        try t.launchConsole()
        try t.waitFor("Reply to \(id)")
        // Without the server this would be refused ("in use by pid …"): now it goes through it.
        let note = try t.cli("note", [id, "called", "back", "from", "a", "script"])
        #expect(note.status == 0, "note through the server: \(note.stderr)")
        // Live: no key pressed in the console.
        try t.waitFor("called back from a script")

        try t.sendKeys("q")
        #expect(try t.waitForExit() == 0)
        let stop = try t.cli("serve", ["--stop"])
        #expect(stop.status == 0, "serve --stop: \(stop.stderr)")
        let export = try t.cli("export")
        #expect(export.status == 0, "export after the server stopped: \(export.stderr)")
        #expect(export.stdout.contains("called back from a script"))
    }
}
