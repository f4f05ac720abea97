import Foundation
import ParallaxCompare
import ParallaxCore
import ParallaxPipeline
import Testing
import TestSupport

/// The acceptance test: the two canonical reports of one event, through the standard
/// pipeline, and one of them against unrelated Wikinews articles.
@Suite struct SeedComparisonTests {
    static let published000 = CalendarDay(year: 2026, month: 2, day: 5)
    static let published002 = CalendarDay(year: 2026, month: 2, day: 4)

    func seeds(dated: Bool) throws -> (pipeline: Pipeline, articles: [Article]) {
        let pipeline = try Pipeline.standard()
        var articles = try pipeline.extract([SharedData.path(SharedData.seed000), SharedData.path(SharedData.seed002)])
            .map { try $0.get() }
        articles[0].published = dated ? Self.published000.date : nil
        articles[1].published = dated ? Self.published002.date : nil
        return (pipeline, articles)
    }

    /// Lower case, one dash, one apostrophe and one double quote: outlets' typography differs.
    static func fold(_ text: String) -> String {
        String(String.UnicodeScalarView(text.lowercased().unicodeScalars.map { scalar -> Unicode.Scalar in
            switch scalar {
            case "\u{2010}", "\u{2011}", "\u{2012}", "\u{2013}", "\u{2014}", "\u{2212}": return "-"
            case "\u{2018}", "\u{2019}": return "'"
            case "\u{201C}", "\u{201D}": return "\""
            default: return scalar
            }
        }))
    }

    static func contains(_ text: String, _ phrases: [String]) -> Bool {
        phrases.contains { fold(text).contains(fold($0)) }
    }

    /// Some corroboration holds a sentence of seed 000 with one of `first` and a sentence of
    /// seed 002 with one of `second`.
    static func corroborated(_ report: StoryReport, _ first: [String], _ second: [String]) -> Bool {
        let (a, b) = (report.sources[0].source, report.sources[1].source)
        return report.corroborated.contains { claim in
            claim.sentences.contains { $0.source == a && contains($0.text, first) }
                && claim.sentences.contains { $0.source == b && contains($0.text, second) }
        }
    }

    @Test func theSeedsAreOneStory() throws {
        let (pipeline, articles) = try seeds(dated: true)
        let report = pipeline.compare(articles)
        #expect(report.sameStory)
        #expect(report.similarity >= 0.65)
        #expect(report.sources.map(\.published) == [Self.published000, Self.published002])
        #expect(report.sources.allSatisfy { $0.words > 300 && !$0.title.isEmpty })
    }

    @Test func corroboratedClaims() throws {
        let (pipeline, articles) = try seeds(dated: true)
        let report = pipeline.compare(articles)
        let expected: [(String, [String], [String])] = [
            ("meeting closed to the press", ["two-hour session"], ["two-hour private meeting", "without media presence"]),
            ("photo with the handwritten note", ["photo on X", "personal note from Trump"], ["handwritten note"]),
            ("names of traffickers abroad", ["drug traffickers"], ["major drug criminals"]),
            ("dispute with Ecuador", ["dispute with Ecuador"], ["dispute between Colombia and Ecuador", "Daniel Noboa"]),
            ("accusation without evidence", ["accused Petro"], ["illegal drug trafficker"]),
            ("the phone call that broke the ice", ["spoken by phone"], ["telephone conversation"]),
            ("sanctions he denies", ["sanctions related to alleged drug links"], ["sanctions against Petro"]),
            ("largest coca producer", ["largest coca producer"], ["largest producer of coca"]),
        ]
        for (fact, first, second) in expected {
            let found = Self.corroborated(report, first, second)
            #expect(found, "not corroborated: \(fact)")
        }
    }

    @Test func claimsPointIntoTheArticleText() throws {
        let (pipeline, articles) = try seeds(dated: true)
        let report = pipeline.compare(articles)
        let texts = Dictionary(uniqueKeysWithValues: zip(report.sources.map(\.source), articles.map(\.text)))
        let claims = report.corroborated.flatMap(\.sentences) + report.unique
        #expect(!claims.isEmpty)
        for claim in claims {
            #expect(claim.text == texts[claim.source]?.substring(TextSpan(start: claim.start, end: claim.end)))
        }
    }

    @Test func uniqueClaims() throws {
        let (pipeline, articles) = try seeds(dated: true)
        let report = pipeline.compare(articles)
        let only000 = report.unique.filter { $0.source == report.sources[0].source }.map(\.text)
        let only002 = report.unique.filter { $0.source == report.sources[1].source }.map(\.text)
        for phrase in ["America's #1 Ally", "kidnapping"] {
            let found = only000.contains { Self.contains($0, [phrase]) }
            #expect(found, "not unique to 000: \(phrase)")
        }
        for phrase in ["Caracol", "gold accent", "Havana"] {
            let found = only002.contains { Self.contains($0, [phrase]) }
            #expect(found, "not unique to 002: \(phrase)")
        }
        // The meeting at the White House is both reports' (002 names it in its Dutch headline,
        // "Witte Huis"): no fact of 000's alone.
        #expect(!only000.contains { Self.contains($0, ["sat down at the White House"]) })
    }

    @Test func resolvedTimesDoNotConflict() throws {
        let (pipeline, articles) = try seeds(dated: true)
        let report = pipeline.compare(articles)
        func time(_ source: Int, _ text: String) -> StoryReport.Time? {
            report.times.first { $0.source == report.sources[source].source && Self.fold($0.text).contains(text) }
        }
        let lastYear = try #require(time(0, "last year")), october = try #require(time(1, "october"))
        let weeksEarlier = try #require(time(0, "weeks earlier")), january = try #require(time(1, "january"))
        #expect(lastYear.resolved != nil && october.resolved != nil)
        #expect(weeksEarlier.resolved != nil && january.resolved != nil)
        if let a = lastYear.resolved, let b = october.resolved { #expect(a.overlaps(b)) }
        if let a = weeksEarlier.resolved, let b = january.resolved { #expect(a.overlaps(b)) }
        #expect(report.conflicts.filter { $0.kind == .date }.isEmpty)
    }

    @Test func withoutPublicationDatesRelativeTimesStayUnresolved() throws {
        let (pipeline, articles) = try seeds(dated: false)
        let report = pipeline.compare(articles)
        let relative = report.times.filter { time in ["last year", "weeks earlier"].contains { Self.fold(time.text).contains($0) } }
        #expect(relative.count >= 2)
        #expect(relative.allSatisfy { $0.resolved == nil })
        #expect(report.conflicts.filter { $0.kind == .date }.isEmpty)
        let json = try ReportRenderer.json(report)
        #expect(json.contains("\"resolved\" : null"))
    }

    @Test func theHandwrittenNoteIsOneQuoteWithTwoVariants() throws {
        let (pipeline, articles) = try seeds(dated: true)
        let report = pipeline.compare(articles)
        let quote = report.quotes.first { $0.variants.contains { Self.fold($0.text).contains("great honour") } }
        #expect(quote?.variants.contains { Self.fold($0.text).contains("great honor") } == true)
        #expect(Set(quote?.variants.map(\.source) ?? []).count == 2)
        #expect(report.conflicts.filter { $0.kind == .quote }.isEmpty)
    }

    @Test func sharedEntitiesWithVariants() throws {
        let (pipeline, articles) = try seeds(dated: true)
        let report = pipeline.compare(articles)
        let trump = report.entities.first { $0.variants.contains { $0.text == "Donald Trump" } }
        #expect(trump?.variants.contains { $0.text == "Trump" } == true)
        #expect(trump?.sources.count == 2)
        #expect(report.entities.contains { entity in entity.variants.contains { $0.text == "Gustavo Petro" } })
        // The Dutch headline of 002 names the place the English body of 000 names.
        let whiteHouse = report.entities.first { $0.variants.contains { $0.text == "Witte Huis" } }
        #expect(whiteHouse?.variants.contains { $0.text == "White House" } == true)
        #expect(report.evidence.sharedEntities.count >= 3)
    }

    @Test func renderersShowEverySection() throws {
        let (pipeline, articles) = try seeds(dated: true)
        let report = pipeline.compare(articles)
        let text = ReportRenderer.text(report)
        for heading in ["Sources", "Verdict", "Shared entities", "Corroborated", "Only in", "Conflicts", "Quotes", "Time expressions"] {
            #expect(text.contains(heading))
        }
        let markdown = ReportRenderer.markdown(report)
        #expect(markdown.contains("## Corroborated"))
        #expect(markdown.contains("\\#1"))  // "America's #1 Ally" must not start a heading or anchor
        let decoded = try ParallaxJSON.decoder().decode(StoryReport.self, from: Data(try ReportRenderer.json(report).utf8))
        #expect(decoded == report)
    }

    /// Seed 000 against unrelated Wikinews articles: not one story, next to nothing corroborated.
    @Test func unrelatedArticlesAreNotOneStory() throws {
        let (pipeline, articles) = try seeds(dated: true)
        let lines = try SharedData.text("corpus/wikinews-en-2019-2020.jsonl").split(separator: "\n")
        for line in stride(from: 0, to: lines.count, by: 60).map({ lines[$0] }) {
            let record = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] ?? [:]
            let text = record["text"] as? String ?? ""
            let paragraphs = text.components(separatedBy: "\n\n").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
            let unrelated = Article(source: record["id"] as? String ?? "wikinews", title: record["title"] as? String ?? "",
                                    paragraphs: paragraphs, published: (record["published"] as? String).flatMap(CalendarDay.init(iso:))?.date,
                                    language: "en")
            let report = pipeline.compare([articles[0], unrelated])
            #expect(!report.sameStory, "\(unrelated.title)")
            #expect(report.similarity < 0.35, "\(unrelated.title)")
            #expect(report.corroborated.count <= 1, "\(unrelated.title)")
        }
    }
}
