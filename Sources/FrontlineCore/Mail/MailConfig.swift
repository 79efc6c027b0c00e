import Foundation

/// The `[mail]` section of config.toml: how mail comes in and how replies go out.
///
/// ```toml
/// [mail]
/// from = "Support <support@example.com>"      # From of every reply; Message-IDs use its domain
/// sendmail = "/usr/sbin/sendmail -t -oi"      # or leave it out: replies go to the outbox Maildir
/// outbox = "/var/lib/frontline/outbox"        # default: <data dir>/outbox
/// signature = "{agent}\nExample Support"      # {agent} is the replying agent's name
/// quote = true                                # quote the customer's last message below the reply
/// retry_after = ["1m", "5m", "15m", "30m", "1h"] # waits after the 1st, 2nd … failure; the last repeats
/// retry_for = "2d"                            # temporary failures are retried this long
/// reopen_within = "30d"                       # a reply to a solved case reopens it within this
/// max_message_mib = 25                        # bigger mail is quarantined
/// language = "sv"                             # a new customer's language when the mail names none
/// acknowledge = true                          # mail "we have your message, case C-…" for new cases
/// acknowledge_per_hour = 3                    # at most this many to one address an hour
/// ```
public struct MailConfig: Sendable, Equatable {
    public var from: MailParty?
    /// The command line of a sendmail-compatible program, split into words; nil = outbox Maildir.
    public var sendmail: [String]?
    public var outbox: String?
    public var signature: String?
    public var quote = true
    public var retryFor: TimeInterval = 2 * 86400
    public var retryAfter: [TimeInterval] = [60, 300, 900, 1800, 3600]
    public var reopenWithin: TimeInterval = 30 * 86400
    public var maxMessageBytes = 25 << 20
    public var language = "en"
    public var acknowledge = false
    public var acknowledgePerHour = 3

    public init() {}

    /// From and Message-ID domain of replies: configured, or the embedded default.
    public var outbound: OutboundMailSettings { outbound(levels: ServiceLevels()) }

    /// The same, with the acknowledgement of new cases naming the first-response target of `levels`.
    public func outbound(levels: ServiceLevels) -> OutboundMailSettings {
        var settings = from.map { OutboundMailSettings(from: $0) } ?? .embedded
        if acknowledge { settings.acknowledge = AcknowledgementPolicy(perAddressPerHour: acknowledgePerHour, levels: levels) }
        return settings
    }

    /// `Support <support@example.com>` or a bare address; nil when there is no address in it.
    public static func parseAddress(_ text: String) -> MailParty? {
        let t = text.trimmingCharacters(in: .whitespaces)
        if let open = t.lastIndex(of: "<"), let close = t.lastIndex(of: ">"), open < close {
            let address = String(t[t.index(after: open)..<close]).trimmingCharacters(in: .whitespaces)
            var name = String(t[..<open]).trimmingCharacters(in: .whitespaces)
            if name.hasPrefix("\""), name.hasSuffix("\""), name.count >= 2 { name = String(name.dropFirst().dropLast()) }
            guard address.contains("@") else { return nil }
            return MailParty(name: name.isEmpty ? nil : name, address: address)
        }
        guard t.contains("@"), !t.contains(" ") else { return nil }
        return MailParty(name: nil, address: t)
    }

    /// "90s", "5m", "1h30m", "2d": whole numbers with s, m, h or d; nil when it is not one.
    public static func duration(_ text: String) -> TimeInterval? {
        var total: TimeInterval = 0
        var digits = ""
        var sawUnit = false
        for ch in text.trimmingCharacters(in: .whitespaces).lowercased() {
            if ch.isASCII, ch.isNumber { digits.append(ch); continue }
            guard let n = Double(digits), digits.count <= 9 else { return nil }
            switch ch {
            case "s": total += n
            case "m": total += n * 60
            case "h": total += n * 3600
            case "d": total += n * 86400
            default: return nil
            }
            digits = ""
            sawUnit = true
        }
        guard digits.isEmpty, sawUnit, total > 0 else { return nil }
        return total
    }

    /// Splits a command line into words: spaces separate, quotes ('…' or "…") group, no shell.
    public static func commandWords(_ text: String) -> [String]? {
        var words: [String] = []
        var current = ""
        var quote: Character?
        var inWord = false
        for ch in text {
            if let q = quote {
                if ch == q { quote = nil } else { current.append(ch) }
            } else if ch == "'" || ch == "\"" {
                quote = ch
                inWord = true
            } else if ch == " " || ch == "\t" {
                if inWord { words.append(current); current = ""; inWord = false }
            } else {
                current.append(ch)
                inWord = true
            }
        }
        guard quote == nil else { return nil }
        if inWord { words.append(current) }
        return words.isEmpty ? nil : words
    }
}
