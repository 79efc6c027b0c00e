import Foundation
import FrontlineCore
import FrontlineTUI
import Testing
@testable import FrontlineConsole

/// The action table is the one source: these hold the README, the keys, the `:` line and the
/// roles to it.
@Suite struct ConsoleActionTableTests {
    static let readme: String = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return (try? String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)) ?? ""
    }()

    /// The rows of the first Markdown table after `heading`, as cells.
    static func table(after heading: String) -> [[String]] {
        guard let start = readme.range(of: heading) else { return [] }
        var rows: [[String]] = []
        var inTable = false
        for line in readme[start.upperBound...].split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("|") {
                inTable = true
                // `\|` inside a cell is a literal bar.
                let cells = line.replacingOccurrences(of: "\\|", with: "\u{0}").split(separator: "|", omittingEmptySubsequences: false)
                    .dropFirst().dropLast().map { $0.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "\u{0}", with: "|") }
                rows.append(cells)
            } else if inTable {
                break
            }
        }
        return Array(rows.dropFirst(2))   // header and rule
    }

    /// "r  Enter" → "`r` `Enter`": the README's way of writing a key label.
    static func readmeKeys(_ label: String) -> String {
        label.components(separatedBy: "  ").map { "`\($0)`" }.joined(separator: " ")
    }

    @Test func theReadmeKeyTableIsTheActionTable() throws {
        let rows = Self.table(after: "## Keys")
        let keyed = ConsoleActions.all.filter { $0.keyLabel != nil }
        #expect(rows.map { $0[0] } == keyed.map { Self.readmeKeys($0.keyLabel!) }, "the README's keys, in the table's order")
        for (row, action) in zip(rows, keyed) {
            #expect(row[1].hasPrefix(action.help), "README row \(row[0]) should start with the table's help: \(action.help)")
        }
    }

    @Test func theReadmeCommandLineTableIsTheActionTable() throws {
        let rows = Self.table(after: "The `:` line takes each action by name")
        let lined = ConsoleActions.all.filter { $0.onLine != nil }
        #expect(rows.map { $0[0] } == lined.map { "`:\($0.usage ?? $0.name)`" })
        for (row, action) in zip(rows, lined) {
            #expect(row[1] == action.help + (action.role == .supervisor ? " (supervisors)" : ""), "README :\(action.name)")
            #expect(row[2] == (action.cli.map { "`frontline \($0)`" } ?? ""), "README :\(action.name) on the command line")
        }
    }

    @Test func everyKeyAndNameMeansOneAction() {
        let keys = ConsoleActions.all.flatMap(\.keys)
        #expect(keys.count == Set(keys.map { "\($0)" }).count, "a key bound twice")
        let names = ConsoleActions.all.filter { !$0.name.isEmpty }.flatMap { [$0.name] + $0.aliases }
        #expect(names.count == Set(names).count, "a name or alias used twice")
        for a in ConsoleActions.all {
            #expect(a.keyLabel != nil || a.onLine != nil, "\(a.name) can be reached neither by key nor by name")
            #expect((a.onKey == nil) == a.keys.isEmpty, "\(a.name): keys without a handler or a handler without keys")
            #expect((a.onLine == nil) == (a.usage == nil), "\(a.name): a `:` form needs its usage and the other way round")
        }
    }

    @Test func theHelpScreenListsEveryAction() {
        let listed = Overlays.queueHelp.map(\.0)
        for a in ConsoleActions.all {
            #expect(listed.contains(a.keyLabel ?? ":" + (a.usage ?? "")), "? does not list \(a.name)")
        }
    }

    @Test func theStatusLineHintsComeFromTheTable() {
        let hinted = ConsoleActions.all.filter { $0.hint != nil }
        #expect(Set(hinted.map { $0.hint!.place }).count == hinted.count, "two hints in one place")
        #expect(hinted.allSatisfy { $0.keyLabel != nil }, "a hint names a key")
        #expect(StatusBar.queueKeys.first! == ("a", "apologise"), "the service keys lead")
        #expect(StatusBar.queueKeys.map(\.1) == hinted.sorted { $0.hint!.place < $1.hint!.place }.map { $0.hint!.word })
    }

    /// The drift the table ended: `a` then a kind, and `:apologise KIND`, now do the same.
    @Test func theKeyAndTheLineApologiseAlike() throws {
        let clock = ManualClock(t0)
        let desk = try wallboardDesk(clock: clock)
        let world = consoleWorld(desk.service, clock: clock)
        var byKey = ConsoleState(agent: "alice")
        byKey.selectedCaseID = desk.a
        var byLine = byKey
        var keyEffects = ConsoleUpdate.handle(.character("a"), state: &byKey, world: world)
        keyEffects += ConsoleUpdate.handle(.character("2"), state: &byKey, world: world)   // faulty product
        let lineEffects = try ConsoleCommandLine.run("apologise faulty", state: &byLine, world: world)
        #expect(keyEffects == lineEffects)
        #expect(keyEffects.count == 1)
        #expect(byKey.editor.text == byLine.editor.text && !byKey.editor.text.isEmpty)
        #expect(byKey.focus == .reply && byLine.focus == .reply)
    }

    /// One sample line per action that changes something: what it performs is refused to an
    /// agent by the server's policy exactly when the table says it needs a supervisor.
    @Test func theTablesRolesAreThePolicys() throws {
        let samples: [String: String] = [
            "reply": "reply hello", "apologise": "apologise delay", "escalate": "escalate tier2 why", "deescalate": "deescalate done",
            "followup": "followup +2h call back", "done": "done ok", "cancel": "cancel the customer withdrew", "feedback": "feedback 4 quick and kind", "note": "note checked", "take": "take", "assign": "assign alice",
            "priority": "priority high", "tag": "tag vip", "solve": "solve fixed on the phone", "reopen": "reopen", "pending": "pending",
            "sla": "sla urgent 30m", "save": "save 1",
            "offer": "offer coupon 10% sorry for the wait", "approve": "approve fair", "makeitright": "makeitright faulty", "want": "want TV-55X 1 hold 2d", "solution": "solution parcel-missing", "decline": "decline too much",
        ]
        let acting = ConsoleActions.all.filter { $0.onLine != nil && $0.role != .anyone }
        // `save` and `template` change no store: nothing for the policy to judge.
        #expect(Set(acting.map(\.name)).subtracting(["save", "template"]).isSubset(of: Set(samples.keys)), "every acting action has a sample here")
        let clock = ManualClock(t0)
        let desk = try wallboardDesk(clock: clock)
        // Something for :approve and :decline to answer: bob's request on alice's case.
        _ = try desk.service.perform(.offer(desk.a, kind: .refund, value: .money(Money(minorUnits: 90_000, currency: "EUR")), reason: "whole order"),
                                     actor: "bob", at: nil)
        let world = consoleWorld(desk.service, clock: clock)
        for action in acting where action.name != "save" && action.name != "template" {
            var state = ConsoleState(agent: "alice")
            state.selectedCaseID = desk.a   // alice's case
            let effects = try ConsoleCommandLine.run(samples[action.name]!, state: &state, world: world)
            let commands = effects.compactMap { if case let .perform(c, _) = $0 { c } else { nil } }
            #expect(commands.count == 1, ":\(action.name) performs one command")
            for c in commands {
                let refused = AccessPolicy.refusal(of: c, by: "alice", role: .agent, on: desk.service.desk) != nil
                #expect(refused == (action.role == .supervisor), ":\(action.name): the table says \(action.role), the policy \(refused ? "refuses" : "allows") an agent")
            }
        }
    }

    @Test func aConsoleThatKnowsItsRoleRefusesAtOnce() throws {
        let clock = ManualClock(t0)
        let desk = try wallboardDesk(clock: clock)
        let world = consoleWorld(desk.service, clock: clock)
        var agent = ConsoleState(agent: "alice")
        agent.role = .agent
        agent.selectedCaseID = desk.a
        #expect(throws: ConsoleCommandLine.Problem.self) { try ConsoleCommandLine.run("sla urgent 30m", state: &agent, world: world) }
        #expect(try ConsoleCommandLine.run("note fine", state: &agent, world: world).count == 1)

        var viewer = ConsoleState(agent: "vic")
        viewer.role = .viewer
        viewer.selectedCaseID = desk.a
        #expect(ConsoleUpdate.handle(.character("s"), state: &viewer, world: world).isEmpty)
        #expect(viewer.status?.kind == .error)
        #expect(viewer.status?.text.contains("viewer") == true)
        _ = ConsoleUpdate.handle(.character("j"), state: &viewer, world: world)
        #expect(viewer.status == nil, "moving is for anyone")
    }
}

/// The world a console would have on `service`'s desk, showing All.
func consoleWorld(_ service: InMemoryCaseService, clock: ManualClock) -> ConsoleWorld {
    let levels = ServiceLevels()
    let queue = QueueSnapshot(desk: service.desk, query: QueueQuery(view: .all, agent: "alice", levels: levels), now: clock.now())
    return ConsoleWorld(desk: service.desk, now: clock.now(), queue: queue, levels: levels, time: TimeText(timeZone: utc))
}
