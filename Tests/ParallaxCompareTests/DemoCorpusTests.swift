import Foundation
import ParallaxCompare
import ParallaxCore
import ParallaxPipeline
import Testing
import TestSupport

/// The deliberate cases of the demo corpus (Demo/corpus/README.md, expected.json), each
/// through the standard pipeline.
@Suite struct DemoCorpusTests {
    static let corpus = SharedData.packageRoot.appendingPathComponent("Demo/corpus")

    /// Publication days from expected.json, by file name.
    static func publishedDays() throws -> [String: CalendarDay] {
        let data = try Data(contentsOf: corpus.appendingPathComponent("expected.json"))
        let root = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let articles = try #require(root["articles"] as? [[String: Any]])
        var days: [String: CalendarDay] = [:]
        for article in articles {
            if let file = article["file"] as? String, let day = (article["published_day"] as? String).flatMap(CalendarDay.init(iso:)) {
                days[file] = day
            }
        }
        return days
    }

    /// The articles of one event, compared. A plain-text article whose date the extractor
    /// does not read gets its day from expected.json, as `parallax compare --published` gives it.
    static func report(_ event: String) throws -> StoryReport {
        let pipeline = try Pipeline.standard()
        let files = try FileManager.default.contentsOfDirectory(atPath: corpus.path)
            .filter { $0.hasPrefix(event + "-") && ($0.hasSuffix(".html") || $0.hasSuffix(".txt")) }.sorted()
        #expect(files.count == 3)
        let days = try publishedDays()
        var articles = try pipeline.extract(files.map { corpus.appendingPathComponent($0).path }).map { try $0.get() }
        for index in articles.indices where articles[index].published == nil {
            articles[index].published = days[name(articles[index].source)]?.date
        }
        return pipeline.compare(articles)
    }

    static func name(_ source: String) -> String { URL(fileURLWithPath: source).lastPathComponent }

    static func from(_ file: String) -> (String) -> Bool { { name($0) == file } }

    /// (a) One wire story run by two outlets counts as one source.
    @Test func theSyndicatedCopyIsOneSource() throws {
        let report = try Self.report("ferry-strike")
        let original = "ferry-strike-northerndailypost-en.html", copy = "ferry-strike-harbourlinenews-en.txt"
        let group = try #require(report.copies.first)
        #expect(report.copies.count == 1)
        #expect(group.sources.map(Self.name) == [original, copy])
        #expect(group.first.map(Self.name) == original)
        #expect(group.similarity >= 0.5)
        #expect(report.firstPublished.map(Self.name) == original)
        // Nothing is corroborated by the copy alone.
        for claim in report.corroborated {
            #expect(claim.independentSources >= 2)
            let names = Set(claim.sentences.map { Self.name($0.source) })
            #expect(names != [original, copy])
        }
        let added = report.unique.filter { $0.text.contains("ticket holders would be refunded in full") }
        #expect(added.map { Self.name($0.source) } == [copy])
    }

    /// (h) A councillor accuses the warehouse's owner: a hostile relation between two named
    /// actors, dated by the article's publication day.
    @Test func theAccusationIsARelation() throws {
        let report = try Self.report("harbor-fire")
        let relation = try #require(report.relations.first { Set($0.actors) == ["Bernd Ahlers", "Halvorsen Logistik"] })
        let event = try #require(relation.events.first)
        #expect(relation.events.count == 1)
        #expect(event.kind == "accuse" && event.tone < 0 && event.from == "Bernd Ahlers" && event.to == "Halvorsen Logistik")
        #expect(event.date == "2026-03-12" && event.datedBy == "published")
        #expect(Self.name(event.source) == "harbor-fire-balticledger-en.txt")
    }

    /// (b) 1,500 evacuated against 1,200.
    @Test func theDifferingNumberIsAConflict() throws {
        let report = try Self.report("harbor-fire")
        let numbers = report.conflicts.filter { $0.kind == .number }
        let evacuated = numbers.filter { conflict in
            conflict.sides.contains { Self.name($0.source) == "harbor-fire-balticledger-en.txt" && $0.value.contains("1,500") }
                && conflict.sides.contains { $0.value.contains("1,200") || $0.value.contains("1.200") }
        }
        #expect(!evacuated.isEmpty, "conflicts: \(numbers.map { $0.sides.map(\.value) })")
        // The two 1,200 reports do not conflict with each other.
        #expect(!numbers.contains { conflict in conflict.sides.allSatisfy { $0.value.contains("1,200") || $0.value.contains("1.200") } })
    }

    /// (c) "about €40 million" covers €42 million.
    @Test func anApproximationIsNoConflict() throws {
        let report = try Self.report("desal-vote")
        let cost = report.conflicts.filter { conflict in conflict.sides.contains { $0.value.contains("40 million") } }
        #expect(cost.isEmpty)
        // Not because the sentences were never compared: they state one fact.
        let vote = report.corroborated.first { claim in
            claim.sentences.contains { $0.text.contains("about €40 million") } && claim.sentences.contains { $0.text.contains("€42 million") }
        }
        #expect(vote != nil)
    }

    /// (d) Brettschneider's quote in English and in German.
    @Test func theTranslatedQuoteIsMatched() throws {
        let report = try Self.report("harbor-fire")
        let quote = report.quotes.first { $0.speaker?.contains("Brettschneider") == true }
        #expect(quote?.translated == true)
        #expect(Set(quote?.variants.map { Self.name($0.source) } ?? [])
                == ["harbor-fire-coastaltimes-en.html", "harbor-fire-hafenblattnord-de.html"])
        #expect(quote?.variants.contains { $0.text.contains("roof collapsed within twenty minutes") } == true)
        #expect(quote?.variants.contains { $0.text.contains("zwanzig Minuten") } == true)
        #expect(report.conflicts.filter { $0.kind == .quote }.isEmpty)
    }

    /// (e) The Mediterranean Observer leaves out the plant's capacity.
    @Test func theOmittedCapacityShows() throws {
        let report = try Self.report("desal-vote")
        let omitted = report.omissions.first { Self.name($0.source) == "desal-vote-mediterraneanobserver-en.txt" }
        let capacity = omitted?.claims.first { $0.text.contains("12,000 cubic metres") || $0.text.contains("12.000 metros") }
        #expect(capacity != nil)
        // Shown in the omitting source's language.
        #expect(capacity.map { Self.name($0.source) } == "desal-vote-iberianreport-en.html")
        // The sources that state it omit nothing of it.
        for omission in report.omissions where Self.name(omission.source) != "desal-vote-mediterraneanobserver-en.txt" {
            #expect(!omission.claims.contains { $0.text.contains("12,000 cubic metres") || $0.text.contains("12.000 metros") })
        }
    }

    /// (f) "on Tuesday" (published 11 March) and "on 10 March" (published 12 March) agree.
    @Test func relativeAndAbsoluteDatesAgree() throws {
        let report = try Self.report("harbor-fire")
        let tenth = DayInterval.day(CalendarDay(year: 2026, month: 3, day: 10))
        let tuesday = report.times.first { Self.name($0.source) == "harbor-fire-coastaltimes-en.html" && $0.text == "on Tuesday" }
        let tenthOfMarch = report.times.first { Self.name($0.source) == "harbor-fire-balticledger-en.txt" && $0.text == "on 10 March" }
        #expect(tuesday?.resolved == tenth)
        #expect(tenthOfMarch?.resolved == tenth)
        #expect(report.conflicts.filter { $0.kind == .date }.isEmpty)
        // The fire is one day on the timeline, stated by both.
        let fire = report.timeline.first { $0.start == tenth.start && $0.end == tenth.end && $0.text.contains("fertiliser warehouse") }
        let fireSources = Set(fire?.sources.map(Self.name) ?? [])
        #expect(fireSources.isSuperset(of: ["harbor-fire-coastaltimes-en.html", "harbor-fire-balticledger-en.txt"]))
    }

    /// Translations share little but their names and numbers: next to an aligned pair, the
    /// German and English sentences on the fourteen treated and on the mayor's quoted warning
    /// are corroborated on a number or a name and one more word.
    @Test func translatedNeighboursAreCorroborated() throws {
        let report = try Self.report("harbor-fire")
        func corroborated(_ german: String, _ english: String) -> Bool {
            report.corroborated.contains { claim in
                claim.sentences.contains { $0.text.contains(german) } && claim.sentences.contains { $0.text.contains(english) }
            }
        }
        #expect(corroborated("Vierzehn Menschen wurden", "Fourteen people were treated"))
        #expect(corroborated("soll niemand daneben schlafen", "nobody should sleep next to it"))
    }

    /// What only one source says is listed as a sentence a reader can follow: a quote with its
    /// speaker, not the speaker alone; no picture credit; and no part of a corroborated
    /// sentence whose only news is a place the other language names too.
    @Test func whatOneSourceAloneSaysReadsWhole() throws {
        let fire = try Self.report("harbor-fire")
        let unique = fire.unique.map(\.text)
        #expect(unique.contains { $0.hasPrefix("“At this stage we are ruling nothing out") && $0.hasSuffix("said senior prosecutor Annette Kühl.") },
                "\(unique)")
        #expect(!unique.contains { $0.hasPrefix("said senior prosecutor") })
        #expect(!unique.contains { $0.hasPrefix("Photo:") })
        // "ein Krankenhaus in Bremerhaven" in the German report: the English sentence on the two
        // dock workers is corroborated and adds nothing new.
        #expect(!unique.contains { $0.contains("Bremerhaven") }, "\(unique)")
        let theft = try Self.report("manuscript-theft").unique.map(\.text)
        #expect(theft.contains { $0.hasPrefix("Security consultant Gérard Tissot, who advises several French municipalities, called gaps") },
                "\(theft)")
        #expect(!theft.contains { $0 == "Security consultant Gérard Tissot" || $0.hasPrefix("Photo:") })
        // A byline, a dateline and a copyright line are the page's, not the story's: neither
        // claims nor events of the timeline.
        let vote = try Self.report("desal-vote"), ferry = try Self.report("ferry-strike")
        #expect(!vote.unique.contains { $0.text.hasPrefix("Por Lucía Berenguer") })
        let stamps = (vote.timeline + ferry.timeline).map(\.text).filter { $0.hasPrefix("©") || $0.contains(" · ") }
        #expect(stamps.isEmpty, "\(stamps)")
    }

    /// (g) "on 4 March" against Thursday 5 March.
    @Test func differentDaysOfTheVoteConflict() throws {
        let report = try Self.report("desal-vote")
        let dates = report.conflicts.filter { $0.kind == .date }
        let vote = dates.first { conflict in
            conflict.sides.contains { Self.name($0.source) == "desal-vote-mediterraneanobserver-en.txt" && $0.value.hasPrefix("on 4 March") }
                && conflict.sides.contains { $0.value.contains("(2026-03-05)") }
        }
        #expect(vote != nil, "date conflicts: \(dates.map { $0.sides.map(\.value) })")
        // The Spanish and English 5 March reports agree with each other.
        #expect(!dates.contains { conflict in conflict.sides.allSatisfy { $0.value.contains("2026-03-05") } })
        // A past-tense sentence ("approved plans for …") places "4 March" before its 2026-03-07 publication.
        #expect(vote?.sides.contains { $0.value == "on 4 March (2026-03-04)" } == true)
    }
}
