import Foundation
import Testing
@testable import FrontlineConsole

/// `[store]`: the desk's log in PostgreSQL, never with a password in the file's URL.
@Suite struct StoreConfigTests {
    @Test func withoutItTheDataDirectoryKeepsTheLog() throws {
        #expect(try FrontlineConfig.parse("", source: "config.toml").store == nil)
    }

    @Test func aURLAndAPasswordFile() throws {
        let config = try FrontlineConfig.parse("""
            [store]
            url = "postgres://frontline@db.example.com:5432/frontline"
            passfile = "/etc/frontline/pgpass"
            """, source: "config.toml")
        #expect(config.store == StoreConfig(url: "postgres://frontline@db.example.com:5432/frontline", passfile: "/etc/frontline/pgpass"))
    }

    @Test(arguments: [
        ("[store]\nurl = \"postgres://frontline:hunter2@db/frontline\"", "config.toml:2: store.url holds a password: put it in a password file"),
        ("[store]\nurl = \"postgres://frontline@db/frontline?password=x\"", "config.toml:2: store.url holds a password"),
        ("[store]\nurl = \"/var/lib/frontline\"", "config.toml:2: store.url must be a postgres:// URL"),
        ("[store]\npassfile = \"/etc/pgpass\"", "config.toml:1: [store] needs url = \"postgres://…\""),
        ("[store]\nurl = \"postgres://db/f\"\nhost = \"db\"", "config.toml:3: unknown setting \"host\" in [store]; known: url, passfile"),
        ("store = \"postgres://db/f\"", "config.toml:1: [store] must be a table"),
    ])
    func mistakesSayWhatAndWhere(text: String, error: String) {
        #expect { try FrontlineConfig.parse(text, source: "config.toml") } throws: { "\($0)".hasPrefix(error) }
        #expect(!"\((try? FrontlineConfig.parse(text, source: "config.toml")) as Any)".contains("hunter2"))
    }
}
