import Foundation
import FrontlineCore
import Testing
@testable import FrontlineConsole

/// `[authority]`: allowances per role and named agent, read in the desk's currency; a broken
/// setting names the file and line.
@Suite struct AuthorityConfigTests {
    @Test func rolesAndAgentsLayTheirFiguresOverTheDefaults() throws {
        let text = """
        [team.users]
        bob = "agent"
        carol = "supervisor"
        [authority]
        currency = "SEK"
        approval_due = "45m"
        coupon_days = 30
        [authority.agent]
        refund = { most = "500", customer_30_days = "1000,50", agent_week = "5000" }
        coupon = "off"
        [authority.users.bob]
        refund = { most = "800" }
        """
        let config = try FrontlineConfig.parse(text, source: "config.toml")
        let a = config.authority
        #expect(a.currency == "SEK" && a.approvalDue == 2700 && a.couponValidity == 30 * 86400)
        #expect(a.limit(.refund, for: "eve") == GoodwillAuthority.defaultLimits[.supervisor]?[.refund], "eve is not listed: on her own store she is its owner, a supervisor")
        #expect(a.role(of: "bob") == .agent && a.role(of: "carol") == .supervisor)
        #expect(a.limit(.refund, for: "bob") == OfferLimit(most: 80_000, perCustomer30Days: 100_050, perAgentWeek: 500_000), "bob's own most over his role's windows")
        #expect(a.limit(.coupon, for: "bob") == .none)
        #expect(a.limit(.discount, for: "bob") == GoodwillAuthority.defaultLimits[.agent]?[.discount], "kinds not written keep the defaults")
        #expect(a.limit(.refund, for: "carol") == GoodwillAuthority.defaultLimits[.supervisor]?[.refund])
    }

    @Test func makeItRightIsAKindAndItsValue() throws {
        let a = try FrontlineConfig.parse("[authority]\ncurrency = \"SEK\"\nmake_it_right = \"credit 150\"\ncheck_after = \"5d\"\n", source: "config.toml").authority
        #expect(a.makeItRight.kind == .credit && a.makeItRight.value == .money(Money(minorUnits: 15_000, currency: "SEK")) && a.checkAfter == 5 * 86400)
        #expect(try FrontlineConfig.parse("[authority]\nmake_it_right = \"free_shipping\"\n", source: "config.toml").authority.makeItRight.value == OfferValue.none)
        #expect(configRefusal("[authority]\nmake_it_right = \"hugs\"\n")?.hasPrefix("config.toml:2: authority.make_it_right must be a kind and its value") == true)
        #expect(configRefusal("[authority]\nmake_it_right = \"coupon\"\n")?.hasPrefix("config.toml:2: authority.make_it_right must be") == true)
    }

    @Test func aCouponPoolIsReadBesideTheConfig() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("fl-pool-\(UUID().uuidString.prefix(8))").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try "# autumn campaign\nSORRY-A1\n\nSORRY-B2\n".write(toFile: dir + "/codes.txt", atomically: true, encoding: .utf8)
        let config = try FrontlineConfig.parse("[authority]\ncoupon_pool = \"codes.txt\"\n", source: dir + "/config.toml")
        #expect(config.authority.couponPool == ["SORRY-A1", "SORRY-B2"])
        try "SORRY-A1\nNOT A CODE\n".write(toFile: dir + "/bad.txt", atomically: true, encoding: .utf8)
        #expect(throws: FrontlineConfig.Failure.self) { try FrontlineConfig.parse("[authority]\ncoupon_pool = \"bad.txt\"\n", source: dir + "/config.toml") }
        do {
            _ = try FrontlineConfig.parse("[authority]\ncoupon_pool = \"bad.txt\"\n", source: dir + "/config.toml")
        } catch {
            #expect("\(error)".hasPrefix(dir + "/bad.txt:2: a coupon code is one word"), "\(error)")
        }
    }

    @Test(arguments: [
        ("[authority]\ncurrency = \"kronor\"\n", "config.toml:2: authority.currency must be a three-letter currency code"),
        ("[authority]\n[authority.agent]\nrefund = { most = \"lots\" }\n", "config.toml:3: authority.agent.refund.most must be an amount in EUR"),
        ("[authority]\n[authority.agent]\nrefund = { most = \"12 USD\" }\n", "config.toml:3: authority.agent.refund.most must be an amount in EUR"),
        ("[authority]\n[authority.agent]\ndiscount = { most = \"150%\" }\n", "config.toml:3: authority.agent.discount.most must be a percentage from 1 to 100"),
        ("[authority]\n[authority.agent]\ndiscount = { customer_30_days = \"10%\" }\n", "config.toml:3: authority.agent.discount.customer_30_days is how many times"),
        ("[authority]\n[authority.agent]\nreplacement = { most = \"1\" }\n", "config.toml:3: authority.agent.replacement: a replacement has no size"),
        ("[authority]\n[authority.agent]\nvoucher = \"off\"\n", "config.toml:3: unknown offer kind \"voucher\" in [authority.agent]"),
        ("[authority]\n[authority.viewer]\nrefund = \"off\"\n", "config.toml:2: unknown setting \"viewer\" in [authority]"),
        ("[authority]\napproval_due = \"later\"\n", "config.toml:2: authority.approval_due must be a duration"),
    ] as [(String, String)])
    func aBadSettingNamesTheFileAndLine(text: String, expected: String) {
        let refusal = configRefusal(text)
        #expect(refusal?.hasPrefix(expected) == true, "\(refusal ?? "accepted")")
    }
}
