import Foundation
import Hummingbird
import HummingbirdTesting
import ParallaxCore
import ParallaxPipeline
import ParallaxStore
import Testing
import TestSupport
@testable import ParallaxServer

/// `GET /api/stories/{id}/claims` and `GET /api/claims/{id}` over a store the seeds were
/// posted into.
@Suite struct ClaimAPITests {
    struct StoryClaimsBody: Decodable {
        var storyID: Int64
        var articleCount: Int
        var claims: [Claim]
    }

    struct ClaimBody: Decodable {
        var storyID: Int64
        var claim: Claim
    }

    @Test func aStorysClaimsAreServedStoredAndLinked() async throws {
        let server = try TestServer()
        let store = try SQLiteStore(path: server.directory.appendingPathComponent("stories.db").path)
        try await server.test { client in
            let posted = try await client.postSeeds()
            let story = try #require(posted[0].json["storyID"] as? Int)
            #expect(try await store.claims(inStory: Int64(story)) == nil)

            let response = try await client.get("/api/stories/\(story)/claims")
            #expect(response.status == .ok)
            #expect(response.headers[.contentType]?.hasPrefix("application/json") == true)
            let body = try response.decode(StoryClaimsBody.self)
            #expect(body.storyID == Int64(story) && body.articleCount == 2)
            #expect(body.claims.count >= 10)
            #expect(Set(body.claims.map(\.articleID)).count == 2)
            let detail = try await client.get("/api/stories/\(story)").decode(StoryDetail.self)
            #expect(body.claims == detail.report.claims)

            // The first request saved them: the store (any process on it) reads them back.
            let stored = try #require(try await store.claims(inStory: Int64(story)))
            #expect(stored.claims == body.claims)
            // Offsets locate each sentence in its stored article.
            let articles = try await store.articles(inStory: Int64(story))
            for claim in stored.claims {
                let article = try #require(articles.first { $0.article.id == claim.articleID }).article
                #expect(article.text.substring(TextSpan(start: claim.start, end: claim.end)) == claim.text)
            }
            // The seeds' corroborated facts are linked as the same fact.
            let linked = try #require(body.claims.first { $0.links.contains { $0.kind == .same } })
            #expect(!body.claims.contains { $0.links.contains { $0.kind == .contradiction || $0.kind == .differentValue } })

            let one = try await client.get("/api/claims/\(linked.id)")
            #expect(one.status == .ok)
            let claim = try one.decode(ClaimBody.self)
            #expect(claim.storyID == Int64(story))
            #expect(claim.claim == linked)
            let other = try #require(linked.links.first { $0.kind == .same })
            let back = try await client.get("/api/claims/\(other.claim)").decode(ClaimBody.self)
            #expect(back.claim.links.contains { $0.claim == linked.id && $0.kind == .same })

            // The story page counts the links between claims.
            let sameCount = body.claims.flatMap { claim in claim.links.filter { $0.kind == .same && claim.id < $0.claim } }.count
            let page = try await client.get("/stories/\(story)").text
            #expect(page.contains("<h2>Claim links (\(sameCount))</h2>"))
            #expect(page.contains("\(sameCount) same fact"))
        }
    }

    @Test func aClaimIsFoundBeforeItsStorysClaimsWereAskedFor() async throws {
        try await TestServer().test { client in
            let posted = try await client.postSeeds()
            let article = try #require(posted[1].json["articleID"] as? String)
            let story = try #require(posted[1].json["storyID"] as? Int)
            // Sentence indices of a claim are not known without the claims; try the first few.
            var found: ClaimBody?
            for sentence in 0..<40 where found == nil {
                let response = try await client.get("/api/claims/\(Claim.id(articleID: article, sentence: sentence))")
                if response.status == .ok { found = try response.decode(ClaimBody.self) } else { #expect(response.status == .notFound) }
            }
            let claim = try #require(found)
            #expect(claim.storyID == Int64(story) && claim.claim.articleID == article)
        }
    }

    @Test func unknownStoriesAndClaimsAreNotFound() async throws {
        try await TestServer().test { client in
            _ = try await client.postSeeds()
            for uri in ["/api/stories/999999/claims", "/api/stories/abc/claims", "/api/claims/nosuch:3", "/api/claims/nosuch",
                        "/api/claims/%3A7"] {
                let response = try await client.get(uri)
                #expect(response.status == .notFound, "\(uri)")
                #expect(response.error?.status == 404, "\(uri)")
            }
        }
    }

    @Test func aNewArticleReplacesTheStoredClaims() async throws {
        let server = try TestServer()
        let store = try SQLiteStore(path: server.directory.appendingPathComponent("stories.db").path)
        try await server.test { client in
            let first = try await client.postFile(SharedData.url(SharedData.seed000), published: "2026-02-05")
            let story = try #require(first.json["storyID"] as? Int)
            let alone = try await client.get("/api/stories/\(story)/claims").decode(StoryClaimsBody.self)
            #expect(alone.articleCount == 1)
            #expect(alone.claims.allSatisfy { $0.links.isEmpty })

            let second = try await client.postFile(SharedData.url(SharedData.seed002), published: "2026-02-04")
            #expect(second.json["storyID"] as? Int == story)
            #expect(try await store.claims(inStory: Int64(story)) == nil)
            let both = try await client.get("/api/stories/\(story)/claims").decode(StoryClaimsBody.self)
            #expect(both.articleCount == 2)
            #expect(both.claims.contains { !$0.links.isEmpty })
            #expect(try await store.claims(inStory: Int64(story))?.articleCount == 2)
        }
    }
}
