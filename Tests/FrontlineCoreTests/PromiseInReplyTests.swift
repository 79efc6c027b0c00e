import Foundation
import Testing
@testable import FrontlineCore

/// The promise finder, per language: each row is a reply an agent could write, and when the
/// follow-up it implies falls due. Now is Monday 23 Nov 2026, 11:00 in Stockholm.
@Suite struct PromiseInReplyTests {
    let stockholm = TimeZone(identifier: "Europe/Stockholm")!
    var now: Date { t0 }

    func local(_ d: Int, _ h: Int, _ min: Int = 0, month: Int = 11) -> Date {
        var c = Calendar(identifier: .gregorian)
        c.timeZone = stockholm
        return c.date(from: DateComponents(year: 2026, month: month, day: d, hour: h, minute: min))!
    }

    func due(_ text: String) -> Date? { PromiseInReply.find(in: text, now: now, timeZone: stockholm)?.due }

    @Test(arguments: [
        ("Thanks for waiting. I will get back to you tomorrow with the tracking number.", 24, 9),
        ("We'll be in touch later today.", 23, 17),
        ("I'll call you on Friday.", 27, 9),
        ("I will update you by Wednesday", 25, 9),
        ("You will hear from us next week.", 30, 9),
        ("I will get back to you within 2 days.", 25, 11),
        ("I'll contact you within 24 hours", 24, 11),
        ("We will let you know within three days!", 26, 11),
    ] as [(String, Int, Int)])
    func english(text: String, day: Int, hour: Int) {
        #expect(due(text) == local(day, hour), "\(text)")
    }

    @Test(arguments: [
        ("Hej Åsa! Jag återkommer i morgon med besked.", 24, 9),
        ("Jag hör av mig imorgon.", 24, 9),
        ("Vi återkommer i dag om leveransen.", 23, 17),
        ("Jag ringer dig på fredag.", 27, 9),
        ("Du får besked senast torsdag.", 26, 9),
        ("Jag återkommer nästa vecka.", 30, 9),
        ("Vi återkopplar inom två dagar.", 25, 11),
        ("Jag hör av mig inom 24 timmar.", 24, 11),
    ] as [(String, Int, Int)])
    func swedish(text: String, day: Int, hour: Int) {
        #expect(due(text) == local(day, hour), "\(text)")
    }

    @Test(arguments: [
        ("Hei Mikko! Palaan asiaan huomenna.", 24, 9),
        ("Otan yhteyttä tänään.", 23, 17),
        ("Soitan teille perjantaina.", 27, 9),
        ("Ilmoitan keskiviikkoon mennessä.", 25, 9),
        ("Palaamme asiaan ensi viikolla.", 30, 9),
        ("Olen yhteydessä kahden päivän sisällä.", 25, 11),
        ("Saat tiedon 24 tunnin kuluessa.", 24, 11),
    ] as [(String, Int, Int)])
    func finnish(text: String, day: Int, hour: Int) {
        #expect(due(text) == local(day, hour), "\(text)")
    }

    @Test func aTimeWithoutACommitmentOrACommitmentWithoutATimeIsNoPromise() {
        #expect(due("Your parcel arrives tomorrow.") == nil)
        #expect(due("Paketet kommer på fredag.") == nil)
        #expect(due("Paketti saapuu huomenna.") == nil)
        #expect(due("I will look into it.") == nil)
        #expect(due("Jag återkommer.") == nil)
        #expect(due("") == nil)
    }

    @Test func theCustomersQuotedWordsAreNotOurPromise() {
        #expect(due("> I will call you tomorrow if nothing happens\nThanks, we are on it.") == nil)
    }

    @Test func theFirstPromiseCountsAndItsSentenceIsQuoted() throws {
        let found = try #require(PromiseInReply.find(in: "Sorry for the wait!\nI will get back to you tomorrow. We'll call you on Friday.",
                                                     now: now, timeZone: stockholm))
        #expect(found.sentence == "I will get back to you tomorrow")
        #expect(found.due == local(24, 9))
    }

    @Test func todayAfterTheWorkingDayMeansWithinTheHour() {
        let evening = local(23, 18)
        #expect(PromiseInReply.find(in: "I'll get back to you today.", now: evening, timeZone: stockholm)?.due == evening.addingTimeInterval(3600))
    }

    @Test func aWeekdayNamedOnThatDayMeansNextWeek() {
        // Monday: "on Monday" is a week away, never this morning.
        #expect(due("I will call you on Monday.") == local(30, 9))
    }
}
