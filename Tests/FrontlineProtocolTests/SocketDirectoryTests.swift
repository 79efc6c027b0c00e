import Glibc
import Testing
@testable import FrontlineProtocol

/// A fresh directory under /tmp standing in for a data directory; removed afterwards.
private func withDataDirectory(_ body: (String) throws -> Void) throws {
    var template = Array("/tmp/frontline-proto-XXXXXX".utf8CString)
    let made = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
    let base = try #require(made.map { String(cString: $0) })
    defer { _ = system("rm -rf '\(base)'") }
    try body(base)
}

private func mode(_ path: String) -> (type: UInt32, permissions: UInt32, gid: UInt32) {
    var info = stat()
    #expect(lstat(path, &info) == 0)
    return (UInt32(info.st_mode) & UInt32(S_IFMT), UInt32(info.st_mode) & 0o7777, UInt32(info.st_gid))
}

@Suite struct SocketDirectoryTests {
    @Test func createsAPrivateDirectoryDespiteTheUmask() throws {
        try withDataDirectory { base in
            let old = umask(0)
            defer { umask(old) }
            let dir = try SocketDirectory.prepare(dataDirectory: base)
            #expect(dir.path == base + "/run")
            #expect(dir.socketPath() == base + "/run/frontline.sock")
            let m = mode(dir.path)
            #expect(m.type == UInt32(S_IFDIR))
            #expect(m.permissions == 0o700)
        }
    }

    @Test func acceptsItsOwnExisting0700Directory() throws {
        try withDataDirectory { base in
            let first = try SocketDirectory.prepare(dataDirectory: base)
            let second = try SocketDirectory.prepare(dataDirectory: base + "/")
            #expect(first == second)
        }
    }

    @Test func createsA0770DirectoryForATeamGroup() throws {
        try withDataDirectory { base in
            let group = UInt32(getgid())
            let dir = try SocketDirectory.prepare(dataDirectory: base, group: group)
            let m = mode(dir.path)
            #expect(m.permissions == 0o770)
            #expect(m.gid == group)
            // The same directory is not acceptable as a private one: the group could get in.
            #expect(throws: SocketDirectoryError.unsafeMode(path: dir.path, mode: 0o770, expected: 0o700)) {
                try SocketDirectory.prepare(dataDirectory: base)
            }
        }
    }

    @Test func refusesASymlinkEvenToAGoodDirectory() throws {
        try withDataDirectory { base in
            #expect(mkdir(base + "/elsewhere", 0o700) == 0)
            #expect(symlink(base + "/elsewhere", base + "/run") == 0)
            let error = try #require(throws: SocketDirectoryError.self) {
                try SocketDirectory.prepare(dataDirectory: base)
            }
            #expect(error == .symlink(path: base + "/run"))
            #expect(error.description.contains("symbolic link"))
            #expect(error.description.contains("rm \(base)/run"))
        }
    }

    @Test func refusesAFile() throws {
        try withDataDirectory { base in
            let fd = open(base + "/run", O_CREAT | O_WRONLY, 0o600)
            #expect(fd >= 0)
            close(fd)
            let error = try #require(throws: SocketDirectoryError.self) {
                try SocketDirectory.prepare(dataDirectory: base)
            }
            #expect(error == .notADirectory(path: base + "/run"))
            #expect(error.description.contains("not a directory"))
        }
    }

    @Test func refusesAWorldWritableDirectoryAndSaysHowToFixIt() throws {
        try withDataDirectory { base in
            let path = base + "/run"
            #expect(mkdir(path, 0o700) == 0)
            #expect(chmod(path, 0o777) == 0)
            let error = try #require(throws: SocketDirectoryError.self) {
                try SocketDirectory.prepare(dataDirectory: base)
            }
            #expect(error == .unsafeMode(path: path, mode: 0o777, expected: 0o700))
            #expect(error.description.contains("chmod 700 \(path)"))
            // It refused rather than silently repairing: the mode is untouched.
            #expect(mode(path).permissions == 0o777)
        }
    }

    @Test func refusesADirectoryWithTheWrongGroup() throws {
        try withDataDirectory { base in
            _ = try SocketDirectory.prepare(dataDirectory: base, group: UInt32(getgid()))
            let other = UInt32(getgid()) &+ 4242
            #expect(throws: SocketDirectoryError.wrongGroup(path: base + "/run", group: UInt32(getgid()), expected: other)) {
                try SocketDirectory.prepare(dataDirectory: base, group: other)
            }
        }
    }

    @Test(.enabled(if: getuid() == 0, "needs root to give the directory to another user"))
    func refusesADirectoryOwnedBySomeoneElse() throws {
        try withDataDirectory { base in
            let path = base + "/run"
            #expect(mkdir(path, 0o700) == 0)
            #expect(chown(path, 65534, gid_t.max) == 0)
            let error = try #require(throws: SocketDirectoryError.self) {
                try SocketDirectory.prepare(dataDirectory: base)
            }
            #expect(error == .wrongOwner(path: path, owner: 65534, expected: 0))
            #expect(error.description.contains("uid 65534"))
        }
    }

    @Test func reportsAMissingDataDirectory() {
        #expect(throws: SocketDirectoryError.system(path: "/nonexistent-frontline/run", operation: "mkdir", errno: ENOENT)) {
            try SocketDirectory.prepare(dataDirectory: "/nonexistent-frontline")
        }
    }
}
