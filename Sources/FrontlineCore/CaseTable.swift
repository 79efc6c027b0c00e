import HashTreeCollections

/// Every case by id, in a persistent hash trie (`TreeDictionary`): changing one case while a
/// copy of the desk is out (a joining console's, a background snapshot's) copies that case's
/// path, not the table. Each case sits in a box of its own, so the trie's nodes hold a pointer
/// per case instead of the whole record: inserting (100,000 times on open) and walking the
/// table move eight bytes a case, and `forEach` lends each case without copying it.
public struct CaseTable: Sendable, Equatable {
    private var boxes: TreeDictionary<CaseID, CaseBox> = [:]

    public init() {}

    public subscript(id: CaseID) -> SupportCase? {
        get { boxes[id]?.value }
        set { boxes[id] = newValue.map(CaseBox.init) }
    }

    public var count: Int { boxes.count }
    public var isEmpty: Bool { boxes.isEmpty }
    public var keys: TreeDictionary<CaseID, CaseBox>.Keys { boxes.keys }
    /// The cases in no particular order, each copied out as it is reached.
    public var values: LazyMapSequence<TreeDictionary<CaseID, CaseBox>.Values, SupportCase> { boxes.values.lazy.map(\.value) }

    /// The box a case sits in: a pointer to hold on to without copying the case (the snapshot
    /// writer walks the cases twice).
    func box(_ id: CaseID) -> CaseBox? { boxes[id] }

    /// Each case lent to `body` in place: what a pass over the whole desk (the queue order) uses.
    public func forEach(_ body: (SupportCase) throws -> Void) rethrows {
        for box in boxes.values { try body(box.value) }
    }
}

/// One case, immutable: a change puts a new box in the table.
public final class CaseBox: Sendable, Equatable {
    let value: SupportCase
    init(_ value: SupportCase) { self.value = value }
    public static func == (a: CaseBox, b: CaseBox) -> Bool { a === b || a.value == b.value }
}

extension CaseTable: Codable {
    public init(from decoder: Decoder) throws {
        for (id, c) in try [CaseID: SupportCase](from: decoder) { self[id] = c }
    }

    public func encode(to encoder: Encoder) throws {
        try Dictionary(uniqueKeysWithValues: boxes.map { ($0.key, $0.value.value) }).encode(to: encoder)
    }
}
