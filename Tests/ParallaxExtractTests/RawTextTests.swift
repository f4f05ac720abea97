import Foundation
import ParallaxCore
@testable import ParallaxExtract
import Testing

/// Script and style contents are cut out before parsing; what the page shows and what its
/// metadata says must not change.
@Suite struct RawTextTests {
    private let prose = String(repeating: "The harbour authority reopened the northern pier after the storm repairs, and ferries run again. ", count: 3)

    @Test func scriptsAndStylesAreCutButTheirTextIsKeptForMetadata() throws {
        let filler = String(repeating: "var x = '<p>not text</p>'; ", count: 10)
        let html = """
            <html><head><style>body { color: red } \(filler)</style>
            <script type="application/ld+json">{"@type":"NewsArticle","headline":"Pier reopens after repairs","datePublished":"2026-02-03T09:00:00Z"}</script>
            </head><body><!-- <script> an old comment --><article>
            <script>\(filler) document.write("</div>");</script>
            <p>\(prose)</p><SCRIPT src="a.js" /><p>Second paragraph: \(prose)</p>
            <script>\(filler)</ScRiPt><p>Third paragraph: \(prose)</p>
            </article></body></html>
            """
        let article = try extractHTML(html)
        #expect(article.paragraphs.count == 3)
        #expect(!article.text.contains("not text") && !article.text.contains("color"))
        #expect(article.published == DateParsing.iso("2026-02-03T09:00:00Z"))
    }

    @Test func scriptInsideAnAttributeOrCommentOpensNothing() {
        let page = #"<a title="<script>">one</a><!-- <style> --><p>two</p><script>"# + String(repeating: "y", count: 100) + "</script>"
        let stripped = Array(page.utf8).withUnsafeBufferPointer { RawTextStripper($0) }
        let text = String(decoding: stripped.html, as: UTF8.self)
        #expect(text.contains("one</a>") && text.contains("<p>two</p>"))
        #expect(stripped.scripts.count == 1 && !text.contains("yyyy"))
    }

    @Test func eventHandlerAttributesDoNotLeakIntoTheText() throws {
        let html = """
            <html><body><ul @click.outside="open ? open = false : null" x-init="menu = [{'title':'Leaked menu data'}]"><li>Home</li></ul>
            <article><p>\(prose)</p><p>More: \(prose)</p></article></body></html>
            """
        let article = try extractHTML(html)
        #expect(!article.text.contains("Leaked") && !article.text.contains("open = false"))
        #expect(article.text.contains("More:"))
    }

    @Test func paragraphsPastTheLanguageBudgetTakeTheBodysLanguage() throws {
        let count = BoilerplateRules.languageBudgetCharacters / 100 + 5
        let paragraphs = (1...count).map { "<p>Paragraph \($0): \(prose)</p>" }.joined()
        let article = try extractHTML("<html><body><article>\(paragraphs)</article></body></html>")
        let segments = article.segments.filter { $0.kind == .paragraph }
        #expect(segments.count == article.paragraphs.count)
        #expect(segments.allSatisfy { $0.language == "en" && $0.confidence > 0 })
        #expect(article.language == "en")
    }
}
