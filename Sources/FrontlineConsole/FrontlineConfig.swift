import Foundation
import FrontlineCore
import TOMLKit

/// `$XDG_CONFIG_HOME/frontline/config.toml`:
///
/// ```toml
/// theme = "dark"
/// [sla]            # first-response targets: m, h, d
/// urgent = "1h"
/// high = "4h"
/// normal = "24h"
/// low = "72h"
/// [team]           # read by `frontline serve`: who may use the shared desk
/// default_role = "agent"
/// group = "support"
/// [team.users]
/// alice = "supervisor"
/// ```
public struct FrontlineConfig: Sendable, Equatable {
    public var theme: String?
    public var levels = ServiceLevels()
    public var team = TeamAccess()

    public init() {}

    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    /// A missing file is the defaults; a broken one is an error naming the file and line.
    public static func load(path: String) throws -> FrontlineConfig {
        guard FileManager.default.fileExists(atPath: path) else { return FrontlineConfig() }
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw Failure(description: "\(path): cannot read the config file (is it UTF-8?)")
        }
        return try parse(text, source: path)
    }

    public static func parse(_ text: String, source: String) throws -> FrontlineConfig {
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let e as TOMLParseError {
            throw Failure(description: "\(source):\(e.source.begin.line): \(e.description)")
        }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        func line(of key: String) -> Int {
            (lines.firstIndex { $0.trimmingCharacters(in: .whitespaces).hasPrefix(key) } ?? 0) + 1
        }
        var config = FrontlineConfig()
        for key in table.keys {
            switch key {
            case "theme":
                guard let t = table[key]?.string else { throw Failure(description: "\(source):\(line(of: key)): theme must be a string like \"dark\"") }
                config.theme = t
            case "sla":
                guard let sla = table[key]?.table else { throw Failure(description: "\(source):\(line(of: "[sla")): [sla] must be a table") }
                for name in sla.keys {
                    guard let p = Priority(rawValue: name) else {
                        throw Failure(description: "\(source):\(line(of: name)): unknown priority \"\(name)\" in [sla]; use urgent, high, normal, low")
                    }
                    guard let spec = sla[name]?.string, let seconds = try? FollowUpTime.relative(spec, original: spec) else {
                        throw Failure(description: "\(source):\(line(of: name)): sla.\(name) must be a duration like \"1h\", \"30m\" or \"3d\"")
                    }
                    config.levels.targets[p] = seconds
                }
            case "team":
                guard let team = table[key]?.table else { throw Failure(description: "\(source):\(line(of: "[team")): [team] must be a table") }
                config.team = try parseTeam(team, source: source, line: line)
            default:
                throw Failure(description: "\(source):\(line(of: key)): unknown setting \"\(key)\"; known: theme, [sla], [team]")
            }
        }
        return config
    }

    static func parseTeam(_ table: TOMLTable, source: String, line: (String) -> Int) throws -> TeamAccess {
        func role(_ value: TOMLValueConvertible?, _ key: String) throws -> TeamRole {
            guard let name = value?.string, let role = TeamRole(rawValue: name) else {
                throw Failure(description: "\(source):\(line(key)): \(key) must be one of \"agent\", \"supervisor\", \"viewer\"")
            }
            return role
        }
        var team = TeamAccess()
        for key in table.keys {
            switch key {
            case "default_role":
                team.defaultRole = try role(table[key], "default_role")
            case "group":
                guard let g = table[key]?.string, !g.isEmpty else { throw Failure(description: "\(source):\(line("group")): team.group must be a Unix group name") }
                team.group = g
            case "users":
                guard let users = table[key]?.table else { throw Failure(description: "\(source):\(line("[team.users")): [team.users] must be a table of user = \"role\"") }
                for user in users.keys { team.roles[user] = try role(users[user], user) }
            default:
                throw Failure(description: "\(source):\(line(key)): unknown setting \"\(key)\" in [team]; known: default_role, group, [team.users]")
            }
        }
        return team
    }
}
