import Foundation
import ParallaxCore
@testable import ParallaxExtract
import Testing

/// Page layouts that split or hide an article's body.
@Suite struct LayoutTests {
    private func prose(_ topic: String) -> String {
        String(repeating: "The \(topic) was inspected by the council, and the report lists the repairs needed before winter. ", count: 3)
    }

    @Test func streamedSegmentsAreContentThoughHidden() throws {
        // React's streamed rendering sends the body late, in a hidden element a script moves.
        let html = """
            <html><body><main><div class="key-points"><p>Key point: the bridge reopens in May after repairs.</p></div></main>
            <footer><a href="/about">About</a></footer>
            <div hidden id="S:0"><p>\(prose("bridge"))</p><p>\(prose("tunnel"))</p><p>\(prose("ferry pier"))</p></div>
            </body></html>
            """
        let article = try extractHTML(html)
        #expect(article.text.contains("tunnel") && article.text.contains("ferry pier"))
        // Only ids of that shape: other hidden elements stay furniture.
        #expect(HTMLContentExtractor.isStreamedSegment("S:12"))
        #expect(!HTMLContentExtractor.isStreamedSegment("S:") && !HTMLContentExtractor.isStreamedSegment("Sx:1")
                && !HTMLContentExtractor.isStreamedSegment("menu-panel") && !HTMLContentExtractor.isStreamedSegment(nil))
    }

    @Test func sectionsUnderTheirOwnHeadingsJoinTheArticle() throws {
        // Each section box sits under a short heading; the climb from the best box must pass
        // the heading and take the sibling sections.
        let sections = ["harbour", "railway station", "bus depot", "airport"].map { topic in
            "<div class=\"section\"><h2>About the \(topic)</h2><div><p>\(prose(topic))</p><p>\(prose(topic + " roof"))</p></div></div>"
        }.joined()
        let html = """
            <html><body><nav><a href="/">Home</a></nav><div class="stack"><div><p>\(prose("town hall"))</p></div>\(sections)</div>
            <div class="signup"><p>Subscribe to our newsletter for weekly updates on the council's decisions and plans.</p></div>
            </body></html>
            """
        let article = try extractHTML(html)
        for topic in ["town hall", "harbour", "railway station", "bus depot", "airport"] {
            #expect(article.text.contains("The \(topic) was"), "\(topic) section lost")
        }
    }
}
