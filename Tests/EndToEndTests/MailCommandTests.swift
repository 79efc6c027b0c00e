import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

// The mail commands as a person (or a mail system) runs them: `intake --mail/--maildir/--mbox`,
// `raw`, `attachment`, `show`, each through the built binary with its own data directory, HOME
// and XDG config, checked through what the commands print and what `export` then holds.

/// Building messages and reading the export, for the mail command tests.
enum MailCommandFixtures {
    /// An RFC 5322 message (LF line ends unless `crlf`), ending in a newline.
    static func message(from: String, to: String = "support@example.test", subject: String, messageID: String?,
                        headers: [String] = [], body: String, crlf: Bool = false) -> Data {
        var lines = ["From: \(from)", "To: \(to)", "Subject: \(subject)", "Date: Tue, 01 Dec 2026 10:02:00 +0100"]
        if let messageID { lines.append("Message-ID: \(messageID)") }
        lines += headers
        lines += ["", body]
        let text = lines.joined(separator: "\n") + "\n"
        return Data((crlf ? text.replacingOccurrences(of: "\n", with: "\r\n") : text).utf8)
    }

    static func messages(_ c: [String: Any]?) -> [[String: Any]] { (c?["messages"] as? [[String: Any]]) ?? [] }
    static func mail(_ m: [String: Any]?) -> [String: Any] { (m?["mail"] as? [String: Any]) ?? [:] }
    static func customerEmail(_ c: [String: Any]?) -> String? { (c?["customer"] as? [String: Any])?["email"] as? String }

    static func write(_ data: Data, to path: String) throws {
        guard FileManager.default.createFile(atPath: path, contents: data) else { throw E2EFailure("cannot write \(path)") }
    }

    static func listing(_ dir: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).sorted()
    }

    /// Starts a program in the background, in a process group of its own (so the test can end
    /// it and its children by that id), with the session's environment and stdio on /dev/null.
    static func spawnInBackground(_ t: TmuxSession, _ executable: String, _ args: [String],
                                  stdout: String = "/dev/null", stderr: String = "/dev/null") throws -> pid_t {
        try TmuxSession.spawn(executable, args, environment: t.environment, stdin: "/dev/null", stdout: stdout, stderr: stderr, ownGroup: true)
    }

    /// Reaps a background child; true when it exited within `timeout`.
    static func reap(_ pid: pid_t, timeout: Double) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        var status: Int32 = 0
        while true {
            let r = waitpid(pid, &status, WNOHANG)
            if r == pid || (r < 0 && errno == ECHILD) { return true }
            if Date() > deadline { return false }
            usleep(50_000)
        }
    }
}

extension FrontlineEndToEnd {
    private typealias F = MailCommandFixtures

    @Test("intake --maildir takes new/ and unseen cur/, marks each seen only once stored, stores nothing twice")
    func maildirIntakeMarksSeenAndDeduplicates() throws {
        let t = try TmuxSession()
        let box = t.root + "/Maildir"
        for d in ["new", "cur", "tmp"] { try FileManager.default.createDirectory(atPath: box + "/" + d, withIntermediateDirectories: true) }
        let senders = ["anna@example.com", "bert@example.com", "cara@example.com", "dirk@example.com", "emil@example.com"]
        let names = ["1764583201.M1P10.host", "1764583202.M2P10.host", "1764583203.M3P10.host",
                     "1764583204.M4P10.host:2,S", "1764583205.M5P10.host:2,F"]
        for i in 0..<5 {
            let folder = i < 3 ? "new" : "cur"
            try F.write(F.message(from: "Person \(i + 1) <\(senders[i])>", subject: "Maildir subject \(i + 1)",
                                  messageID: "<md\(i + 1)@example.com>", body: "Body \(i + 1)"),
                        to: "\(box)/\(folder)/\(names[i])")
        }

        let first = try t.cli("intake", ["--maildir", box])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("4 stored, 0 duplicates, 0 ignored"), "\(first.stdout)")
        #expect(F.listing(box + "/new").isEmpty, "new/ emptied: \(F.listing(box + "/new"))")
        #expect(F.listing(box + "/cur") == [
            "1764583201.M1P10.host:2,S", "1764583202.M2P10.host:2,S", "1764583203.M3P10.host:2,S",
            "1764583204.M4P10.host:2,S", "1764583205.M5P10.host:2,FS",
        ], "\(F.listing(box + "/cur"))")

        var e = try t.exportCases()
        #expect(e.count == 4, "\(e.keys.sorted())")
        let bySubject = Dictionary(e.values.map { (($0["subject"] as? String) ?? "", $0) }, uniquingKeysWith: { a, _ in a })
        for i in [0, 1, 2, 4] {
            let c = bySubject["Maildir subject \(i + 1)"]
            #expect(c != nil, "a case for message \(i + 1): \(bySubject.keys.sorted())")
            #expect(F.customerEmail(c) == senders[i])
            let from = F.mail(F.messages(c).first)["from"] as? [String: Any]
            #expect(from?["address"] as? String == senders[i])
            #expect(from?["name"] as? String == "Person \(i + 1)")
        }
        #expect(bySubject["Maildir subject 4"] == nil, "the message already seen (:2,S) is not taken")

        let again = try t.cli("intake", ["--maildir", box])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stdout.contains("0 stored, 0 duplicates, 0 ignored"), "\(again.stdout)")

        // Delivered twice: the same Message-ID under another file name.
        try F.write(F.message(from: "Person 2 <bert@example.com>", subject: "Maildir subject 2",
                              messageID: "<md2@example.com>", body: "Body 2"),
                    to: box + "/new/1764583206.M6P10.host")
        let dup = try t.cli("intake", ["--maildir", box])
        #expect(dup.status == 0, "\(dup.stderr)")
        #expect(dup.stdout.contains("0 stored, 1 duplicate, 0 ignored"), "\(dup.stdout)")
        #expect(F.listing(box + "/new").isEmpty)
        #expect(F.listing(box + "/cur").contains("1764583206.M6P10.host:2,S"))
        e = try t.exportCases()
        #expect(e.count == 4)
        let all = e.values.flatMap { F.messages($0) }
        #expect(all.count == 4, "one message per case, none twice")
        #expect(all.filter { F.mail($0)["messageId"] as? String == "<md2@example.com>" }.count == 1)
    }

    @Test("intake --maildir on a folder that is no Maildir, and --mbox on a file that is no mbox, fail and name it")
    func maildirIntakeRefusesANonMaildir() throws {
        let t = try TmuxSession()
        let notABox = t.root + "/just-a-folder"
        try FileManager.default.createDirectory(atPath: notABox + "/cur", withIntermediateDirectories: true)
        let r = try t.cli("intake", ["--maildir", notABox])
        #expect(r.status != 0)
        #expect(r.stderr.contains(notABox), "the error names the folder: \(r.stderr)")
        #expect(r.stderr.lowercased().contains("maildir"), "\(r.stderr)")
        #expect(!r.stdout.contains("stored"), "\(r.stdout)")

        // A single message is no mbox: saying "0 of 0" would hide that nothing was imported.
        let single = t.root + "/one.eml"
        try F.write(F.message(from: "a@example.com", subject: "One", messageID: "<one@example.com>", body: "x"), to: single)
        let m = try t.cli("intake", ["--mbox", single])
        #expect(m.status != 0, "not an mbox: \(m.stdout)")
        #expect(m.stderr.contains(single), "the error names the file: \(m.stderr)")
    }

    @Test("intake --mbox unquotes >From lines, takes a message without Message-ID, threads a reply, and skips all on a re-run")
    func mboxIntakeUnquotesAndThreads() throws {
        let t = try TmuxSession()
        let mbox = t.root + "/archive.mbox"
        let text = """
            From anna@example.com Tue Dec  1 10:00:00 2026
            From: Anna Berg <anna@example.com>
            To: support@example.test
            Subject: Order 7 is late
            Message-ID: <first@mbox.example>

            Hello,
            >From the start it was slow.
            >>From x
            Anna

            From bert@example.com Tue Dec  1 10:05:00 2026
            From: Bert <bert@example.com>
            To: support@example.test
            Subject: No id on this one

            Nobody gave me an id.

            From anna@example.com Tue Dec  1 11:00:00 2026
            From: Anna Berg <anna@example.com>
            To: support@example.test
            Subject: Re: Order 7 is late
            Message-ID: <second@mbox.example>
            In-Reply-To: <first@mbox.example>
            References: <first@mbox.example>

            Any news?

            From cara@example.com Tue Dec  1 12:00:00 2026
            From: Cara <cara@example.com>
            To: support@example.test
            Subject: Refund
            Message-ID: <third@mbox.example>

            Please refund.

            """
        try F.write(Data(text.utf8), to: mbox)

        let r = try t.cli("intake", ["--mbox", mbox])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("4 stored, 0 duplicates, 0 ignored of 4 in \(mbox)"), "\(r.stdout)")

        let e = try t.exportCases()
        #expect(e.count == 3, "the reply threads onto the first case: \(e.keys.sorted())")
        let order = try #require(e.values.first { $0["subject"] as? String == "Order 7 is late" })
        let thread = F.messages(order)
        #expect(thread.count == 2)
        let firstBody = (thread.first?["body"] as? String) ?? ""
        let bodyLines = firstBody.components(separatedBy: "\n")
        #expect(bodyLines.contains("From the start it was slow."), "mboxrd unquoting: \(firstBody.debugDescription)")
        #expect(bodyLines.contains(">From x"), "one '>' less: \(firstBody.debugDescription)")
        #expect(!firstBody.contains("From anna@example.com Tue"), "no envelope line in a body")
        #expect(thread.last?["body"] as? String == "Any news?")
        #expect(F.mail(thread.last)["inReplyTo"] as? String == "<first@mbox.example>")

        let noID = try #require(e.values.first { $0["subject"] as? String == "No id on this one" })
        #expect(F.messages(noID).first?["body"] as? String == "Nobody gave me an id.")
        #expect(!((F.mail(F.messages(noID).first)["messageId"] as? String) ?? "").isEmpty, "an id is made up for it")
        #expect(e.values.contains { $0["subject"] as? String == "Refund" && F.customerEmail($0) == "cara@example.com" })

        let again = try t.cli("intake", ["--mbox", mbox])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stdout.contains("0 stored, 4 duplicates, 0 ignored of 4 in \(mbox)"), "\(again.stdout)")
        #expect(try t.exportCases().values.flatMap { F.messages($0) }.count == 4)
    }

    @Test("raw prints the bytes exactly as kept (non-UTF-8 header, CRLF), without a Postfix envelope line; clear errors otherwise")
    func rawGivesTheMessageBytesBack() throws {
        let t = try TmuxSession()
        // Subject and X-Note in bare Latin-1 ("på", "vår" with a 0xE5 byte), which no UTF-8 reader keeps; CRLF line ends.
        let template = F.message(from: "Asa <asa@example.se>", subject: "P@@ svenska", messageID: "<raw1@example.se>",
                                 headers: ["X-Note: v@@r"], body: "Hej\nsecond line", crlf: true)
        let bytes = [UInt8](template).replacing(Array("@@".utf8), with: [0xE5])
        #expect(bytes.contains(0xE5) && !bytes.contains(0xC3))
        let stored = try t.cli("intake", ["--mail"], stdin: Data(bytes))
        #expect(stored.status == 0, "\(stored.stderr)")
        let id = stored.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(id == "C-1000")
        let raw = try t.cli("raw", [id, "1"])
        #expect(raw.status == 0, "\(raw.stderr)")
        #expect([UInt8](raw.stdoutData) == bytes, "raw differs: \(raw.stdoutData.count) bytes vs \(bytes.count)")
        let again = try t.cli("intake", ["--mail"], stdin: Data(bytes))
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stdout == "C-1000 (duplicate: <raw1@example.se> is stored already)\n", "\(again.stdout)")

        // Postfix local(8) pipes start with an mbox envelope line; it is not part of the message.
        let message = [UInt8](F.message(from: "Bert <bert@example.com>", subject: "Via Postfix", messageID: "<raw2@example.com>", body: "Hello"))
        let delivered = Array("From bert@example.com  Tue Dec  1 10:00:00 2026\n".utf8) + message
        let viaPostfix = try t.cli("intake", ["--mail"], stdin: Data(delivered))
        #expect(viaPostfix.status == 0, "\(viaPostfix.stderr)")
        let id2 = viaPostfix.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(id2 == "C-1001")
        let raw2 = try t.cli("raw", [id2, "1"])
        #expect(raw2.status == 0, "\(raw2.stderr)")
        #expect([UInt8](raw2.stdoutData) == message, "kept from the line after the envelope: \(raw2.stdout.prefix(80).debugDescription)")

        // Not mail, and out of range.
        let json = try #require(try t.intake([IntakeLine.asa]).first)
        let notMail = try t.cli("raw", [json, "1"])
        #expect(notMail.status == 1)
        #expect(notMail.stderr.contains("did not arrive as e-mail"), "\(notMail.stderr)")
        #expect(notMail.stdoutData.isEmpty)
        let outOfRange = try t.cli("raw", [id, "5"])
        #expect(outOfRange.status == 1)
        #expect(outOfRange.stderr.contains("\(id) has 1 message, not 5"), "\(outOfRange.stderr)")
        #expect(outOfRange.stdoutData.isEmpty)
    }

    @Test("attachment lists and saves under a safe name only inside DIR, never overwriting and never following a symlink")
    func attachmentsAreSavedSafely() throws {
        let t = try TmuxSession()
        let script = Array("#!/bin/sh\necho pwned\n".utf8)
        let pdf: [UInt8] = Array("%PDF-1.4 räkning\n".utf8) + [0x00, 0xFF, 0x10, 0x80]
        let third = Array("plain text".utf8)   // the line break before a boundary is the boundary's
        let base64 = { (b: [UInt8]) in Data(b).base64EncodedString(options: [.lineLength76Characters, .endLineWithLineFeed]) }
        let body = """
            --XYZ
            Content-Type: text/plain; charset=utf-8

            Four files attached.
            --XYZ
            Content-Type: application/x-sh
            Content-Disposition: attachment; filename="../../etc/evil.sh"
            Content-Transfer-Encoding: base64

            \(base64(script))
            --XYZ
            Content-Type: application/pdf
            Content-Disposition: attachment; filename*=utf-8''%2E%2E%2Fx%2Fr%C3%A4kning.pdf
            Content-Transfer-Encoding: base64

            \(base64(pdf))
            --XYZ
            Content-Type: text/plain
            Content-Disposition: attachment; filename="bad\u{1B}[31mname\u{07}.txt"

            plain text
            --XYZ
            Content-Type: application/octet-stream
            Content-Disposition: attachment; filename*=utf-8''invoice%E2%80%AEfdp.exe
            Content-Transfer-Encoding: base64

            \(base64(Array("MZ".utf8)))
            --XYZ--
            """
        let message = F.message(from: "Mallory <mallory@example.net>", subject: "Files", messageID: "<att@example.net>",
                                headers: ["MIME-Version: 1.0", "Content-Type: multipart/mixed; boundary=\"XYZ\""], body: body)
        let stored = try t.cli("intake", ["--mail"], stdin: message)
        #expect(stored.status == 0, "\(stored.stderr)")

        let list = try t.cli("attachment", ["C-1000", "1"])
        #expect(list.status == 0, "\(list.stderr)")
        let rows = list.stdout.split(separator: "\n").map(String.init)
        #expect(rows.count == 4, "\(list.stdout)")
        #expect(rows.first == "1. ../../etc/evil.sh · application/x-sh · \(script.count) bytes", "\(list.stdout)")
        #expect(rows.dropFirst().first == "2. ../x/räkning.pdf · application/pdf · \(pdf.count) bytes", "\(list.stdout)")
        #expect(rows.dropFirst(2).first?.hasPrefix("3. ") == true && rows.dropFirst(2).first?.contains("name") == true, "\(list.stdout)")
        #expect(!list.stdoutData.contains(0x1B) && !list.stdoutData.contains(0x07), "no control bytes in the list")
        #expect(!list.stdout.unicodeScalars.contains("\u{202E}"), "no bidi override in the list")

        // Export and show --json carry the same list.
        let shown = try t.cli("show", ["C-1000", "--json"])
        #expect(shown.status == 0, "\(shown.stderr)")
        let doc = try JSONSerialization.jsonObject(with: shown.stdoutData) as? [String: Any]
        let atts = (F.mail(F.messages(doc).first)["attachments"] as? [[String: Any]]) ?? []
        #expect(atts.map { $0["name"] as? String } == ["../../etc/evil.sh", "../x/räkning.pdf", "bad\u{1B}[31mname\u{07}.txt", "invoice\u{202E}fdp.exe"])
        #expect(atts.map { $0["size"] as? Int } == [script.count, pdf.count, third.count, 2])
        #expect(atts.first?["type"] as? String == "application/x-sh")

        let parent = t.root + "/saves"
        let dir = parent + "/into"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let save1 = try t.cli("attachment", ["C-1000", "1", "1", "--save", dir])
        #expect(save1.status == 0, "\(save1.stderr)")
        #expect(save1.stdout.contains("as \(dir)/evil.sh"), "\(save1.stdout)")
        #expect(FileManager.default.contents(atPath: dir + "/evil.sh").map { [UInt8]($0) } == script, "decoded content")
        #expect(F.listing(parent) == ["into"], "nothing written outside DIR: \(F.listing(parent))")
        #expect(!FileManager.default.fileExists(atPath: t.root + "/etc/evil.sh"))

        let save2 = try t.cli("attachment", ["C-1000", "1", "1", "--save", dir])
        #expect(save2.status == 0, "\(save2.stderr)")
        #expect(save2.stdout.contains("as \(dir)/evil (2).sh"), "\(save2.stdout)")
        #expect(FileManager.default.contents(atPath: dir + "/evil (2).sh").map { [UInt8]($0) } == script)
        #expect(FileManager.default.contents(atPath: dir + "/evil.sh").map { [UInt8]($0) } == script, "the first is untouched")

        // A link planted under the name the attachment will get.
        let victim = t.root + "/victim.txt"
        try F.write(Data("precious\n".utf8), to: victim)
        #expect(symlink(victim, dir + "/räkning.pdf") == 0)
        let save3 = try t.cli("attachment", ["C-1000", "1", "2", "--save", dir])
        #expect(save3.status == 0, "\(save3.stderr)")
        #expect(!save3.stdout.contains("as \(dir)/räkning.pdf\n"), "not written through the link: \(save3.stdout)")
        #expect(FileManager.default.contents(atPath: victim) == Data("precious\n".utf8), "the link's target is unchanged")
        #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: dir + "/räkning.pdf")) == victim, "the link is left as it was")
        #expect(FileManager.default.contents(atPath: dir + "/räkning (2).pdf").map { [UInt8]($0) } == pdf, "\(F.listing(dir))")

        let save4 = try t.cli("attachment", ["C-1000", "1", "3", "--save", dir])
        #expect(save4.status == 0, "\(save4.stderr)")
        let saved = F.listing(dir).filter { $0.hasSuffix(".txt") }
        #expect(saved.count == 1, "\(F.listing(dir))")
        #expect(saved.first.map { !$0.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F } } == true, "no control characters in \(saved.debugDescription)")
        #expect(saved.first.flatMap { FileManager.default.contents(atPath: dir + "/" + $0) }.map { [UInt8]($0) } == third)
        #expect(F.listing(parent) == ["into"], "\(F.listing(parent))")

        // A right-to-left override would make "invoice‮fdp.exe" look like "invoiceexe.pdf".
        let save5 = try t.cli("attachment", ["C-1000", "1", "4", "--save", dir])
        #expect(save5.status == 0, "\(save5.stderr)")
        #expect(!save5.stdout.unicodeScalars.contains("\u{202E}"), "no bidi override printed: \(save5.stdout.debugDescription)")
        let exe = F.listing(dir).filter { $0.hasSuffix(".exe") }
        #expect(exe == ["invoicefdp.exe"], "format characters dropped from the name: \(exe.map(\.debugDescription))")
        #expect(F.listing(parent) == ["into"], "\(F.listing(parent))")

        let none = try t.cli("attachment", ["C-1000", "1", "5", "--save", dir])
        #expect(none.status != 0)
        #expect(none.stderr.contains("has 4 attachments, not 5"), "\(none.stderr)")
    }

    @Test("intake --mail exits 75 when another process holds the store's lock, and stores the same message once it is free")
    func mailIntakeDefersWhileTheStoreIsBusy() throws {
        let t = try TmuxSession()
        // A first message makes the data directory, as the desk's own.
        let warmUp = try t.cli("intake", ["--mail"], stdin: F.message(from: "a@example.com", subject: "First", messageID: "<busy0@example.com>", body: "x"))
        #expect(warmUp.status == 0, "\(warmUp.stderr)")
        let flock = try TmuxSession.findTool("flock")
        let lock = t.dataDir + "/lock"
        let holder = try F.spawnInBackground(t, flock, [lock, "sleep", "8"])
        defer {
            // Only the group this test started, by its id.
            if !F.reap(holder, timeout: 0) { kill(-holder, SIGKILL); _ = F.reap(holder, timeout: 5) }
        }
        try t.waitUntilTrue("flock to hold \(lock)", timeout: 5) {
            ((try? t.runTool(flock, ["-n", lock, "true"]))?.status ?? 0) != 0
        }
        let message = F.message(from: "Busy Person <busy@example.com>", subject: "Sent while busy", messageID: "<busy1@example.com>", body: "Hello")
        let started = Date()
        let busy = try t.cli("intake", ["--mail"], stdin: message)
        let waited = Date().timeIntervalSince(started)
        #expect(busy.status == 75, "EX_TEMPFAIL: \(busy.status) \(busy.stdout) \(busy.stderr)")
        #expect(waited >= 4 && waited <= 8, "waits about 5 s for the store: \(waited) s")
        #expect(busy.stderr.contains("cannot take mail"), "\(busy.stderr)")
        #expect(busy.stdout.isEmpty, "nothing acknowledged: \(busy.stdout)")

        #expect(F.reap(holder, timeout: 10), "the lock holder ends")
        let later = try t.cli("intake", ["--mail"], stdin: message)
        #expect(later.status == 0, "\(later.stderr)")
        #expect(later.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "C-1001")
        let copies = try t.exportCases().values.flatMap { F.messages($0) }.filter { F.mail($0)["messageId"] as? String == "<busy1@example.com>" }
        #expect(copies.count == 1)
    }

    @Test("mail nested deeper than the MIME limit, or over max_message_mib, is quarantined: a case, the flag, and the exact bytes")
    func unreadableMailIsQuarantined() throws {
        let t = try TmuxSession()
        // 25 multiparts inside each other (the limit is 20 levels).
        var inner = "Content-Type: text/plain\n\nthe bottom\n"
        for level in (1...25).reversed() {
            inner = "Content-Type: multipart/mixed; boundary=\"b\(level)\"\n\n--b\(level)\n\(inner)--b\(level)--\n"
        }
        let deep = Data(("From: Deep <deep@example.com>\nTo: support@example.test\nSubject: Deep\nMessage-ID: <deep@example.com>\nMIME-Version: 1.0\n" + inner).utf8)
        let r = try t.runTool("/usr/bin/env", ["SENDER=deep@example.com", t.binary, "intake", "--mail", "--data-dir", t.dataDir], stdin: deep)
        #expect(r.status == 0, "\(r.stderr)")
        let id = r.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        var e = try t.exportCases()
        let c = try #require(e[id], "\(r.stdout)")
        #expect((c["subject"] as? String)?.hasPrefix("Quarantined mail from ") == true, "\(c["subject"] ?? "")")
        #expect((c["subject"] as? String)?.contains("deep@example.com") == true, "\(c["subject"] ?? "")")
        let q = F.mail(F.messages(c).first)["quarantined"] as? String
        #expect(q?.isEmpty == false, "mail.quarantined is set")
        #expect(q?.contains("20") == true, "the reason names the limit: \(q ?? "nil")")
        let raw = try t.cli("raw", [id, "1"])
        #expect(raw.status == 0, "\(raw.stderr)")
        #expect(raw.stdoutData == deep)

        // Over the configured size limit (1 MiB), but well under what any desk keeps.
        let config = t.root + "/small.toml"
        try F.write(Data("[mail]\nmax_message_mib = 1\n".utf8), to: config)
        let line = String(repeating: "0123456789abcdef", count: 4) + "\n"
        let big = F.message(from: "Big <big@example.com>", subject: "Big one", messageID: "<big@example.com>",
                            body: String(repeating: line, count: (2 << 20) / line.utf8.count))
        #expect(big.count > (2 << 20) - 1024)
        let r2 = try t.cli("intake", ["--mail", "--config", config], stdin: big)
        #expect(r2.status == 0, "\(r2.stderr)")
        let id2 = r2.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        e = try t.exportCases()
        let c2 = try #require(e[id2], "\(r2.stdout)")
        #expect((c2["subject"] as? String)?.hasPrefix("Quarantined mail from ") == true, "\(c2["subject"] ?? "")")
        #expect((F.mail(F.messages(c2).first)["quarantined"] as? String)?.isEmpty == false)
        let raw2 = try t.cli("raw", [id2, "1"])
        #expect(raw2.status == 0, "\(raw2.stderr)")
        #expect(raw2.stdoutData == big, "\(raw2.stdoutData.count) bytes back of \(big.count)")
    }

    @Test("a message over 32 MiB: --mail exits 65 and says so; --maildir --watch leaves it unseen, reports it once and goes on taking mail")
    func mailTooBigForAnyDesk() throws {
        let t = try TmuxSession()
        let line = String(repeating: "x", count: 63) + "\n"
        let huge = F.message(from: "Huge <huge@example.com>", subject: "Huge", messageID: "<huge@example.com>",
                             body: String(repeating: line, count: (33 << 20) / 64))
        #expect(huge.count > 33 << 20)
        let r = try t.cli("intake", ["--mail"], stdin: huge)
        #expect(r.status == 65, "EX_DATAERR: \(r.status) \(r.stderr)")
        #expect(r.stderr.contains("32 MiB"), "\(r.stderr)")
        #expect(!r.stderr.contains("is 32 MiB"), "a 33 MiB message is not \"32 MiB, beyond the 32 MiB\": \(r.stderr)")
        #expect(r.stdout.isEmpty)

        let box = t.root + "/Maildir"
        for d in ["new", "cur", "tmp"] { try FileManager.default.createDirectory(atPath: box + "/" + d, withIntermediateDirectories: true) }
        try F.write(huge, to: box + "/new/1764583201.M1P1.host")
        try F.write(F.message(from: "Small <small@example.com>", subject: "Small", messageID: "<small@example.com>", body: "hi"),
                    to: box + "/new/1764583202.M2P1.host")
        let out = t.root + "/watch.out", err = t.root + "/watch.err"
        let watcher = try F.spawnInBackground(t, t.binary, ["intake", "--maildir", box, "--watch", "--data-dir", t.dataDir, "--agent", t.agent],
                                              stdout: out, stderr: err)
        defer { if !F.reap(watcher, timeout: 0) { kill(-watcher, SIGKILL); _ = F.reap(watcher, timeout: 5) } }
        try t.waitUntilTrue("the small message taken", timeout: 15) { F.listing(box + "/cur").contains("1764583202.M2P1.host:2,S") }
        // Delivered while it watches (tmp/, then new/, as an MTA does): taken on a later pass.
        try F.write(F.message(from: "Late <late@example.com>", subject: "Late", messageID: "<late@example.com>", body: "later"),
                    to: box + "/tmp/1764583203.M3P1.host")
        #expect(rename(box + "/tmp/1764583203.M3P1.host", box + "/new/1764583203.M3P1.host") == 0)
        try t.waitUntilTrue("the late message taken", timeout: 15) { F.listing(box + "/cur").contains("1764583203.M3P1.host:2,S") }
        kill(-watcher, SIGTERM)
        #expect(F.reap(watcher, timeout: 10), "the watcher ends on SIGTERM")
        let printed = (try? String(contentsOfFile: out, encoding: .utf8)) ?? ""
        #expect(printed.contains("C-1000") && printed.contains("C-1001"), "each stored message acknowledged: \(printed)")
        #expect(F.listing(box + "/new") == ["1764583201.M1P1.host"], "the huge one is left unseen")
        let errors = (try? String(contentsOfFile: err, encoding: .utf8)) ?? ""
        let reports = errors.components(separatedBy: "1764583201.M1P1.host").count - 1
        #expect(reports == 1, "reported once, not on every pass: \(reports) times:\n\(errors.prefix(600))")
        #expect(try t.exportCases().count == 2)
    }

    @Test("show prints a mail in full: new text, quoted history, signature, the sender line and the attachments")
    func showPrintsTheWholeMail() throws {
        let t = try TmuxSession()
        let body = """
            --B1
            Content-Type: text/plain; charset=utf-8

            Hej, fakturan stämmer inte.

            On Mon, 30 Nov 2026, Support wrote:
            > Thank you for your order.
            > It ships tomorrow.

            --\u{20}
            Åsa Lindqvist
            Storgatan 1
            --B1
            Content-Type: application/pdf; name="faktura.pdf"
            Content-Disposition: attachment; filename="faktura.pdf"
            Content-Transfer-Encoding: base64

            \(Data(repeating: 0x41, count: 300).base64EncodedString())
            --B1--
            """
        let message = F.message(from: "=?utf-8?q?=C3=85sa_Lindqvist?= <asa@example.se>", subject: "Fakturan", messageID: "<show@example.se>",
                                headers: ["MIME-Version: 1.0", "Content-Type: multipart/mixed; boundary=B1"], body: body)
        let stored = try t.cli("intake", ["--mail"], stdin: message)
        #expect(stored.status == 0, "\(stored.stderr)")
        let show = try t.cli("show", ["C-1000"])
        #expect(show.status == 0, "\(show.stderr)")
        let lines = show.stdout.components(separatedBy: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        for wanted in ["> Thank you for your order.", "> It ships tomorrow.", "Åsa Lindqvist", "Storgatan 1", "--"] {
            #expect(lines.contains(wanted), "show prints \(wanted.debugDescription) in full:\n\(show.stdout)")
        }
        #expect(show.stdout.contains("Hej, fakturan stämmer inte."))
        #expect(!show.stdout.contains("quoted line"), "nothing folded: \(show.stdout)")
        #expect(!show.stdout.contains("⋯ signature"), "\(show.stdout)")
        #expect(lines.contains("from Åsa Lindqvist <asa@example.se>"), "\(show.stdout)")
        #expect(lines.contains { $0.contains("1. faktura.pdf · application/pdf · 300 B") }, "\(show.stdout)")
    }
}
