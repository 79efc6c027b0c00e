import Foundation
import FrontlineCore
import FrontlineTUI

/// The wallboard's run loop: redraw once a second (and on resize), read keys only to quit.
/// It never performs a command: every key but `q` and Ctrl-C is ignored.
public final class WallboardApp {
    public struct Options {
        public var levels: ServiceLevels
        public var timeZone: TimeZone
        /// Show no customer names or subjects (the screen is visible to anyone walking by).
        public var redact: Bool
        public var tickMilliseconds: Int
        /// The language it speaks, and how it writes times (see `ConsoleApp.Options`).
        public var language: UILanguage = .en
        public var clockSeparator: String?

        public init(levels: ServiceLevels = ServiceLevels(), timeZone: TimeZone = .current, redact: Bool = false,
                    tickMilliseconds: Int = 1000) {
            self.levels = levels
            self.timeZone = timeZone
            self.redact = redact
            self.tickMilliseconds = tickMilliseconds
        }
    }

    let service: CaseService
    let backend: TerminalBackend
    let host: ConsoleHost
    let clock: WallClock
    let theme: Theme
    public let options: Options
    private let time: TimeText
    /// Keys read and ignored (for tests: the loop saw them and did nothing).
    public private(set) var ignoredKeys = 0
    /// The figures kept up to date from the change feed (made on the first frame).
    public private(set) var tally: WallboardTally?

    public init(service: CaseService, backend: TerminalBackend, host: ConsoleHost, clock: WallClock, theme: Theme, options: Options) {
        self.service = service
        self.backend = backend
        self.host = host
        self.clock = clock
        self.theme = theme
        self.options = options
        time = TimeText(timeZone: options.timeZone, language: options.language, clockSeparator: options.clockSeparator)
    }

    /// Runs until `q`/Ctrl-C (returns nil) or the host says to stop (returns why).
    @discardableResult
    public func run() -> String? {
        while true {
            backend.present(frame())
            if let reason = host.exitReason { return reason }
            let key = backend.nextKey(timeoutMilliseconds: options.tickMilliseconds)
            if let reason = host.exitReason { return reason }
            switch key {
            case .character("q")?, .control("c")?:
                return nil
            case nil, .resize?:
                break
            case _?:
                ignoredKeys += 1
            }
        }
    }

    /// The figures as of now: the change feed is drained so a shared store stays current, and
    /// the tally takes in only the cases it names.
    public func figures() -> WallboardFigures {
        let changes = service.pollChanges()
        let desk = service.desk
        let levels = desk.serviceLevels(base: options.levels)
        if tally == nil { tally = WallboardTally(desk: desk, levels: levels) } else { tally!.update(desk: desk, events: changes, levels: levels) }
        return tally!.figures(desk: desk, now: clock.now(), timeZone: options.timeZone, redact: options.redact)
    }

    /// The day's figures and the last hours, worked out at most once a minute (they read the
    /// recently active cases' messages; the second-by-second figures come from the tally).
    private var trendsMade: (at: Date, trends: WallboardTrends)?
    /// The week's recovery rate reads a week of cases' threads: every ten minutes is enough.
    private var weekMade: (at: Date, recovered: ShareFigure)?

    public func trends() -> WallboardTrends {
        let desk = service.desk, now = clock.now()
        if let made = trendsMade, now.timeIntervalSince(made.at) < 60, now >= made.at { return made.trends }
        let levels = desk.serviceLevels(base: options.levels)
        if weekMade.map({ now.timeIntervalSince($0.at) >= 600 || now < $0.at }) ?? true {
            weekMade = (now, WallboardTrends.weekRecovery(desk: desk, now: now, levels: levels))
        }
        let t = WallboardTrends(desk: desk, now: now, levels: levels, timeZone: options.timeZone, weekRecovered: weekMade?.recovered)
        trendsMade = (now, t)
        return t
    }

    /// The frame as it would be drawn now.
    public func frame() -> Grid {
        let size = backend.size
        return WallboardRenderer.render(figures: figures(), theme: theme, time: time, redact: options.redact,
                                        width: size.width, height: size.height, trends: size.height >= 30 ? trends() : nil,
                                        problem: service.backgroundProblem)
    }
}
