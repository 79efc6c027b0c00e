import Foundation
import FrontlineCore

/// The desk's event log in PostgreSQL (`frontline_events`): one row per event, in the desk's
/// sequence, its body the journal's own encoding (`JournalCodec`), so the same events fold the
/// same way from either store.
public struct PostgresEventLog {
    public let db: PostgresConnection

    public init(_ db: PostgresConnection) { self.db = db }

    /// How much the log holds.
    public struct Extent: Equatable, Sendable {
        public var events: Int
        public var cases: Int
        public var lastSequence: UInt64

        public init(events: Int, cases: Int, lastSequence: UInt64) {
            self.events = events
            self.cases = cases
            self.lastSequence = lastSequence
        }
    }

    public func extent() throws(PostgresError) -> Extent {
        let r = try db.execute("SELECT count(*), count(DISTINCT case_id) FILTER (WHERE case_id <> ''), coalesce(max(seq), 0) FROM frontline_events")
        return Extent(events: Int(r.int(0, 0) ?? 0), cases: Int(r.int(0, 1) ?? 0), lastSequence: UInt64(r.int(0, 2) ?? 0))
    }

    /// Writes `events` (each with the version its case reaches with it) in statements of a
    /// thousand rows; the caller holds the transaction.
    public func insert(_ events: [(event: Event, caseVersion: Int)]) throws(PostgresError) {
        var start = events.startIndex
        while start < events.endIndex {
            let end = min(start + 1000, events.endIndex)
            var sql = "INSERT INTO frontline_events (seq, case_id, case_version, at, actor, body) VALUES "
            var values: [PostgresValue] = []
            values.reserveCapacity((end - start) * 6)
            for (i, item) in events[start..<end].enumerated() {
                let n = i * 6
                sql += (i == 0 ? "" : ", ") + "($\(n + 1), $\(n + 2), $\(n + 3), to_timestamp($\(n + 4)::double precision / 1000), $\(n + 5), $\(n + 6))"
                let body: [UInt8]
                do { body = try JournalCodec.encode(item.event) } catch {
                    throw PostgresError(.statement(sqlState: "frontline-encode"), "event \(item.event.sequence) on \(item.event.caseID) cannot be encoded: \(error)")
                }
                values += [.int(Int64(item.event.sequence)), .text(item.event.caseID), .int(Int64(item.caseVersion)),
                           .int(Int64((item.event.at.timeIntervalSince1970 * 1000).rounded())), .text(item.event.actor), .bytes(body)]
            }
            try db.execute(sql, values)
            start = end
        }
    }

    /// Folds the events after the desk's last into `desk`, counting each case's events in
    /// `versions` (desk-wide ones under ""); returns how many there were and the last.
    @discardableResult
    public func fold(into desk: inout HelpDesk, versions: inout [CaseID: Int]) throws -> (count: Int, last: Event?) {
        var count = 0, last: Event?
        try forEachEvent(after: desk.lastSequence) { batch in
            for e in batch {
                desk.apply(e)
                versions[e.caseID, default: 0] += 1
            }
            count += batch.count
            last = batch.last ?? last
        }
        return (count, last)
    }

    /// The events after `sequence`, oldest first, `batch` at a time (the whole log of a big desk
    /// need not fit in memory).
    public func forEachEvent(after sequence: UInt64 = 0, batch: Int = 10_000, _ body: ([Event]) throws -> Void) throws {
        var last = sequence
        while true {
            let rows = try db.execute("SELECT seq, body FROM frontline_events WHERE seq > $1 ORDER BY seq LIMIT $2",
                                      [.int(Int64(last)), .int(Int64(batch))])
            if rows.count == 0 { return }
            var events: [Event] = []
            events.reserveCapacity(rows.count)
            for i in 0..<rows.count {
                let seq = rows.int(i, 0) ?? 0
                guard let bytes = rows.bytes(i, 1) else { throw PostgresError(.statement(sqlState: "frontline-decode"), "\(db.location): event \(seq) has no body") }
                do {
                    let e = try JournalCodec.decode(bytes)
                    guard e.sequence == UInt64(seq) else {
                        throw PostgresError(.statement(sqlState: "frontline-decode"), "\(db.location): the row of event \(seq) holds event \(e.sequence)")
                    }
                    events.append(e)
                } catch let e as PostgresError {
                    throw e
                } catch {
                    throw PostgresError(.statement(sqlState: "frontline-decode"), "\(db.location): event \(seq) cannot be read (\(error)); it was written by a newer or broken frontline")
                }
            }
            try body(events)
            last = events.last!.sequence
        }
    }
}
