import Testing
@testable import FrontlineMail

@Suite struct MimeParametersTests {
    @Test func simple() {
        let p = MimeParameters("Text/Plain; charset=\"UTF-8\"; format=flowed (comment)")
        #expect(p.value == "text/plain")
        #expect(p["charset"] == "UTF-8")
        #expect(p["format"] == "flowed")
    }

    @Test func quotedWithEscapesAndSemicolons() {
        let p = MimeParameters("attachment; filename=\"a \\\"b\\\"; c.txt\"; size=12")
        #expect(p.value == "attachment")
        #expect(p["filename"] == "a \"b\"; c.txt")
        #expect(p["size"] == "12")
    }

    @Test func rfc2231ExtendedAndContinuations() {
        let p = MimeParameters("attachment; filename*0*=utf-8''%C3%85rsrapport%20; filename*1*=%C3%A5r; filename*2=\".pdf\"")
        #expect(p["filename"] == "Årsrapport år.pdf")
        let q = MimeParameters("attachment; filename*=iso-8859-1'sv'caf%E9.txt")
        #expect(q["filename"] == "café.txt")
        // Out-of-order segments are put back in order.
        let r = MimeParameters("inline; name*1=\"two\"; name*0=\"one-\"")
        #expect(r["name"] == "one-two")
    }

    @Test func multibyteSplitAcrossContinuations() {
        let p = MimeParameters("attachment; filename*0*=utf-8''%C3; filename*1*=%A4.txt")
        #expect(p["filename"] == "ä.txt")
    }

    @Test func encodedWordsInsideQuotedParameter() {
        let p = MimeParameters("attachment; filename=\"=?utf-8?B?w4VzYS5wZGY=?=\"")
        #expect(p.text("filename") == "Åsa.pdf")
    }

    @Test func junkNeverTraps() {
        let p = MimeParameters(";;=; =x; a=\"unterminated")
        #expect(p.value == "")
        #expect(p["a"] == "unterminated")
        _ = MimeParameters("text/plain; name*0*=%; name*x=1; name*99999999999=2")
    }
}
