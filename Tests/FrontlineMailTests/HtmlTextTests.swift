import Testing
@testable import FrontlineMail

@Suite struct HtmlTextTests {
    @Test func paragraphsAndBreaks() {
        #expect(HtmlText.text("<p>One</p><p>Two<br>three</p>") == "One\n\nTwo\nthree")
        #expect(HtmlText.text("<div>a</div><div>b</div>") == "a\nb")
        #expect(HtmlText.text("  lots   of\n\n spaces ") == "lots of spaces")
    }

    @Test func lists() {
        #expect(HtmlText.text("<p>Steps:</p><ul><li>Restart</li><li>Retry</li></ul>") == "Steps:\n\n• Restart\n• Retry")
    }

    @Test func links() {
        #expect(HtmlText.text("See <a href=\"https://x.example/a?b=1&amp;c=2\">the docs</a>.") == "See the docs <https://x.example/a?b=1&c=2>.")
        #expect(HtmlText.text("<a href='https://x.example'>https://x.example</a>") == "https://x.example")
        #expect(HtmlText.text("<a href=\"mailto:a@b.c\">a@b.c</a>") == "a@b.c")
    }

    @Test func entities() {
        #expect(HtmlText.text("&lt;b&gt; &amp; &quot;q&quot; &#229; &#xE5; &auml; &euro; &nbsp;x &unknown; &amp") == "<b> & \"q\" å å ä €  x &unknown; &")
        #expect(HtmlText.text("&#150;") == "–")
    }

    @Test func nothingFromScriptStyleHeadTitleComments() {
        let html = "<html><head><title>T</title><style>p{}</style></head><body><!-- hidden --><script>alert(1)</script>Shown<script>never closed"
        #expect(HtmlText.text(html) == "Shown")
        #expect(HtmlText.text("<SCRIPT type=x>a</SCRIPT >b") == "b")
    }

    @Test func brokenMarkupNeverTraps() {
        #expect(HtmlText.text("a < b and <3") == "a < b and <3")
        #expect(HtmlText.text("<p") == "<p")
        _ = HtmlText.text(String(repeating: "<a href=x>", count: 5000))
        _ = HtmlText.text(String(repeating: "<title>", count: 5000))
    }
}
