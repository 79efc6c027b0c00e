import Foundation
import Testing
import FrontlineCore
@testable import FrontlineConsole

@Suite struct MailConfigTests {
    @Test func theMailSectionSaysHowRepliesGoOut() throws {
        let c = try FrontlineConfig.parse("""
            [mail]
            from = "Åsa's Shop Support <support@shop.example>"
            sendmail = "/usr/sbin/sendmail -t -oi"
            signature = "{agent}\\nÅsa's Shop"
            quote = false
            retry_after = ["30s", "10m"]
            retry_for = "1d"
            reopen_within = "14d"
            max_message_mib = 10
            language = "sv"
            """, source: "config.toml")
        #expect(c.mail.from == MailParty(name: "Åsa's Shop Support", address: "support@shop.example"))
        #expect(c.mail.outbound.messageIDDomain == "shop.example")
        #expect(c.mail.sendmail == ["/usr/sbin/sendmail", "-t", "-oi"])
        #expect(c.mail.signature == "{agent}\nÅsa's Shop")
        #expect(c.mail.quote == false)
        #expect(c.mail.retryAfter == [30, 600])
        #expect(c.mail.retryFor == 86400)
        #expect(c.mail.reopenWithin == 14 * 86400)
        #expect(c.mail.maxMessageBytes == 10 << 20)
        #expect(c.mail.language == "sv")
    }

    @Test func withoutAMailSectionRepliesGoToTheOutboxFromTheEmbeddedAddress() throws {
        let c = try FrontlineConfig.parse("", source: "config.toml")
        #expect(c.mail.sendmail == nil)
        #expect(c.mail.outbound == .embedded)
    }

    @Test(arguments: [
        ("[mail]\nfrom = \"Support\"\n", "config.toml:2: mail.from \"Support\" has no address"),
        ("[mail]\nsendmail = \"sendmail 'x\"\n", "config.toml:2: mail.sendmail has an unclosed quote"),
        ("[mail]\nretry_for = \"soon\"\n", "config.toml:2: mail.retry_for must be a duration"),
        ("[mail]\nretry_after = [\"1m\", \"later\"]\n", "config.toml:2: mail.retry_after[1] must be a duration"),
        ("[mail]\nmax_message_mib = 0\n", "config.toml:2: mail.max_message_mib must be a whole number"),
        ("[mail]\nquote = \"yes\"\n", "config.toml:2: mail.quote must be true or false"),
        ("[mail]\nsmtp = \"x\"\n", "config.toml:2: unknown setting \"smtp\" in [mail]"),
    ])
    func aBrokenMailSectionNamesTheFileAndLine(text: String, expected: String) {
        let refusal = configRefusal(text)
        #expect(refusal?.contains(expected) == true, "\(refusal ?? "accepted")")
    }
}
