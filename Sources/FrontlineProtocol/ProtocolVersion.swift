/// The wire protocol's version. Clients and servers of different versions refuse each other
/// with a message naming both.
public enum ProtocolVersion {
    public static let current = 1
}
