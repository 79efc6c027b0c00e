import Foundation
import FrontlineCore

/// Writes a draft to a private temp file, runs `$VISUAL`/`$EDITOR` (vi if neither) on it, reads it back.
public enum ExternalEditor {
    public struct Failure: Error, CustomStringConvertible { public let description: String }

    public static func command(environment: [String: String]) -> String {
        for key in ["VISUAL", "EDITOR"] {
            if let v = environment[key], !v.trimmingCharacters(in: .whitespaces).isEmpty { return v }
        }
        return "vi"
    }

    /// Returns the edited text, or throws with what went wrong (the draft is then unchanged).
    public static func edit(_ text: String, caseID: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("frontline-\(getuid())-\(UUID().uuidString)")
        // The draft may hold customer PII: a private directory and file.
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("reply-\(caseID).txt")
        guard FileManager.default.createFile(atPath: file.path, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600]) else {
            throw Failure(description: Words.messages.couldNotWriteDraft(UILanguage.current, ["path": file.path]))
        }
        let editor = command(environment: environment)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/sh")
        // The editor command may carry arguments ("code --wait"): let the shell split it.
        p.arguments = ["-c", editor + " \"$1\"", "frontline-editor", file.path]
        do {
            try p.run()
        } catch {
            throw Failure(description: Words.messages.couldNotStartEditor(UILanguage.current, ["error": "\(error)", "editor": editor]))
        }
        p.waitUntilExit()
        guard p.terminationStatus == 0 else {
            throw Failure(description: Words.messages.editorExited(UILanguage.current, ["status": "\(p.terminationStatus)", "editor": editor]))
        }
        guard let data = FileManager.default.contents(atPath: file.path) else {
            throw Failure(description: Words.messages.editedFileGone(UILanguage.current, ["path": file.path]))
        }
        var edited = String(decoding: data, as: UTF8.self)
        while edited.hasSuffix("\n") { edited.removeLast() }
        return edited
    }
}
