import Foundation
import GRDB
import Logging
import ParallaxCore
@testable import ParallaxPostgres
@testable import ParallaxStore
import PostgresNIO
import Testing
import TestSupport

/// Articles whose paragraphs and segments a layout must give back exactly: real ones, and
/// the shapes a layout could get wrong.
enum LayoutFixtures {
    /// Real articles with segments as the extractor gives them (the title, then each
    /// paragraph), one segment per article in another language than its paragraph's.
    static func articles() throws -> [Article] {
        var articles = try Wikinews.articles(6).map { article in
            var article = article
            article.segments = [Segment(kind: .title, text: article.title, language: "en", confidence: 0.97)]
                + article.paragraphs.enumerated().map { index, paragraph in
                    Segment(kind: .paragraph, text: paragraph, language: index == 1 ? "de" : "en", confidence: 0.5 + Double(index % 5) / 10)
                }
            return article
        }
        // Non-Latin scripts and combining marks: lengths count UTF-8 bytes, not characters.
        articles.append(Article(source: "layout-scripts", title: "Ελλάδα — 北京",
                                paragraphs: ["Прага́ и Киев.", "北京市的新闻。", "e\u{301}te\u{301} 🇫🇷 fin"],
                                segments: [Segment(kind: .paragraph, text: "Прага́ и Киев.", language: "ru", confidence: 0.91),
                                           Segment(kind: .paragraph, text: "北京市的新闻。", language: "zh", confidence: 0.88),
                                           Segment(kind: .paragraph, text: "e\u{301}te\u{301} 🇫🇷 fin", language: "fr", confidence: 0.42)]))
        // A paragraph holding the separator, empty paragraphs, a segment that is not its
        // paragraph, more paragraph segments than paragraphs, no title segment.
        articles.append(Article(source: "layout-odd", title: "Odd",
                                paragraphs: ["one\n\ntwo", "", "three", ""],
                                segments: [Segment(kind: .paragraph, text: "one\n\ntwo", language: "en", confidence: 1),
                                           Segment(kind: .paragraph, text: "", language: "und", confidence: 0),
                                           Segment(kind: .paragraph, text: "3", language: "en", confidence: 0.3),
                                           Segment(kind: .paragraph, text: "", language: "und", confidence: 0),
                                           Segment(kind: .paragraph, text: "extra", language: "en", confidence: 0.6),
                                           Segment(kind: .title, text: "Not the title", language: "en", confidence: 0.6)]))
        articles.append(Article(source: "layout-empty", title: "", paragraphs: []))
        return articles
    }
}

@Suite struct ArticleLayoutTests {
    @Test func aLayoutGivesBackTheParagraphsAndSegmentsItWasMadeFrom() throws {
        for article in try LayoutFixtures.articles() {
            let json = ArticleLayout(article).json
            let layout = try ArticleLayout.decode(json, article: article.id)
            let restored = try #require(layout.restore(title: article.title, text: article.text), "\(article.source)")
            #expect(restored.paragraphs == article.paragraphs, "\(article.source)")
            #expect(restored.segments == article.segments, "\(article.source)")
        }
    }

    /// The point of the layout: no paragraph's words are stored again.
    @Test func aLayoutLeavesOutTheTextItCanRestore() throws {
        let article = try Wikinews.articles(1)[0]
        var segmented = article
        segmented.segments = article.paragraphs.map { Segment(kind: .paragraph, text: $0, language: "en", confidence: 0.9) }
        let json = ArticleLayout(segmented).json
        let longest = try #require(article.paragraphs.max { $0.count < $1.count })
        #expect(!json.contains(String(longest.prefix(40))))
        #expect(json.utf8.count < article.text.utf8.count / 4)
        // A segment that differs from its paragraph keeps its own text.
        segmented.segments[0].text = "A different first paragraph."
        #expect(ArticleLayout(segmented).json.contains("A different first paragraph."))
    }

    @Test func lengthsThatDoNotCutTheTextAreRefused() throws {
        let article = Article(source: "s", title: "T", paragraphs: ["first", "second"])
        var layout = ArticleLayout(article)
        layout.paragraphs = [5, 7]
        #expect(layout.restore(title: article.title, text: article.text) == nil)
        layout.paragraphs = [4, 6]
        #expect(layout.restore(title: article.title, text: article.text) == nil)
        #expect(throws: UnreadableArticle.self) {
            try Article(storedID: "a1", source: "s", url: nil, canonicalURL: nil, title: "T", text: article.text, layout: layout,
                        published: nil, modified: nil, byline: nil, site: nil, language: nil, image: nil)
        }
        #expect(throws: UnreadableArticle.self) { try ArticleLayout.decode("[1,2]", article: "a1") }
    }

    /// A store written before the layout (v3, paragraphs and segments in their own columns)
    /// opens with every article as it was: the upgrade loses nothing.
    @Test(arguments: Backend.allCases) func aStoreFromBeforeTheLayoutUpgradesWithoutLoss(backend: Backend) async throws {
        let articles = try LayoutFixtures.articles()
        try await backend.withTemporaryLocation { location in
            switch backend {
            case .sqlite: try V3Store.writeSQLite(articles, path: location.description)
            case .postgres: try await V3Store.writePostgres(articles, location: try #require(location.postgres))
            }
            let store = try await location.open()
            #expect(try await location.appliedMigrations(store) == backend.migrations)
            let stored = try await store.articles(inStory: 1)
            #expect(stored.count == articles.count)
            let byID = Dictionary(uniqueKeysWithValues: stored.map { ($0.article.id, $0.article) })
            for article in articles {
                let restored = try #require(byID[article.id], "\(article.source)")
                #expect(restored.paragraphs == article.paragraphs, "\(article.source)")
                #expect(restored.segments == article.segments, "\(article.source)")
                #expect(restored == article, "\(article.source): a field other than paragraphs and segments changed")
            }
            // And the upgrade stored the words once: a segment keeps its text only where it
            // is neither the title nor its paragraph.
            let layouts = switch backend {
            case .sqlite: try V3Store.sqliteLayouts(path: location.description)
            case .postgres: try await V3Store.postgresLayouts(location: try #require(location.postgres))
            }
            for article in articles {
                let layout = try ArticleLayout.decode(try #require(layouts[article.id]), article: article.id)
                #expect(layout == ArticleLayout(article), "\(article.source)")
            }
            let odd = try #require(articles.first { $0.source == "layout-odd" })
            #expect(ArticleLayout(odd).segments.compactMap(\.text) == ["3", "extra", "Not the title"])
        }
    }
}

/// Writes articles as a v3 store held them, through the migrations up to v3 and the v1
/// columns, so the upgrade to the layout is tested on what old stores really contain.
enum V3Store {
    static let lastMigration = "v3-claims"
    static let day = Date(timeIntervalSince1970: 1_770_249_600)

    static func writeSQLite(_ articles: [Article], path: String) throws {
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        let queue = try DatabaseQueue(path: path)
        try SQLiteSchema.migrator.migrate(queue, upTo: lastMigration)
        try queue.write { db in
            try db.execute(sql: """
                INSERT INTO stories (id, title, article_count, languages, created_at, updated_at) VALUES (1, 'Story', ?, '["en"]', ?, ?)
                """, arguments: [articles.count, day, day])
            for (index, article) in articles.enumerated() {
                try db.execute(sql: """
                    INSERT INTO articles (id, source, url, title, text, paragraphs, segments, content_hash, published, language,
                                          ingested_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [article.id, article.source, article.url, article.title, article.text,
                                     try ParallaxJSON.line(article.paragraphs), try ParallaxJSON.line(article.segments),
                                     "hash-\(index)", article.published, article.language, day])
                try db.execute(sql: "INSERT INTO story_articles (article_id, story_id) VALUES (?, 1)", arguments: [article.id])
            }
        }
    }

    /// Each article's stored layout, by article id.
    static func sqliteLayouts(path: String) throws -> [String: String] {
        try DatabaseQueue(path: path).read { db in
            Dictionary(uniqueKeysWithValues: try Row.fetchAll(db, sql: "SELECT id, layout FROM articles").map { ($0["id"], $0["layout"]) })
        }
    }

    static func postgresLayouts(location: PostgresLocation) async throws -> [String: String] {
        try await withConnection(location) { connection, logger in
            var layouts: [String: String] = [:]
            for try await (id, layout) in try await connection.query("SELECT id, layout FROM articles", logger: logger)
                .decode((String, String).self) { layouts[id] = layout }
            return layouts
        }
    }

    static func withConnection<T>(_ location: PostgresLocation, _ body: (PostgresConnection, Logger) async throws -> T) async throws -> T {
        let logger = Logger(label: "parallax.test", factory: { _ in SwiftLogNoOpLogHandler() })
        let connection = try await PostgresConnection.connect(configuration: try location.connectionConfiguration(), id: 1, logger: logger)
        do {
            let result = try await body(connection, logger)
            try await connection.close()
            return result
        } catch {
            try? await connection.close()
            throw error
        }
    }

    static func writePostgres(_ articles: [Article], location: PostgresLocation) async throws {
        try await withConnection(location) { connection, logger in
            _ = try await PostgresSchema.migrate(connection, logger: logger, through: lastMigration)
            try await connection.query("""
                INSERT INTO stories (id, title, article_count, languages, created_at, updated_at)
                VALUES (1, 'Story', \(articles.count), ARRAY['en'], \(day), \(day))
                """, logger: logger)
            for (index, article) in articles.enumerated() {
                let segments = try ParallaxJSON.line(article.segments), hash = "hash-\(index)"
                try await connection.query("""
                    INSERT INTO articles (id, source, url, title, text, paragraphs, segments, content_hash, published, language,
                                          ingested_at)
                    VALUES (\(article.id), \(article.source), \(article.url), \(article.title), \(article.text), \(article.paragraphs),
                            \(segments)::jsonb, \(hash), \(article.published), \(article.language), \(day))
                    """, logger: logger)
                try await connection.query("INSERT INTO story_articles (article_id, story_id) VALUES (\(article.id), 1)", logger: logger)
            }
        }
    }
}
