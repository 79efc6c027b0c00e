import Testing
@testable import FrontlineMail

@Suite struct EncodedWordsTests {
    @Test func bAndQ() {
        #expect(EncodedWords.decode("=?utf-8?B?w4VzYQ==?=") == "Åsa")
        #expect(EncodedWords.decode("=?ISO-8859-1?Q?Gr=FC=DFe_aus_K=F6ln?=") == "Grüße aus Köln")
        #expect(EncodedWords.decode("=?iso-8859-1?q?caf=E9?=") == "café")
    }

    @Test func whitespaceBetweenAdjacentWordsIsDropped() {
        #expect(EncodedWords.decode("=?utf-8?q?J=C3=B6?= =?utf-8?q?rg?=") == "Jörg")
        #expect(EncodedWords.decode("=?utf-8?q?a?=\r\n\t=?iso-8859-1?q?b?=") == "ab")
        #expect(EncodedWords.decode("Re: =?utf-8?q?hej?= world") == "Re: hej world")
    }

    @Test func multibyteCharacterSplitAcrossWords() {
        // "ä" (C3 A4) split: first word ends with C3, the next starts with A4.
        #expect(EncodedWords.decode("=?utf-8?B?aMM=?= =?utf-8?B?pGo=?=") == "häj")
        #expect(EncodedWords.decode("=?UTF-8?Q?=E2=82?= =?UTF-8?Q?=AC_5?=") == "€ 5")
    }

    @Test func otherCharsets() {
        #expect(EncodedWords.decode("=?iso-2022-jp?B?GyRCRnxLXDhsGyhC?=") == "日本語")
        #expect(EncodedWords.decode("=?koi8-r?B?8NLJ18XU?=") == "Привет")
        #expect(EncodedWords.decode("=?utf-8*sv?q?hej?=") == "hej")
    }

    @Test func malformedWordsStayText() {
        #expect(EncodedWords.decode("=?utf-8?x?abc?=") == "=?utf-8?x?abc?=")
        #expect(EncodedWords.decode("=?utf-8?q?never closed") == "=?utf-8?q?never closed")
        #expect(EncodedWords.decode("a =? b ?= c") == "a =? b ?= c")
        #expect(EncodedWords.decode("plain") == "plain")
    }
}
