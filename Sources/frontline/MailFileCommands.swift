import ArgumentParser
import Foundation
import FrontlineConsole
import FrontlineCore
import FrontlineMail
import FrontlineMailDesk
import FrontlineStore
import FrontlineTUI
#if canImport(Glibc)
import Glibc
#endif

/// The message as it arrived: a message a better parser can re-read, byte for byte.
struct RawCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "raw",
        abstract: "Print the raw bytes of a customer's e-mail, exactly as it arrived.",
        discussion: "MESSAGE counts the case's messages from 1 as `show` lists them. The bytes are kept 0600 in <data dir>/mail/raw; printing them to a terminal shows control characters as ^X instead (use a pipe for the bytes).")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The case id, e.g. C-1042.") var caseID: String
    @Argument(help: "The message number on the case (1 = the first).") var message: Int

    func run() throws {
        let bytes = try MailFiles(global: global).raw(caseID: caseID, message: message)
        if isatty(STDOUT_FILENO) == 1 {
            print(TextSanitiser.sanitise(bytes: bytes))
        } else {
            FileHandle.standardOutput.write(Data(bytes))
        }
    }
}

/// Lists or saves the attachments of a customer's e-mail; never opens them.
struct AttachmentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "attachment",
        abstract: "List or save the attachments of a customer's e-mail.",
        discussion: "Without N, lists them. With N and --save DIR, writes that attachment into DIR under its own name made safe (no folders, no leading dot, no control characters); an existing file is never overwritten: the name gets a number instead.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The case id, e.g. C-1042.") var caseID: String
    @Argument(help: "The message number on the case (1 = the first).") var message: Int
    @Argument(help: "The attachment number (1 = the first), to save.") var number: Int?
    @Option(help: ArgumentHelp("The folder to save into.", valueName: "DIR")) var save: String?

    func run() throws {
        let files = MailFiles(global: global)
        let parsed = try MailParser.parse(try files.raw(caseID: caseID, message: message), limits: MailLimits(maxMessageBytes: Int.max, maxHeaderBytes: Int.max))
        guard let number else {
            if parsed.attachments.isEmpty { print("\(caseID) message \(message) has no attachments") }
            for (i, a) in parsed.attachments.enumerated() {
                print("\(i + 1). \(TextSanitiser.singleLine(a.name)) · \(TextSanitiser.singleLine(a.type)) · \(a.size) bytes\(a.inline ? " · inline" : "")")
            }
            return
        }
        guard let dir = save else { throw CleanExit.failure("give --save DIR to save attachment \(number)") }
        guard number >= 1, number <= parsed.attachments.count else {
            throw CleanExit.failure("\(caseID) message \(message) has \(parsed.attachments.count) attachment\(parsed.attachments.count == 1 ? "" : "s"), not \(number)")
        }
        let a = parsed.attachments[number - 1]
        let path = try AttachmentSaving.save(a.content, suggestedName: a.name, into: dir)
        print("saved \(TextSanitiser.singleLine(a.name)) as \(TextSanitiser.singleLine(path))")
    }
}

/// Reading the raw messages kept in the data directory.
struct MailFiles {
    let global: GlobalOptions

    /// The console's `:save N [DIR]`: the attachment re-read from the raw message and saved.
    static func attachmentSaver(dataDirectory: String, store config: StoreConfig?) -> @Sendable (SupportCase, Int, Int, String) throws -> String {
        let source = RawMailSource(dataDirectory: dataDirectory, store: config)
        return { c, message, index, dir in
            guard let key = c.messages[message].mail?.raw else { throw CleanExit.failure("that message has no raw bytes kept") }
            guard let bytes = try source.bytes(key) else { throw CleanExit.failure("the raw message of \(c.id) is missing from \(source.places)") }
            let parsed = try MailParser.parse(bytes, limits: MailLimits(maxMessageBytes: Int.max, maxHeaderBytes: Int.max))
            guard index < parsed.attachments.count else { throw CleanExit.failure("the message has \(parsed.attachments.count) attachments now") }
            let a = parsed.attachments[index]
            let path = try AttachmentSaving.save(a.content, suggestedName: a.name, into: dir)
            return "saved \(TextSanitiser.singleLine(a.name)) as \(TextSanitiser.singleLine(path))"
        }
    }

    func raw(caseID: CaseID, message: Int) throws -> [UInt8] {
        let store = try global.openService(owner: "frontline raw")
        let desk = store.desk
        store.close()
        guard let c = desk.cases[caseID] else { throw CleanExit.failure("no case \(caseID)") }
        guard message >= 1, message <= c.messages.count else {
            throw CleanExit.failure("\(caseID) has \(c.messages.count) message\(c.messages.count == 1 ? "" : "s"), not \(message)")
        }
        guard let key = c.messages[message - 1].mail?.raw else {
            throw CleanExit.failure("message \(message) of \(caseID) did not arrive as e-mail, so there are no raw bytes")
        }
        let source = RawMailSource(dataDirectory: global.resolvedDataDir, store: try global.loadConfig().store)
        do {
            guard let bytes = try source.bytes(key) else {
                throw CleanExit.failure("the raw message \(key) of \(caseID) is missing from \(source.places)")
            }
            return bytes
        } catch let e as CleanExit.Failure {
            throw e
        } catch {
            throw CleanExit.failure("cannot read the raw message of \(caseID) (\(error)); run this as the user that owns the data directory")
        }
    }
}

/// Writing an attachment under a name that can only be a file in the chosen folder.
enum AttachmentSaving {
    /// "../../etc/passwd" → "passwd"; ".bashrc" → "bashrc"; control characters and slashes go.
    static func safeName(_ name: String) -> String {
        let last = name.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        // Format characters (bidi overrides, zero-width) go too: "invoice\u{202E}fdp.exe" would
        // show as "invoiceexe.pdf" in a file manager.
        var cleaned = String(last.unicodeScalars.filter { scalar in
            scalar.value >= 0x20 && !(0x7F...0x9F).contains(scalar.value) && scalar != ":"
                && ![.format, .lineSeparator, .paragraphSeparator].contains(scalar.properties.generalCategory)
        }.map(Character.init))
        while cleaned.hasPrefix(".") || cleaned.hasPrefix(" ") { cleaned.removeFirst() }
        cleaned = String(cleaned.prefix(200)).trimmingCharacters(in: .whitespaces)
        return cleaned.isEmpty ? "attachment" : cleaned
    }

    /// Creates the file exclusively (never overwriting, never following a link); "name (2).pdf" when taken.
    static func save(_ bytes: [UInt8], suggestedName: String, into dir: String) throws -> String {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: dir, isDirectory: &isFolder), isFolder.boolValue else {
            throw CleanExit.failure("there is no folder \"\(TextSanitiser.singleLine(dir))\" to save into")
        }
        let name = safeName(suggestedName)
        let ext = (name as NSString).pathExtension
        let stem = (name as NSString).deletingPathExtension
        for n in 1...1000 {
            let candidate = n == 1 ? name : "\(stem) (\(n))" + (ext.isEmpty ? "" : ".\(ext)")
            let path = (dir as NSString).appendingPathComponent(candidate)
            let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
            if fd < 0 {
                if errno == EEXIST { continue }
                throw CleanExit.failure("cannot create \(path): \(String(cString: strerror(errno)))")
            }
            defer { close(fd) }
            guard DescriptorWrite.all(bytes, to: fd) else { throw CleanExit.failure("cannot write \(path): \(String(cString: strerror(errno)))") }
            return path
        }
        throw CleanExit.failure("\(dir) already has 1000 files named like \(name)")
    }
}
