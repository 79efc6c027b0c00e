import Foundation

/// Reads one intake line: a JSON object
/// `{"customer":{"name":…,"email":…,"language":"sv"},"subject":…,"body":…,"channel":"email|phone|chat","received_at":"ISO 8601","case":"C-12"}`.
/// Errors say what is wrong in words a person fixing the feed can act on.
public enum IntakeParser {
    public struct Problem: Error, Equatable, CustomStringConvertible {
        public let description: String
        init(_ d: String) { description = d }
    }

    public static func parse(_ line: [UInt8]) throws(Problem) -> IncomingMessage {
        // Invalid UTF-8 is replaced (U+FFFD) rather than refused: a customer's mangled mail is still a customer.
        let text = String(decoding: line, as: UTF8.self)
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: Data(text.utf8), options: [])
        } catch {
            throw Problem("not valid JSON (\(shortReason(error)))")
        }
        guard let root = object as? [String: Any] else { throw Problem("expected a JSON object {…}") }
        let known: Set<String> = ["customer", "subject", "body", "channel", "received_at", "case", "priority"]
        if let extra = root.keys.sorted().first(where: { !known.contains($0) }) {
            throw Problem("unknown field \"\(extra)\" (known: \(known.sorted().joined(separator: ", ")))")
        }
        func string(_ dict: [String: Any], _ key: String, path: String, required: Bool) throws(Problem) -> String? {
            guard let v = dict[key], !(v is NSNull) else {
                if required { throw Problem("\"\(path)\" is missing") }
                return nil
            }
            guard let s = v as? String else { throw Problem("\"\(path)\" must be a string") }
            return s
        }
        let caseID = try string(root, "case", path: "case", required: false)
        let body = try string(root, "body", path: "body", required: true)!
        guard !body.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { throw Problem("\"body\" is empty") }
        var name = "", email = "", language = "en"
        if let c = root["customer"] {
            guard let customer = c as? [String: Any] else { throw Problem("\"customer\" must be an object with name, email, language") }
            name = try string(customer, "name", path: "customer.name", required: caseID == nil) ?? ""
            email = try string(customer, "email", path: "customer.email", required: false) ?? ""
            language = try string(customer, "language", path: "customer.language", required: false) ?? "en"
            if let bad = customer.keys.sorted().first(where: { !["name", "email", "language"].contains($0) }) {
                throw Problem("unknown field \"customer.\(bad)\" (known: name, email, language)")
            }
        } else if caseID == nil {
            throw Problem("\"customer\" is missing (needed to open a new case; or give \"case\" to add to one)")
        }
        if caseID == nil, name.trimmingCharacters(in: .whitespaces).isEmpty { throw Problem("\"customer.name\" is empty") }
        if !email.isEmpty, !email.contains("@") { throw Problem("\"customer.email\" \"\(email.prefix(60))\" is not an e-mail address") }
        var channel = Channel.email
        if let ch = try string(root, "channel", path: "channel", required: false) {
            guard let c = Channel(rawValue: ch.lowercased()) else { throw Problem("\"channel\" must be email, phone or chat, not \"\(ch.prefix(40))\"") }
            channel = c
        }
        var priority = Priority.normal
        if let p = try string(root, "priority", path: "priority", required: false) {
            guard let v = Priority(rawValue: p.lowercased()) else { throw Problem("\"priority\" must be low, normal, high or urgent") }
            priority = v
        }
        var received: Date?
        if let r = try string(root, "received_at", path: "received_at", required: false) {
            guard let d = ISOTime.parse(r) else { throw Problem("\"received_at\" \"\(r.prefix(40))\" is not an ISO 8601 time like 2026-11-22T10:02:00+01:00") }
            received = d
        }
        if let id = caseID, id.isEmpty { throw Problem("\"case\" is empty") }
        let subject = try string(root, "subject", path: "subject", required: false) ?? ""
        return IncomingMessage(customerName: name, customerEmail: email, language: language, subject: subject, body: body,
                               channel: channel, receivedAt: received, appendTo: caseID, priority: priority)
    }

    static func shortReason(_ error: Error) -> String {
        let ns = error as NSError
        if let detail = ns.userInfo[NSDebugDescriptionErrorKey] as? String { return detail }
        return ns.localizedDescription
    }
}

/// ISO 8601 times with offset, as the export writes and intake reads them.
public enum ISOTime {
    public static func format(_ date: Date, timeZone: TimeZone = .current) -> String {
        formatter(for: timeZone).string(from: date)
    }

    /// Making a formatter costs far more than using one (an event log export formats millions of
    /// dates), and formatters are not to be shared across threads: one per thread and zone.
    static func formatter(for timeZone: TimeZone) -> ISO8601DateFormatter {
        let key = "frontline.iso8601." + timeZone.identifier
        if let cached = Thread.current.threadDictionary[key] as? ISO8601DateFormatter { return cached }
        let f = ISO8601DateFormatter()
        f.timeZone = timeZone
        f.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        Thread.current.threadDictionary[key] = f
        return f
    }

    public static func parse(_ text: String) -> Date? {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let d = f.date(from: text) { return d.roundedToMilliseconds }
        f.formatOptions = [.withInternetDateTime]
        return f.date(from: text)?.roundedToMilliseconds
    }
}
