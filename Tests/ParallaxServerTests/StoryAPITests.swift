import Foundation
import Hummingbird
import HummingbirdTesting
import ParallaxCore
import ParallaxPipeline
import ParallaxStore
import Testing
import TestSupport
@testable import ParallaxServer

@Suite struct StoryAPITests {
    @Test func seedsPostedThroughTheAPILandInOneComparedStory() async throws {
        try await TestServer().test { client in
            let posted = try await client.postSeeds()
            #expect(posted.map(\.status) == [.created, .created])
            let first = posted[0].json, second = posted[1].json
            let story = try #require(first["storyID"] as? Int)
            #expect(second["storyID"] as? Int == story)
            #expect(first["openedStory"] as? Bool == true && second["openedStory"] as? Bool == false)
            #expect(posted[0].headers[.location] == "/api/articles/\(first["articleID"] as? String ?? "")")

            let response = try await client.get("/api/stories/\(story)")
            #expect(response.status == .ok)
            #expect(response.headers[.contentType]?.hasPrefix("application/json") == true)
            let detail = try response.decode(StoryDetail.self)
            #expect(detail.story.id == Int64(story))
            #expect(detail.articles.count == 2)
            #expect(Set(detail.articles.map(\.id)) == Set([first["articleID"] as? String, second["articleID"] as? String].compactMap { $0 }))
            #expect(detail.report.sources.count == 2)
            #expect(detail.report.sameStory)
            // Corroborations: facts both reports state, each with a sentence of each source.
            let bothSources = detail.report.corroborated.filter { Set($0.sentences.map(\.source)).count == 2 }
            #expect(!bothSources.isEmpty)
            // The publication days given with the texts resolve relative dates into a timeline.
            #expect(!detail.report.timeline.isEmpty)

            // Posting the same report again stores nothing and names the stored article.
            let again = try await client.postFile(SharedData.url(SharedData.seed000), published: "2026-02-05")
            #expect(again.status == .ok)
            #expect(again.json["status"] as? String == "duplicate")
            #expect(again.json["articleID"] as? String == first["articleID"] as? String)
            #expect(again.json["storyID"] as? Int == story)

            // Its page shows both articles side by side, the corroborated claims marked and
            // linked to their sentences.
            let page = try await client.get("/stories/\(story)")
            #expect(page.status == .ok)
            #expect(page.headers[.contentType]?.hasPrefix("text/html") == true)
            let html = page.text
            #expect(html.contains("<div class=\"columns\">"))
            #expect(html.components(separatedBy: "<article class=\"card column\"").count - 1 == 2)
            for source in detail.report.sources { #expect(html.contains(HTML.escape(source.title))) }
            for claim in bothSources {
                for sentence in claim.sentences {
                    let number = try #require(detail.report.sources.firstIndex { $0.source == sentence.source }) + 1
                    let anchor = "s\(number)-\(sentence.start)-\(sentence.end)"
                    #expect(html.contains("id=\"\(anchor)\""), "sentence span \(anchor)")
                    #expect(html.contains("href=\"#\(anchor)\""), "link to \(anchor)")
                }
            }
            #expect(html.contains("class=\"claim corroborated\""))

            // The article itself, with its text.
            let articleID = try #require(first["articleID"] as? String)
            let article = try await client.get("/api/articles/\(articleID)")
            #expect(article.status == .ok)
            let body = article.json
            #expect(body["storyID"] as? Int == story)
            let stored = try #require(body["article"] as? [String: Any])
            #expect(stored["id"] as? String == articleID)
            #expect((stored["text"] as? String)?.isEmpty == false)
        }
    }

    /// With an embedder (`parallax serve --embedder`), a posted report in another script
    /// joins the story of the same event, which words alone cannot tell.
    @Test func postedReportsJoinAcrossScriptsWithAnEmbedder() async throws {
        let reports: [[String: String]] = [
            ["title": "東京で大規模な停電", "text": "東京都内の広い範囲で停電が発生し、鉄道の運行が止まった。", "lang": "ja", "published": "2026-02-03"],
            ["title": "Масштабное отключение электроэнергии", "text": "В столице Японии остановились поезда из-за отключения света.",
             "lang": "ru", "published": "2026-02-03"],
        ]
        for embedder in [nil, TopicEmbedder(topics: [["停電", "отключение"]]) as (any TextEmbedder)?] {
            try await TestServer(ingestOptions: IngestOptions(embedder: embedder)).test { client in
                var stories: [Int] = []
                for report in reports {
                    let response = try await client.postJSON(report)
                    #expect(response.status == .created)
                    stories.append(try #require(response.json["storyID"] as? Int))
                }
                #expect((stories[0] == stories[1]) == (embedder != nil))
            }
        }
    }

    @Test func jsonArticlesAreStoredWithTheirFields() async throws {
        try await TestServer().test { client in
            let text = try SharedData.text(SharedData.seed002)
            let paragraphs = text.components(separatedBy: "\n\n")
            let response = try await client.postJSON([
                "title": paragraphs[0], "text": paragraphs.dropFirst().joined(separator: "\n\n"),
                "url": "https://example.org/news/meeting", "published": "2026-02-04", "lang": "en",
            ])
            #expect(response.status == .created)
            let id = try #require(response.json["articleID"] as? String)
            let article = try #require(try await client.get("/api/articles/\(id)").json["article"] as? [String: Any])
            #expect(article["url"] as? String == "https://example.org/news/meeting")
            #expect(article["title"] as? String == paragraphs[0])
            #expect((article["published"] as? String)?.hasPrefix("2026-02-04") == true)
            #expect(article["language"] as? String == "en")

            let missing = try await client.postJSON(["text": "A body without a title."])
            #expect(missing.status == .badRequest)
            #expect(missing.error?.message.contains("title") == true)
            let notJSON = try await client.post("/api/articles", contentType: "application/json", body: Array("{not json".utf8))
            #expect(notJSON.status == .badRequest)
            let badDate = try await client.postJSON(["title": "T", "text": "Body text.", "published": "yesterday"])
            #expect(badDate.status == .badRequest)
        }
    }

    @Test func badBodiesAreRefusedWithJSONErrors() async throws {
        try await TestServer().test { client in
            let noType = try await client.post("/api/articles", contentType: nil, body: Array("Some text".utf8))
            #expect(noType.status == .unsupportedMediaType)
            #expect(noType.error?.status == 415)
            let image = try await client.post("/api/articles", contentType: "image/png", body: [0x89, 0x50, 0x4E, 0x47])
            #expect(image.status == .unsupportedMediaType)
            let empty = try await client.post("/api/articles", contentType: "text/plain", body: [])
            #expect(empty.status == .badRequest)
            let binary = try await client.post("/api/articles", contentType: "text/plain", body: [UInt8](repeating: 0, count: 300))
            #expect(binary.status == .badRequest)
            #expect(binary.error?.message.isEmpty == false)
            // Nothing was stored.
            #expect(try await client.get("/api/health").json["articles"] as? Int == 0)
        }
    }

    @Test func writesNeedTheToken() async throws {
        try await TestServer().test { client in
            let body = Array(try Data(contentsOf: SharedData.url(SharedData.seed000)))
            let anonymous = try await client.post("/api/articles", contentType: "text/plain", body: body, token: nil)
            #expect(anonymous.status == .unauthorized)
            #expect(anonymous.error?.status == 401)
            let wrong = try await client.post("/api/articles", contentType: "text/plain", body: body, token: "not-the-token")
            #expect(wrong.status == .unauthorized)
            let prefix = try await client.post("/api/articles", contentType: "text/plain", body: body, token: String(TestServer.token.dropLast()))
            #expect(prefix.status == .unauthorized)
            // Reads are public.
            #expect(try await client.get("/api/stories").status == .ok)
            #expect(try await client.get("/api/health").json["articles"] as? Int == 0)
        }
        try await TestServer(token: nil).test { client in
            let body = Array(try Data(contentsOf: SharedData.url(SharedData.seed000)))
            let refused = try await client.post("/api/articles", contentType: "text/plain", body: body)
            #expect(refused.status == .forbidden)
            let message = try #require(refused.error?.message)
            #expect(message.contains("--token") && message.contains(ServerConfiguration.tokenEnvironmentVariable))
        }
    }

    @Test func bodiesOverTheLimitAreRefused() async throws {
        try await TestServer(maxBodyBytes: 1_024).test { client in
            let large = try await client.post("/api/articles", contentType: "text/plain", body: [UInt8](repeating: UInt8(ascii: "a"), count: 4_096))
            #expect(large.status == .contentTooLarge)
            #expect(large.error?.status == 413)
            #expect(large.error?.message.contains("1024") == true)
            let small = try await client.postJSON(["title": "Short", "text": "A short article body that fits in the limit."])
            #expect(small.status == .created)
        }
    }

    @Test func unknownRoutesAndIdsAreNotFound() async throws {
        try await TestServer().test { client in
            let api = try await client.get("/api/nothing-here")
            #expect(api.status == .notFound)
            #expect(api.headers[.contentType]?.hasPrefix("application/json") == true)
            #expect(api.error?.status == 404)
            let story = try await client.get("/api/stories/999")
            #expect(story.status == .notFound)
            #expect(story.error?.message.contains("999") == true)
            #expect(try await client.get("/api/stories/not-a-number").status == .notFound)
            #expect(try await client.get("/api/articles/0123456789abcdef").error?.status == 404)
            let page = try await client.get("/no/such/page")
            #expect(page.status == .notFound)
            #expect(page.headers[.contentType]?.hasPrefix("text/html") == true)
            #expect(page.text.contains("Page not found"))
            #expect(try await client.get("/stories/999").status == .notFound)
            let badLimit = try await client.get("/api/stories?limit=0")
            #expect(badLimit.status == .badRequest)
            #expect(badLimit.error?.message.contains("limit") == true)
            #expect(try await client.get("/api/search").status == .badRequest)
        }
    }
}
