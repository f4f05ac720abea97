import Foundation
import GRDB
import ParallaxCore

/// The default store: one SQLite file, opened through a GRDB `DatabasePool` in WAL mode, so
/// readers (`parallax stories`, the server) never wait for an ingest and an ingest never
/// waits for them. Schema and migrations: `SQLiteSchema`.
///
/// Durability: every `add` (one article or a batch) is one transaction. With WAL and `synchronous=NORMAL` a process
/// crash (even SIGKILL) loses nothing committed and never leaves half an article; a power
/// cut may lose the last few commits but never corrupts the file.
public struct SQLiteStore: StoryStore {
    public let path: String
    private let pool: DatabasePool

    /// Opens (creating the file and its directory when needed) and migrates the store.
    public init(path: String) throws {
        self.path = path
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw StoreError(store: path, message: "cannot create directory \(directory.path)")
        }
        var configuration = Configuration()
        configuration.busyMode = .timeout(SQLiteStore.busyTimeout)
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
        }
        do {
            pool = try SQLiteStore.openAndMigrate(path: path, configuration: configuration)
        } catch {
            throw SQLiteStore.storeError(error, path: path)
        }
    }

    /// Opens the pool and applies the pending migrations. Processes opening a new file at
    /// once race twice: switching it to WAL can answer "database is locked" without waiting,
    /// and two of them can both see a migration as pending (the loser's attempt fails inside
    /// its own rolled-back transaction). Both are settled by trying again shortly after.
    private static func openAndMigrate(path: String, configuration: Configuration) throws -> DatabasePool {
        var attempt = 0
        while true {
            do {
                let pool = try DatabasePool(path: path, configuration: configuration)
                try SQLiteSchema.migrator.migrate(pool)
                return pool
            } catch {
                attempt += 1
                guard attempt < 8 else { throw error }
                Thread.sleep(forTimeInterval: 0.02 * Double(attempt))
            }
        }
    }

    /// The file's path.
    public var description: String { path }

    /// `~/.parallax/parallax.db`.
    public static var defaultPath: String {
        FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".parallax/parallax.db").path
    }

    /// Seconds a writer waits for another process's write transaction before giving up.
    static let busyTimeout: TimeInterval = 10

    /// Names of the migrations applied to this file, in the order they were registered.
    public func appliedMigrations() async throws -> [String] {
        try await read { db in try SQLiteSchema.migrator.appliedMigrations(db) }
    }

    /// `PRAGMA integrity_check`: `["ok"]` for a sound file, else one line per problem.
    public func integrityCheck() async throws -> [String] {
        try await read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check") }
    }

    /// `counts()` without suspending, for callers that must not wait for a task executor
    /// (a monitoring thread; a test watching another process write).
    public func countsNow() throws -> StoreCounts {
        do { return try pool.read(SQLiteStore.counts) } catch { throw SQLiteStore.storeError(error, path: path) }
    }

    // MARK: StoryStore

    public func storedDuplicates(of keys: [ArticleKeys]) async throws -> [String?] {
        try await read { db in try keys.map { try SQLiteStore.duplicate(db, contentHash: $0.contentHash, canonicalURL: $0.canonicalURL) } }
    }

    public func add(_ batch: [ArticlePlacement]) async throws -> [AddResult] {
        let path = self.path
        return try await write { db in
            // Articles of this batch stored so far, by id, with their stories.
            var storyOfBatchArticle: [String: Int64] = [:]
            return try batch.map { item in
                let result = try SQLiteStore.add(item, db, storyOfBatchArticle: storyOfBatchArticle, path: path)
                if case .added(let story, _) = result { storyOfBatchArticle[item.article.id] = story }
                return result
            }
        }
    }

    /// One article of a batch, inside the batch's transaction.
    private static func add(_ item: ArticlePlacement, _ db: Database, storyOfBatchArticle: [String: Int64],
                            path: String) throws -> AddResult {
        let article = item.article
        var row = ArticleRow(article, keys: item.keys, ingestedAt: Date())
        if let existing = try duplicate(db, contentHash: row.contentHash, canonicalURL: row.canonicalURL) {
            return .duplicate(existingID: existing)
        }
        try row.insert(db)
        let target: (id: Int64, similarity: Double?, copyOf: String?)?
        switch item.placement {
        case .newStory:
            target = nil
        case .story(let id, let similarity, let copyOf):
            target = (id, similarity, copyOf)
        case .storyOf(let articleID, let similarity, let copyOf):
            let story = try storyOfBatchArticle[articleID]
                ?? Int64.fetchOne(db, sql: "SELECT story_id FROM story_articles WHERE article_id = ?", arguments: [articleID])
            target = story.map { ($0, similarity, copyOf) }
        }
        guard let target else {
            var story = StoryRow(openedBy: article, at: row.ingestedAt)
            try story.insert(db)
            try MembershipRow(articleID: row.id, storyID: story.id!, similarity: nil, copyOf: nil).insert(db)
            return .added(storyID: story.id!, openedStory: true)
        }
        guard var story = try StoryRow.fetchOne(db, key: target.id) else {
            throw StoreError(store: path, message: "no story \(target.id) to add article \(article.id) to")
        }
        story.absorb(article, at: row.ingestedAt)
        try story.update(db)
        // The story's claims no longer describe all its articles.
        try db.execute(sql: "DELETE FROM claim_sets WHERE story_id = ?", arguments: [target.id])
        try MembershipRow(articleID: row.id, storyID: target.id, similarity: target.similarity, copyOf: target.copyOf).insert(db)
        return .added(storyID: target.id, openedStory: false)
    }

    public func stories(limit: Int, offset: Int) async throws -> [StoredStory] {
        try await read { db in
            try StoryRow.fetchAll(db, sql: """
                SELECT * FROM stories ORDER BY COALESCE(last_published, created_at) DESC, id DESC LIMIT ? OFFSET ?
                """, arguments: [limit, offset]).map(\.story)
        }
    }

    public func story(id: Int64) async throws -> StoredStory? {
        try await read { db in try StoryRow.fetchOne(db, key: id)?.story }
    }

    public func articles(inStory id: Int64) async throws -> [StoredArticle] {
        try await read { db in
            try ArticleWithMembership.fetchAll(db, sql: """
                SELECT articles.*, story_articles.* FROM story_articles
                JOIN articles ON articles.id = story_articles.article_id
                WHERE story_articles.story_id = ?
                ORDER BY articles.published IS NULL, articles.published, articles.seq
                """, arguments: [id]).map(\.stored)
        }
    }

    public func recentArticles(windowDays: Double, limit: Int) async throws -> [StoredArticle] {
        try await read { db in
            let newest = try Date.fetchOne(db, sql: "SELECT MAX(published) FROM articles")
            let horizon = newest.map { $0.addingTimeInterval(-windowDays * 86_400) } ?? .distantPast
            return try ArticleWithMembership.fetchAll(db, sql: """
                SELECT articles.*, story_articles.* FROM articles
                JOIN story_articles ON story_articles.article_id = articles.id
                WHERE articles.published IS NULL OR articles.published >= ?
                ORDER BY articles.seq DESC LIMIT ?
                """, arguments: [horizon, limit]).reversed().map(\.stored)
        }
    }

    public func search(_ query: String, limit: Int) async throws -> [SearchHit] {
        try await read { db in
            guard let pattern = SQLiteStore.pattern(query, db) else { return [] }
            let weights = SQLiteSchema.searchColumnWeights
            let rows = try Row.fetchAll(db, sql: """
                SELECT articles.id, articles.title, articles.source, articles.url, articles.published, articles.language,
                       story_articles.story_id,
                       bm25(articles_fts, ?, ?) AS rank,
                       snippet(articles_fts, -1, ?, ?, '…', ?) AS snippet
                FROM articles_fts
                JOIN articles ON articles.seq = articles_fts.rowid
                LEFT JOIN story_articles ON story_articles.article_id = articles.id
                WHERE articles_fts MATCH ?
                ORDER BY rank, articles.seq
                LIMIT ?
                """, arguments: [weights.title, weights.text, SearchHit.matchStart, SearchHit.matchEnd,
                                 SQLiteSchema.snippetTokens, pattern, limit])
            return rows.map { row in
                SearchHit(articleID: row["id"], storyID: row["story_id"], title: row["title"], source: row["source"],
                          url: row["url"], published: row["published"], language: row["language"],
                          score: -(row["rank"] as Double), snippet: row["snippet"])
            }
        }
    }

    public func counts() async throws -> StoreCounts {
        try await read(SQLiteStore.counts)
    }

    @discardableResult
    public func saveClaims(storyID: Int64, claims: [Claim], articleCount: Int) async throws -> Bool {
        let columns = try claims.enumerated().map { try ClaimColumns($0.element, storyID: storyID, position: $0.offset) }
        let links = ClaimColumns.links(claims)
        let path = self.path
        return try await write { db in
            guard let current = try Int.fetchOne(db, sql: "SELECT article_count FROM stories WHERE id = ?", arguments: [storyID]) else {
                throw StoreError(store: path, message: "no story \(storyID) to save claims for")
            }
            guard current == articleCount else { return false }
            try db.execute(sql: "DELETE FROM claim_sets WHERE story_id = ?", arguments: [storyID])
            try db.execute(sql: "INSERT INTO claim_sets (story_id, article_count, computed_at) VALUES (?, ?, ?)",
                           arguments: [storyID, articleCount, Date()])
            let insertClaim = try db.cachedStatement(sql: """
                INSERT INTO claims (id, story_id, article_id, position, source, sentence, text, start_offset, end_offset, language,
                                    entities, numbers, times, quotes)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            for c in columns {
                try insertClaim.execute(arguments: [c.id, c.storyID, c.articleID, c.position, c.source, c.sentence, c.text, c.start,
                                                    c.end, c.language, c.entities, c.numbers, c.times, c.quotes])
            }
            let insertLink = try db.cachedStatement(sql: """
                INSERT INTO claim_links (claim_id, linked_id, kind, score, position) VALUES (?, ?, ?, ?, ?)
                """)
            for link in links {
                try insertLink.execute(arguments: [link.claim, link.linked, link.kind, link.score, link.position])
            }
            return true
        }
    }

    public func claims(inStory id: Int64) async throws -> StoredClaims? {
        try await read { db in
            guard let set = try Row.fetchOne(db, sql: "SELECT article_count, computed_at FROM claim_sets WHERE story_id = ?",
                                             arguments: [id]) else { return nil }
            let rows = try Row.fetchAll(db, sql: "SELECT * FROM claims WHERE story_id = ? ORDER BY position", arguments: [id])
            var links: [String: [Claim.Link]] = [:]
            for link in try Row.fetchAll(db, sql: """
                SELECT claim_links.claim_id, claim_links.linked_id, claim_links.kind, claim_links.score FROM claim_links
                JOIN claims ON claims.id = claim_links.claim_id
                WHERE claims.story_id = ? ORDER BY claim_links.claim_id, claim_links.position
                """, arguments: [id]) {
                if let parsed = ClaimColumns.link(linked: link["linked_id"], kind: link["kind"], score: link["score"]) {
                    links[link["claim_id"], default: []].append(parsed)
                }
            }
            let claims = try rows.map { row in
                let columns = SQLiteStore.claimColumns(row)
                return try columns.claim(links: links[columns.id] ?? [])
            }
            return StoredClaims(storyID: id, articleCount: set["article_count"], computedAt: set["computed_at"], claims: claims)
        }
    }

    public func claim(id: String) async throws -> StoredClaim? {
        try await read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM claims WHERE id = ?", arguments: [id]) else { return nil }
            let links = try Row.fetchAll(db, sql: """
                SELECT linked_id, kind, score FROM claim_links WHERE claim_id = ? ORDER BY position
                """, arguments: [id]).compactMap { ClaimColumns.link(linked: $0["linked_id"], kind: $0["kind"], score: $0["score"]) }
            let columns = SQLiteStore.claimColumns(row)
            return StoredClaim(storyID: columns.storyID, claim: try columns.claim(links: links))
        }
    }

    public func saveEmbeddings(_ vectors: [String: [Float]], model: String) async throws {
        guard !vectors.isEmpty else { return }
        let rows = vectors.sorted { $0.key < $1.key }.map { ($0.key, EmbeddingBytes.encode($0.value)) }
        try await write { db in
            // Only stored articles: an id the store does not hold is skipped, not an error.
            let insert = try db.cachedStatement(sql: """
                INSERT OR REPLACE INTO article_embeddings (article_id, model, vector)
                SELECT id, ?, ? FROM articles WHERE id = ?
                """)
            for (id, bytes) in rows { try insert.execute(arguments: [model, bytes, id]) }
        }
    }

    public func embeddings(of articleIDs: [String], model: String) async throws -> [String: [Float]] {
        guard !articleIDs.isEmpty else { return [:] }
        return try await read { db in
            var found: [String: [Float]] = [:]
            // In chunks: SQLite bounds the number of parameters of one statement.
            var start = 0
            while start < articleIDs.count {
                let chunk = Array(articleIDs[start..<min(start + 500, articleIDs.count)])
                let marks = Array(repeating: "?", count: chunk.count).joined(separator: ", ")
                let rows = try Row.fetchAll(db, sql: """
                    SELECT article_id, vector FROM article_embeddings WHERE model = ? AND article_id IN (\(marks))
                    """, arguments: StatementArguments([model] + chunk))
                for row in rows {
                    if let vector = EmbeddingBytes.decode(row["vector"]) { found[row["article_id"]] = vector }
                }
                start += chunk.count
            }
            return found
        }
    }

    private static func claimColumns(_ row: Row) -> ClaimColumns {
        ClaimColumns(id: row["id"], storyID: row["story_id"], articleID: row["article_id"], position: row["position"],
                     source: row["source"], sentence: row["sentence"], text: row["text"], start: row["start_offset"],
                     end: row["end_offset"], language: row["language"], entities: row["entities"], numbers: row["numbers"],
                     times: row["times"], quotes: row["quotes"])
    }

    private static func counts(_ db: Database) throws -> StoreCounts {
        StoreCounts(articles: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM articles") ?? 0,
                    stories: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM stories") ?? 0)
    }

    // MARK: helpers

    /// The FTS5 query for what the user typed: FTS5 syntax when it is valid (phrases in
    /// quotes, OR, NOT, prefix*), else every word of it, all required. Nil when it has no words.
    private static func pattern(_ query: String, _ db: Database) -> FTS5Pattern? {
        if let raw = try? db.makeFTS5Pattern(rawPattern: query, forTable: "articles_fts") { return raw }
        return FTS5Pattern(matchingAllTokensIn: query)
    }

    private static func duplicate(_ db: Database, contentHash: String, canonicalURL: String?) throws -> String? {
        if let id = try String.fetchOne(db, sql: "SELECT id FROM articles WHERE content_hash = ?", arguments: [contentHash]) {
            return id
        }
        guard let canonicalURL else { return nil }
        return try String.fetchOne(db, sql: "SELECT id FROM articles WHERE canonical_url = ?", arguments: [canonicalURL])
    }

    private func read<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        do { return try await pool.read(body) } catch { throw SQLiteStore.storeError(error, path: path) }
    }

    private func write<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        do { return try await pool.write(body) } catch { throw SQLiteStore.storeError(error, path: path) }
    }

    /// SQLite's message, on one line, naming the file.
    private static func storeError(_ error: Error, path: String) -> Error {
        if error is StoreError { return error }
        if let error = error as? DatabaseError {
            return StoreError(store: path, message: error.message ?? "SQLite error \(error.resultCode)")
        }
        return StoreError(store: path, message: "\(error)".split(separator: "\n").first.map(String.init) ?? "error")
    }
}
