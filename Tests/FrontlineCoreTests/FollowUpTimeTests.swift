import Foundation
import Testing
@testable import FrontlineCore

@Suite struct FollowUpTimeTests {
    let stockholm = TimeZone(identifier: "Europe/Stockholm")!
    // Monday 23 Nov 2026, 11:00 in Stockholm (10:00 UTC).
    var now: Date { t0 }

    func local(_ y: Int, _ m: Int, _ d: Int, _ h: Int, _ min: Int) -> Date {
        var c = Calendar(identifier: .gregorian)
        c.timeZone = stockholm
        return c.date(from: DateComponents(year: y, month: m, day: d, hour: h, minute: min))!
    }

    @Test(arguments: [
        ("+2h", 7200.0), ("+30m", 1800.0), ("+3d", 259_200.0), ("+1w", 604_800.0), ("+1h30m", 5400.0), ("in 2 hours", 7200.0),
    ] as [(String, Double)])
    func relativeTimes(text: String, seconds: Double) throws {
        #expect(try FollowUpTime(timeZone: stockholm).parse(text, now: now) == now.addingTimeInterval(seconds))
    }

    @Test func namedDaysAndDatesInTheAgentsTimeZone() throws {
        let p = FollowUpTime(timeZone: stockholm)
        #expect(try p.parse("tomorrow 9:00", now: now) == local(2026, 11, 24, 9, 0))
        #expect(try p.parse("tomorrow", now: now) == local(2026, 11, 24, 9, 0))
        #expect(try p.parse("today 17:30", now: now) == local(2026, 11, 23, 17, 30))
        // Monday 11:00 now: "mon 14:00" is today, "mon 9:00" is next week.
        #expect(try p.parse("mon 14:00", now: now) == local(2026, 11, 23, 14, 0))
        #expect(try p.parse("mon 9:00", now: now) == local(2026, 11, 30, 9, 0))
        #expect(try p.parse("fri 10:00", now: now) == local(2026, 11, 27, 10, 0))
        #expect(try p.parse("2026-12-01 10:00", now: now) == local(2026, 12, 1, 10, 0))
        #expect(try p.parse("15:00", now: now) == local(2026, 11, 23, 15, 0))
        #expect(try p.parse("8:00", now: now) == local(2026, 11, 24, 8, 0))
    }

    @Test(arguments: ["", "soon", "+2x", "tomorrow 25:00", "2026-02-30 10:00", "+0h", "mon 14:00 extra"])
    func unreadableTimesAreRefusedWithAHint(text: String) {
        #expect(throws: CommandError.self) { try FollowUpTime(timeZone: stockholm).parse(text, now: now) }
    }
}
