import Foundation
import ParallaxCore
import Testing
@testable import ParallaxExtract
import TestSupport

@Suite struct PlainTextExtractionTests {
    @Test func seed000HasOneTitleAndOnlyBodyParagraphs() throws {
        let article = try extractOne(SharedData.path(SharedData.seed000))
        #expect(article.title.hasPrefix("Trump and Colombia"))
        #expect(!article.title.contains("/"))
        let first = try #require(article.paragraphs.first)
        #expect(first.hasPrefix("In a meeting that caught"))
        #expect(article.paragraphs.last?.hasPrefix("In the end, what stood out") == true)
        // The title once (as the title), never again in the body.
        #expect(!article.paragraphs.contains { LineRules.same($0, article.title) })
        for furniture in ["Home /", "Tagged", "Leave a Reply", "email address", "Required fields"] {
            #expect(!article.text.contains(furniture), "\(furniture) left in the body")
        }
        #expect(article.paragraphs.count == 13)
        #expect(article.segments.first?.kind == .title)
        #expect(article.segments.count == article.paragraphs.count + 1)
        #expect(article.language == "en")
    }

    /// Head lines written without blank lines between them (title, dateline, byline, share
    /// line) are told apart, and a tail written the same way is cut line by line.
    @Test func headAndTailLinesWithoutBlankLinesAreToldApart() throws {
        let text = """
            Home › News › Science
            Glacier lake drained overnight, surveyors say
            Published: 2026-04-02
            By Ines Calloway | Alpine Courier | 3 min read
            Share this: Facebook · X · Email

            A meltwater lake on the Tarvel glacier drained overnight on Wednesday, surveyors from the regional \
            hydrology office said, sending a surge of water down the valley.

            Nobody was hurt. The valley road was closed for six hours as a precaution.

            Tags: Glaciers · Floods
            Share this article: Facebook · X
            Leave a comment
            Your email address will not be published. Required fields are marked *
            Post comment
            """
        let article = try ArticleExtractor(identifier: FunctionWordIdentifier()).extract(RawDocument(source: "lake.txt", bytes: Array(text.utf8)))
        #expect(article.title == "Glacier lake drained overnight, surveyors say")
        #expect(article.byline == "Ines Calloway")
        #expect(article.published.map { CalendarDay($0) } == CalendarDay(year: 2026, month: 4, day: 2))
        #expect(article.paragraphs.count == 2)
        #expect(article.paragraphs.first?.hasPrefix("A meltwater lake") == true)
        #expect(!article.text.contains("Share this") && !article.text.contains("Tags") && !article.text.contains("comment"))
    }

    @Test func seed002TitleIsTheDutchLine() throws {
        let article = try extractOne(SharedData.path(SharedData.seed002))
        #expect(article.title == "Trump en Petro: onverwachte verstandhouding in Witte Huis")
        #expect((10...12).contains(article.paragraphs.count))
        #expect(article.paragraphs.first?.hasPrefix("In a remarkable diplomatic turnaround") == true)
        // The body's language, not the title's.
        #expect(article.segments.first?.language == "nl")
        #expect(article.language == "en")
    }

    @Test func germanFurnitureIsRemoved() throws {
        let article = try extractOne(Fixtures.path("german-blog.txt"))
        #expect(article.title == "Neue Fähre für den Bodensee")
        #expect(article.paragraphs.count == 2)
        #expect(article.paragraphs[0].hasPrefix("Die neue Fähre"))
        #expect(!article.text.contains("Schlagwörter"))
        #expect(!article.text.contains("Kommentar"))
        #expect(article.language == "de")
    }

    @Test func gzippedTextReadsLikeThePlainFile() throws {
        let plain = try extractOne(Fixtures.path("german-blog.txt"))
        let zipped = try extractOne(Fixtures.path("german-blog.txt.gz"))
        #expect(zipped.title == plain.title)
        #expect(zipped.paragraphs == plain.paragraphs)
    }

    @Test func hardWrappedLinesJoinAndLinePerParagraphTextSplits() {
        let wrapped = PlainTextExtractor.blocks(of: "Title\n\nOne sentence that\nwraps here.\n\nSecond.")
        #expect(wrapped == ["Title", "One sentence that wraps here.", "Second."])
        let perLine = PlainTextExtractor.blocks(of: "Title\nFirst paragraph.\nSecond paragraph.")
        #expect(perLine == ["Title", "First paragraph.", "Second paragraph."])
    }

    @Test func breadcrumbRules() {
        #expect(LineRules.isBreadcrumb("Home / World News / A long headline about something"))
        #expect(LineRules.isBreadcrumb("Startseite > Region > Neue Fähre"))
        #expect(LineRules.isBreadcrumb("News » Politics » Europe"))
        #expect(!LineRules.isBreadcrumb("Prices rose 3% / year in the region, the report said, and wages did not follow."))
        #expect(!LineRules.isBreadcrumb("Trump and Petro meet at the White House"))
    }

    @Test func tailMarkersNeedAWholeLine() {
        #expect(LineRules.isTailMarker("Tagged:"))
        #expect(LineRules.isTailMarker("Tags: politics, trade"))
        #expect(LineRules.isTailMarker("Leave a Reply"))
        #expect(LineRules.isTailMarker("Comments (12)"))
        #expect(!LineRules.isTailMarker("Commenting on the deal, the minister said prices would fall."))
        #expect(!LineRules.isTailMarker("Comments from the minister were welcomed by the unions, who had asked for talks."))
    }

    @Test func aTitleWithoutBodyIsNoArticle() throws {
        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("short.txt")
        try Data("Just a headline\n".utf8).write(to: file)
        let result = extractAll([file.path])[0]
        guard case .failure(let error) = result, case .noArticle = error.reason else {
            Issue.record("expected noArticle, got \(result)"); return
        }
    }
}
