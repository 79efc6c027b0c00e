import CLibpq
import Foundation

/// One connection to PostgreSQL through libpq, synchronous like the rest of the store: the
/// server's poll loop watches `socket` for notifications, and every statement is one round
/// trip with its values bound as parameters (never spliced into the SQL). libpq is kept to this
/// file.
public final class PostgresConnection {
    private var conn: OpaquePointer?
    /// Where it connects, without a password (for messages).
    public let location: String

    /// Connects to `url` (postgres://user@host:port/db). The password comes from `passfile`, else
    /// from PGPASSFILE or ~/.pgpass as libpq reads them — never from the URL (`PostgresURL`).
    public init(_ url: PostgresURL, connectTimeout: Int = 10) throws(PostgresError) {
        location = url.redacted
        // Keepalives and a TCP user timeout: a database host that vanishes (no FIN, no RST) is
        // noticed in seconds, not after the kernel's minutes of retransmissions.
        var keywords = ["dbname", "application_name", "connect_timeout", "client_encoding",
                        "keepalives", "keepalives_idle", "keepalives_interval", "keepalives_count", "tcp_user_timeout"]
        var values = [url.text, "frontline", "\(connectTimeout)", "UTF8", "1", "10", "3", "3", "10000"]
        if let passfile = url.passfile { keywords.append("passfile"); values.append(passfile) }
        let c = Self.withCStrings(keywords) { k in Self.withCStrings(values) { v in PQconnectdbParams(k, v, 1) } }
        conn = c
        guard let c, PQstatus(c) == CONNECTION_OK else {
            let why = c.map { Self.message(PQerrorMessage($0)) } ?? "out of memory"
            PQfinish(c)
            conn = nil
            throw PostgresError(.connection, "cannot connect to \(location): \(why)")
        }
    }

    deinit { PQfinish(conn) }

    public func close() {
        PQfinish(conn)
        conn = nil
    }

    public var isOpen: Bool { conn.map { PQstatus($0) == CONNECTION_OK } ?? false }

    /// The socket to poll for readability (notifications, a dropped connection); -1 when closed.
    public var socket: Int32 { conn.map { PQsocket($0) } ?? -1 }

    /// Runs one statement with `parameters` bound as $1, $2, …: text, bytes (bytea) or NULL.
    /// A failure says the statement's SQLSTATE so callers can tell a conflict from an outage.
    @discardableResult
    public func execute(_ sql: String, _ parameters: [PostgresValue] = []) throws(PostgresError) -> PostgresRows {
        guard let conn else { throw PostgresError(.connection, "the connection to \(location) is closed") }
        let buffers: [[UInt8]?] = parameters.map { p in
            switch p {
            case .null: nil
            case let .text(s): Array(s.utf8) + [0]
            case let .bytes(b): b
            }
        }
        let lengths = parameters.map { p -> Int32 in if case let .bytes(b) = p { Int32(b.count) } else { 0 } }
        let formats = parameters.map { p -> Int32 in if case .bytes = p { 1 } else { 0 } }
        let result: OpaquePointer? = Self.withPointers(buffers) { pointers in
            PQexecParams(conn, sql, Int32(parameters.count), nil, pointers, lengths, formats, 0)
        }
        guard let result else { throw PostgresError(.connection, "\(location): \(Self.message(PQerrorMessage(conn)))") }
        switch PQresultStatus(result) {
        case PGRES_COMMAND_OK, PGRES_TUPLES_OK:
            return PostgresRows(result)
        default:
            let state = PQresultErrorField(result, Int32(UInt8(ascii: "C"))).map { String(cString: $0) } ?? ""
            let detail = PQresultErrorField(result, Int32(UInt8(ascii: "D"))).map { " (\(String(cString: $0)))" } ?? ""
            let text = Self.message(PQresultErrorMessage(result))
            PQclear(result)
            let kind: PostgresError.Kind = PQstatus(conn) != CONNECTION_OK ? .connection : .statement(sqlState: state)
            throw PostgresError(kind, "\(location): \(text)\(detail)")
        }
    }

    /// Runs `body` in one transaction: committed when it returns, rolled back when it throws.
    public func transaction<T>(_ body: () throws -> T) throws -> T {
        try execute("BEGIN")
        do {
            let value = try body()
            try execute("COMMIT")
            return value
        } catch {
            if isOpen { _ = try? execute("ROLLBACK") }
            throw error
        }
    }

    /// Reads what has arrived on the socket and returns the notifications' payloads, oldest first.
    public func notifications() throws(PostgresError) -> [String] {
        guard let conn else { throw PostgresError(.connection, "the connection to \(location) is closed") }
        guard PQconsumeInput(conn) == 1 else { throw PostgresError(.connection, "\(location): \(Self.message(PQerrorMessage(conn)))") }
        var out: [String] = []
        while let n = PQnotifies(conn) {
            out.append(String(cString: n.pointee.extra))
            PQfreemem(n)
        }
        return out
    }

    static func message(_ text: UnsafePointer<CChar>?) -> String {
        text.map { String(cString: $0).trimmingCharacters(in: .whitespacesAndNewlines) } ?? "unknown error"
    }

    private static func withCStrings<R>(_ strings: [String], _ body: (UnsafePointer<UnsafePointer<CChar>?>) -> R) -> R {
        let copies = strings.map { strdup($0) }
        defer { copies.forEach { free($0) } }
        let pointers = copies.map { UnsafePointer($0) } + [nil]
        return pointers.withUnsafeBufferPointer { body($0.baseAddress!) }
    }

    private static func withPointers<R>(_ buffers: [[UInt8]?], _ body: (UnsafePointer<UnsafePointer<CChar>?>?) -> R) -> R {
        // Each value copied once into memory that lives for the call.
        let copies: [UnsafeMutablePointer<CChar>?] = buffers.map { b in
            guard let b else { return nil }
            let p = UnsafeMutablePointer<CChar>.allocate(capacity: max(b.count, 1))
            b.withUnsafeBufferPointer { src in
                if let base = src.baseAddress { UnsafeMutableRawPointer(p).copyMemory(from: base, byteCount: b.count) }
            }
            return p
        }
        defer { copies.forEach { $0?.deallocate() } }
        let pointers = copies.map { $0.map { UnsafePointer($0) } }
        return pointers.withUnsafeBufferPointer { body($0.baseAddress) }
    }
}

/// A value bound to a statement.
public enum PostgresValue: Sendable, Equatable {
    case null
    case text(String)
    /// Sent in binary: a bytea column's bytes exactly.
    case bytes([UInt8])

    public static func int(_ n: Int64) -> PostgresValue { .text(String(n)) }
}

/// The rows a statement returned, read in text form (bytea decoded).
public final class PostgresRows {
    private let result: OpaquePointer

    init(_ result: OpaquePointer) { self.result = result }
    deinit { PQclear(result) }

    public var count: Int { Int(PQntuples(result)) }
    /// Rows an INSERT, UPDATE or DELETE touched.
    public var affected: Int { Int(String(cString: PQcmdTuples(result))) ?? 0 }

    public func isNull(_ row: Int, _ column: Int) -> Bool { PQgetisnull(result, Int32(row), Int32(column)) == 1 }

    public func string(_ row: Int, _ column: Int) -> String? {
        isNull(row, column) ? nil : String(cString: PQgetvalue(result, Int32(row), Int32(column)))
    }

    public func int(_ row: Int, _ column: Int) -> Int64? { string(row, column).flatMap { Int64($0) } }

    /// A bytea column: libpq sends it as hex text, unescaped here.
    public func bytes(_ row: Int, _ column: Int) -> [UInt8]? {
        guard !isNull(row, column), let text = PQgetvalue(result, Int32(row), Int32(column)) else { return nil }
        var length = 0
        guard let raw = text.withMemoryRebound(to: UInt8.self, capacity: 1, { PQunescapeBytea($0, &length) }) else { return nil }
        defer { PQfreemem(raw) }
        return Array(UnsafeBufferPointer(start: raw, count: length))
    }
}

/// Why a statement or the connection failed. `sqlState` tells a conflict (23505, a unique
/// violation; 40001, a serialisation failure) from everything else.
public struct PostgresError: Error, CustomStringConvertible, Sendable {
    public enum Kind: Sendable, Equatable {
        /// The database cannot be reached or the connection dropped: nothing can be acknowledged.
        case connection
        case statement(sqlState: String)
    }

    public let kind: Kind
    public let description: String

    public init(_ kind: Kind, _ description: String) {
        self.kind = kind
        self.description = description
    }

    public var isUniqueViolation: Bool { kind == .statement(sqlState: "23505") }
}
