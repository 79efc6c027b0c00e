/// A coding key made from any string: events and commands are flat JSON objects whose fields
/// depend on their type, so their keys are not one fixed enum.
struct FlatCodingKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(_ s: String) { stringValue = s }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}
