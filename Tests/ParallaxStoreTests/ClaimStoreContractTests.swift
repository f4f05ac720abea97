import Foundation
import ParallaxCore
import ParallaxStore
import Testing
import TestSupport

/// Claims at rest: the behaviour every `StoryStore` backend must have (see `StoryStore.saveClaims`).
@Suite struct ClaimStoreContractTests {
    /// One claim per paragraph of each article (located in the article's text), each number of
    /// the paragraph as a mention, and links between the first paragraphs (`same`) and the
    /// second ones (the first article's `elaboration` of the second's).
    static func claims(_ articles: [Article]) -> [Claim] {
        var claims: [[Claim]] = []
        for article in articles {
            let text = article.text
            var perArticle: [Claim] = []
            var searchFrom = text.startIndex
            for (index, paragraph) in article.paragraphs.enumerated() {
                guard let range = text.range(of: paragraph, range: searchFrom..<text.endIndex) else { continue }
                searchFrom = range.upperBound
                let start = text.scalarOffset(of: range.lowerBound)
                let span = TextSpan(start: start, end: start + paragraph.unicodeScalars.count)
                var numbers: [NumberMention] = []
                var entities: [EntityMention] = []
                for word in paragraph.split(separator: " ") {
                    let offset = start + paragraph.unicodeScalars.distance(from: paragraph.unicodeScalars.startIndex, to: word.startIndex)
                    let wordSpan = TextSpan(start: offset, end: offset + word.unicodeScalars.count)
                    if word.allSatisfy(\.isNumber), let value = Double(word) {
                        numbers.append(NumberMention(text: String(word), span: wordSpan, sentence: index, value: value, unit: nil,
                                                     qualifier: .exact))
                    } else if entities.isEmpty, word.first?.isUppercase == true, word.count > 3 {
                        entities.append(EntityMention(text: String(word), span: wordSpan, sentence: index, key: word.lowercased(),
                                                      name: String(word), kind: .other))
                    }
                }
                perArticle.append(Claim(
                    id: Claim.id(articleID: article.id, sentence: index), articleID: article.id, source: article.source,
                    sentence: index, text: text.substring(span), start: span.start, end: span.end, language: article.language ?? "und",
                    entities: entities, numbers: numbers,
                    times: [TimeMention(text: "published", span: span, sentence: index,
                                        resolved: article.published.map { .day(CalendarDay($0)) }, isRelative: false)]))
            }
            claims.append(perArticle)
        }
        if claims.count >= 2, claims[0].count >= 2, claims[1].count >= 2 {
            claims[0][0].links = [Claim.Link(claim: claims[1][0].id, kind: .same, score: 0.625)]
            claims[1][0].links = [Claim.Link(claim: claims[0][0].id, kind: .same, score: 0.625)]
            claims[0][1].links = [Claim.Link(claim: claims[1][1].id, kind: .elaboration, score: 0.25),
                                  Claim.Link(claim: claims[1][0].id, kind: .differentValue, score: 0.125)]
            claims[1][1].links = [Claim.Link(claim: claims[0][1].id, kind: .elaboratedBy, score: 0.25)]
            claims[1][0].links.append(Claim.Link(claim: claims[0][1].id, kind: .differentValue, score: 0.125))
        }
        return claims.flatMap { $0 }
    }

    /// Two real articles placed in one story; returns the story id.
    static func story(of articles: [Article], in store: any StoryStore) async throws -> Int64 {
        guard case .added(let story, true) = try await store.add(articles[0], placement: .newStory) else { throw Unexpected() }
        for article in articles.dropFirst() {
            guard case .added(story, false) = try await store.add(article, placement: .story(id: story, similarity: 0.5, copyOf: nil)) else {
                throw Unexpected()
            }
        }
        return story
    }

    struct Unexpected: Error {}

    @Test(arguments: Backend.allCases) func claimsComeBackWholeWithTheirLinks(backend: Backend) async throws {
        try await backend.withTemporaryStore { temporary in
            let store = temporary.store
            let articles = try Wikinews.articles(2)
            let story = try await Self.story(of: articles, in: store)
            #expect(try await store.claims(inStory: story) == nil)
            let claims = Self.claims(articles)
            #expect(claims.count > 4)
            #expect(try await store.saveClaims(storyID: story, claims: claims, articleCount: 2))

            let stored = try #require(try await store.claims(inStory: story))
            #expect(stored.storyID == story && stored.articleCount == 2)
            #expect(stored.claims == claims)
            for claim in stored.claims {
                let article = try #require(articles.first { $0.id == claim.articleID })
                #expect(article.text.substring(TextSpan(start: claim.start, end: claim.end)) == claim.text)
            }
            let linked = try #require(try await store.claim(id: claims[1].id))
            #expect(linked.storyID == story)
            #expect(linked.claim == claims[1])
            #expect(linked.claim.links.map(\.kind) == [.elaboration, .differentValue])
            #expect(try await store.claim(id: claims[0].articleID + ":9999") == nil)

            // Another process opening the store reads the same claims.
            let other = try await temporary.location.open()
            #expect(try await other.claims(inStory: story)?.claims == claims)
        }
    }

    @Test(arguments: Backend.allCases) func savingReplacesAndANewArticleInvalidates(backend: Backend) async throws {
        try await backend.withTemporaryStore { temporary in
            let store = temporary.store
            let articles = try Wikinews.articles(3)
            let story = try await Self.story(of: Array(articles.prefix(2)), in: store)
            let claims = Self.claims(Array(articles.prefix(2)))
            try await store.saveClaims(storyID: story, claims: claims, articleCount: 2)

            // Saving again replaces every claim and link.
            let fewer = Array(claims.prefix(2)).map { claim in
                var kept = claim
                kept.links = []
                return kept
            }
            #expect(try await store.saveClaims(storyID: story, claims: fewer, articleCount: 2))
            #expect(try await store.claims(inStory: story)?.claims == fewer)
            #expect(try await store.claim(id: claims[3].id) == nil)

            // Claims computed from fewer articles than the story has are not saved.
            #expect(try await store.saveClaims(storyID: story, claims: claims, articleCount: 1) == false)
            #expect(try await store.claims(inStory: story)?.claims == fewer)

            // A new article in the story deletes its claims: they no longer describe it.
            _ = try await store.add(articles[2], placement: .story(id: story, similarity: 0.4, copyOf: nil))
            #expect(try await store.claims(inStory: story) == nil)
            #expect(try await store.claim(id: fewer[0].id) == nil)
            let all = Self.claims(articles)
            #expect(try await store.saveClaims(storyID: story, claims: all, articleCount: 3))
            #expect(try await store.claims(inStory: story)?.claims.count == all.count)

            // A story of its own keeps its claims when another story grows.
            guard case .added(let lone, true) = try await store.add(try Wikinews.articles(4)[3], placement: .newStory) else {
                Issue.record("not stored")
                return
            }
            #expect(lone != story)
            #expect(try await store.claims(inStory: story)?.claims.count == all.count)

            await #expect(throws: StoreError.self) { try await store.saveClaims(storyID: 999_999, claims: [], articleCount: 1) }
        }
    }
}
