import Foundation
import FrontlineCore
import Testing
@testable import FrontlineConsole

/// `[feedback]`: when to ask how we did, how often per customer, and how long an answer counts.
@Suite struct FeedbackConfigTests {
    @Test func theDefaultsAskTwoHoursAfterOncePerThirtyDays() throws {
        #expect(try FrontlineConfig.parse("", source: "config.toml").feedback == FeedbackRules(after: 7200, cooldown: 30 * 86400, expires: 14 * 86400))
        let set = try FrontlineConfig.parse("[feedback]\nafter = \"1d\"\ncooldown = \"90d\"\nexpires = \"3d\"\n", source: "config.toml").feedback
        #expect(set == FeedbackRules(after: 86400, cooldown: 90 * 86400, expires: 3 * 86400))
        #expect(try FrontlineConfig.parse("[feedback]\noff = true\n", source: "config.toml").feedback == nil)
    }

    @Test func aBadSettingNamesTheFileAndLine() {
        #expect(configRefusal("[feedback]\nafter = \"soon\"\n")?.hasPrefix("config.toml:2: feedback.after must be a duration") == true)
        #expect(configRefusal("[feedback]\nsurvey = \"web\"\n")?.hasPrefix("config.toml:2: unknown setting \"survey\" in [feedback]") == true)
        #expect(configRefusal("[feedback]\noff = \"yes\"\n")?.hasPrefix("config.toml:2: feedback.off must be true or false") == true)
    }
}
