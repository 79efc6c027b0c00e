import Foundation
import FrontlineConsole
import FrontlineCore
import FrontlineMailDesk
import FrontlineServer
import FrontlineStore

/// How this process sends our replies when it owns the store: the configured sendmail, or the
/// outbox Maildir inside the data directory (the embedded default).
enum MailWiring {
    static func transport(_ mail: MailConfig, dataDirectory: String) -> MailTransport {
        if let command = mail.sendmail { return SendmailTransport(command: command, envelopeSender: mail.outbound.from.address) }
        return MaildirTransport(path: mail.outbox ?? (dataDirectory as NSString).appendingPathComponent("outbox"))
    }

    static func sender(_ mail: MailConfig, dataDirectory: String) -> OutboxSender {
        OutboxSender(transport: transport(mail, dataDirectory: dataDirectory),
                     rendering: ReplyRendering(signature: mail.signature, quote: mail.quote),
                     policy: DeliveryRetryPolicy(waits: mail.retryAfter, retryFor: mail.retryFor))
    }

    /// The background sender of a server: outcomes go through the loop so every console sees them.
    static func startWorker(for server: CaseServer, store: any DeskStore, mail: MailConfig, dataDirectory: String) -> OutboxWorker {
        let submit = server.submitter
        // With several servers on one database, the one that holds the desk's work mails the
        // replies; to the others there is nothing to send (else every customer would get two).
        let worker = OutboxWorker(sender: sender(mail, dataDirectory: dataDirectory), clock: SystemClock(),
                                  desk: { store.runsDeskWork ? store.desk : HelpDesk() }, record: { submit($0, "mail") })
        server.onJournaled = { events in
            if events.contains(where: { e in
                switch e.change {
                case .replySent(_, .some), .acknowledged: return true
                default: return false
                }
            }) { worker.nudge() }
        }
        worker.start()
        return worker
    }

    /// The sender of a console that has the store to itself (`--standalone`).
    static func startLocalWorker(store: LocalCaseService, mail: MailConfig) -> OutboxWorker {
        let worker = OutboxWorker(sender: sender(mail, dataDirectory: store.dataDirectory), clock: SystemClock(), idleWait: 2,
                                  desk: { store.desk }, record: { commands in
                                      for c in commands { _ = try? store.perform(c, actor: "mail") }
                                  })
        worker.start()
        return worker
    }

    /// A short command that opened the store itself sends what is due before it closes it
    /// (without a server nobody else would until the next one starts).
    static func sendDueNow(_ store: LocalCaseService, mail: MailConfig) {
        let sender = sender(mail, dataDirectory: store.dataDirectory)
        for command in sender.sendDue(on: store.desk, now: { SystemClock().now() }) {
            do { try store.perform(command, actor: "mail") } catch { printError("delivery outcome not recorded: \(error)") }
        }
    }
}

extension GlobalOptions {
    /// The user's config.toml (`$XDG_CONFIG_HOME/frontline/config.toml`); errors name file and line.
    func loadConfig(path: String? = nil) throws -> FrontlineConfig {
        let file = path ?? XDGPaths(environment: environment).configHome + "/frontline/config.toml"
        do { return try FrontlineConfig.load(path: file) } catch { throw CleanExit.failure("\(error)") }
    }
}
