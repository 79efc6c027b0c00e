import Foundation
import Testing

extension FrontlineEndToEnd {
    @Test("/ on a 20,000-case desk: the search index answers as the agent types, diacritics optional, words ANDed, without blocking the console")
    func searchOnALargeDesk() throws {
        let t = try TmuxSession(width: 130, height: 36)
        try t.seedDemo(cases: 20_000, seed: 5)
        // Two needles in the haystack: a unique word in a message body, and a Finnish name.
        let ids = try t.intake([
            IntakeLine.make(name: "Väinö Mäkinen", email: "vaino@example.fi", language: "fi", subject: "Laskussa virhe",
                            body: "Tilaus 7781234 laskutettiin kahdesti, viite Zylofonkvist."),
            IntakeLine.make(name: "Väinö Mäkinen", email: "vaino@example.fi", language: "fi", subject: "Toinen asia",
                            body: "Ei mitään erikoista."),
        ])
        try t.launchConsole(extraArguments: ["--standalone"])
        // Straight away, while the index may still be building: the console takes the keys.
        try t.sendKeys("/")
        try t.sendText("makinen zylof")
        try t.waitFor("search \"makinen zylof\"", timeout: 10)
        let found = try t.waitUntil("exactly the one case with both words", timeout: 30) { s in
            s.queueCaseIDs == [ids[0]]
        }
        #expect(found.contains("Väinö Mäkinen"))
        // Typed with the diacritic it still finds her; a word only the other case has narrows to it.
        try t.sendKeys("Enter", "/")
        try t.sendKeys("C-u")
        try t.sendText("mäkinen erikoista")
        try t.waitUntil("the second case", timeout: 10) { $0.queueCaseIDs == [ids[1]] }
        // An order number inside a message, by substring.
        try t.sendKeys("C-u")
        try t.sendText("7781234")
        try t.waitUntil("the case with that order number", timeout: 10) { $0.queueCaseIDs == [ids[0]] }
        try t.sendKeys("Escape")
        try t.waitUntil("the search prompt to close", timeout: 10) { !$0.contains("Search:") }
        try t.sendKeys("q")
        #expect(try t.waitForExit() == 0)

        // The command line uses the same index.
        let cli = try t.cli("search", ["makinen", "zylof", "--json"])
        #expect(cli.status == 0, "\(cli.stderr)")
        let rows = try JSONSerialization.jsonObject(with: cli.stdoutData) as? [[String: Any]]
        #expect(rows?.compactMap { $0["id"] as? String } == [ids[0]])
    }
}
