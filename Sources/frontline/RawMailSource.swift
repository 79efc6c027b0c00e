import Foundation
import FrontlineConsole
import FrontlinePostgres
import FrontlineStore

/// Where a customer's mail as it arrived is read from: the data directory's `mail/raw`, and on a
/// desk whose log is in PostgreSQL (`[store]` in config.toml) the database's `frontline_raw_mail`,
/// where its servers keep it.
struct RawMailSource: Sendable {
    let files: RawMailStore
    let database: StoreConfig?

    init(dataDirectory: String, store: StoreConfig?) {
        files = RawMailStore(root: (dataDirectory as NSString).appendingPathComponent("mail/raw"))
        database = store
    }

    /// The bytes kept under `key`, or nil when neither place has them.
    func bytes(_ key: String) throws -> [UInt8]? {
        if let local = try files.get(key) { return local }
        guard let database else { return nil }
        let db = try PostgresConnection(try PostgresURL(database.url, passfile: database.passfile))
        defer { db.close() }
        return try db.execute("SELECT bytes FROM frontline_raw_mail WHERE key = $1", [.text(key)]).bytes(0, 0)
    }

    /// Where to say it was looked for.
    var places: String { database.map { "\(files.root) or \($0.url)" } ?? files.root }
}
