import Foundation
import Testing
@testable import FrontlineConsole

/// `[promises] grace`: how long a follow-up may stay open past its time before the server breaks it.
@Suite struct PromiseConfigTests {
    @Test func theGraceIsTwoHoursUnlessSaidOtherwise() throws {
        #expect(try FrontlineConfig.parse("", source: "config.toml").promiseGrace == 7200)
        #expect(try FrontlineConfig.parse("[promises]\ngrace = \"30m\"\n", source: "config.toml").promiseGrace == 1800)
        #expect(try FrontlineConfig.parse("[promises]\ngrace = \"off\"\n", source: "config.toml").promiseGrace == nil)
    }

    @Test(arguments: [
        ("[promises]\ngrace = \"soon\"\n", "config.toml:2: promises.grace must be a duration"),
        ("[promises]\ngrace = 5\n", "config.toml:2: promises.grace must be a duration"),
        ("[promises]\nkeep = \"1h\"\n", "config.toml:2: unknown setting \"keep\" in [promises]; known: grace"),
        ("promises = 3\n", "config.toml:1: [promises] must be a table"),
    ] as [(String, String)])
    func aBadSettingNamesTheFileAndLine(text: String, expected: String) {
        let refusal = configRefusal(text)
        #expect(refusal?.hasPrefix(expected) == true, "\(refusal ?? "accepted")")
    }
}
