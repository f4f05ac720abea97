import Foundation
import ParallaxCore
import Testing
@testable import ParallaxSources

@Suite struct NewsPleaseTests {
    @Test func aNewsPleaseRecordBecomesAnArticle() throws {
        let json = """
            {"authors": ["Ana Ribeiro", " "], "date_download": "2026-02-04 11:02:13", "date_modify": null,
             "date_publish": "2026-02-04 10:00:00", "description": "Talks resume.", "filename": "x.json",
             "image_url": "https://harbourline.example/ferry.jpg", "language": "en",
             "maintext": "Talks resumed on Wednesday.\\nThe unions want a new schedule.\\n\\nOperators said no.",
             "source_domain": "harbourline.example", "title": "Ferry strike talks resume",
             "url": "https://harbourline.example/2026/02/04/ferry-strike.html"}
            """
        let record = try NewsPleaseRecord.decode(Data(json.utf8), source: "np.jsonl:1")
        let article = try record.article(source: "np.jsonl#1")
        #expect(article.title == "Ferry strike talks resume")
        #expect(article.paragraphs == ["Talks resumed on Wednesday.", "The unions want a new schedule.", "Operators said no."])
        #expect(article.published == FeedDates.parse("2026-02-04T10:00:00Z"))
        #expect(article.byline == "Ana Ribeiro")
        #expect(article.site == "harbourline.example")
        #expect(article.language == "en")
        #expect(article.url == "https://harbourline.example/2026/02/04/ferry-strike.html")
    }

    @Test func aRecordWithoutTextOrWithWrongTypesIsAnError() throws {
        let empty = try NewsPleaseRecord.decode(Data(#"{"title": "t", "maintext": null, "source_domain": "x"}"#.utf8), source: "np.jsonl:2")
        #expect(throws: ParallaxError.self) { try empty.article(source: "s") }
        let error = #expect(throws: ParallaxError.self) { try NewsPleaseRecord.decode(Data(#"{"title": 5}"#.utf8), source: "np.jsonl:3") }
        #expect(error == ParallaxError(source: "np.jsonl:3", reason: .invalidInput("field \"title\" has the wrong type")))
    }
}
