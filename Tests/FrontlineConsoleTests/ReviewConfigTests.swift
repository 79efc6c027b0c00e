import Foundation
import FrontlineCore
import Testing
@testable import FrontlineConsole

/// `[review]`: the weekly sample and the team's scorecard, and a clear error for each mistake.
@Suite struct ReviewConfigTests {
    @Test func theDefaultsAreTheBuiltInScorecardAndThreeAWeek() throws {
        let config = try FrontlineConfig.parse("", source: "config.toml")
        #expect(config.review == ReviewSettings(sample: 3, scorecard: .embedded))
    }

    @Test func aTeamWritesItsOwnScorecard() throws {
        let config = try FrontlineConfig.parse("""
            [review]
            sample = 5
            [[review.items]]
            name = "hej"
            label = "började med kundens namn"
            [[review.items]]
            name = "nästa-steg"
            label = "ett tydligt nästa steg"
            weight = 3
            critical = true
            """, source: "config.toml")
        #expect(config.review.sample == 5)
        #expect(config.review.scorecard.items == [ScorecardItem(name: "hej", label: "började med kundens namn", weight: 1, critical: false),
                                                  ScorecardItem(name: "nästa-steg", label: "ett tydligt nästa steg", weight: 3, critical: true)])
    }

    @Test(arguments: [
        ("[review]\nsample = 51", "config.toml:2: review.sample must be a whole number from 0 to 50"),
        ("[review]\nsample = \"3\"", "config.toml:2: review.sample must be a whole number from 0 to 50"),
        ("[review]\nsize = 3", "config.toml:2: unknown setting \"size\" in [review]; known: sample, items"),
        ("[[review.items]]\nname = \"a b\"\nlabel = \"x\"", "config.toml:2: review.items[0].name must be a short word like \"greeted\" (no spaces, = or ,)"),
        ("[[review.items]]\nname = \"a\"", "config.toml:1: review.items[0] (a) needs a label saying what a good reply does"),
        ("[[review.items]]\nname = \"a\"\nlabel = \"x\"\nweight = -1", "config.toml:4: review.items[0].weight must be a whole number from 0 to 100"),
        ("[[review.items]]\nname = \"a\"\nlabel = \"x\"\ncritical = \"yes\"", "config.toml:4: review.items[0].critical must be true or false"),
        ("[[review.items]]\nname = \"a\"\nlabel = \"x\"\n[[review.items]]\nname = \"a\"\nlabel = \"y\"", "config.toml:2: review.items: \"a\" is named twice"),
        ("[[review.items]]\nname = \"a\"\nlabel = \"x\"\nhint = \"y\"", "config.toml:4: unknown setting \"hint\" in [[review.items]]; known: name, label, weight, critical"),
    ])
    func aBrokenReviewSectionSaysWhatAndWhere(text: String, expected: String) {
        #expect(configRefusal(text) == expected)
    }
}
