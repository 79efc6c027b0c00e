import Foundation

/// A still picture of the journal, so a long read (`export --events` on a running server) need
/// not hold up the store: hard links to the segments, which never change once written (a
/// snapshot only renames them into archive/), and a copy of the live segment as far as it is
/// written. Made while the store is at rest; read afterwards at leisure; then removed.
enum JournalFreeze {
    static let folderPrefix = ".export-"

    static func make(of directory: DataDirectory) throws -> DataDirectory {
        let path = directory.filePath(folderPrefix + UUID().uuidString)
        let frozen = try DataDirectory.prepare(path: path)
        do {
            let archivePath = directory.filePath(JournalHistory.archiveFolder)
            if (try? PosixFile.linkStatus(archivePath)) != nil {
                let archive = try DataDirectory.prepare(path: archivePath)
                let copy = try DataDirectory.prepare(path: frozen.filePath(JournalHistory.archiveFolder))
                for name in try JournalSegmentName.list(in: archive) {
                    try linkFile(archive.filePath(name.fileName), copy.filePath(name.fileName))
                }
            }
            let live = try JournalSegmentName.list(in: directory)
            for (i, name) in live.enumerated() {
                let source = directory.filePath(name.fileName), target = frozen.filePath(name.fileName)
                if i == live.count - 1 {
                    // The one still being appended to: its bytes now, nothing written later.
                    let fd = try PosixFile.createExclusive(target)
                    defer { PosixFile.close(fd) }
                    try PosixFile.writeAll(fd, try PosixFile.readAll(source), path: target)
                } else {
                    try linkFile(source, target)
                }
            }
        } catch {
            remove(frozen)
            throw error
        }
        return frozen
    }

    static func remove(_ frozen: DataDirectory) {
        try? FileManager.default.removeItem(atPath: frozen.path)
    }

    /// Pictures left by a process that died mid-export (only the store's owner calls this).
    static func removeLeftovers(in directory: DataDirectory) {
        for entry in (try? PosixFile.entries(ofDirectory: directory.path)) ?? [] where entry.hasPrefix(folderPrefix) {
            try? FileManager.default.removeItem(atPath: directory.filePath(entry))
        }
    }

    private static func linkFile(_ source: String, _ target: String) throws {
        guard link(source, target) == 0 else {
            throw StoreError.io("link", path: target, errno: errno)
        }
    }
}
