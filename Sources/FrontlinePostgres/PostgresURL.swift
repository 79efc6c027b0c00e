import Foundation

/// Where the desk's log lives in PostgreSQL: a postgres:// URL without a password (it would
/// show in `ps`, shell history and logs), and optionally the password file to read it from
/// (else libpq reads PGPASSFILE or ~/.pgpass, which it uses only when mode 0600).
public struct PostgresURL: Sendable, Equatable, CustomStringConvertible {
    public let text: String
    public let passfile: String?

    public init(_ text: String, passfile: String? = nil) throws(PostgresError) {
        guard text.hasPrefix("postgres://") || text.hasPrefix("postgresql://"), let parts = URLComponents(string: text) else {
            throw PostgresError(.connection, "\"\(text)\" is not a PostgreSQL URL: write it like postgres://frontline@db.example.com:5432/frontline")
        }
        if parts.password != nil {
            throw PostgresError(.connection, "the URL holds a password: give it in a password file instead (--passfile, PGPASSFILE or ~/.pgpass, a line host:port:database:user:password, mode 0600)")
        }
        if let q = parts.queryItems?.first(where: { $0.name == "password" }) {
            throw PostgresError(.connection, "the URL holds a password (\(q.name)=…): give it in a password file instead (--passfile, PGPASSFILE or ~/.pgpass)")
        }
        if let passfile, !FileManager.default.isReadableFile(atPath: passfile) {
            throw PostgresError(.connection, "\(passfile): the password file cannot be read")
        }
        self.text = text
        self.passfile = passfile
    }

    /// The URL as it may be shown (it holds no password).
    public var redacted: String { text }
    public var description: String { text }

    /// Whether a `--store` value names PostgreSQL rather than a data directory.
    public static func names(_ store: String) -> Bool { store.hasPrefix("postgres://") || store.hasPrefix("postgresql://") }
}
