import Foundation
import FrontlineConsole
import Testing

/// The console's action table and the `frontline` subcommands agree: every action that has a
/// command-line form names a real subcommand, and every subcommand is such an action or one of
/// the commands that are not console actions.
@Suite struct ActionTableCommandLineTests {
    // "approvals" and "stock" list views 8 and 9 in detail (as "queue" lists any view); "stock --available" is a stock system's call, not an agent's.
    static let notActions: Set<String> = ["console", "demo", "intake", "show", "export", "check", "serve", "wallboard", "raw", "approvals", "stock", "migrate"]

    @Test func everyActionIsASubcommandAndEverySubcommandIsKnown() throws {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: try FrontlineBinary.path())
        p.arguments = ["--help"]
        let out = Pipe()
        p.standardOutput = out
        try p.run()
        let help = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        #expect(p.terminationStatus == 0)
        // SUBCOMMANDS: "  name[, alias] [(default)]   abstract"; wrapped abstracts are indented deeper.
        let section = help.components(separatedBy: "SUBCOMMANDS:").last ?? ""
        let subcommands = Set(section.split(separator: "\n").compactMap { line -> String? in
            guard line.hasPrefix("  "), !line.hasPrefix("   "), !line.hasPrefix("  See "), let word = line.split(separator: " ").first else { return nil }
            return word.hasSuffix(",") ? String(word.dropLast()) : String(word)
        })
        #expect(subcommands.count > 20, "parsed the subcommand list: \(subcommands.sorted())")
        let fromTable = Set(ConsoleActions.all.compactMap(\.cli))
        #expect(fromTable.subtracting(subcommands).isEmpty, "actions whose subcommand is missing: \(fromTable.subtracting(subcommands).sorted())")
        let unknown = subcommands.subtracting(fromTable).subtracting(Self.notActions)
        #expect(unknown.isEmpty, "subcommands the action table does not know: \(unknown.sorted())")
    }
}
