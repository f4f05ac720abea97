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
        ], entities: [("Lyon", "lyon", .place)], numbers: [("12 people", 12, "injured", .exact)],
           times: [("last year", nil)])
        let b = Fixture(source: "b.txt", sentences: [
            "Police in Lyon said 40 people were hurt when the old stand collapsed at the stadium.",
            "Engineers will inspect every stand this summer.",
        ], entities: [("Lyon", "lyon", .place)], numbers: [("40 people", 40, "injured", .exact)])
        return StoryComparator().compare([a.annotated, b.annotated])
    }

    /// Source [2] has no publication date, so "last year" and any act stay unplaced: an empty
    /// timeline or list of relations says so, and how to give the date, in every renderer.
    /// With every source dated, the plain notes stand.
    @Test func emptyTimeSectionsSayWhichDatesAreMissing() {
        let undated = report()
        #expect(undated.timeline.isEmpty && undated.relations.isEmpty)
        for rendered in [ReportRenderer.text(undated), ReportRenderer.markdown(undated), ReportRenderer.html(undated)] {
            #expect(rendered.contains("No dated claim: 1 of 2 sources has no publication date"))
            #expect(rendered.contains("No relation between named actors could be placed in time: 1 of 2 sources has no publication date"))
            #expect(rendered.contains("--published SOURCE=YYYY-MM-DD"))
        }
        var dated = undated
        dated.sources = dated.sources.map { source in
            var source = source
            source.published = source.published ?? CalendarDay(year: 2025, month: 5, day: 3)
            return source
        }
        #expect(dated.emptyTimelineNote == "No dated claim.")
        #expect(dated.emptyRelationsNote == "No relation between named actors found.")
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

/// The HTML page: self-contained, claims coloured, and article text never markup.
@Suite struct HTMLRendererTests {
    static let payloads = [
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(2)>",
        "<a href=\"javascript:alert(3)\">link</a>",
    ]

    func report() -> StoryReport {
        let a = Fixture(source: "a.txt<script>alert(0)</script>", published: CalendarDay(year: 2025, month: 5, day: 2), sentences: [
            "Police in Lyon said 12 people were hurt when the old stand collapsed \(Self.payloads[0]) at the stadium.",
            "The club apologised to the fans \(Self.payloads[1]) in a statement.",
            "A steward filmed the collapse \(Self.payloads[2]) from the pitch.",
        ], entities: [("Lyon", "lyon", .place)], numbers: [("12 people", 12, "injured", .exact)])
        let b = Fixture(source: "b.txt", sentences: [
            "Police in Lyon said 40 people were hurt when the old stand collapsed at the stadium.",
            "Engineers will inspect every stand this summer.",
        ], entities: [("Lyon", "lyon", .place)], numbers: [("40 people", 40, "injured", .exact)])
        var article = a.annotated
        article.article.title = "Stand collapse \(Self.payloads[1])"
        return StoryComparator().compare([article, b.annotated])
    }

    @Test func articleTextIsEscaped() {
        let html = ReportRenderer.html(report())
        for payload in Self.payloads {
            #expect(!html.contains(payload), "unescaped: \(payload)")
        }
        #expect(!html.lowercased().contains("<script"))
        #expect(!html.lowercased().contains("<img"))
        #expect(!html.lowercased().contains("<a "))
        #expect(!html.contains("href=\""))  // only the escaped text "href=&quot;" may appear
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.contains("&lt;img src=x onerror=alert(2)&gt;"))
        #expect(html.contains("&lt;a href=&quot;javascript:alert(3)&quot;&gt;"))
        #expect(html.contains("a.txt&lt;script&gt;alert(0)&lt;/script&gt;"))
    }

    @Test func claimsAreColouredAndSourcesSideBySide() {
        let html = ReportRenderer.html(report())
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("<style>"))
        #expect(!html.contains("<link") && !html.contains("src=\""))
        #expect(html.components(separatedBy: "<section class=\"column\">").count == 3)
        // The number sentences conflict; the others are each source's own.
        #expect(html.contains("<p class=\"claim conflicting\">Police in Lyon said 12 people"))
        #expect(html.contains("<p class=\"claim conflicting\">Police in Lyon said 40 people"))
        #expect(html.contains("<p class=\"claim unique\">Engineers will inspect every stand this summer."))
    }

    @Test func everySectionIsThere() {
        let html = ReportRenderer.html(report())
        for heading in ["Sources side by side", "Timeline", "Relations", "Copies", "Omissions", "Conflicts (1)", "Quotes (0)"] {
            #expect(html.contains(heading), "missing \(heading)")
        }
    }
}

/// Reports written before the timeline, relations, copies and omissions still decode.
@Suite struct ReportCompatibilityTests {
    @Test func aReportWithoutTheNewFieldsDecodes() throws {
        let old = """
            {"conflicts":[],"corroborated":[{"score":0.5,"sentences":[{"end":3,"source":"a","start":0,"text":"abc"},
            {"end":3,"source":"b","start":0,"text":"abc"}],"shared":["abc"]}],"entities":[],
            "evidence":{"sharedEntities":[],"sharedNumbers":[],"sharedTerms":[]},
            "quotes":[{"speaker":null,"variants":[{"source":"a","text":"x"},{"source":"b","text":"x"}]}],
            "sameStory":true,"similarity":0.9,"sources":[],"times":[],"unique":[],"version":1}
            """
        let report = try ParallaxJSON.decoder().decode(StoryReport.self, from: Data(old.utf8))
        #expect(report.corroborated.first?.independentSources == 2)
        #expect(report.quotes.first?.translated == false)
        #expect(report.timeline.isEmpty && report.relations.isEmpty && report.copies.isEmpty && report.omissions.isEmpty)
        #expect(report.firstPublished == nil)
        let json = try ReportRenderer.json(report)
        #expect(json.contains("\"firstPublished\" : null"))
        #expect(try ParallaxJSON.decoder().decode(StoryReport.self, from: Data(json.utf8)) == report)
    }
}
