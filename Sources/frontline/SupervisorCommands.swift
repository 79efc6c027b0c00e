import ArgumentParser
import Foundation
import FrontlineConsole
import FrontlineCore

// The actions a team server allows only to supervisors (the store alone lets its owner do them).

struct DeescalateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "deescalate", abstract: "Take back a case's escalation, with a reason (supervisors).")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The case id.") var caseID: String
    @Option(help: "Why (required).") var reason: String

    func run() throws {
        try performAction(global, .deescalate(caseID, reason: reason), owner: "frontline deescalate") { "\($0) de-escalated" }
    }
}

struct SLACommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sla",
        abstract: "Show the first-response targets in force, or change one for the whole team (supervisors).",
        discussion: "`frontline sla` lists each priority's target and where it comes from. `frontline sla urgent 30m` changes it for every console and the wallboard at once; it is journaled like any action and overrides config.toml's [sla].")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "urgent, high, normal or low.") var priority: Priority?
    @Argument(help: "The new target: 30m, 4h, 2d.") var target: String?

    func validate() throws {
        if priority != nil && target == nil { throw ValidationError("give the new target too, e.g. `frontline sla \(priority!.rawValue) 4h`") }
    }

    func run() throws {
        if let priority, let target {
            let seconds: TimeInterval
            do { seconds = try FollowUpTime.relative(target, original: target) } catch { throw CleanExit.failure(Words.commandLine.slaTargetUnreadable(UILanguage.current, ["target": target])) }
            return try performAction(global, .setServiceLevel(priority, target: seconds), owner: "frontline sla") { _ in
                Words.commandLine.slaNow(UILanguage.current, ["priority": priority.rawValue, "target": AgeFormat.compact(seconds)])
            }
        }
        let store = try global.openService(owner: "frontline sla")
        let desk = store.desk
        store.close()
        let (config, _) = try global.loadConfigAndTheme(explicit: nil)
        let inForce = desk.serviceLevels(base: config.levels)
        for p in [Priority.urgent, .high, .normal, .low] {
            let source = (desk.serviceLevelTargets[p] != nil ? Words.commandLine.setAtRunTime : Words.commandLine.fromConfig)(UILanguage.current)
            print("\(p.rawValue.padding(toLength: 7, withPad: " ", startingAt: 0)) \(AgeFormat.compact(inForce.target(for: p)).padding(toLength: 5, withPad: " ", startingAt: 0)) \(source)")
        }
    }
}
