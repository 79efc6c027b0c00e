import Foundation
import FrontlineCore
import FrontlineTUI
import Testing
@testable import FrontlineConsole

/// The wallboard's last four hours and its day, exactly, on a manual clock.
@Suite struct WallboardTrendsTests {
    @Test func theOldestWaitEveryQuarterHourAndTheDay() throws {
        let clock = ManualClock(t0)   // Monday 10:00 UTC
        let s = InMemoryCaseService(clock: clock)
        // Waiting two hours now, unanswered.
        _ = try s.open("Åsa Lindqvist", email: "asa@example.se", subject: "TV", body: "Hej", minutesAgo: 120)
        // Waited from 3 h ago until an answer 2 h ago, then solved and rated 4.
        let answered = try s.open("Aino Virtanen", email: "aino@example.fi", subject: "Paketti", body: "Moi", minutesAgo: 180)
        try s.perform(.reply(answered, body: "Tarkistan."), actor: "bob", at: t0.addingTimeInterval(-7200))
        try s.perform(.solve(answered), actor: "bob", at: t0.addingTimeInterval(-7000))
        try s.perform(.rate(answered, score: 4, comment: nil), actor: "bob", at: t0.addingTimeInterval(-600))
        let t = WallboardTrends(desk: s.desk, now: t0, levels: ServiceLevels(), timeZone: utc)
        #expect(t.oldestWait.count == 17)
        // Samples at −4h, −3h45 … now: nobody before −3h; Aino from −3h to −2h; Åsa from −2h on.
        let minutes = t.oldestWait.map { Int($0 / 60) }
        #expect(minutes == [0, 0, 0, 0, 0, 15, 30, 45, 0, 15, 30, 45, 60, 75, 90, 105, 120], "\(minutes)")
        #expect(t.receivedToday == 2 && t.solvedToday == 1 && t.ratingsToday == 1 && t.ratingAverageToday == 4)
        #expect(t.slaToday?.met == 1, "Aino answered within the day's target")
        let lines = WallboardRenderer.trendLines(t, width: 118)
        let texts = lines.map { $0.runs.map(\.text).joined() }
        #expect(texts.count == 6 && texts[0].hasPrefix("2h00m  ") && texts.last?.hasPrefix("received 2 · solved 1") == true, "\(texts)")
    }
}
