import Foundation
import Testing
@testable import FrontlineMail

@Suite struct MailDateTests {
    private func iso(_ s: String) -> String? { MailDate.parse(s).map { CorpusTests.iso($0) } }

    @Test func rfc5322() {
        #expect(iso("Tue, 1 Jul 2003 10:52:37 +0200") == "2003-07-01T08:52:37Z")
        #expect(iso("1 Jul 2003 10:52 -0130") == "2003-07-01T12:22:00Z")
        #expect(iso("Mon, 29 Feb 2016 23:59:59 +0000") == "2016-02-29T23:59:59Z")
        #expect(iso("Wed, 31 Dec 2025 23:00:00 -0200 (BRST)") == "2026-01-01T01:00:00Z")
    }

    @Test func obsoleteForms() {
        #expect(iso("Fri, 21 Nov 97 09:55:06 GMT") == "1997-11-21T09:55:06Z")
        #expect(iso("21 Nov 03 09:55:06 EST") == "2003-11-21T14:55:06Z")
        #expect(iso("Thu, 13 Feb 1969 23:32 PDT") == "1969-02-14T06:32:00Z")
        #expect(iso("Thu, 13 Feb 1969 23:32:00 Z") == "1969-02-13T23:32:00Z")
        #expect(iso("Thu, 13 Feb 1969 23:32:00 A") == "1969-02-13T23:32:00Z")   // military: treated as unknown, UTC
        #expect(iso("Thu,13 Feb 1969 23:32:00 -0000") == "1969-02-13T23:32:00Z")
        #expect(iso("Jul 1 2003 10:52:37 +0200") == "2003-07-01T08:52:37Z")
        #expect(iso("1-Jul-2003 10:52:37 +0200") == "2003-07-01T08:52:37Z")
        #expect(iso("Tue, 1 Jul 2003 10:52:37+0200") == "2003-07-01T08:52:37Z")
    }

    @Test func unreadableIsNil() {
        #expect(iso("") == nil)
        #expect(iso("yesterday") == nil)
        #expect(iso("Tue, 31 Feb 2003 10:00:00 +0000") == nil)
        #expect(iso("Tue, 1 Jul 2003 25:00:00 +0000") == nil)
        #expect(iso("Tue, 1 Jul 2003") == nil)
    }
}
