import Foundation
import FrontlineCore

/// JSON payloads for frames. Decoding takes hostile bytes: every failure is a `WireError`,
/// never a trap.
extension WireMessage {
    public func payload() throws(WireError) -> [UInt8] {
        // The journal's encoding (dates as integer milliseconds), so events read back equal.
        let encoder = JournalCodec.makeEncoder()
        // Stable bytes make golden tests and packet captures comparable.
        encoder.outputFormatting = [.sortedKeys]
        do {
            return Array(try encoder.encode(self))
        } catch {
            throw .unencodable(String(describing: error))
        }
    }

    public static func decode(payload: some Collection<UInt8>) throws(WireError) -> WireMessage {
        do {
            return try JournalCodec.makeDecoder().decode(WireMessage.self, from: Data(payload))
        } catch let error as WireError {
            throw error
        } catch let DecodingError.dataCorrupted(context) {
            throw .malformed(describe(context))
        } catch let DecodingError.keyNotFound(key, context) {
            throw .malformed("missing field \"\(key.stringValue)\"" + at(context))
        } catch let DecodingError.typeMismatch(_, context) {
            throw .malformed(describe(context))
        } catch let DecodingError.valueNotFound(_, context) {
            throw .malformed(describe(context))
        } catch {
            throw .malformed(String(describing: error))
        }
    }

    private static func describe(_ context: DecodingError.Context) -> String {
        WireText.displayable(context.debugDescription) + at(context)
    }

    private static func at(_ context: DecodingError.Context) -> String {
        let path = context.codingPath.map(\.stringValue).joined(separator: ".")
        return path.isEmpty ? "" : " at \(WireText.displayable(path))"
    }
}
