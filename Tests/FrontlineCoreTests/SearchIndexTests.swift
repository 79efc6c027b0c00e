import Foundation
import Testing
@testable import FrontlineCore

@Suite struct SearchIndexTests {
    // MARK: - Helpers

    /// A desk built command by command, with an index fed every event the way a console does
    /// (after `desk.apply(event)`, with that desk).
    struct Fed {
        var builder = DeskBuilder()
        var index = SearchIndex()
        var events: [Event] = []

        @discardableResult
        mutating func run(_ command: Command, actor: String = "alice") throws -> [Event] {
            var desk = builder.desk
            let events = try builder.run(command, actor: actor)
            for e in events {
                desk.apply(e)
                index.apply(e, desk: desk)
            }
            self.events += events
            return events
        }

        mutating func open(_ name: String, email: String = "", subject: String = "Help", body: String = "Hello") throws -> CaseID {
            try run(.receive(IncomingMessage(customerName: name, customerEmail: email, language: "en", subject: subject, body: body)),
                    actor: "intake").first!.caseID
        }

        var desk: HelpDesk { builder.desk }
        var full: SearchIndex { SearchIndex(desk: builder.desk) }
    }

    static func number(_ id: CaseID) -> Int { Int(id.dropFirst(2))! }

    /// Both the incrementally fed and the fully built index give `expected` for `query`.
    func expect(_ fed: Fed, _ query: String, _ expected: Set<CaseID>, full: SearchIndex? = nil, sourceLocation: SourceLocation = #_sourceLocation) {
        let want = Set(expected.map(Self.number))
        #expect(fed.index.matches(query) == want, "incremental: \(query)", sourceLocation: sourceLocation)
        #expect((full ?? fed.full).matches(query) == want, "full build: \(query)", sourceLocation: sourceLocation)
    }

    // MARK: - Matching rules

    @Test func caseInsensitive() throws {
        var f = Fed()
        let a = try f.open("Åsa LINDQVIST", subject: "TV smells")
        let b = try f.open("bob", body: "lindqvist wrote")
        expect(f, "lindqvist", [a, b])
        expect(f, "LINDQVIST", [a, b])
        expect(f, "LinDQvist", [a, b])
        expect(f, "tv", [a])
        expect(f, "SMELLS", [a])
    }

    @Test func wordsArePrefixesOrLongSubstrings() throws {
        var f = Fed()
        let a = try f.open("Åsa Lindqvist", subject: "TV:n luktar bränt", body: "I returned order 5512 last week.")
        let b = try f.open("Tom", subject: "Order 15512x", body: "qv")
        expect(f, "5512", [a, b])            // a word of its own, and a substring of "15512x"
        expect(f, "551", [a, b])
        expect(f, "ndqvi", [a])              // substring, 3+ characters
        expect(f, "tv", [a])                 // prefix of "tv" in "TV:n"
        expect(f, "tv:n", [a])               // "tv" and "n"
        expect(f, "qv", [b])                 // two characters: a prefix only, not inside "Lindqvist"
        expect(f, "ua", [])                  // "luktar" contains "u…", but two letters match only at the start
        expect(f, "uktar", [a])
        expect(f, "returne", [a])
        expect(f, "week.", [a])              // punctuation at the ends is trimmed
        expect(f, "(5512),", [a, b])
        expect(f, "xyzzy", [])
    }

    @Test func emailAddressesWholeAndInParts() throws {
        var f = Fed()
        let a = try f.open("Åsa", email: "asa.lindqvist@example.se")
        let b = try f.open("Tom", email: "tom@mail.example.com", body: "cc: erik+shop@butik.fi please")
        expect(f, "asa.lindqvist@example.se", [a])
        expect(f, "<asa.lindqvist@example.se>,", [a])
        expect(f, "ASA.LINDQVIST@EXAMPLE.SE", [a])
        expect(f, "asa.lindqvist@exa", [a])   // typing it: a prefix of the whole address
        expect(f, "lindqvist@example", [a])   // a substring of it
        expect(f, "example", [a, b])
        expect(f, "lindqvist", [a])
        expect(f, "se", [a])
        expect(f, "example.se", [a])         // the parts "example" and "se"
        expect(f, "example.fi", [b])         // "example" from the address, "fi" from the body
        expect(f, "erik+shop@butik.fi", [b]) // an address in a message body
        expect(f, "butik", [b])
        expect(f, "tom@example.com", [])     // not a substring of "tom@mail.example.com"
    }

    @Test func caseIDsBothWays() throws {
        var f = Fed()
        var ids: [CaseID] = []
        for i in 0..<12 { ids.append(try f.open("Kund \(i)", body: "see the other case")) }
        // ids are C-1000 … C-1011
        expect(f, "c-1003", [ids[3]])
        expect(f, "C-1003", [ids[3]])
        expect(f, "1003", [ids[3]])
        expect(f, "c-101", [ids[10], ids[11]])        // prefix of "c-1010", "c-1011"
        expect(f, "1010", [ids[10]])
        expect(f, "c-1", Set(ids))
        #expect(SearchIndex.caseNumber("C-1042") == 1042)
        #expect(SearchIndex.caseNumber("X-1042") == nil)
        #expect(SearchIndex.caseNumber("C-") == nil)
        #expect(SearchIndex.caseNumber("C-12a") == nil)
        #expect(SearchIndex.caseNumber("C-99999999999") == nil)
    }

    @Test func diacriticsPolicy() throws {
        var f = Fed()
        let asaRing = try f.open("Åsa Mäkinen")
        let asa = try f.open("Asa Makinen")
        let nfd = try f.open("A\u{30A}sa Nyström")            // decomposed Å
        let other = try f.open("Jørgen Ægir", subject: "Straße", body: "Øresund")
        // Without diacritics: finds words with or without them.
        expect(f, "asa", [asaRing, asa, nfd])
        expect(f, "makinen", [asaRing, asa])
        expect(f, "akine", [asaRing, asa])
        expect(f, "nystrom", [nfd])
        expect(f, "jorgen", [other])
        expect(f, "aegir", [other])
        expect(f, "strasse", [other])
        expect(f, "oresund", [other])
        // With diacritics: only those exact letters.
        expect(f, "åsa", [asaRing, nfd])
        expect(f, "ÅSA", [asaRing, nfd])
        expect(f, "A\u{30A}sa", [asaRing, nfd])                // a decomposed query is the same
        expect(f, "mäkinen", [asaRing])
        expect(f, "äkin", [asaRing])
        expect(f, "mä", [asaRing])
        expect(f, "ä", [])                                     // one character: a prefix only
        expect(f, "jørgen", [other])
        expect(f, "straße", [other])
        expect(f, "öresund", [])                               // ö is not ø
    }

    @Test func termsAreAndedInAnyOrderAndQuotesAreNotSpecial() throws {
        var f = Fed()
        let a = try f.open("Åsa Lindqvist", subject: "Refund for order 5512")
        let b = try f.open("Åsa Berg", subject: "Refund for order 7777")
        let c = try f.open("Tom Lindqvist", subject: "Delivery late")
        expect(f, "refund", [a, b])
        expect(f, "refund lindqvist", [a])
        expect(f, "lindqvist refund", [a])
        expect(f, "  lindqvist\t\nrefund  ", [a])
        expect(f, "\"refund lindqvist\"", [a])
        expect(f, "'refund'", [a, b])
        expect(f, "lindqvist", [a, c])
        expect(f, "refund delivery", [])
        expect(f, "asa asa", [a, b])
    }

    @Test func noTermsMeansNoNarrowing() throws {
        var f = Fed()
        let a = try f.open("Åsa")
        let b = try f.open("Tom")
        for q in ["", "   ", "\n\t", "!!! ---", "\"\"", "🙂"] {
            #expect(f.index.matchingCaseIDs(q) == nil, "\(q)")
            #expect(f.index.matches(q) == [Self.number(a), Self.number(b)], "\(q)")
        }
        #expect(f.index.matchingCaseIDs("nobody") == [])
        #expect(SearchIndex().matches("") == [])
        #expect(SearchIndex().matchingCaseIDs("x") == [])
    }

    @Test func everyKindOfMessageAndTags() throws {
        var f = Fed()
        let a = try f.open("Åsa", subject: "Subjectword", body: "bodyword")
        try f.run(.reply(a, body: "replyword"))
        try f.run(.note(a, body: "noteword"))
        try f.run(.tag(a, tags: ["vip-kund", "tagword"]))
        try f.run(.receive(IncomingMessage(customerName: "Åsa", customerEmail: "", language: "sv", subject: "", body: "laterword", appendTo: a)),
                  actor: "intake")
        try f.run(.escalate(a, level: .tier2, reason: "reasonword"))
        try f.run(.saveDraft(a, body: "draftword"))
        // An acknowledgement and a customer mail, as events.
        let mail = MailDetails(messageID: "<m1@x>", subject: "Re", from: MailParty(name: nil, address: "asa@example.se"))
        for change in [Event.Change.acknowledged(body: "ackword", mail: mail), .mailReceived(body: "mailword", mail: mail)] {
            let e = Event(sequence: f.builder.desk.lastSequence + 1, at: t0, actor: "intake", caseID: a, change: change)
            f.builder.desk.apply(e)
            f.index.apply(e, desk: f.builder.desk)
        }
        for w in ["subjectword", "bodyword", "replyword", "noteword", "vip", "kund", "vip-kund", "tagword", "laterword", "ackword", "mailword"] {
            expect(f, w, [a])
        }
        // Not part of the search (as today): activity texts and drafts.
        expect(f, "reasonword", [])
        expect(f, "draftword", [])
    }

    @Test func aChangedCustomerNameReplacesTheOldOne() throws {
        var f = Fed()
        // A mail without a display name: the customer is called by the address's local part...
        try f.run(.receiveMail(IncomingMail(details: MailDetails(messageID: "<1@x>", subject: "Hjälp", from: MailParty(name: nil, address: "zorro@example.se")),
                                            body: "Hej", caseSubject: "Hjälp", language: "sv")), actor: "intake")
        let a = f.desk.caseOrder[0]
        #expect(f.desk.customers.values.first?.name == "zorro")
        // ...until a mail names them.
        try f.run(.receiveMail(IncomingMail(details: MailDetails(messageID: "<2@x>", subject: "Re: Hjälp", from: MailParty(name: "Åsa Lindqvist", address: "zorro@example.se"),
                                                                 inReplyTo: "<1@x>"), body: "Mer info", caseSubject: "Re: Hjälp", language: "sv")), actor: "intake")
        #expect(f.desk.customers.values.first?.name == "Åsa Lindqvist")
        expect(f, "lindqvist", [a])
        expect(f, "zorro", [a])            // still the address
        // A returning customer (same address) gives a new name: it applies to all their cases.
        let b = try f.open("Bertil Qvarnström", email: "bq@example.com")
        let c = try f.open("Bertil Quist", email: "bq@example.com")
        expect(f, "qvarnstrom", [])
        expect(f, "quist", [b, c])
        expect(f, "bertil", [b, c])
        expect(f, "bq@example.com", [b, c])
        // The old name stays findable where it is also in a case's own text.
        try f.run(.note(b, body: "formerly Qvarnström"))
        expect(f, "qvarnstrom", [b])
    }

    @Test func idsOtherThanCDigitsAreNotIndexed() {
        var desk = HelpDesk()
        var index = SearchIndex()
        let k = Customer(id: "K-1", name: "Odd Case", email: "", language: "en", since: t0)
        for (i, id) in ["X-1", "C-", "C-1a", "C-5"].enumerated() {
            let e = Event(sequence: UInt64(2 * i + 1), at: t0, actor: "x", caseID: id, change: .caseOpened(customer: k, subject: "odd", channel: .email, priority: .normal))
            desk.apply(e)
            index.apply(e, desk: desk)
            let m = Event(sequence: UInt64(2 * i + 2), at: t0, actor: "x", caseID: id, change: .noteAdded(body: "odd note"))
            desk.apply(m)
            index.apply(m, desk: desk)
        }
        #expect(index.matches("odd") == [5])
        #expect(SearchIndex(desk: desk).matches("odd") == [5])
        #expect(index.sequence == 8)
    }

    // MARK: - Incremental, idempotent, value semantics

    @Test func feedingEventsTwiceChangesNothing() throws {
        var f = Fed()
        let a = try f.open("Åsa Lindqvist", email: "asa@example.se", subject: "Refund", body: "order 5512")
        try f.run(.note(a, body: "called back"))
        var twice = SearchIndex()
        var desk = HelpDesk()
        for e in f.events {
            desk.apply(e)
            twice.apply(e, desk: desk)
            twice.apply(e, desk: desk)
        }
        for e in f.events { twice.apply(e, desk: desk) }   // and all of them again
        #expect(twice.sequence == f.desk.lastSequence)
        for q in ["asa", "refund", "5512", "called", "c-1000", "example", "zzz"] {
            #expect(twice.matches(q) == f.index.matches(q), "\(q)")
        }
        // A full build already reflects everything: feeding it the events again adds nothing.
        var built = f.full
        for e in f.events { built.apply(e, desk: f.desk) }
        let note = Event(sequence: 1, at: t0, actor: "x", caseID: a, change: .noteAdded(body: "stale"))
        built.apply(note, desk: f.desk)
        #expect(built.matches("stale") == [])
        #expect(built.matches("called") == [Self.number(a)])
    }

    @Test func copiesAreIndependent() throws {
        var f = Fed()
        let a = try f.open("Åsa", body: "first")
        let copy = f.index
        try f.run(.note(a, body: "second"))
        _ = try f.open("Tom", body: "first too")
        #expect(copy.matches("second") == [])
        #expect(copy.matches("first") == [Self.number(a)])
        #expect(f.index.matches("second") == [Self.number(a)])
        #expect(f.index.matches("first").count == 2)
    }

    /// Random command sequences: the index fed every event equals a full build of the final desk.
    @Test(arguments: [1, 2, 3, 4, 5, 6] as [UInt64])
    func incrementalEqualsFullBuild(seed: UInt64) throws {
        var rng = SeededRandom(seed: seed)
        func pick<T>(_ xs: [T]) -> T { xs[Int(rng.next() % UInt64(xs.count))] }
        let names = ["Åsa Lindqvist", "Asa Lindqvist", "Björn Åberg", "Päivi Mäkinen", "Jørgen Ægir", "Tom O'Brien", "Mei Nakamura", "Zoë Straße"]
        let emails = ["asa@example.se", "bjorn@example.se", "paivi@example.fi", "", "tom@example.com", "mei+shop@example.jp"]
        let words = ["refund", "order", "5512", "tv:n", "luktar", "bränt", "päivää", "Öl", "coupon", "NEWS20", "delivery", "€20", "c-1001", "mail@host.org"]
        func text() -> String { (0..<(1 + Int(rng.next() % 6))).map { _ in pick(words) }.joined(separator: pick([" ", ", ", ".\n", " — "])) }
        var f = Fed()
        var mailIDs: [String] = []
        for step in 0..<120 {
            let ids = f.desk.caseOrder
            switch rng.next() % 9 {
            case 0, 1:
                _ = try f.open(pick(names), email: pick(emails), subject: text(), body: text())
            case 2 where !ids.isEmpty: _ = try? f.run(.reply(pick(ids), body: text()))
            case 3 where !ids.isEmpty: _ = try? f.run(.note(pick(ids), body: text()))
            case 4 where !ids.isEmpty: _ = try? f.run(.tag(pick(ids), tags: [pick(["vip", "Bränt", "tv-fel", "x"])]))
            case 5 where !ids.isEmpty:
                _ = try? f.run(.receive(IncomingMessage(customerName: "x", customerEmail: "", language: "sv", subject: "", body: text(), appendTo: pick(ids))), actor: "intake")
            case 6:
                let id = "<\(step)@mail>"
                let reply = mailIDs.isEmpty || rng.next() % 2 == 0 ? nil : pick(mailIDs)
                let from = pick(["asa@example.se", "new\(step)@example.org", "paivi@example.fi"])
                let name: String? = rng.next() % 3 == 0 ? nil : pick(names)
                _ = try? f.run(.receiveMail(IncomingMail(details: MailDetails(messageID: id, subject: "Re", from: MailParty(name: name, address: from), inReplyTo: reply),
                                                         body: text(), caseSubject: text(), language: "sv")), actor: "intake")
                mailIDs.append(id)
            case 7 where !ids.isEmpty: _ = try? f.run(.solve(pick(ids)))
            default: if !ids.isEmpty { _ = try? f.run(.escalate(pick(ids), level: .tier2, reason: text())) }
            }
        }
        let full = f.full
        #expect(f.index.sequence == full.sequence)
        var queries = ["asa", "åsa", "lindqvist", "ndqv", "makinen", "mäkinen", "ægir", "aegir", "strasse", "o'brien", "brien", "refund order",
                       "5512", "tv", "tv:n", "c-10", "c-1001", "1001", "asa@example.se", "example", "@example", "news20", "20", "vip", "tv-fel",
                       "new1", "mail@host", "öl", "ol", "x", "e", "1", "zzz"]
        for _ in 0..<60 {
            let w = Array(pick(words + names + emails).lowercased())
            guard !w.isEmpty else { continue }
            let a = Int(rng.next() % UInt64(w.count)), n = 1 + Int(rng.next() % UInt64(w.count - a))
            queries.append(String(w[a..<(a + n)]))
        }
        let corpus = Naive.corpus(f.desk)
        for q in queries {
            #expect(f.index.matches(q) == full.matches(q), "seed \(seed): \(q)")
            #expect(f.index.matches(q) == Naive.matches(q, corpus: corpus), "seed \(seed), naive: \(q)")
        }
    }

    // MARK: - Against a naive scan

    static func demoDesk(count: Int, seed: UInt64) throws -> HelpDesk {
        var b = DeskBuilder()
        var ids: [Int: CaseID] = [:]
        var rng = SeededRandom(seed: seed)
        let extras = ["Beställning 88123 kom aldrig fram. Mvh Örjan", "Tilaus 99231: väärä koko, XL:n sijaan M", "Straße 5, 10115 Berlin",
                      "Ref: C-1005 and C-1010", "mail me at örjan.sjöberg@exempel.se or o.s+x@example.com.", "TV:n är trasig!!!",
                      "Ægir Øresund Ærø", "naïve café résumé", "ﬁle ligature", "İstanbul DİKKAT", "ΣΟΦΙΑ σοφία", "中文测试 日本語テキスト",
                      "mixed123abc 456def", "e\u{301}te\u{301} (decomposed)", "q\u{301}uux", "\u{301}leading mark"]
        for step in DemoQueue(count: count, seed: seed).steps(now: t0) {
            b.now = step.at
            if step.opensCase {
                ids[step.caseRef] = try b.run(step.command, actor: step.actor).first?.caseID
                if rng.next() % 3 == 0, let id = ids[step.caseRef] {
                    _ = try b.run(.note(id, body: extras[Int(rng.next() % UInt64(extras.count))]))
                }
            } else if let id = ids[step.caseRef] {
                _ = try? b.run(step.command(for: id), actor: step.actor)
            }
        }
        return b.desk
    }

    @Test func agreesWithANaiveScanOverRandomQueries() throws {
        let desk = try Self.demoDesk(count: 150, seed: 11)
        let index = SearchIndex(desk: desk)
        let corpus = Naive.corpus(desk)
        var rng = SeededRandom(seed: 5)
        func pick<T>(_ xs: [T]) -> T { xs[Int(rng.next() % UInt64(xs.count))] }
        // Words as they stand in the desk's text, to cut queries from.
        var pool: [String] = []
        for c in desk.cases.values {
            let k = desk.customer(of: c)
            for t in [c.subject, k?.name ?? "", k?.email ?? "", c.id] + c.messages.map(\.body) + c.tags {
                pool += t.split(whereSeparator: { $0.isWhitespace }).map(String.init)
            }
        }
        pool = Array(Set(pool)).sorted()
        func fragment() -> String {
            let w = Array(pick(pool))
            let a = rng.next() % 2 == 0 ? 0 : Int(rng.next() % UInt64(w.count))
            let n = 1 + Int(rng.next() % UInt64(w.count - a))
            var s = String(w[a..<(a + n)])
            switch rng.next() % 6 {
            case 0: s = s.uppercased()
            case 1: s = s.folding(options: .diacriticInsensitive, locale: nil)
            case 2: s = "(" + s + "),"
            default: break
            }
            return s
        }
        var checked = 0, nonEmpty = 0
        for i in 0..<400 {
            let q: String
            switch i % 5 {
            case 0: q = fragment()
            case 1: q = fragment() + " " + fragment()
            case 2: q = [fragment(), fragment(), fragment()].joined(separator: "  ")
            case 3: q = String((0..<(1 + Int(rng.next() % 4))).map { _ in pick(Array("aeiouåäösrnt0123456789-@.")) })
            default: q = pick(pool)
            }
            let got = index.matches(q), want = Naive.matches(q, corpus: corpus)
            #expect(got == want, "\(q)")
            checked += 1
            if !got.isEmpty && got.count < desk.cases.count { nonEmpty += 1 }
        }
        #expect(checked == 400)
        #expect(nonEmpty > 100, "the queries narrow: \(nonEmpty)")
    }

    // MARK: - Hostile text

    @Test func hostileTextDoesNotCrash() throws {
        var f = Fed()
        let invalid = String(decoding: [0x61, 0xFF, 0xFE, 0x62, 0xC3, 0x28, 0xE2, 0x82, 0xED, 0xA0, 0x80, 0x63, 0xF4, 0x90, 0x80, 0x80], as: UTF8.self)
        let huge = String(repeating: "ab", count: 500_000) + "end"
        let texts = [
            "\u{0}\u{1}\u{7}\u{1B}[31mred\u{1B}[0m\r\n\u{7F}ctl", invalid, huge,
            "👨‍👩‍👧‍👦 family 🏳️‍🌈 flag ❤️ heart 👍🏽 thumbs",
            "a" + String(repeating: "\u{301}", count: 5000) + " z\u{301}\u{302}\u{303}\u{304}alg\u{489}o",
            "\u{301}\u{302} lone marks", "\u{200B}zero\u{200B}width\u{FEFF}", "עברית مرحبا", "@@@ ..@.. a@ @b a@b@c",
            String(repeating: "x@", count: 10_000) + "y", "\u{FFFD}\u{10FFFF}\u{E000}",
        ]
        var ids: [CaseID] = []
        for t in texts { ids.append(try f.open("Hostile \(ids.count)", subject: t, body: t)) }
        let all = try f.open("Everything", body: texts.joined(separator: "\u{0}"))
        let full = f.full
        for q in ["ab", "abab", "end", "red", "ctl", "family", "heart", "z", "zalgo", "lone", "marks", "zero", "width", "a@b", "b@c", "x@x", "y",
                  "\u{0}", "\u{1B}[31m", invalid, "👨‍👩‍👧‍👦", "\u{301}", "a\u{301}", String(repeating: "ab", count: 50_000), huge, "עברית"] {
            #expect(f.index.matches(q) == full.matches(q), "\(q.prefix(20))")
        }
        expect(f, "abab", [ids[2], all], full: full)
        expect(f, "babend", [ids[2], all], full: full)        // a substring at the end of the 1 MB word
        expect(f, "red", [ids[0], all], full: full)           // "31mred": escape sequences are not words
        expect(f, "family", [ids[3], all], full: full)
        expect(f, "zalgo", [ids[4], all], full: full)         // marks (even enclosing ones) continue a word; folded away
        expect(f, "lone", [ids[5], all], full: full)
        expect(f, "width", [ids[6], all], full: full)
        expect(f, "a@b", [ids[8], all], full: full)
        expect(f, "b c", [ids[1], ids[8], all], full: full)   // the invalid bytes became U+FFFD, a separator
    }
}

/// The reference: every case's text split into words with the same rules, written plainly over
/// Unicode scalars, and each query term compared with every word.
enum Naive {
    enum Kind { case word, mark, at, punct, other }

    static func kind(_ s: Unicode.Scalar) -> Kind {
        if s.isASCII {
            let c = Character(s)
            if c.isASCII && (c.isLetter || c.isNumber) { return .word }
            if s == "@" { return .at }
            return ".-_%+".unicodeScalars.contains(s) ? .punct : .other
        }
        switch s.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter, .decimalNumber, .letterNumber, .otherNumber: return .word
        case .nonspacingMark, .spacingMark, .enclosingMark: return .mark
        default: return .other
        }
    }

    /// Words and whole addresses, as written.
    static func words(_ text: String) -> [String] {
        var kinds: [Kind] = []
        let scalars = Array(text.unicodeScalars)
        for s in scalars {
            var k = kind(s)
            if k == .mark, !(kinds.last == .word || kinds.last == .mark) { k = .other }   // a mark only continues a word
            kinds.append(k)
        }
        var out: [String] = []
        func string(_ r: Range<Int>) -> String {
            var v = String.UnicodeScalarView()
            v.append(contentsOf: scalars[r])
            return String(v)
        }
        var i = 0
        while i < scalars.count {
            if kinds[i] == .word {
                var j = i
                while j < scalars.count, kinds[j] == .word || kinds[j] == .mark { j += 1 }
                out.append(string(i..<j))
                i = j
            } else {
                i += 1
            }
        }
        // Address runs: maximal runs without `.other`, from the first word character to the last
        // word character or mark, with a word character after an `@`.
        i = 0
        while i < scalars.count {
            guard kinds[i] != .other else { i += 1; continue }
            var j = i
            while j < scalars.count, kinds[j] != .other { j += 1 }
            if let first = (i..<j).first(where: { kinds[$0] == .word }),
               let last = (i..<j).last(where: { kinds[$0] == .word || kinds[$0] == .mark }),
               let at = (first..<j).first(where: { kinds[$0] == .at }),
               (at..<j).contains(where: { kinds[$0] == .word }) {
                out.append(string(first..<(last + 1)))
            }
            i = j
        }
        return out
    }

    static func lower(_ w: String) -> String { w.lowercased().precomposedStringWithCanonicalMapping }

    static func fold(_ w: String) -> String {
        let map: [Unicode.Scalar: String] = ["ø": "o", "æ": "ae", "ß": "ss", "œ": "oe", "đ": "d", "ð": "d", "ł": "l", "þ": "th", "ı": "i"]
        var out = ""
        for s in w.decomposedStringWithCanonicalMapping.unicodeScalars where kind(s) != .mark {
            out += map[s] ?? String(s)
        }
        return out.precomposedStringWithCanonicalMapping
    }

    /// Each case's words, lower-cased and folded.
    static func corpus(_ desk: HelpDesk) -> [(number: Int, lowers: Set<String>, folds: Set<String>)] {
        desk.cases.values.compactMap { c in
            guard let n = SearchIndex.caseNumber(c.id) else { return nil }
            let k = desk.customer(of: c)
            let raw = ([c.subject, k?.name ?? "", k?.email ?? ""] + c.messages.map(\.body) + c.tags).flatMap(words)
            let lowers = Set(raw.map(lower) + ["c-" + c.id.dropFirst(2), String(c.id.dropFirst(2))])
            return (Int(n), lowers, Set(lowers.map(fold)))
        }
    }

    static func matches(_ query: String, desk: HelpDesk) -> Set<Int> { matches(query, corpus: corpus(desk)) }

    static func matches(_ query: String, corpus: [(number: Int, lowers: Set<String>, folds: Set<String>)]) -> Set<Int> {
        let terms = SearchTerm.parse(query)
        var out = Set<Int>()
        for (n, lowers, folds) in corpus {
            let all = terms.allSatisfy { t in
                let needle = t.bytes
                return (t.ascii ? folds : lowers).contains { w in
                    let hay = Array(w.utf8)
                    if !t.substring { return hay.starts(with: needle) }
                    guard hay.count >= needle.count else { return false }
                    return (0...(hay.count - needle.count)).contains { hay[$0..<($0 + needle.count)].elementsEqual(needle) }
                }
            }
            if all { out.insert(n) }
        }
        return out
    }
}
