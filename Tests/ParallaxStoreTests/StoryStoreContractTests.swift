import Foundation
import ParallaxCore
import ParallaxStore
import Testing
import TestSupport

/// The behaviour every `StoryStore` backend must have.
@Suite struct StoryStoreContractTests {
    @Test(arguments: Backend.allCases) func anArticleIsStoredOnceByContentAndByURL(backend: Backend) async throws {
        try await backend.withTemporaryStore { temporary in
            let store = temporary.store
            let articles = try Wikinews.articles(2)
            let article = articles[0]
            #expect(try await store.storedDuplicate(of: article) == nil)
            guard case .added(let story, true) = try await store.add(article, placement: .newStory) else {
                Issue.record("the first copy was not stored")
                return
            }
            // The same article again.
            #expect(try await store.add(article, placement: .newStory) == .duplicate(existingID: article.id))
            // The same content read from elsewhere, with different spacing and case: a different id, same content.
            var reread = Article(source: "elsewhere.txt", title: article.title.uppercased(),
                                 paragraphs: article.paragraphs.map { $0.replacingOccurrences(of: " ", with: "  ") })
            reread.language = article.language
            #expect(reread.id != article.id)
            #expect(try await store.storedDuplicate(of: reread) == article.id)
            #expect(try await store.add(reread, placement: .story(id: story, similarity: 1, copyOf: nil)) == .duplicate(existingID: article.id))
            // Another text under the same URL (with a fragment): the page was stored already.
            var sameURL = articles[1]
            sameURL.url = (article.url ?? "") + "#comments"
            #expect(try await store.add(sameURL, placement: .newStory) == .duplicate(existingID: article.id))

            #expect(try await store.counts() == StoreCounts(articles: 1, stories: 1))
            #expect(try await store.story(id: story)?.articleCount == 1)
        }
    }

    @Test(arguments: Backend.allCases) func embeddingsComeBackByArticleAndModel(backend: Backend) async throws {
        try await backend.withTemporaryStore { temporary in
            let store = temporary.store
            let articles = try Wikinews.articles(2)
            for article in articles { _ = try await store.add(article, placement: .newStory) }
            let first: [Float] = [0.25, -1.5, .ulpOfOne, 3e-8], second: [Float] = [1, 0, 0, 0]
            // An id the store does not hold is skipped.
            try await store.saveEmbeddings([articles[0].id: first, articles[1].id: second, "not-stored": second], model: "m1")
            try await store.saveEmbeddings([articles[0].id: second], model: "m2")
            let ids = articles.map(\.id) + ["not-stored"]
            #expect(try await store.embeddings(of: ids, model: "m1") == [articles[0].id: first, articles[1].id: second])
            #expect(try await store.embeddings(of: ids, model: "m2") == [articles[0].id: second])
            #expect(try await store.embeddings(of: ids, model: "m3").isEmpty)
            // Saving again under one model replaces the vector.
            try await store.saveEmbeddings([articles[0].id: second], model: "m1")
            #expect(try await store.embeddings(of: [articles[0].id], model: "m1") == [articles[0].id: second])
            #expect(try await store.embeddings(of: [], model: "m1").isEmpty)
        }
    }

    @Test(arguments: Backend.allCases) func storedArticlesComeBackWhole(backend: Backend) async throws {
        try await backend.withTemporaryStore { temporary in
            var article = try Wikinews.articles(1)[0]
            article.byline = "A. Reporter"
            article.site = "Wikinews"
            article.segments = [Segment(kind: .title, text: article.title, language: "en", confidence: 0.9)]
            guard case .added(let story, _) = try await temporary.store.add(article, placement: .newStory) else {
                Issue.record("not stored")
                return
            }
            let stored = try await temporary.store.articles(inStory: story)
            #expect(stored.count == 1)
            var expected = article
            expected.canonicalURL = article.url  // the URL is the canonical URL when the page names none
            #expect(stored.first?.article == expected)
            #expect(stored.first?.contentHash == ArticleFingerprint.contentHash(article))
        }
    }

    @Test(arguments: Backend.allCases) func fullTextSearchFindsWordsAndRanksTitlesFirst(backend: Backend) async throws {
        try await backend.withTemporaryStore { temporary in
            let store = temporary.store
            let articles = try Wikinews.articles(40)
            for article in articles { _ = try await store.add(article, placement: .newStory) }

            // A word of one article's title that other articles have only in their text (if at all).
            let titled = articles[0]
            let word = try #require(titled.title.split(separator: " ").map(String.init).first { $0.count > 6 && $0.allSatisfy(\.isLetter) })
            let hits = try await store.search(word, limit: 10)
            #expect(hits.first?.articleID == titled.id)
            #expect(hits.allSatisfy { $0.title.localizedCaseInsensitiveContains(word) || $0.snippet.contains(SearchHit.matchStart) })
            #expect(zip(hits, hits.dropFirst()).allSatisfy { $0.score >= $1.score })
            let marked = try #require(hits.first).snippet(open: "[", close: "]")
            #expect(!marked.contains(SearchHit.matchStart))

            // Every hit for two words holds both.
            let pair = "police " + word
            for hit in try await store.search(pair, limit: 10) {
                let text = try #require(articles.first { $0.id == hit.articleID }).text + hit.title
                #expect(text.localizedCaseInsensitiveContains("police") && text.localizedCaseInsensitiveContains(word))
            }
            // Punctuation that is not FTS5 syntax is searched as words, not an error.
            #expect(try await store.search("(\(word)?!", limit: 5).first?.articleID == titled.id)
            #expect(try await store.search("", limit: 5).isEmpty)
            #expect(try await store.search("qzxqzxqzx", limit: 5).isEmpty)
        }
    }

    @Test(arguments: Backend.allCases) func searchIgnoresDiacritics(backend: Backend) async throws {
        try await backend.withTemporaryStore { temporary in
            // The first Wikinews article with a word written with a diacritic.
            let records = try Wikinews.records()
            var found: (Article, String)?
            for record in records {
                let article = Wikinews.article(record)
                if let word = article.text.split(whereSeparator: { !$0.isLetter }).first(where: { word in
                    word.count > 3 && word.unicodeScalars.contains { !$0.isASCII } && Self.withoutMarks(String(word)).allSatisfy(\.isASCII)
                }) {
                    found = (article, String(word))
                    break
                }
            }
            let (article, word) = try #require(found)
            _ = try await temporary.store.add(article, placement: .newStory)
            let plain = Self.withoutMarks(word)
            #expect(plain != word)
            #expect(try await temporary.store.search(plain, limit: 5).map(\.articleID) == [article.id])
            #expect(try await temporary.store.search(word, limit: 5).map(\.articleID) == [article.id])
        }
    }

    /// The word with its combining marks dropped ("Bogotá" → "Bogota").
    static func withoutMarks(_ word: String) -> String {
        var scalars = String.UnicodeScalarView()
        scalars.append(contentsOf: word.decomposedStringWithCanonicalMapping.unicodeScalars.filter { $0.properties.generalCategory != .nonspacingMark })
        return String(scalars)
    }

    @Test(arguments: Backend.allCases) func storiesHoldTheirMembersAndTheirSpan(backend: Backend) async throws {
        try await backend.withTemporaryStore { temporary in
            let store = temporary.store
            let articles = try Wikinews.articles(3)
            var german = articles[2]
            german.language = "de"
            guard case .added(let first, true) = try await store.add(articles[0], placement: .newStory),
                  case .added(let second, true) = try await store.add(articles[1], placement: .newStory),
                  case .added(let joined, false) = try await store.add(german, placement: .story(id: first, similarity: 0.7, copyOf: nil))
            else {
                Issue.record("articles were not placed as asked")
                return
            }
            #expect(joined == first)
            #expect(first != second)
            let story = try #require(try await store.story(id: first))
            #expect(story.articleCount == 2)
            #expect(story.title == articles[0].title)
            #expect(story.languages == ["de", "en"])
            #expect(story.firstPublished == articles[0].published)
            #expect(story.lastPublished == german.published)
            let members = try await store.articles(inStory: first)
            #expect(members.map(\.article.id) == [articles[0].id, german.id])
            #expect(members.map(\.similarity) == [nil, 0.7])
            #expect(members.allSatisfy { $0.storyID == first })
            // Newest first: the story with the later publication date leads.
            #expect(try await store.stories(limit: 10, offset: 0).map(\.id) == [first, second])
            #expect(try await store.stories(limit: 1, offset: 1).map(\.id) == [second])
            #expect(try await store.search(articles[1].title, limit: 3).first?.storyID == second)
        }
    }

    @Test(arguments: Backend.allCases) func aFailedPlacementStoresNothing(backend: Backend) async throws {
        try await backend.withTemporaryStore { temporary in
            let article = try Wikinews.articles(1)[0]
            await #expect(throws: StoreError.self) {
                try await temporary.store.add(article, placement: .story(id: 99, similarity: nil, copyOf: nil))
            }
            // The article row was written before the story was found missing: the transaction undid it.
            #expect(try await temporary.store.counts() == StoreCounts(articles: 0, stories: 0))
            #expect(try await temporary.store.search(article.title, limit: 3).isEmpty)
            #expect(try await temporary.store.storedDuplicate(of: article) == nil)
        }
    }

    @Test(arguments: Backend.allCases) func aBatchIsPlacedAsOneByOneAddsWouldPlaceIt(backend: Backend) async throws {
        try await backend.withTemporaryStore { temporary in
            let store = temporary.store
            let articles = try Wikinews.articles(6)
            guard case .added(let stored, true) = try await store.add(articles[0], placement: .newStory) else {
                Issue.record("the first article was not stored")
                return
            }
            var copy = Article(source: "copy-of-1.txt", title: articles[1].title, paragraphs: articles[1].paragraphs)
            copy.language = articles[1].language
            #expect(copy.id != articles[1].id)
            let results = try await store.add([
                ArticlePlacement(articles[1], .newStory),
                // Joins the story the batch has just opened for articles[1].
                ArticlePlacement(articles[2], .storyOf(articleID: articles[1].id, similarity: 0.8, copyOf: nil)),
                // The same content as articles[1], earlier in this batch.
                ArticlePlacement(copy, .storyOf(articleID: articles[1].id, similarity: 0.9, copyOf: nil)),
                // Already stored.
                ArticlePlacement(articles[0], .newStory),
                // Joins a stored story, by id and by one of its articles.
                ArticlePlacement(articles[3], .story(id: stored, similarity: 0.6, copyOf: nil)),
                ArticlePlacement(articles[4], .storyOf(articleID: articles[0].id, similarity: 0.5, copyOf: articles[0].id)),
            ])
            guard results.count == 6, case .added(let opened, true) = results[0] else {
                Issue.record("unexpected results \(results)")
                return
            }
            #expect(opened != stored)
            #expect(results[1] == .added(storyID: opened, openedStory: false))
            #expect(results[2] == .duplicate(existingID: articles[1].id))
            #expect(results[3] == .duplicate(existingID: articles[0].id))
            #expect(results[4] == .added(storyID: stored, openedStory: false))
            #expect(results[5] == .added(storyID: stored, openedStory: false))
            #expect(try await store.counts() == StoreCounts(articles: 5, stories: 2))
            #expect(try await store.story(id: opened)?.articleCount == 2)
            #expect(try await store.story(id: stored)?.articleCount == 3)
            let members = try await store.articles(inStory: stored)
            #expect(Set(members.map(\.article.id)) == [articles[0].id, articles[3].id, articles[4].id])
            #expect(members.first { $0.article.id == articles[4].id }?.copyOf == articles[0].id)
            // One question for many articles, answered in their order.
            #expect(try await store.storedDuplicates(of: [articles[5], copy, articles[2]].map(ArticleKeys.init)) == [nil, articles[1].id, articles[2].id])
            // An article named by `.storyOf` that was never stored: the placement opens a story.
            guard case .added(_, true) = try await store.add(articles[5], placement: .storyOf(articleID: "nowhere", similarity: 0.5, copyOf: nil)) else {
                Issue.record("a placement naming an unknown article did not open a story")
                return
            }
        }
    }

    @Test(arguments: Backend.allCases) func aBatchWithAFailedPlacementStoresNothingOfIt(backend: Backend) async throws {
        try await backend.withTemporaryStore { temporary in
            let articles = try Wikinews.articles(3)
            await #expect(throws: StoreError.self) {
                try await temporary.store.add([
                    ArticlePlacement(articles[0], .newStory),
                    ArticlePlacement(articles[1], .storyOf(articleID: articles[0].id, similarity: 0.7, copyOf: nil)),
                    ArticlePlacement(articles[2], .story(id: 99, similarity: nil, copyOf: nil)),
                ])
            }
            #expect(try await temporary.store.counts() == StoreCounts(articles: 0, stories: 0))
            #expect(try await temporary.store.storedDuplicates(of: articles.map(ArticleKeys.init)) == [nil, nil, nil])
        }
    }

    @Test(arguments: Backend.allCases) func recentArticlesAreTheTimeWindowInIngestionOrder(backend: Backend) async throws {
        try await backend.withTemporaryStore { temporary in
            let articles = try Wikinews.articles(60)
            for article in articles { _ = try await temporary.store.add(article, placement: .newStory) }
            let newest = try #require(articles.compactMap(\.published).max())
            let window = 7.0
            let expected = articles.filter { $0.published.map { newest.timeIntervalSince($0) <= window * 86_400 } ?? true }
            #expect(!expected.isEmpty && expected.count < articles.count)
            let recent = try await temporary.store.recentArticles(windowDays: window, limit: 1_000)
            #expect(recent.map(\.article.id) == expected.map(\.id))
            let capped = try await temporary.store.recentArticles(windowDays: window, limit: 2)
            #expect(capped.map(\.article.id) == expected.suffix(2).map(\.id))
        }
    }

    // MARK: concurrency and migrations

    /// Two writers (what two `parallax` processes are) adding the same articles at once, in
    /// the same order so they collide on every one: each article is stored once.
    @Test(arguments: Backend.allCases) func concurrentWritersStoreEachArticleOnce(backend: Backend) async throws {
        try await backend.withTemporaryLocation { location in
            let writers = [try await location.open(), try await location.open()]
            let articles = try Wikinews.articles(24)
            let results = try await withThrowingTaskGroup(of: [String: AddResult].self) { group in
                for store in writers {
                    group.addTask {
                        var results: [String: AddResult] = [:]
                        for article in articles { results[article.id] = try await store.add(article, placement: .newStory) }
                        return results
                    }
                }
                return try await group.reduce(into: [[String: AddResult]]()) { $0.append($1) }
            }
            for article in articles {
                let stored = results.compactMap { $0[article.id] }.filter { if case .added = $0 { true } else { false } }
                #expect(stored.count == 1, "\(article.id) stored \(stored.count) times")
            }
            #expect(try await writers[0].counts() == StoreCounts(articles: articles.count, stories: articles.count))
            #expect(try await writers[1].search(articles[0].title, limit: 5).map(\.articleID) == [articles[0].id])
        }
    }

    /// Several processes opening one new store at once all migrate it, each migration once.
    @Test(arguments: Backend.allCases) func concurrentOpensOfANewStoreAllSucceed(backend: Backend) async throws {
        try await backend.withTemporaryLocation { location in
            let opened = await withTaskGroup(of: Bool.self) { group in
                for _ in 0..<6 { group.addTask { (try? await location.open()) != nil } }
                return await group.reduce(0) { $0 + ($1 ? 1 : 0) }
            }
            #expect(opened == 6)
            let store = try await location.open()
            #expect(try await location.appliedMigrations(store) == backend.migrations)
        }
    }

    /// Opening a migrated store again applies nothing and keeps what it holds.
    @Test(arguments: Backend.allCases) func migrationsAppliedTwiceAreANoOp(backend: Backend) async throws {
        try await backend.withTemporaryLocation { location in
            let store = try await location.open()
            #expect(try await location.appliedMigrations(store) == backend.migrations)
            #expect(try await store.counts() == StoreCounts(articles: 0, stories: 0))
            let article = try Wikinews.articles(1)[0]
            _ = try await store.add(article, placement: .newStory)

            let reopened = try await location.open()
            #expect(try await location.appliedMigrations(reopened) == backend.migrations)
            #expect(try await reopened.counts() == StoreCounts(articles: 1, stories: 1))
            #expect(try await reopened.search(article.title, limit: 3).map(\.articleID) == [article.id])
        }
    }

    // MARK: search syntax

    /// Both backends read a query the same way: words all required, "phrases", OR, NOT, prefix*.
    @Test(arguments: Backend.allCases) func searchSyntaxPhrasesAlternativesExclusionsAndPrefixes(backend: Backend) async throws {
        try await backend.withTemporaryStore { temporary in
            let store = temporary.store
            let articles = try Wikinews.articles(40)
            for article in articles { _ = try await store.add(article, placement: .newStory) }
            func ids(_ query: String) async throws -> Set<String> { Set(try await store.search(query, limit: 100).map(\.articleID)) }
            func longWord(_ article: Article) -> String? {
                article.title.split(separator: " ").map(String.init).first { $0.count > 6 && $0.allSatisfy(\.isLetter) }
            }
            let first = try #require(longWord(articles[0]))
            let second = try #require(articles.dropFirst().lazy.compactMap(longWord).first { $0.lowercased() != first.lowercased() })
            let withFirst = try await ids(first), withSecond = try await ids(second)
            #expect(!withFirst.isEmpty && !withSecond.isEmpty)
            #expect(try await ids("\(first) OR \(second)") == withFirst.union(withSecond))
            #expect(try await ids("\(first) NOT \(second)") == withFirst.subtracting(withSecond))
            #expect(try await ids("\(first) \(second)") == withFirst.intersection(withSecond))
            #expect(try await ids(String(first.prefix(5)) + "*").isSuperset(of: withFirst))

            // A phrase: the title's first two words, in order.
            let words = articles[0].title.split(separator: " ").prefix(2).joined(separator: " ")
            let phraseHits = try await store.search("\"\(words)\"", limit: 100)
            #expect(phraseHits.contains { $0.articleID == articles[0].id })
            for hit in phraseHits {
                let article = try #require(articles.first { $0.id == hit.articleID })
                let folded = (article.title + " " + article.text).split(whereSeparator: { !$0.isLetter && !$0.isNumber }).joined(separator: " ")
                let phrase = words.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).joined(separator: " ")
                #expect(folded.localizedCaseInsensitiveContains(phrase))
            }
        }
    }
}
