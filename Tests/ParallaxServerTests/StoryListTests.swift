import Foundation
import HummingbirdTesting
import ParallaxCore
import ParallaxPipeline
import ParallaxStore
import Testing
import TestSupport
@testable import ParallaxServer

/// The story list over the demo corpus (twelve reports of four events in five languages),
/// posted through the API.
@Suite struct StoryListTests {
    struct Listed: Decodable {
        var stories: [StoredStory]
        var offset: Int
        var limit: Int
        var nextOffset: Int?
        var total: Int?
    }

    @Test func pagesAndFilters() async throws {
        try #require(DemoCorpus.files.count >= 8, "demo corpus in \(DemoCorpus.directory.path)")
        try await TestServer().test { client in
            for file in DemoCorpus.files {
                let response = try await client.postFile(file)
                #expect(response.status == .created, "\(file.lastPathComponent): \(response.text)")
            }
            let all = try await client.get("/api/stories?limit=200").decode(Listed.self)
            let total = all.stories.count
            #expect(total >= 2)
            #expect(all.total == total && all.nextOffset == nil)
            // Newest first.
            let latest = all.stories.map { $0.lastPublished ?? .distantPast }
            #expect(latest == latest.sorted(by: >))

            // Pages of two cover every story once, in the same order.
            var paged: [Int64] = []
            var offset: Int? = 0
            while let next = offset {
                let page = try await client.get("/api/stories?limit=2&offset=\(next)").decode(Listed.self)
                #expect(page.stories.count <= 2 && page.total == total)
                paged += page.stories.map(\.id)
                offset = page.nextOffset
            }
            #expect(paged == all.stories.map(\.id))

            // Language: exactly the stories with an article in it.
            let languages = Set(all.stories.flatMap(\.languages))
            #expect(languages.count >= 3)
            for language in languages {
                let filtered = try await client.get("/api/stories?language=\(language)").decode(Listed.self)
                #expect(filtered.stories.map(\.id) == all.stories.filter { $0.languages.contains(language) }.map(\.id), "\(language)")
                #expect(filtered.total == filtered.stories.count)
            }
            #expect(try await client.get("/api/stories?language=xx").decode(Listed.self).stories.isEmpty)

            // Dates: a story is in when one of its articles was published within the range.
            let dated = all.stories.filter { $0.firstPublished != nil }
            let newest = try #require(dated.first)
            let day = CalendarDay(try #require(newest.lastPublished))
            let since = try await client.get("/api/stories?since=\(day)").decode(Listed.self)
            #expect(since.stories.map(\.id) == dated.filter { CalendarDay($0.lastPublished!) >= day }.map(\.id))
            #expect(since.stories.contains { $0.id == newest.id })
            let until = try await client.get("/api/stories?until=\(day.adding(days: -1))").decode(Listed.self)
            #expect(!until.stories.contains { $0.id == newest.id && CalendarDay($0.firstPublished!) >= day })
            #expect(until.stories.allSatisfy { CalendarDay($0.firstPublished!) < day })
            let badDate = try await client.get("/api/stories?since=March")
            #expect(badDate.status == .badRequest && badDate.error?.message.contains("since") == true)

            // Entity: a name from one story's report finds that story, and filters combine.
            let detail = try await client.get("/api/stories/\(newest.id)").decode(StoryDetail.self)
            let entity = try #require(detail.report.entities.first { $0.name.contains(" ") } ?? detail.report.entities.first)
            let query = entity.name.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
            let byEntity = try await client.get("/api/stories?entity=\(query)").decode(Listed.self)
            #expect(byEntity.stories.contains { $0.id == newest.id })
            #expect(byEntity.stories.count < total)
            let both = try await client.get("/api/stories?entity=\(query)&language=\(newest.languages[0])&limit=1").decode(Listed.self)
            #expect(both.stories.first?.id == byEntity.stories.first { $0.languages.contains(newest.languages[0]) }?.id)

            // The web UI pages the same list.
            let firstPage = try await client.get("/?limit=2").text
            #expect(firstPage.contains("Older →"))
            for story in all.stories.prefix(2) { #expect(firstPage.contains("href=\"/stories/\(story.id)\"")) }
            if total > 2 { #expect(!firstPage.contains("href=\"/stories/\(all.stories[2].id)\"")) }

            // Search finds the articles and names their stories.
            let search = try await client.get("/api/search?q=\(query)&limit=5").json
            let hits = try #require(search["hits"] as? [[String: Any]])
            #expect(!hits.isEmpty && hits.count <= 5)
            #expect(hits.contains { $0["storyID"] as? Int == Int(newest.id) })
            let searchPage = try await client.get("/search?q=\(query)").text
            #expect(searchPage.contains("<mark>"))
            #expect(searchPage.contains("href=\"/stories/\(newest.id)\""))

            let health = try await client.get("/api/health").json
            #expect(health["status"] as? String == "ok")
            #expect(health["articles"] as? Int == DemoCorpus.files.count)
            #expect(health["stories"] as? Int == total)
        }
    }

    /// The ferry strike's wire story and its syndicated copy print the same sentences: the
    /// story page lists each once among what one source says, with the copy's tag.
    @Test func aCopysSentencesAreListedOnceOnTheStoryPage() async throws {
        try await TestServer().test { client in
            for file in DemoCorpus.files where file.lastPathComponent.hasPrefix("ferry-strike-") {
                #expect(try await client.postFile(file).status == .created)
            }
            let story = try #require(try await client.get("/api/stories").decode(Listed.self).stories.first)
            let page = try await client.get("/stories/\(story.id)").text
            let section = try #require(page.components(separatedBy: "<h2>Only one source").dropFirst().first?
                .components(separatedBy: "<h2>").first)
            #expect(section.components(separatedBy: "We did not want this strike").count == 2, "\(section)")
            #expect(section.contains("also printed by its copy"))
        }
    }
}
