import Foundation
import Testing
import ParallaxCore
@testable import ParallaxAnnotate
import TestSupport

@Suite struct ArticleAnnotatorTests {
    let annotator = ArticleAnnotator()

    func time(_ a: AnnotatedArticle, _ text: String) -> String? {
        a.times.first { $0.text == text }.map { $0.resolved?.summary ?? "unresolved" }
    }

    @Test func seed000TimesNumbersAndQuotes() throws {
        let a = annotator.annotate(try Fixtures.seed000())
        #expect(Fixtures.spanViolations(a).isEmpty)
        #expect(time(a, "Last year") == "2025-01-01…2025-12-31 year")
        #expect(time(a, "Just weeks earlier") == "2025-12-11…2026-01-29 fuzzy")
        #expect(time(a, "this week") == "2026-02-02…2026-02-08 week")
        let session = a.numbers.first { $0.unit == "hour" }
        #expect(session?.value == 2 && session?.qualifier == .approximately)
        #expect(session?.text == "roughly two\u{2011}hour")
        let note = a.quotes.first { $0.text == "Gustavo \u{2014} A great honour \u{2014} I love Colombia." }
        #expect(note?.speakerKey == "donald trump")
        #expect(note?.speaker == "Donald Trump")
        #expect(a.quotes.first { $0.text.hasPrefix("Yeah, we did") }?.speakerKey == "donald trump")
    }

    @Test func seed002TimesNumbersAndQuotes() throws {
        let a = annotator.annotate(try Fixtures.seed002())
        #expect(Fixtures.spanViolations(a).isEmpty)
        #expect(time(a, "In October") == "2025-10-01…2025-10-31 month")
        #expect(time(a, "in January") == "2026-01-01…2026-01-31 month")
        #expect(time(a, "on Tuesday") == "2026-02-03…2026-02-03 day")
        #expect(time(a, "earlier this year") == "2026-01-01…2026-02-04 fuzzy")
        #expect(time(a, "Last week") == "2026-01-26…2026-02-01 week")
        let meeting = a.numbers.first { $0.unit == "hour" }
        #expect(meeting?.value == 2 && meeting?.qualifier == .exact && meeting?.text == "two-hour")
        let note = a.quotes.first { $0.text == "Gustavo \u{2013} a great honor \u{2013} I love Colombia." }
        #expect(note?.speakerKey == "donald trump")
        let clicked = a.quotes.first { $0.text.hasPrefix("We were working together") }
        #expect(clicked?.text.hasSuffix("but I didn\u{2019}t feel insulted.") == true)
        #expect(clicked?.speakerKey == "donald trump")
    }

    @Test func seedEntitiesShareKeysWithinAndAcrossArticles() throws {
        let a = annotator.annotate(try Fixtures.seed000())
        let b = annotator.annotate(try Fixtures.seed002())
        for annotated in [a, b] {
            let trump = Set(annotated.entities.filter { ["Trump", "Donald Trump"].contains($0.text) }.map(\.key))
            #expect(trump == ["donald trump"])
            #expect(annotated.entities.contains { $0.key == "donald trump" && $0.name == "Donald Trump" && $0.kind == .person })
            #expect(annotated.entities.contains { $0.text == "Petro" && $0.key == "gustavo petro" })
            #expect(annotated.entities.contains { $0.text == "Daniel Noboa" && $0.kind == .person })
            #expect(annotated.entities.contains { $0.text == "U.S." && $0.key == "united states" })
        }
        #expect(a.entities.contains { $0.text == "White House" && $0.key == "white house" })
        #expect(b.entities.contains { $0.text == "Oval Office" && $0.kind == .place })
        // The Dutch title of seed 002, annotated as a paragraph, names the same house.
        let title = Article(source: "t", title: "", paragraphs: [try Fixtures.seed002().title], language: "nl")
        let titleEntities = annotator.annotate(title).entities
        #expect(titleEntities.contains { $0.text == "Witte Huis" && $0.key == "white house" })
    }

    /// Whose age an age is, and ages written by their place beside a name.
    @Test func agesBelongToThePeopleTheyDescribe() {
        func ages(_ text: String, _ language: String = "en") -> [String] {
            annotator.annotate(Article(source: "a.txt", title: "", paragraphs: [text], language: language)).numbers
                .filter(\.isAge).map { "\($0.text)=\($0.holder ?? "-")" }
        }
        #expect(ages("John Marlow, 78, died on Monday.") == ["78=john marlow"])
        #expect(ages("The singer John Marlow died at the age of 77, his family said.") == ["at the age of 77=john marlow"])
        #expect(ages("Police said the 42-year-old suspect stabbed Mehmet Kaya on Monday.") == ["42-year-old=-"])
        #expect(ages("Mehmet Kaya, 45, was stabbed by a 42-year-old neighbour.") == ["45=mehmet kaya", "42-year-old=-"])
        #expect(ages("Ali Çelik (45) hayatını kaybetti.", "tr") == ["45=ali celik"])
        // A number beside a place, or a list number, is no age.
        #expect(ages("Flooding hit Jakarta, 12, and the outskirts.").isEmpty)
        #expect(ages("John Marlow, 1,200 people and the band played.").isEmpty)
    }

    @Test func withoutPublicationDateRelativeTimesStayOpen() throws {
        var article = try Fixtures.seed002()
        article.published = nil
        let a = annotator.annotate(article)
        #expect(!a.times.isEmpty)
        #expect(a.times.allSatisfy { $0.resolved == nil && $0.isRelative })
    }

    @Test func eachParagraphUsesItsSegmentLanguage() {
        let paragraphs = ["Vorig jaar kwam de minister naar Brussel.", "Last year the minister came to Brussels."]
        let article = Article(source: "t", title: "t", paragraphs: paragraphs, published: Fixtures.day("2026-02-04").date,
                              language: "en", segments: [Segment(kind: .paragraph, text: paragraphs[0], language: "nl", confidence: 0.9),
                                                         Segment(kind: .paragraph, text: paragraphs[1], language: "und", confidence: 0)])
        let a = annotator.annotate(article)
        #expect(a.sentences.map(\.language) == ["nl", "en"])
        #expect(a.times.map(\.text) == ["Vorig jaar", "Last year"])
        #expect(Set(a.entities.map(\.key)) == ["brussels"])
        #expect(Fixtures.spanViolations(a).isEmpty)
    }

    /// Real articles in many languages: every span cuts out its own text, and nothing traps.
    @Test func spansHoldOnAStreamOfRealArticles() throws {
        let lines = try SharedData.text("stream/multilingual-stream.jsonl").split(separator: "\n").prefix(300)
        var checked = 0
        var violations: [String] = []
        for line in lines {
            guard let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                  let text = object["text"] as? String, let language = object["lang"] as? String else { continue }
            let paragraphs = text.components(separatedBy: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            let article = Article(source: "stream", title: "", paragraphs: paragraphs,
                                  published: Fixtures.day("2020-05-01").date, language: language)
            let a = annotator.annotate(article)
            violations += Fixtures.spanViolations(a).map { "\(object["id"] ?? ""): \($0)" }
            checked += 1
        }
        #expect(checked == 300)
        #expect(violations.isEmpty, "\(violations.prefix(10))")
    }
}
