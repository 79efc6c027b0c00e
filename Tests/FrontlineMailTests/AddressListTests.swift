import Testing
@testable import FrontlineMail

@Suite struct AddressListTests {
    private func one(_ s: String) -> MailAddress? { AddressList.parse(s).first }

    @Test func displayNames() {
        #expect(one("\"Åsa Lindqvist\" <asa@example.se>") == MailAddress(name: "Åsa Lindqvist", address: "asa@example.se"))
        #expect(one("Asa Lindqvist <asa@example.se>") == MailAddress(name: "Asa Lindqvist", address: "asa@example.se"))
        #expect(one("\"Last, First\" <a@b.c>") == MailAddress(name: "Last, First", address: "a@b.c"))
        #expect(one("=?utf-8?q?J=C3=B6?= =?utf-8?q?rg?= <j@x.de>") == MailAddress(name: "Jörg", address: "j@x.de"))
        #expect(one("\"=?utf-8?q?J=C3=B6rg?=\" <j@x.de>") == MailAddress(name: "Jörg", address: "j@x.de"))
    }

    @Test func bareAndCommentedAddresses() {
        #expect(one("a@b.c") == MailAddress(name: nil, address: "a@b.c"))
        #expect(one("<a@b.c>") == MailAddress(name: nil, address: "a@b.c"))
        #expect(one("a@b.c (Anne Person)") == MailAddress(name: nil, address: "a@b.c"))
        #expect(one("Anne (the boss) <a@b.c>") == MailAddress(name: "Anne", address: "a@b.c"))
        #expect(one("<@relay.net:a@b.c>") == MailAddress(name: nil, address: "a@b.c"))
        #expect(one("\"john doe\"@example.com") == MailAddress(name: nil, address: "\"john doe\"@example.com"))
    }

    @Test func listsAndGroupsFlattened() {
        let list = AddressList.parse("A <a@x>, b@y, Team: c@z, \"D, d\" <d@z>;, e@w")
        #expect(list.map(\.address) == ["a@x", "b@y", "c@z", "d@z", "e@w"])
        #expect(list[3].name == "D, d")
        #expect(AddressList.parse("undisclosed-recipients:;").isEmpty)
        #expect(AddressList.parse("").isEmpty)
    }

    @Test func brokenAddressesKeptAsText() {
        #expect(one("just some text") == MailAddress(name: nil, address: "just some text"))
        #expect(AddressList.parse("Foo <a@b.c").first?.address == "a@b.c")
        let weird = AddressList.parse("\"unterminated <x@y>, ((( , <<>>")
        #expect(!weird.isEmpty)
    }
}
