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
    var layout: String
    var ingestedAt: Date

    init(_ article: Article, keys: ArticleKeys, ingestedAt: Date) {
        self.article = article
        canonicalURL = keys.canonicalURL
        contentHash = keys.contentHash
        layout = ArticleLayout(article).json
        self.ingestedAt = ingestedAt
    }

    /// Inserts the rows, many to a statement.
    static func insert(_ rows: [ArticleValues], _ connection: PostgresConnection, _ logger: Logger) async throws {
        for chunk in BatchStatement.chunks(rows) {
            var statement = BatchStatement()
            var values: [String] = []
            for row in chunk {
                let a = row.article
                let title = PostgresSearch.indexText(a.title), text = PostgresSearch.indexText(a.text)
                let columns = [statement.bind(a.id), statement.bind(a.source), statement.bind(a.url), statement.bind(row.canonicalURL),
                               statement.bind(row.contentHash), statement.bind(a.title), statement.bind(a.text),
                               statement.bind(row.layout), statement.bind(a.published), statement.bind(a.modified),
                               statement.bind(a.language), statement.bind(a.site), statement.bind(a.byline), statement.bind(a.image),
                               statement.bind(row.ingestedAt),
                               "setweight(to_tsvector('simple', \(statement.bind(title))), 'A') || "
                                   + "setweight(to_tsvector('simple', \(statement.bind(text))), 'B')"]
                values.append("(" + columns.joined(separator: ", ") + ")")
            }
            try await connection.query(statement.query("""
                INSERT INTO articles (id, source, url, canonical_url, content_hash, title, text, layout, published, modified,
                                      language, site, byline, image, ingested_at, search)
                VALUES \(values.joined(separator: ",\n"))
                """), logger: logger)
        }
    }

    /// The columns `stored(_:)` reads: an article joined with its membership.
    static let storedColumns = """
        articles.id, articles.source, articles.url, articles.canonical_url, articles.content_hash, articles.title,
        articles.text, articles.layout, articles.published, articles.modified, articles.language, articles.site,
        articles.byline, articles.image, articles.ingested_at,
        story_articles.story_id, story_articles.similarity, story_articles.copy_of
        """

    static func stored(_ row: PostgresRow) throws -> StoredArticle {
        let (id, source, url, canonicalURL, contentHash, title, text, layout, published, modified, language, site, byline,
             image, ingestedAt, storyID, similarity, copyOf) = try row.decode(
            (String, String, String?, String?, String, String, String, String, Date?, Date?, String?, String?, String?,
             String?, Date, Int64, Double?, String?).self)
        let article = try Article(storedID: id, source: source, url: url, canonicalURL: canonicalURL, title: title, text: text,
                                  layout: ArticleLayout.decode(layout, article: id), published: published, modified: modified,
                                  byline: byline, site: site, language: language, image: image)
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

    /// `count` new story ids, ascending, taken from the table's sequence.
    static func newIDs(_ count: Int, _ connection: PostgresConnection, _ logger: Logger) async throws -> [Int64] {
        guard count > 0 else { return [] }
        var ids: [Int64] = []
        for try await id in try await connection.query(
            "SELECT nextval(pg_get_serial_sequence('stories', 'id')) FROM generate_series(1, \(count))", logger: logger
        ).decode(Int64.self) {
            ids.append(id)
        }
        guard ids.count == count else { throw MissingRow(table: "stories") }
        return ids.sorted()
    }

    /// Inserts new stories with the ids they carry.
    static func insert(_ stories: [StoredStory], _ connection: PostgresConnection, _ logger: Logger) async throws {
        for chunk in BatchStatement.chunks(stories) {
            var statement = BatchStatement()
            var values: [String] = []
            for story in chunk {
                let columns = [statement.bind(story.id), statement.bind(story.title), statement.bind(story.firstPublished),
                               statement.bind(story.lastPublished), statement.bind(story.articleCount),
                               statement.bind(story.languages), statement.bind(story.createdAt), statement.bind(story.updatedAt)]
                values.append("(" + columns.joined(separator: ", ") + ")")
            }
            try await connection.query(statement.query("""
                INSERT INTO stories (\(columns)) VALUES \(values.joined(separator: ",\n"))
                """), logger: logger)
        }
    }

    /// The story, locked until the end of the transaction when `forUpdate`.
    static func fetch(_ id: Int64, forUpdate: Bool, _ connection: PostgresConnection, _ logger: Logger) async throws -> StoredStory? {
        try await fetch([id], forUpdate: forUpdate, connection, logger)[id]
    }

    /// The stories of these ids that exist, by id; locked (in id order) until the end of the
    /// transaction when `forUpdate`.
    static func fetch(_ ids: [Int64], forUpdate: Bool, _ connection: PostgresConnection,
                      _ logger: Logger) async throws -> [Int64: StoredStory] {
        guard !ids.isEmpty else { return [:] }
        let rows = try await connection.query("""
            SELECT \(unescaped: columns) FROM stories WHERE id = ANY(\(ids)) ORDER BY id\(unescaped: forUpdate ? " FOR UPDATE" : "")
            """, logger: logger)
        var stories: [Int64: StoredStory] = [:]
        for try await row in rows {
            let story = try decode(row)
            stories[story.id] = story
        }
        return stories
    }

    /// Writes what `StoredStory.absorb` changed, many stories to a statement.
    static func update(_ stories: [StoredStory], _ connection: PostgresConnection, _ logger: Logger) async throws {
        for chunk in BatchStatement.chunks(stories) {
            var statement = BatchStatement()
            var values: [String] = []
            for story in chunk {
                values.append("""
                    (\(statement.bind(story.id))::bigint, \(statement.bind(story.firstPublished))::timestamptz, \
                    \(statement.bind(story.lastPublished))::timestamptz, \(statement.bind(story.articleCount))::integer, \
                    \(statement.bind(story.languages))::text[], \(statement.bind(story.updatedAt))::timestamptz)
                    """)
            }
            try await connection.query(statement.query("""
                UPDATE stories SET first_published = v.first_published, last_published = v.last_published,
                                   article_count = v.article_count, languages = v.languages, updated_at = v.updated_at
                FROM (VALUES \(values.joined(separator: ",\n")))
                    AS v (id, first_published, last_published, article_count, languages, updated_at)
                WHERE stories.id = v.id
                """), logger: logger)
        }
    }
}

/// Rows of `story_articles`.
enum MembershipValues {
    struct Row {
        var articleID: String
        var storyID: Int64
        var similarity: Double?
        var copyOf: String?
    }

    static func insert(_ rows: [Row], _ connection: PostgresConnection, _ logger: Logger) async throws {
        for chunk in BatchStatement.chunks(rows) {
            var statement = BatchStatement()
            var values: [String] = []
            for row in chunk {
                values.append("(\(statement.bind(row.articleID)), \(statement.bind(row.storyID)), "
                              + "\(statement.bind(row.similarity)), \(statement.bind(row.copyOf)))")
            }
            try await connection.query(statement.query("""
                INSERT INTO story_articles (article_id, story_id, similarity, copy_of) VALUES \(values.joined(separator: ",\n"))
                """), logger: logger)
        }
    }

    /// The stories of the stored articles among `articleIDs`, by article id.
    static func stories(of articleIDs: [String], _ connection: PostgresConnection,
                        _ logger: Logger) async throws -> [String: Int64] {
        guard !articleIDs.isEmpty else { return [:] }
        var stories: [String: Int64] = [:]
        for try await (article, story) in try await connection.query(
            "SELECT article_id, story_id FROM story_articles WHERE article_id = ANY(\(articleIDs))", logger: logger
        ).decode((String, Int64).self) {
            stories[article] = story
        }
        return stories
    }
}

/// One statement over many rows: `bind` adds a value and answers its placeholder, so a batch
/// of rows costs one round trip instead of one each.
struct BatchStatement {
    private var bindings = PostgresBindings()
    private var count = 0

    mutating func bind<Value: PostgresDynamicTypeEncodable>(_ value: Value?) -> String {
        bindings.append(value)
        count += 1
        return "$\(count)"
    }

    func query(_ sql: String) -> PostgresQuery {
        PostgresQuery(unsafeSQL: sql, binds: bindings)
    }

    /// Rows split so no statement carries more than PostgreSQL's 65,535 parameters.
    static func chunks<Element>(_ rows: [Element]) -> [ArraySlice<Element>] {
        stride(from: 0, to: rows.count, by: rowsPerStatement).map { rows[$0..<min($0 + rowsPerStatement, rows.count)] }
    }

    private static let rowsPerStatement = 1_000
}

/// An INSERT … RETURNING that returned nothing (cannot happen short of a server fault).
struct MissingRow: Error, CustomStringConvertible {
    var table: String
    var description: String { "no row came back from the insert into \(table)" }
}
