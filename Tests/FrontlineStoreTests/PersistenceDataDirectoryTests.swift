import Foundation
import FrontlineStore
import Testing
#if canImport(Glibc)
import Glibc
#endif

@Suite struct PersistenceDataDirectoryTests {
    @Test func createdDirectoryAndFilesArePrivate() throws {
        let folder = PersistenceTestFolder()
        defer { folder.remove() }
        let directory = try DataDirectory.prepare(path: folder.path("a/b/data") + "/")
        #expect(directory.path == folder.path("a/b/data"))
        #expect(PersistenceFiles.mode(directory.path) == 0o700)
        #expect(PersistenceFiles.mode(folder.path("a")) == 0o700)

        let lock = try directory.lock(owner: "test")
        let journal = try Journal.open(directory: directory, afterSequence: 0).journal
        _ = try journal.append([[1]])
        try journal.startNewSegment()
        journal.close()
        try SnapshotStore.write([1], sequence: 1, directory: directory)
        for name in PersistenceFiles.names(in: directory) {
            #expect(PersistenceFiles.mode(directory.filePath(name)) == 0o600, "\(name)")
        }
        #expect(PersistenceFiles.names(in: directory).count == 4)  // lock, two segments, snapshot
        lock.release()
    }

    @Test func looseExistingDirectoryIsTightened() throws {
        let folder = PersistenceTestFolder()
        defer { folder.remove() }
        try FileManager.default.createDirectory(atPath: folder.path(), withIntermediateDirectories: false,
                                                attributes: [.posixPermissions: 0o755])
        _ = try folder.prepare()
        #expect(PersistenceFiles.mode(folder.path()) == 0o700)
    }

    @Test(arguments: ["", "/"]) func symlinkedDirectoryIsRefused(suffix: String) throws {
        let folder = PersistenceTestFolder()
        defer { folder.remove() }
        let real = try folder.prepare("real")
        let link = folder.path("link")
        #expect(symlink(real.path, link) == 0)
        let error = #expect(throws: StoreError.self) { try DataDirectory.prepare(path: link + suffix) }
        #expect(error?.kind == .unsafePermissions(path: link))
        #expect(error?.description.contains("symbolic link") == true)
    }

    /// Only the data directory itself must not be a link; a linked parent (say $XDG_DATA_HOME) is fine.
    @Test func symlinkedParentIsAccepted() throws {
        let folder = PersistenceTestFolder()
        defer { folder.remove() }
        try FileManager.default.createDirectory(atPath: folder.path("real-parent"), withIntermediateDirectories: false)
        #expect(symlink(folder.path("real-parent"), folder.path("linked-parent")) == 0)
        let directory = try DataDirectory.prepare(path: folder.path("linked-parent/data"))
        #expect(PersistenceFiles.mode(folder.path("real-parent/data")) == 0o700)
        let journal = try Journal.open(directory: directory, afterSequence: 0).journal
        #expect(try journal.append([[1]]) == 1...1)
        journal.close()
    }

    @Test func directoryOfAnotherUserIsRefused() throws {
        let folder = PersistenceTestFolder()
        defer { folder.remove() }
        let path: String
        if geteuid() == 0 {
            path = folder.path()
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false,
                                                    attributes: [.posixPermissions: 0o755])
            #expect(chown(path, 4242, 4242) == 0)
        } else {
            path = "/"  // owned by root; refused before any chmod is attempted
        }
        let error = #expect(throws: StoreError.self) { try DataDirectory.prepare(path: path) }
        #expect(error?.kind == .unsafePermissions(path: path))
        #expect(error?.description.contains("belongs to uid") == true)
        if geteuid() == 0 { #expect(PersistenceFiles.mode(path) == 0o755, "someone else's directory is left alone") }
    }

    @Test func secondLockIsRefusedNamingTheHolder() throws {
        let folder = PersistenceTestFolder()
        defer { folder.remove() }
        let directory = try folder.prepare()
        let owner = "frontline console, agent alice"
        let lock = try directory.lock(owner: owner)
        #expect(PersistenceFiles.bytes(directory.filePath("lock")) == Array("\(getpid()) \(owner)\n".utf8))
        #expect(PersistenceFiles.mode(directory.filePath("lock")) == 0o600)

        // Same process, separate open(): flock locks still conflict.
        let again = try DataDirectory.prepare(path: directory.path)
        let error = #expect(throws: StoreError.self) { try again.lock(owner: "frontline console, agent bob") }
        #expect(error?.kind == .inUse(pid: getpid(), owner: owner))
        #expect(error?.description == "data directory \(directory.path) is in use by pid \(getpid()) (\(owner)); close that program or use another --data-dir")
        // The refused attempt did not overwrite the holder's name.
        #expect(PersistenceFiles.bytes(directory.filePath("lock")) == Array("\(getpid()) \(owner)\n".utf8))

        lock.release()
        lock.release()  // idempotent
        let second = try again.lock(owner: "frontline console, agent bob")
        #expect(throws: StoreError.self) { try directory.lock(owner: owner) }
        second.release()
    }

    @Test func droppingTheLockReleasesIt() throws {
        let folder = PersistenceTestFolder()
        defer { folder.remove() }
        let directory = try folder.prepare()
        do {
            let lock = try directory.lock(owner: "first")
            _ = lock
        }
        let lock = try directory.lock(owner: "second")
        lock.release()
    }
}
