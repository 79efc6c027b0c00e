import Foundation
import FrontlineCore
import FrontlineStore
import Testing

extension ServiceStoreSuites {
    @Suite struct ServiceCloseTests {
        @Test func closingTwiceIsHarmlessAndReleasesTheDirectory() throws {
            let folder = ServiceTestFolder("close")
            defer { folder.remove() }
            let store = try LocalCaseService(path: folder.path(), owner: "close test", clock: ManualClock(serviceEpoch), snapshotInterval: 4)
            for i in 0..<6 {
                try store.perform(.receive(IncomingMessage(customerName: "C\(i)", customerEmail: "", language: "en", subject: "s", body: "b")), actor: "t")
            }
            let desk = store.desk
            store.close()
            store.close()
            #expect(throws: (any Error).self) { try store.perform(.solve("C-1000"), actor: "t") }
            let reopened = try LocalCaseService(path: folder.path(), owner: "close test 2", clock: ManualClock(serviceEpoch))
            #expect(reopened.desk == desk)
            reopened.close()
        }
    }
}
