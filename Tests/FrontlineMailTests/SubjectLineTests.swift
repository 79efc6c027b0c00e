import Testing
import FrontlineMail

@Suite struct SubjectLineTests {
    @Test func stripsPrefixesRepeatedly() {
        #expect(SubjectLine.stripReplyPrefixes("Re: Printer") == "Printer")
        #expect(SubjectLine.stripReplyPrefixes("RE: Fwd: FW: Printer") == "Printer")
        #expect(SubjectLine.stripReplyPrefixes("SV: VS: Vs: AW: WG: Antw: Vast: Vá: Odp: Tr: x") == "x")
        #expect(SubjectLine.stripReplyPrefixes("Re[2]: Re(3): re : x") == "x")
        #expect(SubjectLine.stripReplyPrefixes("  fwd:re:x  ") == "x")
    }

    @Test func leavesOtherWordsAlone() {
        #expect(SubjectLine.stripReplyPrefixes("Reply needed: x") == "Reply needed: x")
        #expect(SubjectLine.stripReplyPrefixes("Trouble: x") == "Trouble: x")
        #expect(SubjectLine.stripReplyPrefixes("Re[x]: y") == "Re[x]: y")
        #expect(SubjectLine.stripReplyPrefixes("") == "")
    }

    @Test func caseTags() {
        #expect(SubjectLine.caseTag("Re: [C-123] Printer") == "C-123")
        #expect(SubjectLine.caseTag("[C-1] then [C-42]") == "C-42")
        #expect(SubjectLine.caseTag("[C-12a] [C-] [c-5] C-7") == nil)
        #expect(SubjectLine.removingCaseTag("Re: [C-123] Printer") == "Re: Printer")
        #expect(SubjectLine.removingCaseTag("Printer [C-9]") == "Printer")
    }
}
