import Foundation
import Testing
import FrontlineMail

@Suite struct LimitsTests {
    @Test func messageSize() {
        let limits = MailLimits(maxMessageBytes: 25 << 20)
        let big = [UInt8](repeating: 0x61, count: 31 << 20)
        #expect(throws: MailRefusal("message is 31 MiB, over the 25 MiB limit")) { try MailParser.parse(big, limits: limits) }
    }

    @Test func headerBlockSize() {
        let header = Array(("X-Long: " + String(repeating: "a", count: 2000) + "\n\nbody").utf8)
        #expect(throws: MailRefusal.self) { try MailParser.parse(header, limits: MailLimits(maxHeaderBytes: 1000)) }
        #expect((try? MailParser.parse(header)) != nil)
    }

    private func nested(_ depth: Int) -> [UInt8] {
        var s = ""
        for i in 0..<depth { s += "Content-Type: multipart/mixed; boundary=b\(i)\n\n--b\(i)\n" }
        s += "Content-Type: text/plain\n\ndeep\n"
        for i in (0..<depth).reversed() { s += "--b\(i)--\n" }
        return Array(s.utf8)
    }

    @Test func depth() throws {
        #expect(throws: MailRefusal.self) { try MailParser.parse(nested(30), limits: MailLimits(maxDepth: 20)) }
        let ok = try MailParser.parse(nested(10), limits: MailLimits(maxDepth: 20))
        #expect(ok.bodyText == "deep")
        #expect(ok.depth == 11)
    }

    @Test func parts() throws {
        func many(_ n: Int) -> [UInt8] {
            var s = "Content-Type: multipart/mixed; boundary=b\n\n"
            for _ in 0..<n { s += "--b\nContent-Type: text/plain\n\nx\n" }
            return Array((s + "--b--\n").utf8)
        }
        #expect(throws: MailRefusal.self) { try MailParser.parse(many(10_000)) }
        let ok = try MailParser.parse(many(499))
        #expect(ok.partCount == 500)
    }

    @Test func hugeSingleLineBodyIsFast() throws {
        var bytes = Array("Subject: big\nContent-Type: text/plain\n\n".utf8)
        bytes += [UInt8](repeating: 0x61, count: 5 << 20)
        let start = Date()
        let m = try MailParser.parse(bytes)
        #expect(m.bodyText.utf8.count == 5 << 20)
        #expect(Date().timeIntervalSince(start) < 10)
        var html = Array("Content-Type: text/html\nContent-Transfer-Encoding: quoted-printable\n\n".utf8)
        html += Array(String(repeating: "<b>x</b> =C3=A5 ", count: 300_000).utf8)
        let t2 = Date()
        _ = try MailParser.parse(html)
        #expect(Date().timeIntervalSince(t2) < 10)
    }

    @Test func tenThousandPartsRefusedFast() {
        var s = "Content-Type: multipart/mixed; boundary=b\n\n"
        for _ in 0..<10_000 { s += "--b\n\nx\n" }
        let bytes = Array(s.utf8)
        let start = Date()
        #expect(throws: MailRefusal.self) { try MailParser.parse(bytes) }
        #expect(Date().timeIntervalSince(start) < 5)
    }
}

@Suite struct HostileHeaderTests {
    @Test func encodedWordStartsWithoutEndsStayFast() throws {
        let value = String(repeating: "=?a?q?a", count: 15_000)
        let start = Date()
        let m = try MailParser.parse(Array("Subject: \(value)\nFrom: \(value)\n\nx".utf8))
        #expect(m.subject == value)
        #expect(Date().timeIntervalSince(start) < 5)
    }

    @Test func deepCommentsAndQuotesStayFast() throws {
        let value = String(repeating: "(", count: 40_000) + String(repeating: "\"", count: 20_001)
        let start = Date()
        _ = try MailParser.parse(Array("From: \(value)\nTo: \(value)\nContent-Type: text/plain; \(value)\n\nx".utf8))
        #expect(Date().timeIntervalSince(start) < 5)
    }
}
