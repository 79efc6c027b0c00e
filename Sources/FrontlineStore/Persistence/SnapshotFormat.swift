/// The bytes of a snapshot file:
/// magic "FLSNAP1\n" | u64 LE sequence | u64 LE payload length | u32 LE CRC32C(payload) | payload.
import FrontlineCore

enum SnapshotFormat {
    static let magic = Array("FLSNAP1\n".utf8)
    static let headerSize = 28

    static func header(sequence: UInt64, payload: [UInt8]) -> [UInt8] {
        var header = magic
        header.appendLittleEndian(sequence)
        header.appendLittleEndian(UInt64(payload.count))
        header.appendLittleEndian(CRC32C.checksum(payload))
        return header
    }

    enum Damage: Sendable, Equatable, CustomStringConvertible {
        case tooShort(length: Int)
        case wrongMagic
        case sequenceMismatch(inName: UInt64, inHeader: UInt64)
        case lengthMismatch(inHeader: UInt64, present: Int)
        case checksumMismatch

        var description: String {
            switch self {
            case let .tooShort(length):
                return "only \(length) bytes, shorter than a snapshot header"
            case .wrongMagic:
                return "it does not start with the snapshot marker"
            case let .sequenceMismatch(inName, inHeader):
                return "its name says sequence \(inName) but its header says \(inHeader)"
            case let .lengthMismatch(inHeader, present):
                return "its header says \(inHeader) bytes of state but \(present) are present"
            case .checksumMismatch:
                return "its checksum does not match its contents"
            }
        }
    }

    enum Decoded {
        case payload(StoredBytes)
        case damaged(Damage)
    }

    /// Verifies every field; `sequence` is the one the file name promises. The payload is a view
    /// into `file` (which it keeps alive), not a copy.
    static func decode(_ file: StoredBytes, sequence: UInt64) -> Decoded {
        let buffer = file.buffer
        guard buffer.count >= headerSize else { return .damaged(.tooShort(length: buffer.count)) }
        guard Array(buffer[0 ..< magic.count]) == magic else { return .damaged(.wrongMagic) }
        let headerSequence = buffer.loadLittleEndianUInt64(at: 8)
        guard headerSequence == sequence else {
            return .damaged(.sequenceMismatch(inName: sequence, inHeader: headerSequence))
        }
        let length = buffer.loadLittleEndianUInt64(at: 16)
        guard length == UInt64(buffer.count - headerSize) else {
            return .damaged(.lengthMismatch(inHeader: length, present: buffer.count - headerSize))
        }
        let payload = UnsafeRawBufferPointer(rebasing: buffer[headerSize...])
        guard CRC32C.checksum(payload) == buffer.loadLittleEndianUInt32(at: 24) else {
            return .damaged(.checksumMismatch)
        }
        return .payload(StoredBytes(adopting: payload) { withExtendedLifetime(file) {} })
    }
}
