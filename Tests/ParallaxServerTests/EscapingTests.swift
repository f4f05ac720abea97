import Foundation
import HummingbirdTesting
import Testing
import TestSupport
@testable import ParallaxServer

/// Article text is untrusted: on every page it is text, never markup, and only http(s)
/// URLs become links.
@Suite struct EscapingTests {
    static let script = "<script>alert(1)</script>"
    static let image = "<img src=x onerror=alert(1)>"
    static let scriptURL = "javascript:alert(1)"

    static func hostileArticle() -> [String: Any] {
        [
            "title": "Harbour council vote \(script) and \(image)",
            "text": """
                The harbour council voted on Tuesday to close the old ferry pier \(script) after an inspection found corroded piles.

                Residents \(image) asked for a temporary landing stage while the pier is rebuilt, the council said.
                """,
            "url": scriptURL,
            "published": "2026-03-10",
        ]
    }

    static func assertInert(_ html: String, page: String) {
        #expect(!html.contains(script), "raw <script> payload on \(page)")
        #expect(!html.contains(image), "raw <img> payload on \(page)")
        #expect(!html.lowercased().contains("<script"), "a script element on \(page)")
        #expect(!html.lowercased().contains("href=\"javascript:"), "a javascript: link on \(page)")
        #expect(!html.lowercased().contains("<img"), "an image element on \(page)")
    }

    @Test func hostileArticleRendersAsTextEverywhere() async throws {
        try await TestServer().test { client in
            let posted = try await client.postJSON(Self.hostileArticle())
            #expect(posted.status == .created)
            let story = try #require(posted.json["storyID"] as? Int)
            // The same payloads as a source name and in a search query.
            let named = try await client.post("/api/articles?source=\(HTML.queryValue(Self.script))",
                                              contentType: "text/plain; charset=utf-8",
                                              body: Array("Quay closure \(Self.image)\n\nThe ferry operator said crossings resume from the new quay next week, \(Self.script) weather permitting.".utf8))
            #expect(named.status == .created)

            let pages = [
                "/", "/stories/\(story)", "/stories/\(named.json["storyID"] as? Int ?? 0)",
                "/search?q=harbour", "/search?q=\(HTML.queryValue(Self.script))", "/search?q=onerror",
                "/\(HTML.queryValue(Self.script))",
            ]
            for page in pages {
                let response = try await client.get(page)
                #expect(response.headers[.contentType]?.hasPrefix("text/html") == true, "\(page)")
                Self.assertInert(response.text, page: page)
            }
            // The payload is shown, as text.
            let storyPage = try await client.get("/stories/\(story)").text
            #expect(storyPage.contains(HTML.escape(Self.script)))
            #expect(storyPage.contains(HTML.escape(Self.image)))
            #expect(storyPage.contains(HTML.escape(Self.scriptURL)))
            let list = try await client.get("/").text
            #expect(list.contains(HTML.escape(Self.script)))
            let search = try await client.get("/search?q=\(HTML.queryValue(Self.script))").text
            #expect(search.contains("value=\"\(HTML.escape(Self.script))\""))
            // Pages forbid scripts outright, should escaping ever miss something.
            let csp = try await client.get("/").headers[.contentSecurityPolicy] ?? ""
            #expect(csp.contains("default-src 'none'") && !csp.contains("script-src"))
        }
    }

    @Test func escapingAndLinks() {
        #expect(HTML.escape("<a href=\"x\">Tom & Jerry's</a>") == "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;")
        #expect(HTML.escape("bell\u{7}") == "bell ")
        #expect(HTML.link("javascript:alert(1)", text: "x") == "x")
        #expect(HTML.link(" JavaScript:alert(1)", text: "x") == "x")
        #expect(HTML.link("data:text/html,<script>", text: "x") == "x")
        #expect(HTML.link("//evil.example/", text: "x") == "x")
        #expect(HTML.link("https://example.org/a?b=1&c=\"2\"", text: "<site>")
            == "<a href=\"https://example.org/a?b=1&amp;c=&quot;2&quot;\" rel=\"noopener noreferrer nofollow\">&lt;site&gt;</a>")
        #expect(HTML.snippet("a \u{2}<b>\u{3} c") == "a <mark>&lt;b&gt;</mark> c")
    }

    @Test func marksNestAndStayInsideTheText() {
        let text = "Ein Satz. Zwei <Sätze> hier."
        let marks = [
            AnnotatedText.Mark(start: 10, end: 28, className: "corroborated", id: "a"),
            AnnotatedText.Mark(start: 15, end: 22, className: "unique", id: "b"),
            AnnotatedText.Mark(start: 0, end: 9, className: "unique", id: "c"),
            AnnotatedText.Mark(start: 4, end: 12, className: "unique", id: "d"),
            AnnotatedText.Mark(start: 20, end: 99, className: "unique", id: "e"),
        ]
        #expect(AnnotatedText(text: text, marks: marks).render()
            == "<span class=\"claim unique\" id=\"c\">Ein <span class=\"claim unique\" id=\"d\">Satz.</span></span> "
            + "<span class=\"claim corroborated\" id=\"a\">Zwei <span class=\"claim unique\" id=\"b\">&lt;Sätze&gt;</span> hier.</span>")
    }
}
