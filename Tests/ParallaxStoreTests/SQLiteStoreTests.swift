import Foundation
import ParallaxCore
import ParallaxStore
import Testing
import TestSupport

/// What is particular to the SQLite backend: its file and its migrations.
@Suite struct SQLiteStoreTests {
    /// Several processes (here: connections) opening one new file at once all migrate it
    /// without "table already exists" errors.
    @Test func concurrentOpensOfANewFileAllSucceed() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("parallax-race-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("parallax.db").path
        let opened = await withTaskGroup(of: Bool.self) { group in
            for _ in 0..<6 { group.addTask { (try? SQLiteStore(path: path)) != nil } }
            return await group.reduce(0) { $0 + ($1 ? 1 : 0) }
        }
        #expect(opened == 6)
        #expect(try await SQLiteStore(path: path).appliedMigrations() == ["v1-articles-stories", "v2-articles-fts"])
    }

    @Test func migrationsCreateTheSchemaOnceOnAFreshFile() async throws {
        let temporary = try Backend.sqlite.temporaryStore()
        defer { temporary.remove() }
        let path = try #require(temporary.store as? SQLiteStore).path
        #expect(FileManager.default.fileExists(atPath: path))
        #expect(try await SQLiteStore(path: path).appliedMigrations() == ["v1-articles-stories", "v2-articles-fts"])
        #expect(try await temporary.store.counts() == StoreCounts(articles: 0, stories: 0))
        let article = try Wikinews.articles(1)[0]
        _ = try await temporary.store.add(article, placement: .newStory)

        // Opening the file again applies nothing twice and keeps what was stored.
        let reopened = try SQLiteStore(path: path)
        #expect(try await reopened.appliedMigrations() == ["v1-articles-stories", "v2-articles-fts"])
        #expect(try await reopened.counts() == StoreCounts(articles: 1, stories: 1))
        #expect(try await reopened.integrityCheck() == ["ok"])
    }
}

/// The behaviour every `StoryStore` backend must have.
@Suite struct StoryStoreContractTests {
    @Test(arguments: Backend.allCases) func anArticleIsStoredOnceByContentAndByURL(backend: Backend) async throws {
        let temporary = try backend.temporaryStore()
        defer { temporary.remove() }
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

    @Test(arguments: Backend.allCases) func storedArticlesComeBackWhole(backend: Backend) async throws {
        let temporary = try backend.temporaryStore()
        defer { temporary.remove() }
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

    @Test(arguments: Backend.allCases) func fullTextSearchFindsWordsAndRanksTitlesFirst(backend: Backend) async throws {
        let temporary = try backend.temporaryStore()
        defer { temporary.remove() }
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

    @Test(arguments: Backend.allCases) func searchIgnoresDiacritics(backend: Backend) async throws {
        let temporary = try backend.temporaryStore()
        defer { temporary.remove() }
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

    /// The word with its combining marks dropped ("Bogotá" → "Bogota").
    static func withoutMarks(_ word: String) -> String {
        var scalars = String.UnicodeScalarView()
        scalars.append(contentsOf: word.decomposedStringWithCanonicalMapping.unicodeScalars.filter { $0.properties.generalCategory != .nonspacingMark })
        return String(scalars)
    }

    @Test(arguments: Backend.allCases) func storiesHoldTheirMembersAndTheirSpan(backend: Backend) async throws {
        let temporary = try backend.temporaryStore()
        defer { temporary.remove() }
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

    @Test(arguments: Backend.allCases) func aFailedPlacementStoresNothing(backend: Backend) async throws {
        let temporary = try backend.temporaryStore()
        defer { temporary.remove() }
        let article = try Wikinews.articles(1)[0]
        await #expect(throws: StoreError.self) {
            try await temporary.store.add(article, placement: .story(id: 99, similarity: nil, copyOf: nil))
        }
        // The article row was written before the story was found missing: the transaction undid it.
        #expect(try await temporary.store.counts() == StoreCounts(articles: 0, stories: 0))
        #expect(try await temporary.store.search(article.title, limit: 3).isEmpty)
        #expect(try await temporary.store.storedDuplicate(of: article) == nil)
    }

    @Test(arguments: Backend.allCases) func recentArticlesAreTheTimeWindowInIngestionOrder(backend: Backend) async throws {
        let temporary = try backend.temporaryStore()
        defer { temporary.remove() }
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
