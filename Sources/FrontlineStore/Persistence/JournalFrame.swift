/// The on-disk framing of one journal record:
/// u32 LE payload length | u32 LE CRC32C(sequence bytes + payload) | u64 LE sequence | payload.
/// The checksum covers the sequence so a record copied to the wrong place does not verify.
enum JournalFrame {
    static let headerSize = 16
    /// Larger lengths are damage, not data: it also bounds what a bad length can make us allocate.
    static let maxPayloadLength = 64 << 20

    static func append(sequence: UInt64, payload: [UInt8], to buffer: inout [UInt8]) {
        buffer.appendLittleEndian(UInt32(payload.count))
        buffer.appendLittleEndian(checksum(sequence: sequence, payload: payload))
        buffer.appendLittleEndian(sequence)
        buffer.append(contentsOf: payload)
    }

    static func checksum<C: Collection>(sequence: UInt64, payload: C) -> UInt32 where C.Element == UInt8 {
        let sequenceCRC = withUnsafeBytes(of: sequence.littleEndian) { CRC32C.checksum($0) }
        return CRC32C.checksum(payload, initial: sequenceCRC)
    }

    /// What is wrong with the bytes where a frame should start.
    enum Damage: Sendable, Equatable, CustomStringConvertible {
        case incompleteHeader(available: Int)
        case lengthTooLarge(UInt32)
        case lengthPastEnd(length: Int, available: Int)
        case checksumMismatch

        var description: String {
            switch self {
            case let .incompleteHeader(available):
                return "only \(available) of the \(JournalFrame.headerSize) header bytes are present"
            case let .lengthTooLarge(length):
                return "its length field says \(length) bytes, more than the 64 MiB a record may hold"
            case let .lengthPastEnd(length, available):
                return "its length field says \(length) bytes but only \(available) follow"
            case .checksumMismatch:
                return "its checksum does not match its contents"
            }
        }
    }

    enum Decoded {
        case record(sequence: UInt64, payload: Range<Int>, end: Int)
        case damaged(Damage)
    }

    /// Decodes the frame starting at `offset` without trusting any field until the checksum agrees.
    static func decode(_ bytes: UnsafeRawBufferPointer, at offset: Int) -> Decoded {
        let available = bytes.count - offset
        guard available >= headerSize else { return .damaged(.incompleteHeader(available: available)) }
        let length = bytes.loadLittleEndianUInt32(at: offset)
        guard length <= maxPayloadLength else { return .damaged(.lengthTooLarge(length)) }
        let payloadStart = offset + headerSize
        let end = payloadStart + Int(length)
        guard end <= bytes.count else {
            return .damaged(.lengthPastEnd(length: Int(length), available: available - headerSize))
        }
        let storedChecksum = bytes.loadLittleEndianUInt32(at: offset + 4)
        let sequence = bytes.loadLittleEndianUInt64(at: offset + 8)
        let actual = CRC32C.checksum(UnsafeRawBufferPointer(rebasing: bytes[offset + 8 ..< end]))
        guard actual == storedChecksum else { return .damaged(.checksumMismatch) }
        return .record(sequence: sequence, payload: payloadStart ..< end, end: end)
    }
}
