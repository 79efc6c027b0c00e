import Foundation

/// The desk as it was at a moment: the fold of every event stamped at or before it, in the log's
/// order ("why did we breach at 10:42?"). Fed the log a batch at a time, so the whole of a big
/// desk's history need not be in memory at once.
public struct DeskAtMoment: Sendable {
    public let moment: Date
    public private(set) var desk = HelpDesk()
    /// Events after the moment, skipped (counted, so the caller can say the log went on).
    public private(set) var later = 0

    public init(_ moment: Date) { self.moment = moment }

    public mutating func fold(_ event: Event) {
        if event.at <= moment { desk.apply(event) } else { later += 1 }
    }
}

/// A read-only `CaseService` over a desk that does not change: the past, shown by the queue and
/// the wallboard with `--at`. Every command is refused.
public final class FrozenCaseService: CaseService, @unchecked Sendable {
    // @unchecked: nothing changes after init.
    public let desk: HelpDesk
    public let recoveryNotes: [String] = []
    /// Said on the status line for as long as it is open ("the desk as it was at …, read-only"):
    /// nobody should take the past for the present.
    public let notice: String?
    public var backgroundProblem: String? { notice }

    public init(_ desk: HelpDesk, notice: String? = nil) {
        self.desk = desk
        self.notice = notice
    }

    /// The console treats it as a viewer's desk: every change is refused at once, with the key.
    public var assignedRole: TeamRole? { .viewer }

    public func perform(_ command: Command, actor: String, at: Date?) throws -> [Event] {
        throw CommandError("this is the desk as it was: nothing can be changed in the past")
    }

    public func performAll(_ commands: [Command], actor: String) throws -> [Result<[Event], CommandError>] {
        commands.map { _ in .failure(CommandError("this is the desk as it was: nothing can be changed in the past")) }
    }

    public func pollChanges() -> [Event] { [] }
    public func close() {}
}

/// A clock that stands still: the moment a past desk is shown at.
public struct StoppedClock: WallClock {
    public let moment: Date
    public init(_ moment: Date) { self.moment = moment }
    public func now() -> Date { moment }
}
