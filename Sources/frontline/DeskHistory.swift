import Foundation
import FrontlineCore
import FrontlineStore

/// The desk as it was at `--at`: the whole event log read (through the server when one owns the
/// data directory, else from the journal and its archive) and folded up to the moment.
enum DeskHistory {
    static func desk(at moment: Date, global: GlobalOptions) throws -> HelpDesk {
        var past = DeskAtMoment(moment)
        if let server = try global.connectToServer(subscribe: false) {
            defer { server.close() }
            let decoder = JSONDecoder()
            decoder.dateDecodingStrategy = .custom { d in
                let c = try d.singleValueContainer()
                let text = try c.decode(String.self)
                guard let date = ISOTime.parse(text) else { throw DecodingError.dataCorruptedError(in: c, debugDescription: "not a time: \(text)") }
                return date
            }
            var failure: Error?
            do {
                try server.run(.exportEvents) { line in
                    guard failure == nil else { return }
                    do { past.fold(try decoder.decode(Event.self, from: Data(line.utf8))) } catch { failure = error }
                }
            } catch {
                throw CleanExit.failure("reading the event log from the server: \(error)")
            }
            if let failure { throw CleanExit.failure("reading the event log from the server: \(failure)") }
            return past.desk
        }
        let store = try global.openStore(owner: "frontline --at")
        defer { store.close() }
        do { try store.forEachJournaledEvent { past.fold($0) } } catch { throw CleanExit.failure("reading the event log: \(error)") }
        return past.desk
    }

    /// `--at`'s moment, in the local time zone: "2026-11-30 10:42", "yesterday", "2h" (ago).
    static func moment(_ text: String) throws -> Date {
        do { return try ReportTime.parse(text, now: Date(), timeZone: .current) } catch { throw CleanExit.failure("--at: \(error)") }
    }
}
