import Glibc
import Testing
@testable import FrontlineProtocol

@Suite struct PeerCredentialsTests {
    @Test func socketpairPeerIsThisProcess() throws {
        var fds: [Int32] = [-1, -1]
        #expect(socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0, &fds) == 0)
        defer { close(fds[0]); close(fds[1]) }
        for fd in fds {
            let peer = try PeerCredentials.of(socket: fd)
            #expect(peer.uid == UInt32(getuid()))
            #expect(peer.pid == getpid())
            #expect(peer.gid == UInt32(getgid()))
        }
    }

    @Test func notASocketIsAnError() throws {
        var fds: [Int32] = [-1, -1]
        #expect(pipe(&fds) == 0)
        defer { close(fds[0]); close(fds[1]) }
        let error = try #require(throws: PeerCredentialsError.self) {
            try PeerCredentials.of(socket: fds[0])
        }
        #expect(error.errno == ENOTSOCK)
        #expect(error.description.contains("SO_PEERCRED"))
        #expect(throws: PeerCredentialsError(errno: EBADF)) { try PeerCredentials.of(socket: -1) }
    }
}
