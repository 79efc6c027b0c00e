import Testing
@testable import FrontlineMail

@Suite struct CharsetsTests {
    /// (label, text, the text encoded in that charset by Python) — every charset we must read.
    static let samples: [(String, String, String)] = [
        ("utf-8", "Åsa Lindqvist — ”citat” 😀", "c3857361204c696e64717669737420e2809420e2809d6369746174e2809d20f09f9880"),
        ("us-ascii", "plain ascii", "706c61696e206173636969"),
        ("iso-8859-1", "Grüße, Ørsted", "4772fcdf652c20d87273746564"),
        ("iso-8859-2", "Zażółć gęślą jaźń", "5a61bff3b3e62067eab66cb1206a61bcf1"),
        ("iso-8859-3", "Ħaġar ċirku", "a161f5617220e569726b75"),
        ("iso-8859-4", "Ķēķis ŗ", "d3baf3697320b3"),
        ("iso-8859-5", "Привет мир", "bfe0d8d2d5e220dcd8e0"),
        ("iso-8859-6", "مرحبا", "e5d1cdc8c7"),
        ("iso-8859-7", "Καλημέρα", "cae1ebe7ecddf1e1"),
        ("iso-8859-8", "שלום", "f9ece5ed"),
        ("iso-8859-9", "Şişli ğ", "de69fe6c6920f0"),
        ("iso-8859-10", "Ŋŧ ŋ", "afbb20bf"),
        ("iso-8859-11", "สวัสดี", "cac7d1cab4d5"),
        ("iso-8859-13", "Ąžuolas ų", "c0fe756f6c617320f8"),
        ("iso-8859-14", "Ŵŷ ḃ", "d0fe20a2"),
        ("iso-8859-15", "Prix 5 €, œuvre", "50726978203520a42c20bd75767265"),
        ("iso-8859-16", "Țară șes", "de6172e320ba6573"),
        ("windows-1250", "Příliš žluťoučký", "50f8ed6c699a209e6c759d6f75e86bfd"),
        ("windows-1251", "Здравствуйте", "c7e4f0e0e2f1f2e2f3e9f2e5"),
        ("windows-1252", "“Smart” quotes – €", "93536d617274942071756f74657320962080"),
        ("windows-1253", "Γειά σου", "c3e5e9dc20f3eff5"),
        ("windows-1254", "Günaydın ş", "47fc6e617964fd6e20fe"),
        ("windows-1255", "שלום", "f9ece5ed"),
        ("windows-1256", "سلام", "d3e1c7e3"),
        ("windows-1257", "Ąžuolas", "c0fe756f6c6173"),
        ("windows-1258", "Cà phê đá", "43e0207068ea20f0e1"),
        ("koi8-r", "Привет", "f0d2c9d7c5d4"),
        ("koi8-u", "Привіт ґ", "f0d2c9d7a6d420ad"),
        ("shift_jis", "日本語のテキスト", "93fa967b8cea82cc8365834c83588367"),
        ("euc-jp", "日本語のテキスト", "c6fccbdcb8eca4cea5c6a5ada5b9a5c8"),
        ("iso-2022-jp", "日本語のテキスト", "1b2442467c4b5c386c244e2546252d253925481b2842"),
        ("gb2312", "简体中文", "bcf2cce5d6d0cec4"),
        ("gbk", "简体中文", "bcf2cce5d6d0cec4"),
        ("gb18030", "简体中文 𠀀", "bcf2cce5d6d0cec42095328236"),
        ("big5", "繁體中文", "c163c5e9a4a4a4e5"),
        ("euc-kr", "한국어 텍스트", "c7d1b1b9beee20c5d8bdbac6ae"),
        ("ks_c_5601-1987", "한국어", "c7d1b1b9beee"),
        ("utf-16", "Hëllo wörld", "fffe4800eb006c006c006f0020007700f60072006c006400"),
        ("utf-16le", "Hëllo", "4800eb006c006c006f00"),
        ("utf-7", "Hi Mom -☺-!", "4869204d6f6d202d2b4a6a6f2d2d21"),
    ]

    @Test(arguments: samples.map { $0.0 })
    func decodesSample(_ label: String) throws {
        let sample = try #require(Self.samples.first { $0.0 == label })
        let d = Charsets.decode([UInt8](hex: sample.2)[...], label: label)
        #expect(d.text == sample.1)
        #expect(d.note == nil)
    }

    @Test func aliases() {
        #expect(Charsets.canonical("latin1") == "windows-1252")
        #expect(Charsets.canonical("UTF8") == "utf-8")
        #expect(Charsets.canonical("\"cp1252\"") == "windows-1252")
        #expect(Charsets.canonical("x-sjis") == "shift_jis")
        #expect(Charsets.canonical("ks_c_5601-1987") == "cp949")
        #expect(Charsets.canonical("gb2312") == "gb18030")
        #expect(Charsets.canonical("utf-8*en") == "utf-8")
        #expect(Charsets.decode([0x61, 0xE5][...], label: "latin1").text == "aå")
        #expect(Charsets.decode([UInt8](hex: "93fa967b")[...], label: "x-sjis").text == "日本")
    }

    @Test func undefinedWindows1252BytesNeverFail() {
        let d = Charsets.decode([0x41, 0x81, 0x8D, 0x80][...], label: "windows-1252")
        #expect(d.text == "A\u{81}\u{8D}€")
    }

    @Test func unknownCharsetIsLossyUTF8WithNote() {
        let d = Charsets.decode([0x68, 0xC3, 0xA4, 0xFF][...], label: "x-klingon")
        #expect(d.text == "hä\u{FFFD}")
        #expect(d.note?.contains("x-klingon") == true)
    }

    @Test func unlabelledIsUTF8ElseWindows1252() {
        #expect(Charsets.decode([0xC3, 0xA5][...], label: nil).text == "å")
        #expect(Charsets.decode([0xE5, 0x93][...], label: nil).text == "å“")
    }

    @Test func invalidBytesInMultibyteCharsetAreReplacedNotFatal() {
        // Shift_JIS "日本" then a lone lead byte.
        let d = Charsets.decode([UInt8](hex: "93fa967b81")[...], label: "shift_jis")
        #expect(d.text.hasPrefix("日本"))
    }

    @Test func utf16WithoutBOMGuessesByteOrder() {
        #expect(Charsets.decode([0x00, 0x48, 0x00, 0x69][...], label: "utf-16").text == "Hi")
        #expect(Charsets.decode([0x48, 0x00, 0x69, 0x00][...], label: "utf-16").text == "Hi")
    }
}
