/// Something recovery did on its own that a person should hear about (a torn record cut off,
/// a damaged snapshot passed over). Never silent: the caller prints these at start-up.
public struct RecoveryNote: Sendable, CustomStringConvertible {
    public let description: String

    public init(_ description: String) {
        self.description = description
    }
}
