import Foundation
import Testing
@testable import FrontlineMailDesk

@Suite struct TransportTests {
    func temporaryDirectory() throws -> String {
        let path = NSTemporaryDirectory() + "frontline-outbox-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// A script standing in for sendmail: saves stdin, says something on stderr, exits `code`.
    /// A fake sendmail as `sh -c`: no script file is written and then run, because an executable
    /// written while another test thread forks can be "text file busy" at its exec.
    func sendmail(_ dir: String, exitCode: Int32) -> [String] {
        ["/bin/sh", "-c", "cat > '\(dir)/got.eml'; echo 'queue file write error' >&2; exit \(exitCode)"]
    }

    @Test func maildirDeliveryWritesOnePrivateFileIntoNew() throws {
        let dir = try temporaryDirectory()
        let box = dir + "/outbox"
        let t = MaildirTransport(path: box)
        #expect(t.send(Array("Subject: hi\n\nbody\n".utf8)) == .accepted)
        #expect(t.send(Array("Subject: two\n\nbody\n".utf8)) == .accepted)
        let names = try FileManager.default.contentsOfDirectory(atPath: box + "/new").sorted()
        #expect(names.count == 2)
        #expect(try FileManager.default.contentsOfDirectory(atPath: box + "/tmp").isEmpty)
        let attributes = try FileManager.default.attributesOfItem(atPath: box + "/new/" + names[0])
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        let texts = try names.map { try String(contentsOfFile: box + "/new/" + $0, encoding: .utf8) }
        #expect(Set(texts) == ["Subject: hi\n\nbody\n", "Subject: two\n\nbody\n"])
    }

    @Test func sendmailExitCodesDecideTheOutcome() throws {
        let dir = try temporaryDirectory()
        let message = Array("To: a@b\nSubject: x\n\nhello\n".utf8)
        #expect(SendmailTransport(command: sendmail(dir, exitCode: 0)).send(message) == .accepted)
        #expect(try String(contentsOfFile: dir + "/got.eml", encoding: .utf8) == "To: a@b\nSubject: x\n\nhello\n")
        guard case let .temporaryFailure(why) = SendmailTransport(command: sendmail(dir, exitCode: 75)).send(message) else {
            Issue.record("exit 75 must be temporary"); return
        }
        #expect(why.contains("exited 75") && why.contains("queue file write error"))
        guard case let .permanentFailure(perm) = SendmailTransport(command: sendmail(dir, exitCode: 67)).send(message) else {
            Issue.record("exit 67 must be permanent"); return
        }
        #expect(perm.contains("exited 67"))
        guard case .temporaryFailure = SendmailTransport(command: [dir + "/no-such-program"]).send(message) else {
            Issue.record("a missing program must be temporary (it may be installed)"); return
        }
    }

    @Test func aHungSendmailIsStoppedAndRetriedLater() throws {
        guard case let .temporaryFailure(why) = SendmailTransport(command: ["/bin/sh", "-c", "exec sleep 30"], timeout: 0.3).send(Array("x".utf8)) else {
            Issue.record("a hang must be temporary"); return
        }
        #expect(why.contains("did not finish"))
    }
}
