import Foundation
import FrontlineProtocol

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
    /// Bytes not yet written; the server never waits on a client, it only queues (bounded).
    var outgoing: [UInt8] = []
    /// What this console's agent has open (ephemeral; gone with the connection).
    var presence: Presence?
    var written = 0
    /// Queued bytes that do not count against the client's bound: the store copy it asked for.
    var allowance = 0

    init(fd: Int32, peer: PeerCredentials, identity: PeerIdentity) {
        self.fd = fd
        self.peer = peer
        self.identity = identity
    }

    var pendingBytes: Int { outgoing.count - written }

    func queue(_ frame: [UInt8]) {
        outgoing += frame
    }

    /// Called once everything queued is written: forget it, and give back a large buffer (a
    /// store copy is ~60 MB at 100,000 cases; twenty idle consoles must not each keep one).
    func sent() {
        guard written == outgoing.count else { return }
        if outgoing.capacity > 1 << 20 { outgoing = [] } else { outgoing.removeAll(keepingCapacity: true) }
        written = 0
        allowance = 0
    }
}
