import Testing
@testable import FrontlineMail

@Suite struct TransferEncodingTests {
    private func b64(_ s: String) -> String { String(decoding: TransferEncoding.base64(Array(s.utf8)[...]), as: UTF8.self) }
    private func qp(_ s: String) -> String { String(decoding: TransferEncoding.quotedPrintable(Array(s.utf8)[...]), as: UTF8.self) }

    @Test func base64Plain() { #expect(b64("SGVsbG8sIHdvcmxkIQ==") == "Hello, world!") }
    @Test func base64LineBreaksAndGarbage() { #expect(b64("SGVs\r\nbG8s*IH%dv\ncmxk IQ==") == "Hello, world!") }
    @Test func base64MissingPadding() { #expect(b64("SGVsbG8") == "Hello") }
    @Test func base64GluedEncodings() { #expect(b64("SGk=SGk=") == "HiHi") }
    @Test func base64Empty() { #expect(b64("") == "" && b64("!!!") == "") }

    @Test func quotedPrintableEscapesAndSoftBreaks() {
        #expect(qp("Gr=C3=BC=c3=9fe") == "Grüße")
        #expect(qp("long=\r\nline=\nend") == "longlineend")
        #expect(qp("soft =  \r\nbreak") == "soft break")
    }

    @Test func quotedPrintableTrailingBlanksAndBadEscapes() {
        #expect(qp("a  \r\nb") == "a\r\nb")
        #expect(qp("100% =ZZ and =4") == "100% =ZZ and =4")
        #expect(qp("x=") == "x")
    }

    @Test func identityEncodings() {
        for e in ["7bit", "8bit", "binary", nil, "x-uuencode"] {
            #expect(TransferEncoding.decode([0xFF, 0x00, 0x41][...], encoding: e) == [0xFF, 0x00, 0x41])
        }
        #expect(TransferEncoding.decode(Array("QQ==".utf8)[...], encoding: " Base64 ") == [0x41])
    }
}
