import Foundation
import Logging
import ParallaxCore
import ParallaxStore
import PostgresNIO

/// The `StoryStore` contract on PostgreSQL, for a store that several machines or processes
/// share. Schema and migrations: `PostgresSchema`; search: `PostgresSearch`.
///
/// Connections come from a postgres-nio `PostgresClient` pool, whose `run()` loop lives in a
/// task the store owns; `close()` ends it. Opening first connects once on its own, so a
/// wrong address or password fails at once with one line instead of after the pool's retries.
///
/// Concurrency: every `add` (one article or a batch) runs in one transaction that first takes
/// a transaction-level advisory lock, so the duplicate check, the story decision and the
/// inserts of concurrent writers (threads or processes) happen one after another, as with SQLite's single writer.
/// The UNIQUE constraints on content hash and canonical URL are the backstop: a violation
/// is answered as `.duplicate`, never as a second copy.
public final class PostgresStore: StoryStore {
    public let location: PostgresLocation
    private let client: PostgresClient
    private let runner: Task<Void, Never>
    private let logger: Logger

    private init(location: PostgresLocation, client: PostgresClient, logger: Logger) {
        self.location = location
        self.client = client
        self.logger = logger
        runner = Task { await client.run() }
    }

    /// Connects, applies pending migrations, and starts the connection pool.
    public static func open(_ location: PostgresLocation, maximumConnections: Int = 4) async throws -> PostgresStore {
        let logger = Logger(label: "parallax.postgres", factory: { _ in SwiftLogNoOpLogHandler() })
        do {
            let connection = try await PostgresConnection.connect(configuration: try location.connectionConfiguration(),
                                                                  id: 0, logger: logger)
            do {
                _ = try await PostgresSchema.migrate(connection, logger: logger)
                try await connection.close()
            } catch {
                try? await connection.close()
                throw error
            }
            var configuration = try location.clientConfiguration()
            configuration.options.maximumConnections = maximumConnections
            return PostgresStore(location: location, client: PostgresClient(configuration: configuration), logger: logger)
        } catch {
            throw PostgresStore.storeError(error, location: location)
        }
    }

    /// Opens the store a `postgres://` URL names.
    public static func open(url: String) async throws -> PostgresStore {
        try await open(PostgresLocation(url: url))
    }

    /// The URL without its password.
    public var description: String { location.description }

    /// Stops the connection pool. The store answers nothing afterwards.
    public func close() async {
        runner.cancel()
        await runner.value
    }

    /// Names of the migrations applied to this database, in the order they were applied.
    public func appliedMigrations() async throws -> [String] {
        try await run { connection, logger in try await PostgresSchema.appliedMigrations(connection, logger: logger) }
    }

    // MARK: StoryStore

    public func storedDuplicates(of keys: [ArticleKeys]) async throws -> [String?] {
        guard !keys.isEmpty else { return [] }
        return try await run { connection, logger in try await PostgresStore.duplicates(of: keys, connection, logger) }
    }

    public func add(_ batch: [ArticlePlacement]) async throws -> [AddResult] {
        guard !batch.isEmpty else { return [] }
        do {
            return try await addInOneTransaction(batch)
        } catch let error as StoreError where error.message.hasPrefix(PostgresStore.uniqueViolationMessage) {
            // Stored by a writer that does not take the placement lock (or an id collision):
            // the transaction was rolled back. One by one, each article is answered as the
            // duplicate check would have answered it, and the others are stored.
            guard batch.count == 1 else {
                var results: [AddResult] = []
                for item in batch { results += try await add([item]) }
                return results
            }
            if let existing = try await storedDuplicate(of: batch[0].article) { return [.duplicate(existingID: existing)] }
            throw error
        }
    }

    /// The batch in one transaction and a fixed number of statements: the duplicate check,
    /// the lookups and each kind of insert or update are asked once for all its articles.
    private func addInOneTransaction(_ batch: [ArticlePlacement]) async throws -> [AddResult] {
        let now = Date()
        let rows = batch.map { ArticleValues($0.article, keys: $0.keys, ingestedAt: now) }
        let placements = batch.map(\.placement)
        let store = location.description
        return try await run { connection, logger in
            try await connection.withTransaction(logger: logger) { connection in
                try await connection.query("SELECT pg_advisory_xact_lock(\(PostgresSchema.placementLock))", logger: logger)
                let storedDuplicate = try await PostgresStore.duplicates(of: batch.map(\.keys), connection, logger)
                let storyOfStored = try await MembershipValues.stories(of: PlacementPlan.namedArticles(placements), connection, logger)
                let plan = PlacementPlan(rows, placements, storedDuplicate: storedDuplicate, storyOfStored: storyOfStored)
                guard !plan.inserts.isEmpty else { return plan.duplicates.map { $0! } }

                var joined = try await StoryValues.fetch(plan.storedTargets, forUpdate: true, connection, logger)
                let openedIDs = try await StoryValues.newIDs(plan.openedCount, connection, logger)
                var opened: [StoredStory] = []
                var results = plan.duplicates
                var memberships: [MembershipValues.Row] = []
                for insert in plan.inserts {
                    let article = batch[insert.item].article
                    let storyID: Int64
                    switch insert.target {
                    case .opened(let n) where n == opened.count:
                        storyID = openedIDs[n]
                        opened.append(StoredStory(openedBy: article, id: storyID, at: now))
                        results[insert.item] = .added(storyID: storyID, openedStory: true)
                    case .opened(let n):
                        storyID = openedIDs[n]
                        opened[n].absorb(article, at: now)
                        results[insert.item] = .added(storyID: storyID, openedStory: false)
                    case .stored(let id):
                        guard joined[id] != nil else {
                            throw StoreError(store: store, message: "no story \(id) to add article \(article.id) to")
                        }
                        storyID = id
                        joined[id]!.absorb(article, at: now)
                        results[insert.item] = .added(storyID: storyID, openedStory: false)
                    }
                    memberships.append(MembershipValues.Row(articleID: article.id, storyID: storyID,
                                                            similarity: insert.similarity, copyOf: insert.copyOf))
                }
                try await StoryValues.insert(opened, connection, logger)
                try await ArticleValues.insert(plan.inserts.map { rows[$0.item] }, connection, logger)
                if !joined.isEmpty {
                    try await StoryValues.update(joined.values.sorted { $0.id < $1.id }, connection, logger)
                    // Those stories' claims no longer describe all their articles.
                    try await connection.query("DELETE FROM claim_sets WHERE story_id = ANY(\(Array(joined.keys)))", logger: logger)
                }
                try await MembershipValues.insert(memberships, connection, logger)
                return results.map { $0! }
            }
        }
    }

    public func stories(limit: Int, offset: Int) async throws -> [StoredStory] {
        try await run { connection, logger in
            let rows = try await connection.query("""
                SELECT \(unescaped: StoryValues.columns) FROM stories
                ORDER BY COALESCE(last_published, created_at) DESC, id DESC LIMIT \(limit) OFFSET \(offset)
                """, logger: logger)
            var stories: [StoredStory] = []
            for try await row in rows { stories.append(try StoryValues.decode(row)) }
            return stories
        }
    }

    public func story(id: Int64) async throws -> StoredStory? {
        try await run { connection, logger in try await StoryValues.fetch(id, forUpdate: false, connection, logger) }
    }

    public func articles(inStory id: Int64) async throws -> [StoredArticle] {
        try await run { connection, logger in
            let rows = try await connection.query("""
                SELECT \(unescaped: ArticleValues.storedColumns) FROM story_articles
                JOIN articles ON articles.id = story_articles.article_id
                WHERE story_articles.story_id = \(id)
                ORDER BY articles.published IS NULL, articles.published, articles.seq
                """, logger: logger)
            var articles: [StoredArticle] = []
            for try await row in rows { articles.append(try ArticleValues.stored(row)) }
            return articles
        }
    }

    public func recentArticles(windowDays: Double, limit: Int) async throws -> [StoredArticle] {
        try await run { connection, logger in
            var newest: Date?
            for try await date in try await connection.query("SELECT MAX(published) FROM articles", logger: logger).decode(Date?.self) {
                newest = date
            }
            let horizon = newest.map { $0.addingTimeInterval(-windowDays * 86_400) } ?? .distantPast
            let rows = try await connection.query("""
                SELECT \(unescaped: ArticleValues.storedColumns) FROM articles
                JOIN story_articles ON story_articles.article_id = articles.id
                WHERE articles.published IS NULL OR articles.published >= \(horizon)
                ORDER BY articles.seq DESC LIMIT \(limit)
                """, logger: logger)
            var articles: [StoredArticle] = []
            for try await row in rows { articles.append(try ArticleValues.stored(row)) }
            return articles.reversed()
        }
    }

    public func search(_ query: String, limit: Int) async throws -> [SearchHit] {
        guard let parsed = PostgresSearch.parse(query) else { return [] }
        let tsquery = PostgresSearch.tsquery(parsed)
        return try await run { connection, logger in
            let rows = try await connection.query("""
                SELECT articles.id, articles.title, articles.text, articles.source, articles.url, articles.published,
                       articles.language, story_articles.story_id,
                       ts_rank('\(unescaped: PostgresSearch.rankWeights)'::float4[], articles.search, query,
                               \(unescaped: String(PostgresSearch.rankNormalization)))::float8 AS rank
                FROM articles
                CROSS JOIN to_tsquery('simple', \(tsquery)) AS query
                LEFT JOIN story_articles ON story_articles.article_id = articles.id
                WHERE articles.search @@ query
                ORDER BY rank DESC, articles.seq
                LIMIT \(limit)
                """, logger: logger)
            var hits: [SearchHit] = []
            for try await (id, title, text, source, url, published, language, story, rank) in rows.decode(
                (String, String, String, String, String?, Date?, String?, Int64?, Double).self)
            {
                hits.append(SearchHit(articleID: id, storyID: story, title: title, source: source, url: url, published: published,
                                      language: language, score: rank,
                                      snippet: PostgresSearch.snippet(title: title, text: text, query: parsed)))
            }
            return hits
        }
    }

    public func counts() async throws -> StoreCounts {
        try await run { connection, logger in
            let rows = try await connection.query(
                "SELECT (SELECT COUNT(*) FROM articles), (SELECT COUNT(*) FROM stories)", logger: logger)
            var counts = StoreCounts(articles: 0, stories: 0)
            for try await (articles, stories) in rows.decode((Int64, Int64).self) {
                counts = StoreCounts(articles: Int(articles), stories: Int(stories))
            }
            return counts
        }
    }

    @discardableResult
    public func saveClaims(storyID: Int64, claims: [Claim], articleCount: Int) async throws -> Bool {
        let columns = try claims.enumerated().map { try ClaimColumns($0.element, storyID: storyID, position: $0.offset) }
        let links = ClaimColumns.links(claims)
        let store = location.description
        return try await run { connection, logger in
            try await connection.withTransaction(logger: logger) { connection in
                // Locked as `add` locks it: no article joins between the check and the write.
                guard let story = try await StoryValues.fetch(storyID, forUpdate: true, connection, logger) else {
                    throw StoreError(store: store, message: "no story \(storyID) to save claims for")
                }
                guard story.articleCount == articleCount else { return false }
                try await connection.query("DELETE FROM claim_sets WHERE story_id = \(storyID)", logger: logger)
                try await connection.query("""
                    INSERT INTO claim_sets (story_id, article_count, computed_at) VALUES (\(storyID), \(articleCount), \(Date()))
                    """, logger: logger)
                try await ClaimRows.insert(columns, storyID: storyID, connection, logger)
                try await ClaimRows.insert(links, connection, logger)
                return true
            }
        }
    }

    public func claims(inStory id: Int64) async throws -> StoredClaims? {
        try await run { connection, logger in
            var set: (Int, Date)?
            for try await row in try await connection.query(
                "SELECT article_count, computed_at FROM claim_sets WHERE story_id = \(id)", logger: logger).decode((Int, Date).self) {
                set = row
            }
            guard let (articleCount, computedAt) = set else { return nil }
            let links = try await ClaimRows.links(connection.query("""
                SELECT claim_links.claim_id, claim_links.linked_id, claim_links.kind, claim_links.score FROM claim_links
                JOIN claims ON claims.id = claim_links.claim_id
                WHERE claims.story_id = \(id) ORDER BY claim_links.claim_id, claim_links.position
                """, logger: logger))
            let columns = try await ClaimRows.columns(connection.query(
                "SELECT \(unescaped: ClaimRows.columnList) FROM claims WHERE story_id = \(id) ORDER BY position", logger: logger))
            let claims = try columns.map { try $0.claim(links: links[$0.id] ?? []) }
            return StoredClaims(storyID: id, articleCount: articleCount, computedAt: computedAt, claims: claims)
        }
    }

    public func claim(id: String) async throws -> StoredClaim? {
        try await run { connection, logger in
            guard let columns = try await ClaimRows.columns(connection.query(
                "SELECT \(unescaped: ClaimRows.columnList) FROM claims WHERE id = \(id)", logger: logger)).first else { return nil }
            let links = try await ClaimRows.links(connection.query(
                "SELECT claim_id, linked_id, kind, score FROM claim_links WHERE claim_id = \(id) ORDER BY position", logger: logger))
            return StoredClaim(storyID: columns.storyID, claim: try columns.claim(links: links[id] ?? []))
        }
    }

    public func saveEmbeddings(_ vectors: [String: [Float]], model: String) async throws {
        guard !vectors.isEmpty else { return }
        let rows = vectors.sorted { $0.key < $1.key }.map { ($0.key, EmbeddingBytes.encode($0.value)) }
        try await run { connection, logger in
            try await connection.withTransaction(logger: logger) { connection in
                for (id, bytes) in rows {
                    // Only stored articles: an id the store does not hold is skipped, not an error.
                    try await connection.query("""
                        INSERT INTO article_embeddings (article_id, model, vector)
                        SELECT id, \(model), \(bytes) FROM articles WHERE id = \(id)
                        ON CONFLICT (article_id, model) DO UPDATE SET vector = EXCLUDED.vector
                        """, logger: logger)
                }
            }
        }
    }

    public func embeddings(of articleIDs: [String], model: String) async throws -> [String: [Float]] {
        guard !articleIDs.isEmpty else { return [:] }
        return try await run { connection, logger in
            var found: [String: [Float]] = [:]
            let rows = try await connection.query("""
                SELECT article_id, vector FROM article_embeddings WHERE model = \(model) AND article_id = ANY(\(articleIDs))
                """, logger: logger)
            for try await (id, bytes) in rows.decode((String, Data).self) {
                if let vector = EmbeddingBytes.decode(bytes) { found[id] = vector }
            }
            return found
        }
    }

    // MARK: helpers

    /// For each key pair, the stored article with that content (first) or that canonical URL:
    /// one round trip for the whole list.
    private static func duplicates(of keys: [ArticleKeys], _ connection: PostgresConnection,
                                   _ logger: Logger) async throws -> [String?] {
        var byHash: [String: String] = [:], byURL: [String: String] = [:]
        let rows = try await connection.query("""
            SELECT id, content_hash, canonical_url FROM articles
            WHERE content_hash = ANY(\(keys.map(\.contentHash))) OR canonical_url = ANY(\(keys.compactMap(\.canonicalURL)))
            """, logger: logger)
        for try await (id, hash, url) in rows.decode((String, String, String?).self) {
            byHash[hash] = id
            if let url { byURL[url] = id }
        }
        return keys.map { byHash[$0.contentHash] ?? $0.canonicalURL.flatMap { byURL[$0] } }
    }

    /// Runs `body` on a pooled connection; any failure becomes one `StoreError` line.
    private func run<T: Sendable>(_ body: (PostgresConnection, Logger) async throws -> T) async throws -> T {
        let logger = self.logger
        do {
            return try await client.withConnection { connection in try await body(connection, logger) }
        } catch {
            throw PostgresStore.storeError(error, location: location)
        }
    }

    /// How a unique violation's `StoreError` message starts.
    static let uniqueViolationMessage = "already stored"

    /// The server's message (or the connection problem) on one line, naming the store
    /// without its password. postgres-nio's own description hides the details on purpose.
    static func storeError(_ error: Error, location: PostgresLocation) -> StoreError {
        if let error = error as? StoreError { return error }
        let store = location.description
        if let error = error as? PostgresTransactionError {
            return storeError(error.closureError ?? error.beginError ?? error.commitError ?? error.rollbackError ?? error,
                              location: location)
        }
        guard let error = error as? PSQLError else {
            return StoreError(store: store, message: "\(error)".split(separator: "\n").first.map(String.init) ?? "error")
        }
        if let info = error.serverInfo, let message = info[.message] {
            if info[.sqlState] == "23505" {
                return StoreError(store: store, message: "\(uniqueViolationMessage) (\(message))")
            }
            return StoreError(store: store, message: message)
        }
        switch error.code {
        case .connectionError:
            let cause = error.underlying.map { "\($0)" } ?? "connection failed"
            return StoreError(store: store, message: "cannot connect: \(cause)")
        case .serverClosedConnection, .clientClosedConnection, .poolClosed:
            return StoreError(store: store, message: "connection closed")
        case .authMechanismRequiresPassword:
            return StoreError(store: store, message: "the server asks for a password and the URL gives none")
        case .sslUnsupported:
            return StoreError(store: store, message: "the server does not support TLS (use ?sslmode=disable)")
        default:
            return StoreError(store: store, message: "\(error.code)")
        }
    }
}

/// Creating and dropping databases on a server (tests give each case a database of its own).
public enum PostgresDatabases {
    /// Creates database `name` (letters, digits and `_` only) on `server`'s server.
    public static func create(_ name: String, on server: PostgresLocation) async throws {
        try await administer(server, "CREATE DATABASE \(try quoted(name, server)) ENCODING 'UTF8' TEMPLATE template0")
    }

    /// Drops database `name` if it exists, ending the sessions still connected to it.
    public static func drop(_ name: String, on server: PostgresLocation) async throws {
        try await administer(server, "DROP DATABASE IF EXISTS \(try quoted(name, server)) WITH (FORCE)")
    }

    private static func quoted(_ name: String, _ server: PostgresLocation) throws -> String {
        guard !name.isEmpty, name.utf8.count < 64, name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }) else {
            throw StoreError(store: server.description, message: "'\(name)' is not a database name this tool creates")
        }
        return "\"\(name)\""
    }

    private static func administer(_ server: PostgresLocation, _ statement: String) async throws {
        let logger = Logger(label: "parallax.postgres", factory: { _ in SwiftLogNoOpLogHandler() })
        do {
            let connection = try await PostgresConnection.connect(configuration: try server.connectionConfiguration(), id: 0,
                                                                  logger: logger)
            do {
                try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
                try await connection.close()
            } catch {
                try? await connection.close()
                throw error
            }
        } catch {
            throw PostgresStore.storeError(error, location: server)
        }
    }
}
