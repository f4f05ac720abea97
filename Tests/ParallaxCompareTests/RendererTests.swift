import Foundation
import ParallaxCore
import Testing
@testable import ParallaxCompare

/// The three renderers on a report built from small hand-made articles.
@Suite struct RendererTests {
    func report() -> StoryReport {
        let a = Fixture(source: "a.txt", published: CalendarDay(year: 2025, month: 5, day: 2), sentences: [
            "Police in Lyon said 12 people were hurt when the *old* [stand] collapsed <script>alert(1)</script> at the #1 stadium.",
            "The club apologised to the fans, as it did last year.",
        ], entities: [("Lyon", "lyon", .place)], numbers: [("12 people", 12, "person", .exact)],
           times: [("last year", nil)])
        let b = Fixture(source: "b.txt", sentences: [
            "Police in Lyon said 40 people were hurt when the old stand collapsed at the stadium.",
            "Engineers will inspect every stand this summer.",
        ], entities: [("Lyon", "lyon", .place)], numbers: [("40 people", 40, "person", .exact)])
        return StoryComparator().compare([a.annotated, b.annotated])
    }

    @Test func markdownEscapesArticleText() {
        let markdown = ReportRenderer.markdown(report())
        #expect(markdown.contains("## Corroborated (1)"))
        #expect(markdown.contains("\\<script\\>"))
        #expect(!markdown.contains("<script>"))
        #expect(markdown.contains("\\*old\\*"))
        #expect(markdown.contains("\\[stand\\]"))
        #expect(markdown.contains("\\#1"))
    }

    @Test func textShowsEverySection() {
        let text = ReportRenderer.text(report())
        for heading in ["Sources", "Verdict", "Shared entities", "Corroborated (1)", "Only in [1] a.txt", "Only in [2] b.txt",
                        "Conflicts (1)", "Quotes (0)", "Time expressions (1)"] {
            #expect(text.contains(heading), "missing section \(heading)")
        }
        #expect(text.contains("12 people"))
        #expect(text.contains("40 people"))
        #expect(text.contains("“last year” → unresolved"))
    }

    @Test func jsonRoundTripsWithExplicitNulls() throws {
        let report = report()
        let json = try ReportRenderer.json(report)
        #expect(json.contains("\"version\" : 1"))
        #expect(json.contains("\"published\" : null"))
        #expect(json.contains("\"resolved\" : null"))
        let decoded = try ParallaxJSON.decoder().decode(StoryReport.self, from: Data(json.utf8))
        #expect(decoded == report)
    }
}
