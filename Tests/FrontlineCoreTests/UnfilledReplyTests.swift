import Foundation
import Testing
@testable import FrontlineCore

/// A reply with a template's seams showing is stopped before it goes.
@Suite struct UnfilledReplyTests {
    @Test(arguments: [
        ("Hej {first_name},\nTack!", "line 1 still has {first_name} unfilled"),
        ("Hi Tom,\nYour case is {case}.", "line 2 still has {case} unfilled"),
        ("Hi ,\nthanks for writing", "line 1 greets nobody (\"Hi ,\"): the name is missing"),
        ("Hej !", "line 1 greets nobody (\"Hej !\"): the name is missing"),
        ("Hei ,\nkiitos", "line 1 greets nobody (\"Hei ,\"): the name is missing"),
    ] as [(String, String)])
    func stopped(body: String, problem: String) {
        #expect(UnfilledReply.problem(in: body) == problem)
    }

    @Test(arguments: [
        "Hi Tom, thanks for writing.", "Hi, thanks for writing.", "Hej Åsa!", "Hei Mikko,\nkiitos", "{\"order\": 5512}",
        "> Hi ,\nThat line is the customer's.", "Use the code {} at checkout", "Dear Ms Smith,",
    ])
    func sent(body: String) {
        #expect(UnfilledReply.problem(in: body) == nil, "\(body)")
    }

    @Test func theStoreRefusesItOnEveryPath() throws {
        var b = DeskBuilder()
        let id = try b.open("Tom", subject: "Refund")
        do {
            try b.run(.reply(id, body: "Hi {first_name}, your refund is on its way."))
            Issue.record("sent with a placeholder")
        } catch let error as CommandError {
            #expect(error.description == "not sent: line 1 still has {first_name} unfilled")
        }
        #expect(b.desk.cases[id]?.messages.count == 1)
    }
}
