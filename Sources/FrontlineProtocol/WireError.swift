/// Why a frame's payload is not a message this end understands. Closes that one connection.
public enum WireError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The JSON was fine but its `type` names no message of this protocol version.
    case unknownMessageType(String)
    /// Not JSON, not an object, a field missing or of the wrong kind, invalid UTF-8, too deep…
    case malformed(String)
    /// This end could not encode its own message (a bug, never the peer's fault).
    case unencodable(String)

    public var description: String {
        switch self {
        case let .unknownMessageType(type):
            return "unknown message type \"\(WireText.displayable(type))\""
        case let .malformed(detail):
            return "malformed message: \(detail)"
        case let .unencodable(detail):
            return "could not encode message: \(detail)"
        }
    }
}
