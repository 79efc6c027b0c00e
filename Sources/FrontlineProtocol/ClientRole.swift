/// What kind of client is connecting. It picks the stream of messages the client is sent; what
/// the client may do comes from its kernel-reported user, never from this.
public enum ClientRole: String, Codable, Sendable, CaseIterable {
    case console
    case wallboard
    case command
}
