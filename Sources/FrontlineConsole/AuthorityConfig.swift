import Foundation
import FrontlineCore
import FrontlineTUI
import TOMLKit

/// `[authority]` of config.toml: how much goodwill each role and named agent may give on their
/// own (`GoodwillAuthority`). Read by whatever decides commands: `frontline serve` on a team
/// desk, the console or command on its own store.
///
/// ```toml
/// [authority]
/// currency = "SEK"           # allowance amounts are in it; an offer in another needs approval
/// approval_due = "30m"       # a request for approval is overdue after this
/// coupon_days = 90           # how long a coupon is valid
/// coupon_pool = "codes.txt"  # hand out these codes (one a line; relative to this file); else generated
/// make_it_right = "coupon 10%"  # what `m` offers at most (less when the agent's room is smaller)
/// check_after = "3d"         # when `m`'s follow-up checks that the remedy worked
/// [authority.agent]          # a role: agent or supervisor
/// refund = { most = "500", customer_30_days = "1000", agent_week = "5000" }
/// discount = { most = "10%", customer_30_days = 2, agent_week = 20 }
/// coupon = "off"             # agents may not give coupons on their own
/// [authority.users.bob]      # one agent: what is given here replaces their role's figure
/// refund = { most = "1000" }
/// ```
extension FrontlineConfig {
    static func parseAuthority(_ table: TOMLTable, source: String, line: (String) -> Int) throws -> (GoodwillAuthority, [String: [OfferKind: PartialLimit]]) {
        var authority = GoodwillAuthority()
        var users: [String: [OfferKind: PartialLimit]] = [:]
        var roles: [TeamRole: [OfferKind: PartialLimit]] = [:]
        func fail(_ key: String, _ why: String) -> Failure { Failure(description: "\(source):\(line(key)): \(why)") }
        func duration(_ key: String) throws -> TimeInterval {
            guard let spec = table[key]?.string, let seconds = try? FollowUpTime.relative(spec, original: spec) else {
                throw fail(key, "authority.\(key) must be a duration like \"30m\" or \"2h\"")
            }
            return seconds
        }
        // The currency first: every amount below is read in it.
        if let c = table["currency"] {
            guard let code = c.string, code.count == 3, code.allSatisfy(\.isLetter) else {
                throw fail("currency", "authority.currency must be a three-letter currency code like \"SEK\" or \"EUR\"")
            }
            authority.currency = code.uppercased()
        }
        for key in table.keys {
            switch key {
            case "currency": continue
            case "approval_due": authority.approvalDue = try duration(key)
            case "coupon_days":
                guard let n = table[key]?.int, (1...3650).contains(n) else { throw fail(key, "authority.coupon_days must be a whole number of days from 1 to 3650") }
                authority.couponValidity = TimeInterval(n) * 86400
            case "coupon_pool":
                guard let path = table[key]?.string, !path.isEmpty else { throw fail(key, "authority.coupon_pool must be a file name") }
                let full = path.hasPrefix("/") ? path : ((source as NSString).deletingLastPathComponent as NSString).appendingPathComponent(path)
                authority.couponPool = try readCouponPool(full)
            case "check_after": authority.checkAfter = try duration(key)
            case "make_it_right":
                // "coupon 10%", "refund 100", "free_shipping": what make it right offers at most.
                let words = (table[key]?.string ?? "").split(separator: " ", maxSplits: 1).map(String.init)
                guard let first = words.first, let kind = OfferKind(name: first),
                      let value = kind.measure == .none ? OfferValue.none : words.count == 2 ? OfferValue.parse(words[1], kind: kind, currency: authority.currency) : nil else {
                    throw fail(key, "authority.make_it_right must be a kind and its value, like \"coupon 10%\", \"refund 100\" or \"free_shipping\"")
                }
                authority.makeItRight = (kind, value)
            case "users":
                guard let list = table[key]?.table else { throw fail("[authority.users", "[authority.users] must hold a table per agent, like [authority.users.bob]") }
                for user in list.keys {
                    guard let kinds = list[user]?.table else { throw fail(user, "[authority.users.\(user)] must be a table of offer kinds") }
                    users[user] = try parseKinds(kinds, authority.currency, "authority.users.\(user)", fail)
                }
            default:
                guard let role = TeamRole(rawValue: key), role == .agent || role == .supervisor else {
                    throw fail(table[key]?.table != nil ? "[authority.\(key)" : key, "unknown setting \"\(key)\" in [authority]; known: currency, approval_due, coupon_days, coupon_pool, make_it_right, check_after, [authority.agent], [authority.supervisor], [authority.users.NAME]")
                }
                guard let kinds = table[key]?.table else { throw fail("[authority.\(key)", "[authority.\(key)] must be a table of offer kinds") }
                roles[role] = try parseKinds(kinds, authority.currency, "authority.\(key)", fail)
            }
        }
        for (role, kinds) in roles {
            for (kind, partial) in kinds {
                authority.byRole[role, default: [:]][kind] = partial.over(authority.byRole[role]?[kind] ?? .none)
            }
        }
        return (authority, users)
    }

    /// A kind's limit as written: only the fields given, laid over the role's when resolved.
    struct PartialLimit: Sendable, Equatable {
        var most: Int64?
        var perCustomer30Days: Int64?
        var perAgentWeek: Int64?
        var off = false

        func over(_ base: OfferLimit) -> OfferLimit {
            if off { return .none }
            return OfferLimit(most: most ?? base.most, perCustomer30Days: perCustomer30Days ?? base.perCustomer30Days,
                              perAgentWeek: perAgentWeek ?? base.perAgentWeek, allowed: true)
        }
    }

    private static func parseKinds(_ table: TOMLTable, _ currency: String, _ section: String,
                                   _ fail: (String, String) -> Failure) throws -> [OfferKind: PartialLimit] {
        var out: [OfferKind: PartialLimit] = [:]
        for name in table.keys {
            guard let kind = OfferKind(rawValue: name) else {
                throw fail(name, "unknown offer kind \"\(name)\" in [\(section)]; kinds: \(OfferKind.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            if table[name]?.string == "off" { out[kind] = PartialLimit(off: true); continue }
            guard let fields = table[name]?.table else {
                throw fail(name, "\(section).\(name) must be \"off\" or a table like { most = \"500\", customer_30_days = \"1000\", agent_week = \"5000\" }")
            }
            var limit = PartialLimit()
            for field in fields.keys {
                let value = fields[field]
                switch field {
                case "most":
                    guard kind.measure == .percent || kind.measure == .money else { throw fail(name, "\(section).\(name): a \(kind.label) has no size, so no \"most\"") }
                    limit.most = try size(value, kind, currency, "\(section).\(name).most", name, fail)
                case "customer_30_days", "agent_week":
                    let figure: Int64
                    if kind.measure == .money {
                        figure = try size(value, kind, currency, "\(section).\(name).\(field)", name, fail)
                    } else {
                        guard let n = value?.int, n >= 0 else { throw fail(name, "\(section).\(name).\(field) is how many times: a whole number like 2") }
                        figure = Int64(n)
                    }
                    if field == "agent_week" { limit.perAgentWeek = figure } else { limit.perCustomer30Days = figure }
                default:
                    throw fail(name, "unknown field \"\(field)\" in \(section).\(name); known: most, customer_30_days, agent_week")
                }
            }
            out[kind] = limit
        }
        return out
    }

    /// "500", "125,50", "10%": an amount in the desk's currency's minor units, or a percentage.
    private static func size(_ value: TOMLValueConvertible?, _ kind: OfferKind, _ currency: String, _ what: String, _ key: String,
                             _ fail: (String, String) -> Failure) throws -> Int64 {
        let text = value?.string ?? value?.int.map(String.init)
        if kind.measure == .percent {
            guard let text, case let .percent(p)? = OfferValue.parse(text, kind: kind, currency: currency) else {
                throw fail(key, "\(what) must be a percentage from 1 to 100, like \"10%\"")
            }
            return Int64(p)
        }
        guard let text, let m = Money.parse(text, currency: currency), m.currency == currency else {
            throw fail(key, "\(what) must be an amount in \(currency), like \"500\" or \"125,50\"")
        }
        return m.minorUnits
    }

    /// One code a line; blank lines and `#` comments skipped. A code with a space is an error with its line.
    static func readCouponPool(_ path: String) throws -> [String] {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw Failure(description: "\(path): cannot read the coupon pool (authority.coupon_pool)")
        }
        var codes: [String] = []
        for (n, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let code = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            if code.isEmpty || code.hasPrefix("#") { continue }
            guard !code.contains(where: \.isWhitespace), code.count <= 64, code.allSatisfy({ $0.isASCII && !$0.isNewline }) else {
                throw Failure(description: "\(path):\(n + 1): a coupon code is one word of up to 64 letters, digits and dashes, not \"\(TextSanitiser.singleLine(code))\"")
            }
            codes.append(code)
        }
        guard !codes.isEmpty else { throw Failure(description: "\(path): the coupon pool has no codes") }
        return codes
    }
}
