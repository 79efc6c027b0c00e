import Foundation
import FrontlineProtocol
#if canImport(Glibc)
import Glibc
#endif

/// One client of the server: its socket, what it has sent so far, what is waiting to be written.
final class ServerConnection {
    /// `awaitingCopy`: subscribed, while the store copy it asked for is being encoded.
    enum Stage { case greeting, ready, awaitingCopy, subscribed, closing }

    let fd: Int32
    let peer: PeerCredentials
    /// The Unix user behind `peer`; the actor of its commands unless it is the server's own user.
    let identity: PeerIdentity
    /// Console, wallboard or one-shot command, as the hello said (wallboards may not act).
    var kind: ClientRole = .command
    var stage: Stage = .greeting
    var decoder = FrameDecoder()
    /// What this console's agent has open (ephemeral; gone with the connection).
    var presence: Presence?
    /// Queued bytes that do not count against the client's bound: the store copy it asked for.
    var allowance = 0
    /// What is queued and not yet written, frame by frame. The store copy goes in as the very
    /// buffer the server keeps, so twenty joining consoles share one 60 MB copy and nothing is
    /// concatenated on the loop (appending it byte by byte took 100 ms at 100,000 cases).
    private(set) var outgoing: [[UInt8]] = []
    /// How much of `outgoing[0]` is already written.
    private var writtenOfFirst = 0
    private(set) var pendingBytes = 0

    init(fd: Int32, peer: PeerCredentials, identity: PeerIdentity) {
        self.fd = fd
        self.peer = peer
        self.identity = identity
    }

    func queue(_ bytes: [UInt8]) {
        guard !bytes.isEmpty else { return }
        outgoing.append(bytes)
        pendingBytes += bytes.count
    }

    /// Writes what the socket takes without waiting. False when the peer is gone (a hard error);
    /// a full socket leaves the rest queued for the next POLLOUT.
    func writeQueued() -> Bool {
        while let first = outgoing.first {
            let offset = writtenOfFirst
            let n = first.withUnsafeBytes { Glibc.send(fd, $0.baseAddress! + offset, $0.count - offset, Int32(MSG_NOSIGNAL)) }
            if n < 0 {
                if errno == EINTR { continue }
                return errno == EAGAIN || errno == EWOULDBLOCK
            }
            writtenOfFirst += n
            pendingBytes -= n
            if writtenOfFirst == first.count {
                outgoing.removeFirst()
                writtenOfFirst = 0
            }
        }
        allowance = 0
        return true
    }

    /// Everything still unwritten, as one buffer, and the queue emptied (for a connection that
    /// leaves the loop for a thread of its own).
    func takeUnsent() -> [UInt8] {
        var unsent: [UInt8] = []
        unsent.reserveCapacity(pendingBytes)
        for (index, chunk) in outgoing.enumerated() { unsent += chunk[(index == 0 ? writtenOfFirst : 0)...] }
        outgoing = []
        writtenOfFirst = 0
        pendingBytes = 0
        return unsent
    }
}
