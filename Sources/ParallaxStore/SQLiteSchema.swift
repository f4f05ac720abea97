import Foundation
import GRDB
import ParallaxCore

/// The SQLite schema, as named migrations applied in order (each exactly once per file).
///
/// - `articles`: one row per distinct article. `seq` (the rowid) is the ingestion order and
///   the key of the full-text index; `id` is the article's stable id; `content_hash` and
///   `canonical_url` are the de-duplication keys (`ArticleFingerprint`), both unique.
///   `layout` (v4) is the `ArticleLayout` as JSON: the paragraphs' lengths in `text` and the
///   segments' languages (v1 kept `paragraphs` and `segments` with all their words again).
///   Dates are UTC text (`YYYY-MM-DD HH:MM:SS.SSS`), so they sort and compare as text.
/// - `stories`: one row per story; `id` is assigned once and never reused (AUTOINCREMENT).
///   `languages` is a JSON array.
/// - `story_articles`: membership, one row per article (an article is in exactly one story).
/// - `articles_fts`: an external-content FTS5 index over `articles.title` and
///   `articles.text`, kept in sync by triggers; `unicode61` with diacritics removed, so
///   "Bogota" finds "Bogotá".
///
/// - `claim_sets`, `claims`, `claim_links` (v3): the claims of a story (`StoryStore.saveClaims`)
///   with the article count they were computed from; deleting a story's `claim_sets` row
///   (done by `add` when the story gains an article) deletes its claims and their links.
///   Entities, numbers, times and quotes of a claim are JSON arrays (`ClaimColumns`).
/// - `article_embeddings` (v5): dense embeddings of articles by model (`EmbeddingBytes`), a
///   cache that spares an ingest with an embedder from embedding its window again on resume.
///
/// The online clusterer's state is not stored: it is re-derived on start-up from the
/// stored text of the articles inside its time window (`StoryStore.recentArticles`), which
/// keeps the schema free of one clusterer's internals and costs one feature count per
/// article in the window.
enum SQLiteSchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-articles-stories") { db in
            try db.execute(sql: """
                CREATE TABLE articles (
                    seq INTEGER PRIMARY KEY AUTOINCREMENT,
                    id TEXT NOT NULL UNIQUE,
                    source TEXT NOT NULL,
                    url TEXT,
                    canonical_url TEXT UNIQUE,
                    content_hash TEXT NOT NULL UNIQUE,
                    title TEXT NOT NULL,
                    text TEXT NOT NULL,
                    paragraphs TEXT NOT NULL,
                    published TEXT,
                    modified TEXT,
                    language TEXT,
                    site TEXT,
                    byline TEXT,
                    image TEXT,
                    segments TEXT NOT NULL,
                    ingested_at TEXT NOT NULL
                );
                CREATE INDEX articles_published ON articles(published);

                CREATE TABLE stories (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    title TEXT NOT NULL,
                    first_published TEXT,
                    last_published TEXT,
                    article_count INTEGER NOT NULL,
                    languages TEXT NOT NULL,
                    created_at TEXT NOT NULL,
                    updated_at TEXT NOT NULL
                );
                CREATE INDEX stories_recent ON stories(COALESCE(last_published, created_at) DESC, id DESC);

                CREATE TABLE story_articles (
                    article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
                    story_id INTEGER NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
                    similarity REAL,
                    copy_of TEXT
                );
                CREATE INDEX story_articles_story ON story_articles(story_id);
                """)
        }
        migrator.registerMigration("v2-articles-fts") { db in
            try db.execute(sql: """
                CREATE VIRTUAL TABLE articles_fts USING fts5(
                    title, text,
                    content='articles', content_rowid='seq',
                    tokenize='unicode61 remove_diacritics 2'
                );
                CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
                    INSERT INTO articles_fts(rowid, title, text) VALUES (new.seq, new.title, new.text);
                END;
                CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
                    INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.seq, old.title, old.text);
                END;
                CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text ON articles BEGIN
                    INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.seq, old.title, old.text);
                    INSERT INTO articles_fts(rowid, title, text) VALUES (new.seq, new.title, new.text);
                END;
                INSERT INTO articles_fts(articles_fts) VALUES ('rebuild');
                """)
        }
        migrator.registerMigration("v3-claims") { db in
            try db.execute(sql: """
                CREATE TABLE claim_sets (
                    story_id INTEGER PRIMARY KEY REFERENCES stories(id) ON DELETE CASCADE,
                    article_count INTEGER NOT NULL,
                    computed_at TEXT NOT NULL
                );

                CREATE TABLE claims (
                    id TEXT PRIMARY KEY,
                    story_id INTEGER NOT NULL REFERENCES claim_sets(story_id) ON DELETE CASCADE,
                    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
                    position INTEGER NOT NULL,
                    source TEXT NOT NULL,
                    sentence INTEGER NOT NULL,
                    text TEXT NOT NULL,
                    start_offset INTEGER NOT NULL,
                    end_offset INTEGER NOT NULL,
                    language TEXT NOT NULL,
                    entities TEXT NOT NULL,
                    numbers TEXT NOT NULL,
                    times TEXT NOT NULL,
                    quotes TEXT NOT NULL
                );
                CREATE INDEX claims_story ON claims(story_id, position);
                CREATE INDEX claims_article ON claims(article_id);

                CREATE TABLE claim_links (
                    claim_id TEXT NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
                    linked_id TEXT NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
                    kind TEXT NOT NULL,
                    score REAL NOT NULL,
                    position INTEGER NOT NULL,
                    PRIMARY KEY (claim_id, linked_id)
                );
                CREATE INDEX claim_links_linked ON claim_links(linked_id);
                """)
        }
        migrator.registerMigration("v4-article-layout") { db in
            try db.execute(sql: "ALTER TABLE articles ADD COLUMN layout TEXT NOT NULL DEFAULT ''")
            try fillLayouts(db)
            try db.execute(sql: """
                ALTER TABLE articles DROP COLUMN paragraphs;
                ALTER TABLE articles DROP COLUMN segments;
                """)
        }
        migrator.registerMigration("v5-article-embeddings") { db in
            try db.execute(sql: """
                CREATE TABLE article_embeddings (
                    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
                    model TEXT NOT NULL,
                    vector BLOB NOT NULL,
                    PRIMARY KEY (article_id, model)
                ) WITHOUT ROWID
                """)
        }
        return migrator
    }

    /// v4: each article's layout from its v1 `paragraphs` and `segments`, a thousand rows at a
    /// time. The text is rewritten from the paragraphs where it differs (only a hand-edited
    /// row can), as reading an article always took the paragraphs for the truth.
    private static func fillLayouts(_ db: Database) throws {
        let update = try db.makeStatement(sql: "UPDATE articles SET layout = ? WHERE seq = ?")
        let updateText = try db.makeStatement(sql: "UPDATE articles SET text = ? WHERE seq = ?")
        let decoder = ParallaxJSON.decoder()
        var last: Int64 = 0
        while true {
            let rows = try Row.fetchAll(db, sql: """
                SELECT seq, id, source, title, text, paragraphs, segments FROM articles WHERE seq > ? ORDER BY seq LIMIT 1000
                """, arguments: [last])
            guard let final = rows.last else { return }
            for row in rows {
                let id: String = row["id"]
                let paragraphs: [String], segments: [Segment]
                do {
                    paragraphs = try decoder.decode([String].self, from: Data((row["paragraphs"] as String).utf8))
                    segments = try decoder.decode([Segment].self, from: Data((row["segments"] as String).utf8))
                } catch {
                    throw UnreadableArticle(id: id, reason: "its v1 paragraphs or segments are not valid JSON (\(error))")
                }
                let article = Article(id: id, source: row["source"], title: row["title"], paragraphs: paragraphs, segments: segments)
                try update.execute(arguments: [ArticleLayout(article).json, row["seq"]])
                if article.text != row["text"] { try updateText.execute(arguments: [article.text, row["seq"]]) }
            }
            last = final["seq"]
        }
    }

    /// BM25 weights of the indexed columns (title, text): a word in the title says more
    /// about what the article is about than the same word in the body.
    static let searchColumnWeights = (title: 4.0, text: 1.0)
    /// Tokens of context in a search snippet.
    static let snippetTokens = 16
}

/// A row of `articles`.
struct ArticleRow: Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "articles"

    var seq: Int64?
    var id: String
    var source: String
    var url: String?
    var canonicalURL: String?
    var contentHash: String
    var title: String
    var text: String
    var layout: String
    var published: Date?
    var modified: Date?
    var language: String?
    var site: String?
    var byline: String?
    var image: String?
    var ingestedAt: Date

    enum CodingKeys: String, CodingKey {
        case seq, id, source, url, canonicalURL = "canonical_url", contentHash = "content_hash", title, text, layout,
             published, modified, language, site, byline, image, ingestedAt = "ingested_at"
    }

    init(_ article: Article, keys: ArticleKeys, ingestedAt: Date) {
        id = article.id
        source = article.source
        url = article.url
        canonicalURL = keys.canonicalURL
        contentHash = keys.contentHash
        title = article.title
        text = article.text
        layout = ArticleLayout(article).json
        published = article.published
        modified = article.modified
        language = article.language
        site = article.site
        byline = article.byline
        image = article.image
        self.ingestedAt = ingestedAt
    }

    func article() throws(UnreadableArticle) -> Article {
        try Article(storedID: id, source: source, url: url, canonicalURL: canonicalURL, title: title, text: text,
                    layout: ArticleLayout.decode(layout, article: id), published: published, modified: modified,
                    byline: byline, site: site, language: language, image: image)
    }

    mutating func didInsert(_ inserted: InsertionSuccess) { seq = inserted.rowID }
}

/// A row of `stories`.
struct StoryRow: Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "stories"

    var id: Int64?
    var title: String
    var firstPublished: Date?
    var lastPublished: Date?
    var articleCount: Int
    var languages: [String]
    var createdAt: Date
    var updatedAt: Date

    enum CodingKeys: String, CodingKey {
        case id, title, firstPublished = "first_published", lastPublished = "last_published",
             articleCount = "article_count", languages, createdAt = "created_at", updatedAt = "updated_at"
    }

    /// A story opened by `article` (see `StoredStory.init(openedBy:id:at:)`).
    init(openedBy article: Article, at now: Date) {
        self.init(StoredStory(openedBy: article, id: 0, at: now))
        id = nil
    }

    init(_ story: StoredStory) {
        id = story.id
        title = story.title
        firstPublished = story.firstPublished
        lastPublished = story.lastPublished
        articleCount = story.articleCount
        languages = story.languages
        createdAt = story.createdAt
        updatedAt = story.updatedAt
    }

    mutating func absorb(_ article: Article, at now: Date) {
        var story = self.story
        story.absorb(article, at: now)
        self = StoryRow(story)
    }

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    var story: StoredStory {
        StoredStory(id: id ?? 0, title: title, firstPublished: firstPublished, lastPublished: lastPublished,
                    articleCount: articleCount, languages: languages, createdAt: createdAt, updatedAt: updatedAt)
    }
}

/// A row of `story_articles`.
struct MembershipRow: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "story_articles"

    var articleID: String
    var storyID: Int64
    var similarity: Double?
    var copyOf: String?

    enum CodingKeys: String, CodingKey {
        case articleID = "article_id", storyID = "story_id", similarity, copyOf = "copy_of"
    }
}

/// An article row joined with its membership.
struct ArticleWithMembership: FetchableRecord {
    var stored: StoredArticle

    init(row: Row) throws {
        let article = try ArticleRow(row: row)
        let membership = try MembershipRow(row: row)
        stored = StoredArticle(article: try article.article(), contentHash: article.contentHash, ingestedAt: article.ingestedAt,
                               storyID: membership.storyID, similarity: membership.similarity, copyOf: membership.copyOf)
    }
}
