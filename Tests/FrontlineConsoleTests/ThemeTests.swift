import Foundation
import FrontlineCore
import FrontlineTUI
import Testing
@testable import FrontlineConsole

@Suite struct ThemeTests {
    static let themesFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Themes")

    @Test(arguments: ["dark", "light", "high-contrast", "monochrome"])
    func bundledThemesLoadAndGiveTheSelectionItsOwnStyle(name: String) throws {
        let theme = try ThemeLoader.load(name: name, userThemeDirectory: nil)
        #expect(theme.name == name)
        #expect(theme[.selected] != theme[.normal])
        #expect(theme[.followUpOverdue] != theme[.normal], "an overdue follow-up must stand out in every theme")
        #expect(theme[.slaBreached] != theme[.normal])
    }

    @Test func theCompiledInThemesAreTheFilesInThemes() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.themesFolder.path).filter { $0.hasSuffix(".toml") }
        #expect(Set(files.map { String($0.dropLast(5)) }) == Set(BundledThemes.all.keys))
        for file in files {
            let text = try String(contentsOf: Self.themesFolder.appendingPathComponent(file), encoding: .utf8)
            let name = String(file.dropLast(5))
            #expect(BundledThemes.all[name].map { $0 + "\n" } == text, "\(file) changed: run Scripts/embed-themes.py")
        }
    }

    @Test func monochromeUsesNoColour() throws {
        let theme = try ThemeLoader.load(name: "monochrome", userThemeDirectory: nil)
        for role in ThemeRole.allCases {
            #expect(theme[role].foreground == .default && theme[role].background == .default, "\(role)")
        }
    }

    @Test func aUserThemeOverridesABundledOne() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("themes-\(UUID())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try "name = \"mine\"\n[selected]\nfg = \"red\"\nbg = 17\nunderline = true\n".write(to: dir.appendingPathComponent("dark.toml"), atomically: true, encoding: .utf8)
        let theme = try ThemeLoader.load(name: "dark", userThemeDirectory: dir.path)
        #expect(theme.name == "mine")
        #expect(theme[.selected] == TextStyle(foreground: .indexed(1), background: .indexed(17), attributes: .underline))
    }

    @Test(arguments: [
        ("name = \"x\"\n[normal]\nfg = \n", ":3:"),
        ("name = \"x\"\n[normal]\nfg = \"blurple\"\n", ":3: fg must be a colour name"),
        ("name = \"x\"\n\n[selected]\nbold = \"yes\"\n", ":4: bold must be true or false"),
        ("name = \"x\"\n[sidebar]\nfg = 1\n", ":2: unknown section [sidebar]"),
        ("name = \"x\"\n[normal]\nfg = 300\n", ":3: fg = 300 is not a colour number"),
        ("name = \"x\"\n[normal]\nblink = true\n", ":3: unknown key \"blink\""),
    ])
    func aBrokenThemeNamesTheFileAndLine(text: String, expected: String) {
        do {
            _ = try ThemeLoader.parse(text, source: "/home/a/.config/frontline/themes/x.toml")
            Issue.record("a broken theme was accepted")
        } catch {
            let message = "\(error)"
            #expect(message.hasPrefix("/home/a/.config/frontline/themes/x.toml:"), "\(message)")
            #expect(message.contains(expected), "\(message)")
        }
    }

    @Test func anUnknownThemeListsTheAvailableOnes() {
        #expect(throws: (any Error).self) { try ThemeLoader.load(name: "neon", userThemeDirectory: nil) }
        do { _ = try ThemeLoader.load(name: "neon", userThemeDirectory: nil) } catch {
            #expect("\(error)".contains("dark, high-contrast, light, monochrome"))
        }
    }
}

@Suite struct ConfigTests {
    @Test func slaTargetsAndThemeComeFromTheConfig() throws {
        let c = try FrontlineConfig.parse("theme = \"light\"\n[sla]\nurgent = \"30m\"\nlow = \"5d\"\n", source: "config.toml")
        #expect(c.theme == "light")
        #expect(c.levels.target(for: .urgent) == 1800)
        #expect(c.levels.target(for: .low) == 5 * 86400)
        #expect(c.levels.target(for: .high) == 4 * 3600, "unset priorities keep their defaults")
    }

    @Test(arguments: [
        ("[sla]\nurgent = \"soon\"\n", "config.toml:2: sla.urgent must be a duration"),
        ("[sla]\ncritical = \"1h\"\n", "config.toml:2: unknown priority \"critical\""),
        ("colour = \"red\"\n", "config.toml:1: unknown setting \"colour\""),
        ("theme = \n", "config.toml:1:"),
        ("[team]\ndefault_role = \"admin\"\n", "config.toml:2: default_role must be one of \"agent\", \"supervisor\", \"viewer\""),
        ("[team]\nowner = \"me\"\n", "config.toml:2: unknown setting \"owner\" in [team]"),
        ("[team.users]\nalice = \"boss\"\n", "config.toml:2: alice must be one of"),
        ("[team]\ngroup = 7\n", "config.toml:2: team.group must be a Unix group name"),
    ])
    func aBrokenConfigNamesTheFileAndLine(text: String, expected: String) {
        let refusal = configRefusal(text)
        #expect(refusal?.contains(expected) == true, "\(refusal ?? "accepted")")
    }

    @Test func theTeamSaysWhoMayUseTheSharedDesk() throws {
        let c = try FrontlineConfig.parse("""
            [team]
            default_role = "viewer"
            group = "support"
            [team.users]
            alice = "supervisor"
            bob = "agent"
            """, source: "config.toml")
        #expect(c.team == TeamAccess(roles: ["alice": .supervisor, "bob": .agent], defaultRole: .viewer, group: "support"))
        #expect(try FrontlineConfig.parse("", source: "config.toml").team == TeamAccess(), "no [team]: only the owner")
    }

    @Test func aMissingConfigIsTheDefaults() throws {
        #expect(try FrontlineConfig.load(path: "/nonexistent/frontline/config.toml") == FrontlineConfig())
    }
}

@Suite struct ThemeChoiceTests {
    @Test func noColorMeansMonochromeUnlessAThemeIsNamed() {
        var config = FrontlineConfig()
        config.theme = "light"
        #expect(ThemeChoice.name(explicit: nil, environment: ["NO_COLOR": "1"], config: config) == "monochrome")
        #expect(!ThemeChoice.usesColour(explicit: nil, environment: ["NO_COLOR": "1"]))
        #expect(ThemeChoice.name(explicit: "high-contrast", environment: ["NO_COLOR": "1"], config: config) == "high-contrast")
        #expect(ThemeChoice.usesColour(explicit: "high-contrast", environment: ["NO_COLOR": "1"]))
        #expect(ThemeChoice.name(explicit: nil, environment: ["NO_COLOR": ""], config: config) == "light", "an empty NO_COLOR does not count")
        #expect(ThemeChoice.name(explicit: nil, environment: [:], config: FrontlineConfig()) == "dark")
    }
}
