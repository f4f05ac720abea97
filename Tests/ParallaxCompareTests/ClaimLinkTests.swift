import Foundation
import ParallaxCompare
import ParallaxCore
import ParallaxPipeline
import Testing
import TestSupport

/// `StoryReport.claims`: sentences as claims with their annotations, and links between the
/// claims of different sources, on the seeds and the demo corpus through the standard pipeline.
@Suite struct ClaimLinkTests {
    static func seedsReport() throws -> (articles: [Article], report: StoryReport) {
        let pipeline = try Pipeline.standard()
        var articles = try pipeline.extract([SharedData.path(SharedData.seed000), SharedData.path(SharedData.seed002)]).map { try $0.get() }
        articles[0].published = SeedComparisonTests.published000.date
        articles[1].published = SeedComparisonTests.published002.date
        return (articles, pipeline.compare(articles))
    }

    /// The links between the claims of two sentences of the report, by kind.
    static func kinds(_ report: StoryReport, _ a: StoryReport.ClaimSentence, _ b: StoryReport.ClaimSentence) -> [Claim.Link.Kind] {
        guard let claim = report.claims.first(where: { $0.source == a.source && $0.start == a.start && $0.end == a.end }),
              let other = report.claims.first(where: { $0.source == b.source && $0.start == b.start && $0.end == b.end }) else { return [] }
        return claim.links.filter { $0.claim == other.id }.map(\.kind)
    }

    @Test func seedClaimsSitAtTheirOffsetsWithTheirAnnotations() throws {
        let (articles, report) = try Self.seedsReport()
        #expect(report.claims.count >= 10)
        #expect(Set(report.claims.map(\.id)).count == report.claims.count)
        for claim in report.claims {
            let article = try #require(articles.first { $0.id == claim.articleID })
            #expect(article.text.substring(TextSpan(start: claim.start, end: claim.end)) == claim.text)
            #expect(claim.id == Claim.id(articleID: claim.articleID, sentence: claim.sentence))
            for mention in claim.entities { #expect(TextSpan(start: claim.start, end: claim.end).contains(mention.span)) }
            for mention in claim.numbers { #expect(article.text.substring(mention.span) == mention.text) }
            // Every link names a claim of another article, and the linked claim links back.
            for link in claim.links {
                let other = try #require(report.claims.first { $0.id == link.claim })
                #expect(other.articleID != claim.articleID)
                #expect(other.links.contains { $0.claim == claim.id && $0.kind == link.inverseKind })
            }
        }
        // What the seeds state is annotated on their claims: names, and times resolved to intervals.
        #expect(report.claims.contains { $0.entities.contains { $0.key.contains("petro") } })
        #expect(report.claims.contains { $0.times.contains { $0.resolved != nil } })
    }

    @Test func corroboratedSeedFactsAreLinkedAsTheSameAndNothingThatAgreesContradicts() throws {
        let (_, report) = try Self.seedsReport()
        let across = report.corroborated.filter { Set($0.sentences.map(\.source)).count == 2 }
        #expect(!across.isEmpty)
        var sameLinks = 0
        for corroboration in across {
            let first = corroboration.sentences.filter { $0.source == report.sources[0].source }
            let second = corroboration.sentences.filter { $0.source == report.sources[1].source }
            let kinds = first.flatMap { a in second.flatMap { b in Self.kinds(report, a, b) } }
            #expect(!kinds.isEmpty, "no link within \(corroboration.sentences.map(\.text))")
            sameLinks += kinds.filter { $0 == .same }.count
        }
        #expect(sameLinks >= across.count)
        // The seeds' dates and numbers agree once resolved: no conflict, and no link says they differ.
        let links = report.claims.flatMap(\.links)
        #expect(report.conflicts.filter { $0.kind != .quote }.isEmpty)
        #expect(!links.contains { $0.kind == .differentValue })
        #expect(!links.contains { $0.kind == .contradiction })
    }

    @Test func theDemoCorpusDifferingNumberIsADifferentValue() throws {
        let report = try DemoCorpusTests.report("harbor-fire")
        let baltic = report.claims.filter { DemoCorpusTests.name($0.source) == "harbor-fire-balticledger-en.txt" }
        let evacuated = try #require(baltic.first { $0.text.contains("1,500") })
        let differing = evacuated.links.filter { $0.kind == .differentValue }.compactMap { link in report.claims.first { $0.id == link.claim } }
        #expect(differing.contains { $0.text.contains("1,200") || $0.text.contains("1.200") },
                "links: \(evacuated.links)")
        // The two sources reporting 1,200 do not differ from each other on it.
        let twelveHundred = report.claims.filter { $0.text.contains("1,200") || $0.text.contains("1.200") }
        for claim in twelveHundred {
            let others = claim.links.filter { $0.kind == .differentValue }.compactMap { link in report.claims.first { $0.id == link.claim } }
            #expect(!others.contains { $0.text.contains("1,200") || $0.text.contains("1.200") })
        }
    }

    @Test func theDemoCorpusTranslatedQuoteLinksItsSentencesAsTheSame() throws {
        let report = try DemoCorpusTests.report("harbor-fire")
        let english = try #require(report.claims.first { $0.text.contains("roof collapsed within twenty minutes") })
        let german = try #require(report.claims.first { $0.text.contains("zwanzig Minuten") })
        #expect(english.quotes.contains { $0.speaker?.contains("Brettschneider") == true })
        #expect(english.links.contains { $0.claim == german.id && $0.kind == .same })
        #expect(german.links.contains { $0.claim == english.id && $0.kind == .same })
    }

    @Test func theDemoVoteDayIsADifferentValueAndTheApproximateCostIsNot() throws {
        let report = try DemoCorpusTests.report("desal-vote")
        let observer = report.claims.filter { DemoCorpusTests.name($0.source) == "desal-vote-mediterraneanobserver-en.txt" }
        let fourth = try #require(observer.first { $0.times.contains { $0.text == "on 4 March" } })
        #expect(fourth.links.contains { $0.kind == .differentValue })
        // "about €40 million" agrees with the Spanish report's 42 million (and the vote day with
        // it); against the English "€42 million … on 4 March" only the day differs.
        let about40 = try #require(report.claims.first { $0.text.contains("about €40 million") })
        #expect(about40.links.contains { link in
            link.kind == .same && report.claims.first { $0.id == link.claim }?.text.contains("42 millones") == true
        })
        #expect(!report.conflicts.contains { $0.kind == .number })
    }

    /// "The motion passed by 14 votes to 7 after a debate of almost four hours" states "The
    /// plan passed by 14 votes to 7" and adds the debate.
    @Test func aSentenceThatAddsToAnotherElaboratesIt() throws {
        let report = try DemoCorpusTests.report("desal-vote")
        let fuller = try #require(report.claims.first { $0.text.contains("after a debate of almost four hours") && $0.language == "en" })
        let shorter = try #require(report.claims.first { $0.text == "The plan passed by 14 votes to 7." })
        #expect(fuller.links.contains { $0.claim == shorter.id && $0.kind == .elaboration })
        #expect(shorter.links.contains { $0.claim == fuller.id && $0.kind == .elaboratedBy })
        // The Spanish sentence tells as much as the fuller English one: the same fact.
        let spanish = try #require(report.claims.first { $0.text.contains("14 votos a favor") })
        #expect(fuller.links.contains { $0.claim == spanish.id && $0.kind == .same })
    }
}
