import Foundation
import FrontlineCore

/// A deterministic mailbox of customer mail for the benchmark: first messages and replies in
/// Swedish, Finnish and English; plain UTF-8, quoted-printable Latin-1, HTML alternatives, a
/// few attachments; replies quote what they answer and carry References.
struct MailCorpus {
    let count: Int
    let seed: UInt64

    static let subjects = ["TV:n luktar bränt", "Tilaus 5512 ei ole saapunut", "Refund for order 4411", "Fel storlek på jackan",
                           "Alennuskoodi puuttuu", "Where is my parcel?", "Kvitto saknas", "Laskussa on virhe", "Broken zip on the bag",
                           "Leveransen är försenad"]
    static let lines = ["Hej, jag beställde en TV förra veckan och nu luktar den bränt när jag slår på den.",
                        "Tilasin takin mutta koko on väärä, voinko vaihtaa sen isompaan?",
                        "I was charged twice for order 4411 and would like one of the charges refunded, please.",
                        "Kan ni skicka ett nytt kvitto? Jag behöver det till garantin.",
                        "Paketti on ollut matkalla kaksi viikkoa eikä seuranta päivity.",
                        "The zip broke on the first day; I have attached a photo of it."]
    static let firstNames = ["Åsa", "Matti", "Emma", "Jukka", "Sofia", "Liam", "Aino", "Erik", "Olivia", "Väinö"]
    static let lastNames = ["Lindqvist", "Virtanen", "Johansson", "Korhonen", "Smith", "Nieminen", "Öberg", "Mäkinen"]

    /// The whole mailbox in mbox format (">From " quoting of body lines).
    func mbox() -> [UInt8] {
        var rng = SeededRandom(seed: seed)
        var out: [UInt8] = []
        out.reserveCapacity(count * 3000)
        var sent: [(id: String, subject: String, from: Int, body: String)] = []
        for i in 0..<count {
            let replying = !sent.isEmpty && Int.random(in: 0..<10, using: &rng) < 3
            let parent = replying ? sent[Int.random(in: 0..<sent.count, using: &rng)] : nil
            let who = parent?.from ?? Int.random(in: 0..<(max(1, count / 4)), using: &rng)
            let first = Self.firstNames[who % Self.firstNames.count], last = Self.lastNames[(who / 10) % Self.lastNames.count]
            let address = "kund\(who)@example.se"
            let subject = parent.map { "Re: \($0.subject)" } ?? Self.subjects[Int.random(in: 0..<Self.subjects.count, using: &rng)]
            var body = (0..<Int.random(in: 2...8, using: &rng)).map { _ in Self.lines[Int.random(in: 0..<Self.lines.count, using: &rng)] }.joined(separator: "\n")
            body += "\nOrder \(100_000 + i)\n\nMvh \(first)"
            if let parent { body += "\n\nDen 1 dec. 2026 skrev Support:\n" + parent.body.split(separator: "\n").map { "> " + $0 }.joined(separator: "\n") }
            let id = "<bench.\(i)@example.se>"
            var headers = [
                "From: \(first) \(last) <\(address)>", "To: support@shop.example", "Subject: \(encodeSubject(subject))",
                "Date: Tue, 1 Dec 2026 \(String(format: "%02d:%02d:%02d", (i / 3600) % 24, (i / 60) % 60, i % 60)) +0100",
                "Message-ID: \(id)", "MIME-Version: 1.0",
            ]
            if let parent { headers += ["In-Reply-To: \(parent.id)", "References: \(parent.id)"] }
            let kind = Int.random(in: 0..<10, using: &rng)
            var message: String
            switch kind {
            case 0..<6:
                message = (headers + ["Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: 8bit", "", body]).joined(separator: "\n")
            case 6..<8:
                let html = "<html><body><p>" + body.replacingOccurrences(of: "\n", with: "<br>\n") + "</p></body></html>"
                message = (headers + ["Content-Type: multipart/alternative; boundary=\"alt\(i)\"", "", "--alt\(i)",
                                      "Content-Type: text/plain; charset=utf-8", "", body, "--alt\(i)", "Content-Type: text/html; charset=utf-8", "",
                                      html, "--alt\(i)--"]).joined(separator: "\n")
            case 8:
                message = (headers + ["Content-Type: text/plain; charset=iso-8859-1", "Content-Transfer-Encoding: quoted-printable", "",
                                      quotedPrintableLatin1(body)]).joined(separator: "\n")
            default:
                let photo = (0..<15_000).map { _ in UInt8.random(in: 0...255, using: &rng) }
                message = (headers + ["Content-Type: multipart/mixed; boundary=\"mix\(i)\"", "", "--mix\(i)",
                                      "Content-Type: text/plain; charset=utf-8", "", body, "--mix\(i)",
                                      "Content-Type: image/jpeg; name=\"foto.jpg\"", "Content-Disposition: attachment; filename=\"foto.jpg\"",
                                      "Content-Transfer-Encoding: base64", "", wrapped(Data(photo).base64EncodedString()), "--mix\(i)--"]).joined(separator: "\n")
            }
            out += Array("From \(address) Tue Dec  1 10:00:00 2026\n".utf8)
            for line in message.split(separator: "\n", omittingEmptySubsequences: false) {
                if line.drop(while: { $0 == ">" }).hasPrefix("From ") { out.append(UInt8(ascii: ">")) }
                out += Array(line.utf8)
                out.append(10)
            }
            out.append(10)
            sent.append((id, parent?.subject ?? subject, who, body))
        }
        return out
    }

    private func encodeSubject(_ s: String) -> String {
        s.unicodeScalars.allSatisfy(\.isASCII) ? s : "=?utf-8?b?" + Data(s.utf8).base64EncodedString() + "?="
    }

    private func quotedPrintableLatin1(_ s: String) -> String {
        var out = ""
        for ch in s.unicodeScalars {
            if ch == "\n" { out += "\n" } else if ch.value < 128 && ch != "=" { out.unicodeScalars.append(ch) }
            else if ch.value < 256 { out += String(format: "=%02X", ch.value) } else { out += "?" }
        }
        return out
    }

    private func wrapped(_ b64: String) -> String {
        var lines: [Substring] = []
        var rest = Substring(b64)
        while !rest.isEmpty { lines.append(rest.prefix(76)); rest = rest.dropFirst(76) }
        return lines.joined(separator: "\n")
    }
}
