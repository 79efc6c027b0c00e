import Foundation

/// A word index of the desk for the queue's search, built once and then kept up to date event by
/// event: a keystroke costs a scan of the vocabulary (distinct words, a few MB at 100,000 cases)
/// and the size of the answer, not the size of the desk.
///
/// What is indexed, per case: its id (as "c-1042" and "1042"), subject, every message body
/// (customer messages and mail, replies, acknowledgements, notes) and tags; per customer (so a
/// changed name applies to all their cases): name and e-mail address. Word rules: `SearchText`;
/// query rules: `SearchTerm.parse`. A term matches a word it is a prefix of, or, from three
/// characters on, a substring of; a case matches a query when every term matches one of its words.
///
/// Results are case numbers ("C-1042" → 1042). Ids that are not "C-" + digits are not indexed.
/// A value type built from arrays, so copying it to another thread is free until one side changes.
public struct SearchIndex: Sendable {
    /// The desk sequence it reflects.
    public private(set) var sequence: UInt64 = 0

    /// Lower-cased words; ids index `postings`, `lastPosting`, `customerPostings`, `nextSameFold`, `foldedFirstBit`.
    private var lower = SearchWordTable()
    /// Folded words; ids index `firstWithFold`.
    private var folded = SearchWordTable()
    /// The lower-cased words with one folded form, as a chain: first, then next (-1 ends it).
    private var firstWithFold = SearchPages<Int32>()
    private var nextSameFold = SearchPages<Int32>()
    /// The first byte of each lower-cased word's folded form as a bit (0-9 → bits 0-9, a-z →
    /// bits 10-35), 0 when it is not an ASCII letter or digit.
    private var foldedFirstBit = SearchPages<UInt64>()
    /// Non-ASCII words as written → their lower-cased word (so lower-casing and NFC happen once per spelling).
    private var rawForms = SearchWordTable()
    private var rawToLower = SearchPages<Int32>()

    /// Case ordinals (the order cases were indexed in) per word, sorted, unique — when there are
    /// two or more. Most words (order numbers, addresses) are in one case only: then the list is
    /// empty and `lastPosting` is the case, so neither building nor searching touches another array.
    private var postings = SearchPages<[Int32]>()
    /// The largest ordinal in each word's postings (-1 when none): the cheap duplicate check.
    private var lastPosting = SearchPages<Int32>()
    /// Customer ordinals per word (name and address words), sorted, unique, when two or more;
    /// `customerOne` is the only one (-1: none, -2: see the list).
    private var customerPostings = SearchPages<[Int32]>()
    private var customerOne = SearchPages<Int32>()
    /// One-character terms match so many words that they are answered from a bit set per first
    /// (folded, ASCII) byte: the cases with an own word starting with it, and the customers.
    private var casesByFirstByte = [[UInt64]](repeating: [], count: 36)
    private var customersByFirstByte = [[UInt64]](repeating: [], count: 36)
    /// Per case, the first bytes (as bits) its own words start with.
    private var firstBitsOfCase = SearchPages<UInt64>()

    /// Ordinal → case number, and back.
    private var caseNumbers = SearchPages<Int32>()
    private var ordinalOfCase = SearchShardedMap<Int32, Int32>()
    /// Ordinal → customer ordinal.
    private var customerOfCase = SearchPages<Int32>()

    private var customerOrdinal = SearchShardedMap<CustomerID, Int32>()
    private var customerIDs = SearchPages<CustomerID>()
    /// What the customer's words were built from ("name\0email"), to skip no-op refreshes.
    private var customerSource = SearchPages<String>()
    /// The customer's current words, sorted, unique.
    private var customerWords = SearchPages<[Int32]>()
    /// Case ordinals of each customer, sorted.
    private var customerCases = SearchPages<[Int32]>()

    public init() {}

    /// Indexes the whole desk.
    public init(desk: HelpDesk) {
        sequence = desk.lastSequence
        var numbered: [(Int32, SupportCase)] = []
        numbered.reserveCapacity(desk.cases.count)
        for c in desk.cases.values {
            if let n = Self.caseNumber(c.id) { numbered.append((n, c)) }
        }
        numbered.sort { $0.0 < $1.0 }
        for (n, c) in numbered {
            let o = addCase(n, id: c.id, subject: c.subject)
            for m in c.messages { indexText(m.body, case: o) }
            for t in c.tags { indexText(t, case: o) }
            let customer = desk.customers[c.customerID]
            link(case: o, customer: c.customerID, name: customer?.name ?? "", email: customer?.email ?? "")
        }
    }

    /// Folds in what an event added. Call after `desk.apply(event)`, with that desk (the customer's
    /// current name and address are read from it). Events at or below `sequence` are ignored.
    public mutating func apply(_ event: Event, desk: HelpDesk) {
        guard event.sequence > sequence else { return }
        sequence = event.sequence
        guard let n = Self.caseNumber(event.caseID) else { return }
        if case let .caseOpened(customer, subject, _, _) = event.change {
            guard ordinalOfCase[n] == nil else { return }   // the desk ignores a second opening too
            let o = addCase(n, id: event.caseID, subject: subject)
            let current = desk.customers[customer.id] ?? customer
            link(case: o, customer: customer.id, name: current.name, email: current.email)
            return
        }
        guard let o = ordinalOfCase[n] else { return }
        switch event.change {
        case let .messageReceived(body, _), let .replySent(body, _), let .acknowledged(body, _), let .noteAdded(body):
            indexText(body, case: o)
        case let .mailReceived(body, _):
            indexText(body, case: o)
            // The mail's display name may have replaced the customer's name.
            let k = customerOfCase[Int(o)]
            if let current = desk.customers[customerIDs[Int(k)]] { refresh(customer: k, name: current.name, email: current.email) }
        case let .tagged(tags):
            for t in tags { indexText(t, case: o) }
        default:
            break
        }
    }

    /// The case numbers matching every term of `query`; every indexed case when it has no terms.
    public func matches(_ query: String) -> Set<Int> {
        matchingCaseIDs(query) ?? Set((0..<caseNumbers.count).map { Int(caseNumbers[$0]) })
    }

    /// The case numbers matching every term of `query`, or nil when it has no terms (no narrowing).
    public func matchingCaseIDs(_ query: String) -> Set<Int>? {
        let terms = SearchTerm.parse(query)
        guard !terms.isEmpty else { return nil }
        let words = (caseNumbers.count + 63) / 64
        var result: [UInt64] = []
        for (i, term) in terms.enumerated() {
            let bits = cases(matching: term)
            if i == 0 {
                result = bits
            } else {
                for w in 0..<words { result[w] &= bits[w] }
            }
            if !result.contains(where: { $0 != 0 }) { return [] }
        }
        var out = Set<Int>(minimumCapacity: result.reduce(0) { $0 + $1.nonzeroBitCount })
        for w in 0..<words {
            var bits = result[w]
            while bits != 0 {
                let o = w * 64 + bits.trailingZeroBitCount
                out.insert(Int(caseNumbers[o]))
                bits &= bits - 1
            }
        }
        return out
    }

    // MARK: - Query

    /// The words a term matches, as lower-cased word ids.
    func words(matching term: SearchTerm) -> [Int32] {
        let ids = (term.ascii ? folded : lower).search(term.bytes, prefix: !term.substring)
        guard term.ascii else { return ids }
        var out: [Int32] = []
        out.reserveCapacity(ids.count)
        for f in ids {
            var l = firstWithFold[Int(f)]
            while l >= 0 {
                out.append(l)
                l = nextSameFold[Int(l)]
            }
        }
        return out
    }

    /// A bit per case ordinal: the cases with a word the term matches (in their own text or their customer's).
    private func cases(matching term: SearchTerm) -> [UInt64] {
        let words = (caseNumbers.count + 63) / 64
        var bits = [UInt64](repeating: 0, count: words)
        var customers = [UInt64](repeating: 0, count: (customerIDs.count + 63) / 64)
        if term.ascii, term.bytes.count == 1, let b = Self.firstByteSlot(term.bytes[0]) {
            for (w, x) in casesByFirstByte[b].enumerated() { bits[w] = x }
            for (w, x) in customersByFirstByte[b].enumerated() { customers[w] = x }
        } else {
            for l in self.words(matching: term) {
                let i = Int(l)
                let last = lastPosting[i]
                if last >= 0 {
                    postings[i].withUnsafeBufferPointer { p in
                        for o in p { bits[Int(o) &>> 6] |= 1 &<< (UInt64(o) & 63) }
                    }
                    bits[Int(last) &>> 6] |= 1 &<< (UInt64(last) & 63)
                }
                let k = customerOne[i]
                if k >= 0 {
                    customers[Int(k) &>> 6] |= 1 &<< (UInt64(k) & 63)
                } else if k == -2 {
                    customerPostings[i].withUnsafeBufferPointer { p in
                        for k in p { customers[Int(k) &>> 6] |= 1 &<< (UInt64(k) & 63) }
                    }
                }
            }
        }
        for w in customers.indices {
            var c = customers[w]
            while c != 0 {
                let k = w * 64 + c.trailingZeroBitCount
                customerCases[k].withUnsafeBufferPointer { p in
                    for o in p { bits[Int(o) &>> 6] |= 1 &<< (UInt64(o) & 63) }
                }
                c &= c - 1
            }
        }
        return bits
    }

    // MARK: - Building

    /// "C-1042" → 1042; nil for anything else (or a number past Int32).
    static func caseNumber(_ id: CaseID) -> Int32? {
        let u = id.utf8
        guard u.count > 2, u.count <= 12, id.hasPrefix("C-") else { return nil }
        var n: Int64 = 0
        for b in u.dropFirst(2) {
            guard b >= UInt8(ascii: "0"), b <= UInt8(ascii: "9") else { return nil }
            n = n * 10 + Int64(b - UInt8(ascii: "0"))
        }
        return n <= Int64(Int32.max) ? Int32(n) : nil
    }

    private mutating func addCase(_ n: Int32, id: CaseID, subject: String) -> Int32 {
        let o = Int32(caseNumbers.count)
        caseNumbers.append(n)
        ordinalOfCase[n] = o
        customerOfCase.append(-1)
        firstBitsOfCase.append(0)
        let digits = String(id.dropFirst(2))
        let a = asciiWord("c-" + digits), b = asciiWord(digits)
        addPosting(a, o)
        addPosting(b, o)
        noteFirstBits(foldedFirstBit[Int(a)] | foldedFirstBit[Int(b)], case: o)
        indexText(subject, case: o)
        return o
    }

    private mutating func link(case o: Int32, customer id: CustomerID, name: String, email: String) {
        let k: Int32
        if let known = customerOrdinal[id] {
            k = known
        } else {
            k = Int32(customerIDs.count)
            customerOrdinal[id] = k
            customerIDs.append(id)
            customerSource.append("\u{1}")   // matches no real source
            customerWords.append([])
            customerCases.append([])
        }
        customerOfCase[Int(o)] = k
        Self.insertSorted(o, into: &customerCases[Int(k)])
        refresh(customer: k, name: name, email: email)
    }

    /// Re-indexes a customer's name and address if they changed.
    private mutating func refresh(customer k: Int32, name: String, email: String) {
        let source = name + "\u{0}" + email
        guard customerSource[Int(k)] != source else { return }
        customerSource[Int(k)] = source
        var ids: [Int32] = []
        collectWords(name, into: &ids)
        collectWords(email, into: &ids)
        let new = Array(Set(ids)).sorted()
        let old = customerWords[Int(k)]
        for l in old where Self.sortedContains(new, l) == false { removeCustomer(k, from: Int(l)) }
        for l in new where Self.sortedContains(old, l) == false { addCustomer(k, to: Int(l)) }
        customerWords[Int(k)] = new
        let oldBits = old.reduce(UInt64(0)) { $0 | foldedFirstBit[Int($1)] }, newBits = new.reduce(UInt64(0)) { $0 | foldedFirstBit[Int($1)] }
        Self.forEachBit(oldBits & ~newBits) { Self.setBit(&customersByFirstByte[$0], Int(k), false) }
        Self.forEachBit(newBits & ~oldBits) { Self.setBit(&customersByFirstByte[$0], Int(k), true) }
    }

    /// Adds every word of `text` to case `o`.
    private mutating func indexText(_ text: String, case o: Int32) {
        var text = text
        text.withUTF8 { buf in
            guard !buf.isEmpty else { return }
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: buf.count) { scratch in
                var tokens = SearchTokenizer(buf)
                var firstBits: UInt64 = 0
                while let t = tokens.next() {
                    let l = wordID(buf, t, scratch: scratch)
                    if addPosting(l, o) { firstBits |= foldedFirstBit[Int(l)] }
                }
                noteFirstBits(firstBits, case: o)
            }
        }
    }

    private mutating func noteFirstBits(_ bits: UInt64, case o: Int32) {
        let new = bits & ~firstBitsOfCase[Int(o)]
        guard new != 0 else { return }
        firstBitsOfCase[Int(o)] |= new
        Self.forEachBit(new) { Self.setBit(&casesByFirstByte[$0], Int(o), true) }
    }

    static func firstByteSlot(_ b: UInt8) -> Int? {
        if b &- 0x30 < 10 { return Int(b - 0x30) }
        if b &- 0x61 < 26 { return Int(b - 0x61) + 10 }
        return nil
    }

    static func forEachBit(_ bits: UInt64, _ body: (Int) -> Void) {
        var b = bits
        while b != 0 {
            body(b.trailingZeroBitCount)
            b &= b - 1
        }
    }

    private mutating func collectWords(_ text: String, into ids: inout [Int32]) {
        var text = text
        text.withUTF8 { buf in
            guard !buf.isEmpty else { return }
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: buf.count) { scratch in
                var tokens = SearchTokenizer(buf)
                while let t = tokens.next() { ids.append(wordID(buf, t, scratch: scratch)) }
            }
        }
    }

    /// The lower-cased word id of a token, adding the word (both forms) if new.
    @inline(__always)
    private mutating func wordID(_ buf: UnsafeBufferPointer<UInt8>, _ t: SearchToken, scratch: UnsafeMutableBufferPointer<UInt8>) -> Int32 {
        let src = buf.baseAddress! + t.start
        let n = t.end - t.start
        if t.ascii {
            let dst = scratch.baseAddress!
            for k in 0..<n { dst[k] = SearchText.asciiLowered(src[k]) }
            return asciiWord(UnsafePointer(dst), n)
        }
        let raw = rawForms.intern(src, n)
        if !raw.new { return rawToLower[Int(raw.id)] }
        let word = SearchText.lowerForm(String(decoding: UnsafeBufferPointer(start: src, count: n), as: UTF8.self))
        let id = addWord(word)
        rawToLower.append(id)
        return id
    }

    private mutating func asciiWord(_ s: String) -> Int32 {
        var s = s
        return s.withUTF8 { asciiWord($0.baseAddress!, $0.count) }
    }

    /// A lower-cased ASCII word (its own folded form).
    private mutating func asciiWord(_ p: UnsafePointer<UInt8>, _ n: Int) -> Int32 {
        let (id, new) = lower.intern(p, n)
        if new { linkFold(id, folded.intern(p, n).id, first: p[0]) }
        return id
    }

    /// A lower-cased word of any kind.
    private mutating func addWord(_ word: String) -> Int32 {
        var word = word
        let (id, new) = word.withUTF8 { lower.intern($0.baseAddress!, $0.count) }
        if new {
            var f = SearchText.foldForm(word)
            let (fid, first) = f.withUTF8 { (folded.intern($0.baseAddress!, $0.count).id, $0.first ?? 0) }
            linkFold(id, fid, first: first)
        }
        return id
    }

    private mutating func linkFold(_ l: Int32, _ f: Int32, first: UInt8) {
        foldedFirstBit.append(Self.firstByteSlot(first).map { 1 << UInt64($0) } ?? 0)
        postings.append([])
        lastPosting.append(-1)
        customerPostings.append([])
        customerOne.append(-1)
        if Int(f) == firstWithFold.count { firstWithFold.append(-1) }
        nextSameFold.append(firstWithFold[Int(f)])
        firstWithFold[Int(f)] = l
    }

    /// Adds case `o` to word `l`; false when it was there already.
    @inline(__always) @discardableResult
    private mutating func addPosting(_ l: Int32, _ o: Int32) -> Bool {
        let i = Int(l)
        let last = lastPosting[i]
        if last == o { return false }
        if last < 0 {
            lastPosting[i] = o
            return true
        }
        if last < o {
            if postings[i].isEmpty { postings[i] = [last, o] } else { postings[i].append(o) }
            lastPosting[i] = o
            return true
        }
        if postings[i].isEmpty {
            postings[i] = [o, last]
            return true
        }
        return Self.insertSorted(o, into: &postings[i])
    }

    private mutating func addCustomer(_ k: Int32, to l: Int) {
        let one = customerOne[l]
        if one == -1 {
            customerOne[l] = k
        } else if one >= 0 {
            guard one != k else { return }
            customerPostings[l] = one < k ? [one, k] : [k, one]
            customerOne[l] = -2
        } else {
            Self.insertSorted(k, into: &customerPostings[l])
        }
    }

    private mutating func removeCustomer(_ k: Int32, from l: Int) {
        let one = customerOne[l]
        if one == k {
            customerOne[l] = -1
        } else if one == -2 {
            Self.removeSorted(k, from: &customerPostings[l])
            if customerPostings[l].count == 1 {
                customerOne[l] = customerPostings[l][0]
                customerPostings[l] = []
            }
        }
    }

    static func setBit(_ bits: inout [UInt64], _ i: Int, _ on: Bool) {
        let w = i &>> 6
        if bits.count <= w {
            guard on else { return }
            bits.append(contentsOf: repeatElement(0, count: w + 1 - bits.count))
        }
        if on { bits[w] |= 1 &<< UInt64(i & 63) } else { bits[w] &= ~(1 &<< UInt64(i & 63)) }
    }

    // MARK: - Sorted arrays

    @discardableResult
    static func insertSorted(_ x: Int32, into a: inout [Int32]) -> Bool {
        if let last = a.last, last < x {
            a.append(x)
            return true
        }
        let i = lowerBound(a, x)
        guard i == a.count || a[i] != x else { return false }
        a.insert(x, at: i)
        return true
    }

    static func removeSorted(_ x: Int32, from a: inout [Int32]) {
        let i = lowerBound(a, x)
        if i < a.count, a[i] == x { a.remove(at: i) }
    }

    static func sortedContains(_ a: [Int32], _ x: Int32) -> Bool {
        let i = lowerBound(a, x)
        return i < a.count && a[i] == x
    }

    static func lowerBound(_ a: [Int32], _ x: Int32) -> Int {
        var lo = 0, hi = a.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if a[mid] < x { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }
}
