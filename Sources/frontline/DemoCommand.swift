import ArgumentParser
import Foundation
import FrontlineConsole
import FrontlineCore
import FrontlineStore

struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Add a realistic demo queue (Swedish, Finnish and English customers, history, escalations, follow-ups).")

    @OptionGroup var global: GlobalOptions

    @Option(help: "How many cases to add (1–1,000,000).")
    var cases = 60

    @Option(help: "Seed for the generator: the same seed gives the same queue.")
    var seed: UInt64 = 42

    func validate() throws {
        guard (1...1_000_000).contains(cases) else { throw ValidationError("--cases must be between 1 and 1000000, not \(cases)") }
    }

    func run() throws {
        if try global.runOnServer(.demo, count: cases, seed: seed) { return }
        let store = try global.openStore(owner: "frontline demo")
        defer { store.close() }
        let before = store.desk.cases.count
        do {
            try DemoSeeder.seed(store, count: cases, seed: seed)
        } catch {
            throw CleanExit.failure("demo stopped: \(error)")
        }
        print(Words.commandLine.demoAdded(UILanguage.current, ["n": "\(store.desk.cases.count - before)", "dir": global.resolvedDataDir]))
    }
}

