import Foundation
import FrontlineCore
import TOMLKit

/// `$XDG_CONFIG_HOME/frontline/config.toml`:
///
/// ```toml
/// theme = "dark"
/// language = "sv"   # what the console, wallboard, reports and commands speak: en, sv, fi (default: the locale)
/// clock = "14.03"   # how times are written: "14:03" or "14.03" (default: the language's own)
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
/// [mail]           # see `MailConfig`: from, sendmail, outbox, signature, quote, retry_for, …
/// from = "Support <support@example.com>"
/// [promises]       # read by `frontline serve`
/// grace = "2h"     # a follow-up open this long past its time is broken: escalated to a supervisor ("off": never)
/// [feedback]       # read by `frontline serve`: "how did we do?" by mail after solving
/// after = "2h"     # cooldown = "30d" (per customer), expires = "14d"; off = true: never
/// [authority]      # goodwill allowances per role and agent: see `parseAuthority`
/// currency = "SEK"
/// [review]         # the weekly sample and the scorecard: see `ReviewSettings`
/// sample = 3
/// ```
public struct FrontlineConfig: Sendable, Equatable {
    public var theme: String?
    /// `language`: nil means the locale decides (`UILanguage.chosen`).
    public var language: UILanguage?
    /// `clock`: ":" or "."; nil means the language's own.
    public var clockSeparator: String?
    public var levels = ServiceLevels()
    public var team = TeamAccess()
    public var mail = MailConfig()
    /// `[promises] grace`: nil when "off".
    public var promiseGrace: TimeInterval? = FrontlineConfig.defaultPromiseGrace
    public static let defaultPromiseGrace: TimeInterval = 2 * 3600
    /// `[feedback]`: nil when "off".
    public var feedback: FeedbackRules? = FeedbackRules()
    /// `[authority]`, with `[team]`'s roles in it.
    public var authority = GoodwillAuthority()
    /// `[review]`: the weekly sample and the scorecard.
    public var review = ReviewSettings()
    /// `[store]`: the desk's event log in PostgreSQL; nil: the data directory's journal.
    public var store: StoreConfig?

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
        var agentLimits: [String: [OfferKind: PartialLimit]] = [:]
        for key in table.keys {
            switch key {
            case "theme":
                guard let t = table[key]?.string else { throw Failure(description: "\(source):\(line(of: key)): theme must be a string like \"dark\"") }
                config.theme = t
            case "language":
                guard let code = table[key]?.string, let l = UILanguage(rawValue: code.lowercased()) else {
                    throw Failure(description: "\(source):\(line(of: key)): language must be \"en\", \"sv\" or \"fi\"")
                }
                config.language = l
            case "clock":
                guard let spec = table[key]?.string, ["14:03", "14.03"].contains(spec) else {
                    throw Failure(description: "\(source):\(line(of: key)): clock must be \"14:03\" or \"14.03\" (how times are written)")
                }
                config.clockSeparator = String(spec.dropFirst(2).prefix(1))
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
            case "mail":
                guard let mail = table[key]?.table else { throw Failure(description: "\(source):\(line(of: "[mail")): [mail] must be a table") }
                config.mail = try parseMail(mail, source: source, line: line)
            case "promises":
                guard let promises = table[key]?.table else { throw Failure(description: "\(source):\(line(of: "[promises")): [promises] must be a table") }
                for name in promises.keys {
                    guard name == "grace" else {
                        throw Failure(description: "\(source):\(line(of: name)): unknown setting \"\(name)\" in [promises]; known: grace")
                    }
                    let spec = promises[name]?.string
                    if spec == "off" { config.promiseGrace = nil; continue }
                    guard let spec, let seconds = try? FollowUpTime.relative(spec, original: spec) else {
                        throw Failure(description: "\(source):\(line(of: name)): promises.grace must be a duration like \"2h\" or \"30m\", or \"off\"")
                    }
                    config.promiseGrace = seconds
                }
            case "feedback":
                guard let feedback = table[key]?.table else { throw Failure(description: "\(source):\(line(of: "[feedback")): [feedback] must be a table") }
                config.feedback = try parseFeedback(feedback, source: source, line: line)
            case "authority":
                guard let authority = table[key]?.table else { throw Failure(description: "\(source):\(line(of: "[authority")): [authority] must be a table") }
                (config.authority, agentLimits) = try parseAuthority(authority, source: source, line: line)
            case "review":
                guard let review = table[key]?.table else { throw Failure(description: "\(source):\(line(of: "[review")): [review] must be a table") }
                config.review = try parseReview(review, source: source, line: line)
            case "store":
                guard let store = table[key]?.table else { throw Failure(description: "\(source):\(line(of: "[store")): [store] must be a table") }
                config.store = try parseStore(store, source: source, line: line)
            default:
                throw Failure(description: "\(source):\(line(of: key)): unknown setting \"\(key)\"; known: theme, language, clock, [sla], [team], [mail], [promises], [feedback], [authority], [review], [store]")
            }
        }
        // An agent's own figures lie over their role's, which needs the team read first.
        config.authority.team = config.team
        for (user, kinds) in agentLimits {
            for (kind, partial) in kinds { config.authority.byAgent[user, default: [:]][kind] = partial.over(config.authority.limit(kind, for: user)) }
        }
        return config
    }

    /// `[feedback]`: `after`, `cooldown`, `expires` (durations), or `off = true`.
    static func parseFeedback(_ table: TOMLTable, source: String, line: (String) -> Int) throws -> FeedbackRules? {
        var rules = FeedbackRules()
        for key in table.keys {
            if key == "off" {
                guard let off = table[key]?.bool else { throw Failure(description: "\(source):\(line(key)): feedback.off must be true or false") }
                if off { return nil }
                continue
            }
            guard ["after", "cooldown", "expires"].contains(key) else {
                throw Failure(description: "\(source):\(line(key)): unknown setting \"\(key)\" in [feedback]; known: after, cooldown, expires, off")
            }
            guard let spec = table[key]?.string, let seconds = try? FollowUpTime.relative(spec, original: spec) else {
                throw Failure(description: "\(source):\(line(key)): feedback.\(key) must be a duration like \"2h\" or \"30d\"")
            }
            switch key {
            case "after": rules.after = seconds
            case "cooldown": rules.cooldown = seconds
            default: rules.expires = seconds
            }
        }
        return rules
    }

    static func parseTeam(_ table: TOMLTable, source: String, line: (String) -> Int) throws -> TeamAccess {
        func role(_ value: TOMLValueConvertible?, _ key: String) throws -> TeamRole {
            guard let name = value?.string, let role = TeamRole(rawValue: name) else {
                throw Failure(description: "\(source):\(line(key)): \(key) must be one of \"agent\", \"supervisor\", \"viewer\", \"intake\"")
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

    static func parseMail(_ table: TOMLTable, source: String, line: (String) -> Int) throws -> MailConfig {
        var mail = MailConfig()
        func text(_ key: String, _ what: String) throws -> String {
            guard let s = table[key]?.string, !s.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw Failure(description: "\(source):\(line(key)): mail.\(key) must be \(what)")
            }
            return s
        }
        func duration(_ key: String) throws -> TimeInterval {
            let spec = try text(key, "a duration like \"2d\" or \"12h\"")
            guard let seconds = MailConfig.duration(spec) else {
                throw Failure(description: "\(source):\(line(key)): mail.\(key) must be a duration like \"2d\" or \"12h\", not \"\(spec)\"")
            }
            return seconds
        }
        for key in table.keys {
            switch key {
            case "from":
                let spec = try text(key, "an address like \"Support <support@example.com>\"")
                guard let party = MailConfig.parseAddress(spec) else {
                    throw Failure(description: "\(source):\(line(key)): mail.from \"\(spec)\" has no address; write it like \"Support <support@example.com>\"")
                }
                mail.from = party
            case "sendmail":
                let spec = try text(key, "a command like \"/usr/sbin/sendmail -t -oi\"")
                guard let words = MailConfig.commandWords(spec) else {
                    throw Failure(description: "\(source):\(line(key)): mail.sendmail has an unclosed quote")
                }
                mail.sendmail = words
            case "outbox": mail.outbox = try text(key, "a folder path")
            case "signature":
                guard let s = table[key]?.string else { throw Failure(description: "\(source):\(line(key)): mail.signature must be a string") }
                mail.signature = s
            case "quote":
                guard let b = table[key]?.bool else { throw Failure(description: "\(source):\(line(key)): mail.quote must be true or false") }
                mail.quote = b
            case "retry_for": mail.retryFor = try duration(key)
            case "retry_after":
                guard let list = table[key]?.array, !list.isEmpty else {
                    throw Failure(description: "\(source):\(line(key)): mail.retry_after must be a list of durations like [\"1m\", \"5m\", \"1h\"]")
                }
                mail.retryAfter = try (0..<list.count).map { i in
                    guard let spec = list[i].string, let seconds = MailConfig.duration(spec) else {
                        throw Failure(description: "\(source):\(line(key)): mail.retry_after[\(i)] must be a duration like \"5m\"")
                    }
                    return seconds
                }
            case "reopen_within": mail.reopenWithin = try duration(key)
            case "max_message_mib":
                guard let n = table[key]?.int, n > 0, n <= 1024 else {
                    throw Failure(description: "\(source):\(line(key)): mail.max_message_mib must be a whole number of MiB from 1 to 1024")
                }
                mail.maxMessageBytes = n << 20
            case "language": mail.language = try text(key, "a language code like \"sv\"")
            case "acknowledge":
                guard let b = table[key]?.bool else { throw Failure(description: "\(source):\(line(key)): mail.acknowledge must be true or false") }
                mail.acknowledge = b
            case "acknowledge_per_hour":
                guard let n = table[key]?.int, n >= 0, n <= 1000 else {
                    throw Failure(description: "\(source):\(line(key)): mail.acknowledge_per_hour must be a whole number from 0 to 1000")
                }
                mail.acknowledgePerHour = n
            default:
                throw Failure(description: "\(source):\(line(key)): unknown setting \"\(key)\" in [mail]; known: from, sendmail, outbox, signature, quote, retry_after, retry_for, reopen_within, max_message_mib, language, acknowledge, acknowledge_per_hour")
            }
        }
        return mail
    }
}
