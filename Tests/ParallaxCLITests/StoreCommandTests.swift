import Foundation
import Testing
import TestSupport

/// `parallax ingest`, `stories`, `story` and `search` on real and demo articles, each test
/// with a store of its own in a temporary directory.
@Suite struct StoreCommandTests {
    /// A fresh store path; the directory is removed by `cleanup`.
    struct TemporaryDB {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("parallax-cli-\(UUID().uuidString)")
        var path: String { directory.appendingPathComponent("store/parallax.db").path }
        func cleanup() { try? FileManager.default.removeItem(at: directory) }
    }

    /// The demo corpus's articles (its .html and .txt files; README.md and expected.json are not articles).
    static var demoArticles: [String] {
        let folder = SharedData.packageRoot.appendingPathComponent("Demo/corpus")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".html") || $0.hasSuffix(".txt") }.sorted().map { folder.appendingPathComponent($0).path }
    }

    /// The demo event an article belongs to: its file name up to the outlet (`harbor-fire-…`).
    static func demoEvent(_ source: String) -> String {
        let name = URL(fileURLWithPath: source).deletingPathExtension().lastPathComponent
        return name.split(separator: "-").dropLast(2).joined(separator: "-")
    }

    struct Story: Decodable {
        var id: Int64
        var title: String
        var articleCount: Int
        var languages: [String]
        var firstPublished: String?
        var lastPublished: String?
    }

    struct Detail: Decodable {
        struct Member: Decodable {
            var id: String
            var source: String
            var title: String
            var copyOf: String?
        }
        struct Report: Decodable {
            struct Source: Decodable { var source: String }
            var version: Int
            var sources: [Source]
        }
        var story: Story
        var articles: [Member]
        var report: Report
    }

    static func stories(_ db: String) throws -> [Story] {
        let result = try CLI.run(["stories", "--db", db, "--format", "json", "--limit", "1000"])
        #expect(result.status == 0)
        return try result.stdout.split(separator: "\n").map { try JSONDecoder().decode(Story.self, from: Data($0.utf8)) }
    }

    static func detail(_ id: Int64, _ db: String) throws -> Detail {
        let result = try CLI.run(["story", String(id), "--db", db, "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        return try JSONDecoder().decode(Detail.self, from: Data(result.stdout.utf8))
    }

    @Test func theTwoSeedsBecomeOneStory() throws {
        let db = TemporaryDB()
        defer { db.cleanup() }
        let seeds = [SharedData.path(SharedData.seed000), SharedData.path(SharedData.seed002)]
        // The seeds' texts carry no publication date: they are given, as for `parallax compare`.
        let dates = ["--published", "000_966d9cde3196cb2c.txt=2026-02-05", "--published", "002_852c5d5ab8b24171.txt=2026-02-04"]
        let ingest = try CLI.run(["ingest"] + seeds + dates + ["--db", db.path])
        #expect(ingest.status == 0, "\(ingest.stderr)")
        #expect(!ingest.stderr.contains("stored"))  // no progress line in a pipe
        #expect(ingest.stdout.hasPrefix("2 stored, 0 already stored, 0 failed; 1 stories updated (1 new)"))

        let stories = try Self.stories(db.path)
        #expect(stories.count == 1)
        #expect(stories.first?.articleCount == 2)
        #expect(stories.first?.firstPublished == "2026-02-04T00:00:00Z")
        #expect(stories.first?.lastPublished == "2026-02-05T00:00:00Z")
        let detail = try Self.detail(try #require(stories.first).id, db.path)
        #expect(Set(detail.articles.map(\.source)) == Set(seeds))
        #expect(detail.report.version == 1)
        #expect(Set(detail.report.sources.map(\.source)) == Set(seeds))

        let text = try CLI.run(["story", String(detail.story.id), "--db", db.path])
        #expect(text.status == 0)
        #expect(text.stdout.contains(seeds[0]) && text.stdout.contains(seeds[1]))
        let markdown = try CLI.run(["story", String(detail.story.id), "--db", db.path, "--format", "md"])
        #expect(markdown.stdout.hasPrefix("# Story \(detail.story.id): "))
    }

    @Test func theDemoCorpusGivesOneStoryPerEventAndASecondRunStoresNothing() throws {
        let db = TemporaryDB()
        defer { db.cleanup() }
        let files = Self.demoArticles
        #expect(files.count == 12)
        // The folder as `make demo` ingests it: its README and expected.json are not articles.
        let folder = SharedData.packageRoot.appendingPathComponent("Demo/corpus").path
        let ingest = try CLI.run(["ingest", folder, "--db", db.path])
        #expect(ingest.status == 0, "\(ingest.stderr)")
        #expect(ingest.stdout.hasPrefix("12 stored, 0 already stored, 0 failed"))

        let stories = try Self.stories(db.path)
        var eventsOfStory: [Int64: Set<String>] = [:]
        for story in stories {
            eventsOfStory[story.id] = Set(try Self.detail(story.id, db.path).articles.map { Self.demoEvent($0.source) })
        }
        // No story mixes two events, and each event is one story.
        #expect(eventsOfStory.values.allSatisfy { $0.count == 1 })
        #expect(stories.count == 4)
        #expect(Set(eventsOfStory.values.flatMap { $0 }) == ["harbor-fire", "ferry-strike", "desal-vote", "manuscript-theft"])
        #expect(stories.allSatisfy { $0.articleCount == 3 && $0.languages.count == 2 })

        // Of the wire report and its syndicated copy, the later one is recognised as a copy of the earlier.
        let ferry = try #require(stories.first { eventsOfStory[$0.id] == ["ferry-strike"] })
        let wire = try Self.detail(ferry.id, db.path).articles.filter {
            $0.source.hasSuffix("ferry-strike-northerndailypost-en.html") || $0.source.hasSuffix("ferry-strike-harbourlinenews-en.txt")
        }
        #expect(wire.count == 2)
        #expect(wire.compactMap(\.copyOf).count == 1)
        #expect(wire.compactMap(\.copyOf).allSatisfy { copied in wire.contains { $0.id == copied } })

        // Again: nothing new, the same stories.
        let again = try CLI.run(["ingest"] + files + ["--db", db.path])
        #expect(again.status == 0)
        #expect(again.stdout.hasPrefix("0 stored, 12 already stored, 0 failed; 0 stories updated (0 new)"))
        #expect(try Self.stories(db.path).map(\.id) == stories.map(\.id))
    }

    @Test func aSecondRunContinuesTheStoriesOfTheFirst() throws {
        let db = TemporaryDB()
        defer { db.cleanup() }
        // The first run gets two reports of each event, the second the third report.
        var byEvent: [String: [String]] = [:]
        for file in Self.demoArticles { byEvent[Self.demoEvent(file), default: []].append(file) }
        let first = byEvent.values.flatMap { $0.prefix(2) }.sorted()
        let second = byEvent.values.flatMap { $0.dropFirst(2) }.sorted()
        #expect(first.count == 8 && second.count == 4)
        #expect(try CLI.run(["ingest"] + first + ["--db", db.path]).status == 0)
        let before = try Self.stories(db.path)
        #expect(before.count == 4)

        let resumed = try CLI.run(["ingest"] + second + ["--db", db.path])
        #expect(resumed.status == 0)
        #expect(resumed.stdout.hasPrefix("4 stored, 0 already stored, 0 failed; 4 stories updated (0 new)"))
        let after = try Self.stories(db.path)
        #expect(Set(after.map(\.id)) == Set(before.map(\.id)))
        #expect(after.allSatisfy { $0.articleCount == 3 })
        for story in after {
            #expect(Set(try Self.detail(story.id, db.path).articles.map { Self.demoEvent($0.source) }).count == 1)
        }
    }

    @Test func searchFindsTheEventsArticlesAcrossLanguages() throws {
        let db = TemporaryDB()
        defer { db.cleanup() }
        #expect(try CLI.run(["ingest"] + Self.demoArticles + ["--db", db.path]).status == 0)
        let result = try CLI.run(["search", "Kessinghafen", "--db", db.path, "--format", "json"])
        #expect(result.status == 0)
        struct Hit: Decodable { var source: String; var storyID: Int64?; var score: Double; var snippet: String }
        let hits = try result.stdout.split(separator: "\n").map { try JSONDecoder().decode(Hit.self, from: Data($0.utf8)) }
        #expect(hits.count == 3)
        #expect(hits.allSatisfy { Self.demoEvent($0.source) == "harbor-fire" && $0.snippet.contains("\u{2}") })
        #expect(Set(hits.compactMap(\.storyID)).count == 1)
        // Accents do not matter: "Ferrándiz" is found as "ferrandiz".
        let accentless = try CLI.run(["search", "ferrandiz", "--db", db.path])
        #expect(accentless.status == 0)
        #expect(accentless.stdout.contains("desal-vote"))
        #expect(!accentless.stdout.contains("harbor-fire"))
    }

    @Test func badInputsAreOneLineErrorsAndTheRestIsStored() throws {
        let db = TemporaryDB()
        defer { db.cleanup() }
        try FileManager.default.createDirectory(at: db.directory, withIntermediateDirectories: true)
        let empty = db.directory.appendingPathComponent("empty.txt").path
        #expect(FileManager.default.createFile(atPath: empty, contents: Data()))
        let lines = """
            {"id": "a", "title": "Ferry strike ends", "text": "The ferry crews of Nordvik Ferries went back to work on Friday after the mediator's proposal was accepted.", "lang": "en", "published": "2026-03-07"}
            not json
            {"id": "b", "title": "No text"}

            """
        let result = try CLI.run(["ingest", "/nonexistent/page.html", empty, SharedData.path(SharedData.seed000), "-", "--db", db.path],
                                 stdin: Data(lines.utf8))
        #expect(result.status == 1)
        let errors = result.stderr.split(separator: "\n").filter { $0.hasPrefix("parallax: ") }
        #expect(errors.count == 4)
        #expect(errors.contains { $0.contains("/nonexistent/page.html") })
        #expect(errors.contains { $0.contains(empty) })
        #expect(errors.contains { $0.contains("-:2") })
        #expect(errors.contains { $0.contains("-:3") && $0.contains("text") })
        #expect(result.stdout.hasPrefix("2 stored, 0 already stored, 4 failed"))
        #expect(try Self.stories(db.path).map(\.articleCount).reduce(0, +) == 2)
    }

    /// Records without a title (as the SemEval and stream files give them) are listed by the
    /// opening of their text, not as untitled: the story list, the story's articles and the
    /// report's sources all name them.
    @Test func untitledRecordsAreListedByTheirOpening() throws {
        let db = TemporaryDB()
        defer { db.cleanup() }
        let lines = """
            {"id": "a", "text": "Ferry crews end their strike  The crews of Nordvik Ferries went back to work on Friday after the mediator's proposal was accepted by both sides.", "lang": "en", "published": "2026-03-07"}
            {"id": "b", "text": "Nordvik Ferries crews went back to work on Friday after accepting the mediator's proposal, ending the strike that had stopped the island routes.", "lang": "en", "published": "2026-03-07"}

            """
        let result = try CLI.run(["ingest", "-", "--db", db.path], stdin: Data(lines.utf8))
        #expect(result.status == 0, "\(result.stderr)")
        let stories = try Self.stories(db.path)
        #expect(stories.map(\.title) == ["Ferry crews end their strike"])
        let detail = try Self.detail(try #require(stories.first).id, db.path)
        #expect(detail.articles.map(\.title) == ["", ""])
        let text = try CLI.run(["story", String(detail.story.id), "--db", db.path])
        #expect(text.stdout.contains("1. Ferry crews end their strike\n"))
        #expect(text.stdout.contains("2. Nordvik Ferries crews went back to work on Friday after accepting the mediator's…\n"))
        #expect(text.stdout.contains("[1] Ferry crews end their strike — "))
        #expect(!text.stdout.contains("(untitled)"))
    }

    @Test func anUnknownStoryIsAnErrorNamingIt() throws {
        let db = TemporaryDB()
        defer { db.cleanup() }
        let result = try CLI.run(["story", "42", "--db", db.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("no story 42"))
        let empty = try CLI.run(["stories", "--db", db.path])
        #expect(empty.status == 0)
        #expect(empty.stdout.isEmpty)
    }
}
