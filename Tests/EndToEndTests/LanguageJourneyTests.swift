import Foundation
import Testing

// The desk in the agents' own languages: the console speaks Finnish from the locale, and the
// report and the wallboard Swedish from config.toml.

extension FrontlineEndToEnd {
    @Test("the console speaks Finnish when the locale is Finnish; config language = sv makes the report and the wallboard Swedish")
    func theDeskSpeaksFinnishAndSwedish() throws {
        let t = try TmuxSession(width: 80, height: 24)
        let id = try #require(try t.intake([IntakeLine.matti]).first)
        try t.launchConsole(environment: ["LANG": "fi_FI.UTF-8"])
        var s = try t.waitFor("Vastaus: \(id) · Matti · suomi")
        #expect(s.title.contains("Odottaa 1"), "\(s.text)")
        #expect(s.contains("avoin · normaali · ei vastuuhenkilöä"), "\(s.text)")
        #expect(s.lastLine.contains("pahoittele") && s.lastLine.contains("klo") == false, "\(s.lastLine)")
        try t.sendKeys("?")
        s = try t.waitFor("Näppäimet")
        #expect(s.contains("liiku jonossa (historia seuraa mukana)"), "\(s.text)")
        try t.sendKeys("x")
        try t.waitUntil("the help closed") { !$0.contains("Näppäimet") }
        try t.sendKeys("o")
        s = try t.waitFor("\(id) on jo avoinna")   // the server's refusal, worded for this console
        try t.sendKeys("t")
        try t.waitFor("\(id) on nyt sinun")
        try t.sendKeys("q")
        #expect(try t.waitForExit() == 0)

        try t.writeConfig("language = \"sv\"\n")
        let report = try t.cli("report", ["--since", "1d"])
        #expect(report.status == 0 && report.stdout.hasPrefix("Rapport ") && report.stdout.contains("inkomna"), "\(report.stdout)")
        #expect(report.stdout.split(separator: "\n").allSatisfy { $0.count <= 80 }, "the text report fits 80 columns in Swedish too")
        let noted = try t.cli("note", [id, "ringde kunden"])
        #expect(noted.stdout == "anteckning tillagd på \(id)\n", "\(noted.stdout) \(noted.stderr)")
        let shown = try t.cli("show", [id])
        #expect(shown.stdout.contains("kund sedan") && shown.stdout.contains("anteckning alice: ringde kunden"), "\(shown.stdout)")
        let card = try t.cli("review", ["scorecard"])
        #expect(card.stdout.hasPrefix("Bedömningsmall") && card.stdout.contains("hälsade kunden vid namn"), "\(card.stdout)")
        let queue = try t.cli("queue", ["--view", "all"])
        #expect(queue.stdout.hasPrefix("Alla: 1 ärende"), "\(queue.stdout)")
        let wanted = try t.cli("want", [id, "TV-55X", "--quantity", "2"])
        #expect(wanted.stdout == "\(id) väntar på 2 × TV-55X\n", "\(wanted.stdout) \(wanted.stderr)")
        let stock = try t.cli("stock", [])
        #expect(stock.stdout.hasPrefix("Väntar på lager: 1 · reserverade: 0") && stock.stdout.contains("väntar sedan"), "\(stock.stdout)")
        let sla = try t.cli("sla", ["urgent", "30m"])
        #expect(sla.stdout == "SLA-målet för urgent är nu 30m\n", "\(sla.stdout) \(sla.stderr)")
        let refused = try t.cli("decline", ["\(id)/9", "--reason", "nej"])
        #expect(refused.status != 0 && refused.stderr.contains("\(id) har inget erbjudande #9"), "a store refusal on the command line, in Swedish: \(refused.stderr)")
        try t.typeShellLine([t.binary, "wallboard", "--data-dir", t.dataDir].map(TmuxSession.shellQuote).joined(separator: " ") + "; echo \"E2E-WALL=$?\"")
        s = try t.waitFor("FRONTLINE TAVLA")
        #expect(s.contains("LÄNGST VÄNTAN") && s.contains("längst väntat: \(id)"), "\(s.text)")
        try t.sendKeys("q")
        try t.waitFor("E2E-WALL=0")
    }
}
