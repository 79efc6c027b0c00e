/// The wire protocol's version. Clients and servers of different versions refuse each other
/// with a message naming both.
public enum ProtocolVersion {
    /// 2: the store copy (`sync`) travels as one raw binary frame after its header, not base64 in JSON.
    public static let current = 2
}
