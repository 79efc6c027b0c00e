/// The small closed vocabularies of the help desk. Raw values are what the journal, the JSON
/// export and the command line use, so they must never change.

public enum Priority: String, Codable, Sendable, CaseIterable, Comparable {
    case low, normal, high, urgent

    /// Higher is more urgent.
    public var rank: Int {
        switch self {
        case .low: 0
        case .normal: 1
        case .high: 2
        case .urgent: 3
        }
    }

    /// Three-letter label for the queue column.
    public var shortLabel: String {
        switch self {
        case .low: "LOW"
        case .normal: "NOR"
        case .high: "HI "
        case .urgent: "URG"
        }
    }

    public static func < (a: Priority, b: Priority) -> Bool { a.rank < b.rank }
}

public enum CaseStatus: String, Codable, Sendable, CaseIterable {
    /// The customer is waiting for us.
    case open
    /// We are waiting for the customer.
    case pending
    case solved
}

public enum Channel: String, Codable, Sendable, CaseIterable {
    case email, phone, chat
}

public enum MessageDirection: String, Codable, Sendable, CaseIterable {
    case inbound, outbound, note
}

public enum EscalationLevel: String, Codable, Sendable, CaseIterable {
    case tier2, supervisor

    public var label: String {
        switch self {
        case .tier2: "tier 2"
        case .supervisor: "supervisor"
        }
    }
}

public enum ApologyKind: String, Codable, Sendable, CaseIterable {
    case delay, faulty, mistake, experience

    public var label: String {
        switch self {
        case .delay: "delay"
        case .faulty: "faulty product"
        case .mistake: "our mistake"
        case .experience: "bad experience"
        }
    }
}

/// Languages we have templates for; anything else falls back to English.
public enum Language: String, Codable, Sendable, CaseIterable {
    case en, sv, fi

    public init(code: String) {
        self = Language(rawValue: code.lowercased().prefix(2).description) ?? .en
    }

    public var englishName: String {
        switch self {
        case .en: "English"
        case .sv: "Swedish"
        case .fi: "Finnish"
        }
    }
}
