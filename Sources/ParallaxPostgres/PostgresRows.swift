import Foundation
import Logging
import ParallaxCore
import ParallaxStore
import PostgresNIO

/// An article as the `articles` table holds it.
struct ArticleValues: Sendable {
    var article: Article
    var canonicalURL: String?
    var contentHash: String
    var segmentsJSON: String
    var ingestedAt: Date

    init(_ article: Article, ingestedAt: Date) {
        self.article = article
        canonicalURL = ArticleFingerprint.canonicalURL(article)
        contentHash = ArticleFingerprint.contentHash(article)
        segmentsJSON = (try? ParallaxJSON.line(article.segments)) ?? "[]"
        self.ingestedAt = ingestedAt
    }

    func insert(_ connection: PostgresConnection, _ logger: Logger) async throws {
        let a = article
        let title = PostgresSearch.indexText(a.title), text = PostgresSearch.indexText(a.text)
        try await connection.query("""
            INSERT INTO articles (id, source, url, canonical_url, content_hash, title, text, paragraphs, published, modified,
                                  language, site, byline, image, segments, ingested_at, search)
            VALUES (\(a.id), \(a.source), \(a.url), \(canonicalURL), \(contentHash), \(a.title), \(a.text), \(a.paragraphs),
                    \(a.published), \(a.modified), \(a.language), \(a.site), \(a.byline), \(a.image), \(segmentsJSON)::jsonb,
                    \(ingestedAt),
                    setweight(to_tsvector('simple', \(title)), 'A') || setweight(to_tsvector('simple', \(text)), 'B'))
            """, logger: logger)
    }

    /// The columns `stored(_:)` reads: an article joined with its membership.
    static let storedColumns = """
        articles.id, articles.source, articles.url, articles.canonical_url, articles.content_hash, articles.title,
        articles.paragraphs, articles.published, articles.modified, articles.language, articles.site, articles.byline,
        articles.image, articles.segments::text, articles.ingested_at,
        story_articles.story_id, story_articles.similarity, story_articles.copy_of
        """

    static func stored(_ row: PostgresRow) throws -> StoredArticle {
        let (id, source, url, canonicalURL, contentHash, title, paragraphs, published, modified, language, site, byline, image,
             segments, ingestedAt, storyID, similarity, copyOf) = try row.decode(
            (String, String, String?, String?, String, String, [String], Date?, Date?, String?, String?, String?, String?,
             String, Date, Int64, Double?, String?).self)
        let article = Article(id: id, source: source, url: url, canonicalURL: canonicalURL, title: title, paragraphs: paragraphs,
                              published: published, modified: modified, byline: byline, site: site, language: language,
                              image: image, segments: try ParallaxJSON.decoder().decode([Segment].self, from: Data(segments.utf8)))
        return StoredArticle(article: article, contentHash: contentHash, ingestedAt: ingestedAt, storyID: storyID,
                             similarity: similarity, copyOf: copyOf)
    }
}

/// A story as the `stories` table holds it.
enum StoryValues {
    static let columns = "id, title, first_published, last_published, article_count, languages, created_at, updated_at"

    static func decode(_ row: PostgresRow) throws -> StoredStory {
        let (id, title, first, last, count, languages, created, updated) = try row.decode(
            (Int64, String, Date?, Date?, Int, [String], Date, Date).self)
        return StoredStory(id: id, title: title, firstPublished: first, lastPublished: last, articleCount: count,
                           languages: languages, createdAt: created, updatedAt: updated)
    }

    /// Inserts the story `article` opens; returns its id.
    static func open(by article: Article, at now: Date, _ connection: PostgresConnection, _ logger: Logger) async throws -> Int64 {
        let story = StoredStory(openedBy: article, id: 0, at: now)
        let rows = try await connection.query("""
            INSERT INTO stories (title, first_published, last_published, article_count, languages, created_at, updated_at)
            VALUES (\(story.title), \(story.firstPublished), \(story.lastPublished), \(story.articleCount), \(story.languages),
                    \(story.createdAt), \(story.updatedAt))
            RETURNING id
            """, logger: logger)
        var id: Int64?
        for try await value in rows.decode(Int64.self) { id = value }
        guard let id else { throw MissingRow(table: "stories") }
        return id
    }

    /// The story, locked until the end of the transaction when `forUpdate`.
    static func fetch(_ id: Int64, forUpdate: Bool, _ connection: PostgresConnection, _ logger: Logger) async throws -> StoredStory? {
        let rows = try await connection.query(
            "SELECT \(unescaped: columns) FROM stories WHERE id = \(id)\(unescaped: forUpdate ? " FOR UPDATE" : "")", logger: logger)
        var story: StoredStory?
        for try await row in rows { story = try decode(row) }
        return story
    }

    static func update(_ story: StoredStory, _ connection: PostgresConnection, _ logger: Logger) async throws {
        try await connection.query("""
            UPDATE stories SET first_published = \(story.firstPublished), last_published = \(story.lastPublished),
                               article_count = \(story.articleCount), languages = \(story.languages), updated_at = \(story.updatedAt)
            WHERE id = \(story.id)
            """, logger: logger)
    }
}

/// An INSERT … RETURNING that returned nothing (cannot happen short of a server fault).
struct MissingRow: Error, CustomStringConvertible {
    var table: String
    var description: String { "no row came back from the insert into \(table)" }
}
