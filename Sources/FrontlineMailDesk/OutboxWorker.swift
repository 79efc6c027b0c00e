import Foundation
import FrontlineCore

/// Runs an `OutboxSender` on a thread of its own in the process that owns the store: woken when
/// a reply is journaled (`nudge`), and every `idleWait` for retries that come due. Sending never
/// holds up the store or a console: outcomes go back through `record`.
public final class OutboxWorker: @unchecked Sendable {
    // @unchecked: `running`/`woken` are only touched under `condition`.
    private let sender: OutboxSender
    private let desk: @Sendable () -> HelpDesk
    private let clock: WallClock
    private let record: @Sendable ([Command]) -> Void
    private let idleWait: TimeInterval
    private let condition = NSCondition()
    /// When the pass before found the next retry due.
    private var nextRetry: Date?
    private var running = false
    private var woken = false
    private var finished = true

    public init(sender: OutboxSender, clock: WallClock, idleWait: TimeInterval = 15,
                desk: @escaping @Sendable () -> HelpDesk, record: @escaping @Sendable ([Command]) -> Void) {
        self.sender = sender
        self.clock = clock
        self.idleWait = idleWait
        self.desk = desk
        self.record = record
    }

    public var transportDescription: String { sender.transport.description }

    public func start() {
        condition.withLock {
            guard !running else { return }
            running = true
            finished = false
            woken = true   // work through whatever a crash left queued
        }
        Thread.detachNewThread { [self] in loop() }
    }

    /// Something was journaled that may need sending.
    public func nudge() {
        condition.withLock {
            woken = true
            condition.signal()
        }
    }

    /// Stops after the pass in progress (at most one message's transport timeout).
    public func stop() {
        condition.withLock {
            running = false
            condition.signal()
            while !finished { condition.wait() }
        }
    }

    private func loop() {
        while true {
            let go: Bool = condition.withLock {
                if running && !woken {
                    // Sleep until the next retry is due (by the injected clock), at most `idleWait`.
                    let untilRetry = nextRetry.map { max(0.05, $0.timeIntervalSince(clock.now())) } ?? idleWait
                    _ = condition.wait(until: Date().addingTimeInterval(min(idleWait, untilRetry)))
                }
                woken = false
                return running
            }
            guard go else { break }
            let commands = sender.sendDue(on: desk(), now: { clock.now() }, carryOn: { condition.withLock { running } })
            if !commands.isEmpty { record(commands) }
            // The outcomes just reported may not be folded in yet; the next pass looks again.
            let next = sender.nextRetry(on: desk())
            condition.withLock { nextRetry = commands.isEmpty ? next : clock.now().addingTimeInterval(0.2) }
        }
        condition.withLock {
            finished = true
            condition.broadcast()
        }
    }
}
