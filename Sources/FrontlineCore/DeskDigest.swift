import Foundation

extension HelpDesk {
    /// A checksum of the folded desk that does not depend on how it was stored: the cases in
    /// their order, the customers, drafts and run-time SLA targets in sorted order, each as
    /// JSON with sorted keys, through FNV-1a (64 bits). Two stores holding the same log give the
    /// same digest — what `frontline migrate` checks across the local store and PostgreSQL. The
    /// indexes derived from the cases are left out: they follow from them.
    public func digest() -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        func mix(_ bytes: some Sequence<UInt8>) {
            for b in bytes {
                hash ^= UInt64(b)
                hash = hash &* 0x0000_0100_0000_01b3
            }
            hash ^= 0xff
            hash = hash &* 0x0000_0100_0000_01b3
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.dateEncodingStrategy = .millisecondsSince1970
        func json(_ value: some Encodable) -> Data { (try? encoder.encode(value)) ?? Data("unencodable".utf8) }
        mix("\(lastSequence) \(nextCaseNumber) \(nextCustomerNumber)".utf8)
        for id in caseOrder {
            guard let c = cases[id] else { mix("missing \(id)".utf8); continue }
            mix(json(c))
        }
        for id in customers.keys.sorted() { mix(json(customers[id]!)) }
        for id in drafts.keys.sorted() { mix(json(drafts[id]!)) }
        for p in Priority.allCases { mix("\(p.rawValue)=\(serviceLevelTargets[p].map { "\($0)" } ?? "-")".utf8) }
        return String(hash, radix: 16).leftPadded(to: 16)
    }
}

private extension String {
    func leftPadded(to width: Int) -> String { count >= width ? self : String(repeating: "0", count: width - count) + self }
}
