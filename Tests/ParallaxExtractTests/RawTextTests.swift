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

    private func stripped(_ page: String) -> String {
        String(decoding: Array(page.utf8).withUnsafeBufferPointer { RawTextStripper($0) }.html, as: UTF8.self)
    }

    @Test func attributesTheTreeNeverReadsAreDroppedBeforeParsing() {
        let text = stripped(#"<div data-x='{"a":1}' CLASS="story body" srcset=a.jpg hidden><img src="x.png"/>"#
            + #"<link rel=canonical href=https://example.org/docs /><a href=/b/>b</a></div>"#)
        #expect(text == #"<div CLASS=\#u{E000}0 hidden><img/><link rel=canonical href=https://example.org/docs /><a>b</a></div>"#)
    }

    /// Class values are replaced by numbers into a table of the page's distinct values; the
    /// tree reads their words from the table, character references decoded.
    @Test func classValuesAreNumberedAndStillRead() throws {
        let page = #"<p class="share-tools">a</p><p class='story'>b</p><p class="share-tools">c</p><p class=story>d</p>"#
        let result = Array(page.utf8).withUnsafeBufferPointer { buffer in
            let stripper = RawTextStripper(buffer)
            return (String(decoding: stripper.html, as: UTF8.self), stripper.classValues.map { String(decoding: UnsafeBufferPointer(rebasing: buffer[$0]), as: UTF8.self) })
        }
        #expect(result.0 == "<p class=\u{E000}0>a</p><p class=\u{E000}1>b</p><p class=\u{E000}0>c</p><p class=\u{E000}1>d</p>")
        #expect(result.1 == ["share-tools", "story"])
        let html = """
            <html><body><article><p>\(prose)</p><p>Then: \(prose)</p><div class="comm&#101;nts-list"><p>Reader: \(prose)</p></div>
            <p>More: \(prose)</p><div class="comments-list"><p>Another reader: \(prose)</p></div></article></body></html>
            """
        let article = try extractHTML(html)
        #expect(article.text.contains("More:") && !article.text.contains("Reader:") && !article.text.contains("Another reader:"))
    }

    /// `href` is read on `<link>` (the canonical URL) and nowhere else; `name` on `<meta>`.
    @Test func attributesReadOnSomeTagsAreDroppedFromTheOthers() {
        let text = stripped(#"<META NAME=author content="A. Writer"><input name=q><LINK REL=canonical HREF="/c"><a name=top href="/x">x</a>"#)
        #expect(text == #"<META NAME=author content="A. Writer"><input><LINK REL=canonical HREF="/c"><a>x</a>"#)
    }

    @Test func aTagLibxml2CannotReadIsLeftAsItIsFromWhereItGoesWrong() {
        // A bracket ends the name for libxml2, which then skips the rest as junk; the scan
        // keeps what came before and copies the rest, from the bracket on, untouched.
        let text = stripped(#"<div class="a" data-y="1" v-bind:[key]="v" id="b">x</div>"#)
        #expect(text == #"<div class=\#u{E000}0[key]="v" id="b">x</div>"#)
    }

    @Test func svgDrawingsAreEmptiedButMarkupAfterThemStays() throws {
        let icon = "<svg viewBox=\"0 0 10 10\"><title>Artboard icon</title><path d=\"M0 0L10 10\"/></svg>"
        #expect(stripped("<h1>\(icon)Pier reopens</h1><p>one</p>") == "<h1><svg></svg>Pier reopens</h1><p>one</p>")
        let article = try extractHTML("<html><head><title>Pier reopens</title></head><body><article><h1>\(icon)Pier reopens</h1><p>\(prose)</p><p>More: \(prose)</p></article></body></html>")
        #expect(!article.title.contains("Artboard") && !article.text.contains("Artboard"))
        #expect(stripped("<p><svg>unclosed <b>bold</b></p>") == "<p><svg>unclosed <b>bold</b></p>")
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
