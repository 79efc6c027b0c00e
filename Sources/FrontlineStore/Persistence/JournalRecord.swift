/// One durable entry of the journal: an opaque payload and the sequence number it was given.
public struct JournalRecord: Equatable, Sendable {
    public let sequence: UInt64
    public let payload: [UInt8]

    public init(sequence: UInt64, payload: [UInt8]) {
        self.sequence = sequence
        self.payload = payload
    }
}
