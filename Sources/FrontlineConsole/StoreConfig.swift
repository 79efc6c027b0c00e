import Foundation
import TOMLKit

/// `[store]`: where a team server keeps the desk's event log. Without it, the data directory's
/// own journal. `url` names PostgreSQL (no password in it: `passfile`, PGPASSFILE or ~/.pgpass).
///
/// ```toml
/// [store]
/// url = "postgres://frontline@db.example.com:5432/frontline"
/// passfile = "/etc/frontline/pgpass"
/// ```
public struct StoreConfig: Sendable, Equatable {
    public var url: String
    public var passfile: String?

    public init(url: String, passfile: String? = nil) {
        self.url = url
        self.passfile = passfile
    }
}

extension FrontlineConfig {
    static func parseStore(_ t: TOMLTable, source: String, line: (String) -> Int) throws -> StoreConfig {
        var url: String?, passfile: String?
        for key in t.keys {
            switch key {
            case "url":
                guard let u = t[key]?.string, u.hasPrefix("postgres://") || u.hasPrefix("postgresql://") else {
                    throw Failure(description: "\(source):\(line(key)): store.url must be a postgres:// URL like \"postgres://frontline@db.example.com/frontline\"")
                }
                guard let parts = URLComponents(string: u), parts.password == nil, !(parts.queryItems ?? []).contains(where: { $0.name == "password" }) else {
                    throw Failure(description: "\(source):\(line(key)): store.url holds a password: put it in a password file (store.passfile, PGPASSFILE or ~/.pgpass)")
                }
                url = u
            case "passfile":
                guard let p = t[key]?.string, !p.isEmpty else { throw Failure(description: "\(source):\(line(key)): store.passfile must be a file name") }
                passfile = p
            default:
                throw Failure(description: "\(source):\(line(key)): unknown setting \"\(key)\" in [store]; known: url, passfile")
            }
        }
        guard let url else { throw Failure(description: "\(source):\(line("[store")): [store] needs url = \"postgres://…\"") }
        return StoreConfig(url: url, passfile: passfile)
    }
}
