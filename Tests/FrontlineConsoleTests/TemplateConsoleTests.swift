import Foundation
import FrontlineCore
import FrontlineTUI
import Testing
@testable import FrontlineConsole

/// The team's template files, and putting a template into a reply with `i` and `:template`.
@Suite struct TemplateConsoleTests {
    let clock = ManualClock(t0)

    func folder(_ files: [String: [UInt8]]) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("fl-templates-\(UUID().uuidString.prefix(8))").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        for (name, bytes) in files {
            guard FileManager.default.createFile(atPath: dir + "/" + name, contents: Data(bytes)) else { throw SetupFailure("cannot write \(name) in \(dir)") }
        }
        return dir
    }

    @Test func theTeamsFilesAreReadAndOverrideOurs() throws {
        let dir = try folder(["apology-delay.sv.txt": Array("Hej {first_name}, förlåt dröjsmålet med {case}.\n".utf8),
                              "refund-sent.en.txt": Array("Your refund for {case} is on its way.".utf8)])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let library = try TemplateLoader.library(directory: dir)
        #expect(library.named("apology-delay", language: .sv)?.text == "Hej {first_name}, förlåt dröjsmålet med {case}.")
        #expect(library.named("apology-delay", language: .sv)?.source == dir + "/apology-delay.sv.txt")
        #expect(library.named("refund-sent", language: .en) != nil)
        #expect(try TemplateLoader.load(directory: dir + "/missing").isEmpty)
    }

    @Test(arguments: [
        ("greeting.sv.txt", Array("Hej {first_name},\nvi har {ordr}.".utf8), "greeting.sv.txt:2: unknown placeholder {ordr}; known: {first_name}"),
        ("greeting.de.txt", Array("Hallo".utf8), "greeting.de.txt: a template's file is named NAME.LANG.txt"),
        ("Greeting.sv.txt", Array("Hej".utf8), "Greeting.sv.txt: a template's file is named NAME.LANG.txt"),
        ("greeting.sv.txt", [0xFF, 0xFE, 0x00], "greeting.sv.txt: cannot read the template (is it UTF-8?)"),
        ("greeting.sv.txt", Array("  \n".utf8), "greeting.sv.txt: the template is empty"),
    ] as [(String, [UInt8], String)])
    func aBrokenFileIsAnErrorNamingItAndTheLine(name: String, bytes: [UInt8], expected: String) throws {
        let dir = try folder([name: bytes])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        do {
            _ = try TemplateLoader.load(directory: dir)
            Issue.record("accepted \(name)")
        } catch {
            #expect("\(error)".hasPrefix(dir + "/" + expected), "\(error)")
        }
    }

    @Test func iNarrowsTheListAsYouTypeAndEnterPutsTheTemplateInTheReply() throws {
        let (app, _, asa) = try appOnAsasCase(clock: clock)
        app.type(.character("i"))
        #expect(app.screen.contains("greeting") && app.screen.contains("thanks-for-waiting"))
        app.type(text: "wait")
        guard case let .prompt(p) = app.state.mode else { Issue.record("no prompt"); return }
        #expect(p.hint == "Enter: thanks-for-waiting (Swedish)")
        app.type(.enter)
        #expect(app.state.focus == .reply)
        #expect(app.state.editor.text == "Tack för att du väntade, Åsa. Jag har \(asa) framför mig nu.")
        #expect(app.state.status?.text == "template thanks-for-waiting (Swedish) put in the reply")
    }

    @Test func theGreetingOnTheCommandLineRecallsTheLastContact() throws {
        let (app, _, _) = try appOnAsasCase(clock: clock)
        app.command("template greeting")
        #expect(app.state.editor.text.hasPrefix("Hej Åsa! Roligt att höra av dig igen; senast vi hördes den "))
        #expect(app.state.editor.text.hasSuffix(" om Trasig laddare."))
        app.type(.escape)
        app.command("template nosuch")
        guard case let .prompt(p) = app.state.mode else { Issue.record("no error shown"); return }
        #expect(p.hint?.contains("no template matches \"nosuch\"") == true)
    }

    @Test func anApologyComesFromTheTeamsTemplateWhenThereIsOne() throws {
        let s = try seededService(clock: clock)
        let backend = TestBackend(width: 120, height: 32)
        var options = ConsoleApp.Options(agent: "alice", timeZone: utc, environment: [:])
        options.searchIndexInBackground = false
        options.templates = TemplateLibrary.bundled.overridden(by: [
            ReplyTemplate(name: "apology-delay", language: .sv, text: "Hej {first_name}, förlåt dröjsmålet med {case}.")])
        let app = ConsoleApp(service: s, backend: backend, host: FakeHost(), clock: clock, theme: try ThemeLoader.load(name: "dark", userThemeDirectory: nil),
                             options: options)
        let asa = s.desk.caseOrder[1]
        #expect(app.select(asa))
        app.type(.character("a"), .character("1"))
        #expect(app.state.editor.text == "Hej Åsa, förlåt dröjsmålet med \(asa).\n\nVänliga hälsningar,\nalice")
    }

    @Test func theReplyPaneSuggestsSolutionsAndUPutsOneInAndRecordsIt() throws {
        let s = try seededService(clock: clock)
        let (app, _, _) = makeApp(s, clock: clock)
        // Mei's "Refund for order 5512" fits the refund article.
        let mei = try #require(s.desk.caseOrder.last)
        #expect(app.select(mei))
        #expect(app.screen.contains("solutions that fit: refund-timeline"))
        app.type(.character("u"))
        guard case let .picker(p) = app.state.mode else { Issue.record("no picker"); return }
        #expect(p.options.first == "refund-timeline: When the refund reaches you")
        app.type(.enter)
        #expect(app.state.editor.text.hasPrefix("Your refund has been approved."))
        #expect(app.state.focus == .reply)
        #expect(s.desk.cases[mei]?.solutionsUsed.map(\.name) == ["refund-timeline"])
        #expect(app.state.status?.text == "solution refund-timeline (English) put in the reply and recorded on \(mei)")
    }

    @Test func theTeamsArticlesAreReadAndABrokenOneNamesTheFile() throws {
        let dir = try folder(["charger-hot.sv.md": Array("# Laddaren blir varm\ntags: charger\nSluta använda laddaren.\n".utf8)])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(try SolutionLoader.library(directory: dir).named("charger-hot", language: .sv)?.tags == ["charger"])
        let bad = try folder(["charger.sv.md": Array("Laddaren\n".utf8)])
        defer { try? FileManager.default.removeItem(atPath: bad) }
        do {
            _ = try SolutionLoader.load(directory: bad)
            Issue.record("a broken article was accepted")
        } catch {
            #expect("\(error)" == "\(bad)/charger.sv.md:1: an article starts with its title, like \"# The parcel has not arrived\"")
        }
    }
}
