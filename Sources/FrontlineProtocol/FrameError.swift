/// Why a byte stream cannot be read as frames. Any of these closes that one connection.
public enum FrameError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A frame declared (or a payload had) more bytes than this end accepts.
    case oversized(declared: Int, max: Int)

    public var description: String {
        switch self {
        case let .oversized(declared, max):
            return "frame of \(declared) bytes is larger than the maximum of \(max) bytes"
        }
    }
}
