import Foundation
import FrontlineConsole
import FrontlineCore
import FrontlineMail
import FrontlineMailDesk
import FrontlineServer
import FrontlineStore
import FrontlineTUI
#if canImport(Glibc)
import Glibc
#endif

/// Exit codes of `frontline intake --mail`, per sysexits.h, as a mail system reads them.
enum MailExit {
    /// Stored, a duplicate of a stored message, or deliberately ignored: the MTA forgets it.
    static let ok: Int32 = 0
    /// Bigger than we will ever keep (beyond the quarantine's reach): the MTA bounces it, as its
    /// own size limit would.
    static let dataError: Int32 = 65
    /// EX_TEMPFAIL: the store cannot take it now (busy, disk full, fsync failed, no server that
    /// answers). The MTA keeps the message queued and tries again; never a bounce for our problem.
    static let temporaryFailure: Int32 = 75
}

/// Takes messages into the desk one at a time, through the team server when one runs.
final class MailIntakeRunner {
    let global: GlobalOptions
    let settings: MailIntake.Settings
    /// The largest message whose bytes we keep (quarantined if over the parse limit): a frame
    /// to the server carries it base64-encoded.
    static let largestKept = 32 << 20
    private var service: CaseService?

    init(global: GlobalOptions, config: MailConfig) {
        self.global = global
        var limits = MailLimits.standard
        limits.maxMessageBytes = config.maxMessageBytes
        settings = MailIntake.Settings(limits: limits, reopenWithin: config.reopenWithin, defaultLanguage: config.language,
                                       loopMarker: ReplyRendering.loopMarker(domain: config.outbound.messageIDDomain))
    }

    enum Outcome {
        case stored(CaseID)
        case duplicate(CaseID?, String)
        case ignored(String)
    }

    struct Failure: Error, CustomStringConvertible {
        let description: String
        let exitCode: Int32
    }

    /// The store through the server, or in this process; waits a moment while it is busy (a
    /// console's server starting, a short command holding the lock).
    func store() throws -> CaseService {
        if let service { return service }
        let deadline = Date().addingTimeInterval(5)
        while true {
            do {
                // Intake only sends: a copy of the whole store would cost more than the message.
                let s = try global.openService(owner: "frontline intake", role: .command, subscribe: false)
                service = s
                return s
            } catch {
                if Date() >= deadline {
                    throw Failure(description: "the store cannot take mail now: \(error)", exitCode: MailExit.temporaryFailure)
                }
                usleep(100_000)
            }
        }
    }

    func take(_ raw: [UInt8], envelopeSender: String?) throws -> Outcome {
        guard raw.count <= Self.largestKept else {
            throw Failure(description: "message is \(raw.count >> 20) MiB, beyond the \(Self.largestKept >> 20) MiB any desk keeps", exitCode: MailExit.dataError)
        }
        let mail: IncomingMail
        switch MailIntake.read(raw, envelopeSender: envelopeSender, settings: settings) {
        case let .ignore(why): return .ignored(why)
        case let .take(m): mail = m
        }
        let store = try store()
        do {
            let events = try store.perform(.receiveMail(mail), actor: "intake")
            if let first = events.first { return .stored(first.caseID) }
            return .duplicate(store.desk.caseID(forMessageID: mail.details.messageID), mail.details.messageID)
        } catch let refusal as CommandError {
            // Refused by the rules (a role without intake rights, a broken config): our problem,
            // so the MTA keeps the mail until it is fixed.
            throw Failure(description: "refused: \(refusal.description)", exitCode: MailExit.temporaryFailure)
        } catch {
            throw Failure(description: "not stored: \(error)", exitCode: MailExit.temporaryFailure)
        }
    }

    /// Many messages with one durable write (an mbox import); per message its outcome, or the
    /// failure of a message too big to keep. Throws when the store cannot take the batch.
    func takeMany(_ raws: [[UInt8]]) throws -> [Result<Outcome, Failure>] {
        var results = [Result<Outcome, Failure>?](repeating: nil, count: raws.count)
        var commands: [Command] = []
        var slots: [Int] = []
        var messageIDs: [String] = []
        for (i, raw) in raws.enumerated() {
            guard raw.count <= Self.largestKept else {
                results[i] = .failure(Failure(description: "message is \(raw.count >> 20) MiB, beyond the \(Self.largestKept >> 20) MiB any desk keeps", exitCode: MailExit.dataError))
                continue
            }
            switch MailIntake.read(raw, envelopeSender: nil, settings: settings) {
            case let .ignore(why): results[i] = .success(.ignored(why))
            case let .take(m):
                commands.append(.receiveMail(m))
                slots.append(i)
                messageIDs.append(m.details.messageID)
            }
        }
        if !commands.isEmpty {
            let store = try store()
            let outcomes: [Result<Landing, CommandError>]
            do {
                outcomes = try store.performAllForLandings(commands, actor: "intake")
            } catch {
                throw Failure(description: "not stored: \(error)", exitCode: MailExit.temporaryFailure)
            }
            for ((slot, messageID), outcome) in zip(zip(slots, messageIDs), outcomes) {
                switch outcome {
                case let .success(landing):
                    if landing.changed, let id = landing.caseID {
                        results[slot] = .success(.stored(id))
                    } else {
                        results[slot] = .success(.duplicate(landing.caseID, messageID))   // a mail we already had
                    }
                case let .failure(refusal):
                    results[slot] = .failure(Failure(description: "refused: \(refusal.description)", exitCode: MailExit.temporaryFailure))
                }
            }
        }
        return results.map { $0 ?? .success(.ignored("not read")) }
    }

    func close() {
        service?.close()
        service = nil
    }

    static func describe(_ outcome: Outcome) -> String {
        switch outcome {
        case let .stored(id): return id
        case let .duplicate(id, messageID):
            return (id.map { "\($0) " } ?? "") + "(duplicate: \(TextSanitiser.singleLine(messageID)) is stored already)"
        case let .ignored(why): return "ignored: \(TextSanitiser.singleLine(why))"
        }
    }
}
