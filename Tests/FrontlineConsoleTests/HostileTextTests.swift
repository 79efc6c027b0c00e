import Foundation
import FrontlineCore
import FrontlineTUI
import Testing
@testable import FrontlineConsole

/// Customer text is hostile: whatever it holds, no control character reaches a cell and the
/// layout does not move.
@Suite struct HostileTextTests {
    static let attacks = [
        "\u{1B}]0;pwned\u{07}title", "\u{1B}]52;c;cHduZWQ=\u{07}clip", "\u{1B}]8;;http://evil\u{1B}\\link\u{1B}]8;;\u{1B}\\",
        "\u{1B}[2J\u{1B}[Hclear", "\u{1B}P+q544e\u{1B}\\dcs", "\u{9B}31mC1", "abc\u{202E}gnp.exe", "zero\u{200D}\u{200B}\u{FEFF}width",
        "Z" + String(repeating: "\u{0301}", count: 60) + "algo", "tab\there\r\nline", "bell\u{07}\u{08}\u{7F}",
    ]

    @Test func attackStringsRenderAsHarmlessTextInEveryPane() throws {
        let clock = ManualClock(t0)
        let s = InMemoryCaseService(clock: clock)
        for (i, attack) in Self.attacks.enumerated() {
            try s.open("Eve \(attack)", email: "eve\(i)@example.com", subject: "Subj \(attack)", body: "Body \(attack)\n" + String(repeating: "x", count: 5000) + attack, minutesAgo: Double(10 + i))
        }
        let (app, _, _) = makeApp(s, clock: clock)
        let reference = app.frame()
        for _ in Self.attacks {
            let g = app.frame()
            for y in 0..<g.height {
                for x in 0..<g.width {
                    for scalar in g[x, y].text.unicodeScalars {
                        let v = scalar.value
                        #expect(!(v < 0x20 || v == 0x7F || (0x80...0x9F).contains(v)), "control U+\(String(v, radix: 16)) at \(x),\(y)")
                        #expect(!([0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x061C, 0x200E, 0x200F].contains(v) || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v)),
                                "invisible U+\(String(v, radix: 16)) at \(x),\(y)")
                    }
                }
                // The frame is intact: both vertical borders in place on every pane row.
                if y > 0 && y < g.height - 2 {
                    #expect(g[0, y].text == "│" || g[0, y].text == "├", "left border broken on row \(y)")
                    #expect(g[g.width - 1, y].text == "│" || g[g.width - 1, y].text == "┤", "right border broken on row \(y)")
                }
            }
            #expect(g.lines().allSatisfy { DisplayWidth.of($0) <= g.width })
            #expect(g[g.width - 1, 0] == reference[g.width - 1, 0])
            app.type(.character("j"))
        }
    }
}
