import Foundation
import Logging
import PostgresNIO

/// The PostgreSQL schema, as named migrations applied in order, each once per database,
/// recorded in `parallax_migrations`. The tables mirror the SQLite store's (`SQLiteSchema`):
///
/// - `articles`: one row per distinct article; `seq` is the ingestion order; `id` the
///   article's stable id; `content_hash` and `canonical_url` the de-duplication keys
///   (`ArticleFingerprint`), both UNIQUE, so no two writers can store one article twice.
///   `layout` (v4) is the `ArticleLayout` as JSON text: the paragraphs' lengths in `text` and
///   the segments' languages (v1 kept a `paragraphs` array and `segments` JSON with all the
///   words again). Dates are `timestamptz`.
/// - `stories`: one row per story; ids come from a sequence and are never reused.
/// - `story_articles`: membership, one row per article.
/// - `claim_sets`, `claims`, `claim_links` (v3): a story's claims, as in SQLite (annotations
///   as JSONB); deleting the `claim_sets` row deletes the claims and their links.
/// - `articles.search`: a `tsvector` of the folded title (weight A) and text (weight B)
///   under a GIN index (see `PostgresSearch` for why the words are folded by the store).
/// - `article_embeddings` (v5): dense embeddings of articles by model, as in SQLite.
enum PostgresSchema {
    struct Migration: Sendable {
        var name: String
        var statements: [String]
    }

    static let migrations: [Migration] = [
        Migration(name: "v1-articles-stories", statements: [
            """
            CREATE TABLE articles (
                seq BIGSERIAL PRIMARY KEY,
                id TEXT NOT NULL UNIQUE,
                source TEXT NOT NULL,
                url TEXT,
                canonical_url TEXT UNIQUE,
                content_hash TEXT NOT NULL UNIQUE,
                title TEXT NOT NULL,
                text TEXT NOT NULL,
                paragraphs TEXT[] NOT NULL,
                published TIMESTAMPTZ,
                modified TIMESTAMPTZ,
                language TEXT,
                site TEXT,
                byline TEXT,
                image TEXT,
                segments JSONB NOT NULL,
                ingested_at TIMESTAMPTZ NOT NULL
            )
            """,
            "CREATE INDEX articles_published ON articles (published)",
            """
            CREATE TABLE stories (
                id BIGSERIAL PRIMARY KEY,
                title TEXT NOT NULL,
                first_published TIMESTAMPTZ,
                last_published TIMESTAMPTZ,
                article_count INTEGER NOT NULL,
                languages TEXT[] NOT NULL,
                created_at TIMESTAMPTZ NOT NULL,
                updated_at TIMESTAMPTZ NOT NULL
            )
            """,
            "CREATE INDEX stories_recent ON stories ((COALESCE(last_published, created_at)) DESC, id DESC)",
            """
            CREATE TABLE story_articles (
                article_id TEXT PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
                story_id BIGINT NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
                similarity DOUBLE PRECISION,
                copy_of TEXT
            )
            """,
            "CREATE INDEX story_articles_story ON story_articles (story_id)",
        ]),
        Migration(name: "v2-articles-search", statements: [
            // Filled by `add` from the folded words (see `PostgresSearch`), which the server
            // cannot compute itself; the default only serves the ALTER.
            "ALTER TABLE articles ADD COLUMN search TSVECTOR NOT NULL DEFAULT ''::tsvector",
            "CREATE INDEX articles_search ON articles USING GIN (search)",
        ]),
        Migration(name: "v3-claims", statements: [
            """
            CREATE TABLE claim_sets (
                story_id BIGINT PRIMARY KEY REFERENCES stories (id) ON DELETE CASCADE,
                article_count INTEGER NOT NULL,
                computed_at TIMESTAMPTZ NOT NULL
            )
            """,
            """
            CREATE TABLE claims (
                id TEXT PRIMARY KEY,
                story_id BIGINT NOT NULL REFERENCES claim_sets (story_id) ON DELETE CASCADE,
                article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
                position INTEGER NOT NULL,
                source TEXT NOT NULL,
                sentence INTEGER NOT NULL,
                text TEXT NOT NULL,
                start_offset INTEGER NOT NULL,
                end_offset INTEGER NOT NULL,
                language TEXT NOT NULL,
                entities JSONB NOT NULL,
                numbers JSONB NOT NULL,
                times JSONB NOT NULL,
                quotes JSONB NOT NULL
            )
            """,
            "CREATE INDEX claims_story ON claims (story_id, position)",
            "CREATE INDEX claims_article ON claims (article_id)",
            """
            CREATE TABLE claim_links (
                claim_id TEXT NOT NULL REFERENCES claims (id) ON DELETE CASCADE,
                linked_id TEXT NOT NULL REFERENCES claims (id) ON DELETE CASCADE,
                kind TEXT NOT NULL,
                score DOUBLE PRECISION NOT NULL,
                position INTEGER NOT NULL,
                PRIMARY KEY (claim_id, linked_id)
            )
            """,
            "CREATE INDEX claim_links_linked ON claim_links (linked_id)",
        ]),
        // The same layout `ArticleLayout` writes, built by the server from the v1 columns:
        // paragraph lengths in UTF-8 bytes, and a segment's text only where it is not the
        // title or its paragraph (the k-th paragraph segment is the k-th paragraph). The text
        // is rewritten from the paragraphs, which reads always took for the truth.
        Migration(name: "v4-article-layout", statements: [
            "ALTER TABLE articles ADD COLUMN layout TEXT",
            """
            UPDATE articles SET text = array_to_string(paragraphs, E'\\n\\n'), layout = jsonb_build_object(
                'paragraphs', COALESCE((SELECT jsonb_agg(octet_length(convert_to(p, 'UTF8')) ORDER BY n)
                                        FROM unnest(paragraphs) WITH ORDINALITY AS u(p, n)), '[]'::jsonb),
                'segments', COALESCE((
                    SELECT jsonb_agg(CASE WHEN s ->> 'text' = (CASE s ->> 'kind' WHEN 'title' THEN title ELSE paragraphs[k] END)
                                          THEN jsonb_build_array(s -> 'kind', s -> 'language', s -> 'confidence')
                                          ELSE jsonb_build_array(s -> 'kind', s -> 'language', s -> 'confidence', s -> 'text')
                                     END ORDER BY n)
                    FROM (SELECT s, n, count(*) FILTER (WHERE s ->> 'kind' = 'paragraph') OVER (ORDER BY n) AS k
                          FROM jsonb_array_elements(segments) WITH ORDINALITY AS e(s, n)) AS numbered), '[]'::jsonb))::text
            """,
            "ALTER TABLE articles ALTER COLUMN layout SET NOT NULL",
            "ALTER TABLE articles DROP COLUMN paragraphs, DROP COLUMN segments",
        ]),
        Migration(name: "v5-article-embeddings", statements: [
            """
            CREATE TABLE article_embeddings (
                article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
                model TEXT NOT NULL,
                vector BYTEA NOT NULL,
                PRIMARY KEY (article_id, model)
            )
            """,
        ]),
    ]

    /// Advisory-lock keys (any 64-bit numbers no other application on the database uses):
    /// one held while migrating, one by every `add` around its placement and inserts.
    static let migrationLock: Int64 = 0x5041_5241_4C4C_0001
    static let placementLock: Int64 = 0x5041_5241_4C4C_0002

    /// Applies the pending migrations on `connection`, in order, each in its own transaction
    /// together with its record. A session advisory lock makes processes that start at once
    /// take turns: the second finds the migrations recorded and applies nothing.
    /// `through` stops after the named migration (tests build an old store with it).
    static func migrate(_ connection: PostgresConnection, logger: Logger, through last: String? = nil) async throws -> [String] {
        try await connection.query("SELECT pg_advisory_lock(\(migrationLock))", logger: logger)
        do {
            try await connection.query("""
                CREATE TABLE IF NOT EXISTS parallax_migrations (
                    name TEXT PRIMARY KEY,
                    applied_at TIMESTAMPTZ NOT NULL DEFAULT now()
                )
                """, logger: logger)
            let applied = try await appliedMigrations(connection, logger: logger)
            var newlyApplied: [String] = []
            let wanted = last.flatMap { name in migrations.firstIndex { $0.name == name } }.map { migrations[...$0] } ?? migrations[...]
            for migration in wanted where !applied.contains(migration.name) {
                try await connection.withTransaction(logger: logger) { connection in
                    for statement in migration.statements {
                        try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
                    }
                    try await connection.query("INSERT INTO parallax_migrations (name) VALUES (\(migration.name))", logger: logger)
                }
                newlyApplied.append(migration.name)
            }
            try await connection.query("SELECT pg_advisory_unlock(\(migrationLock))", logger: logger)
            return newlyApplied
        } catch {
            _ = try? await connection.query("SELECT pg_advisory_unlock(\(migrationLock))", logger: logger)
            throw error
        }
    }

    /// Names of the applied migrations, in the order they were applied.
    static func appliedMigrations(_ connection: PostgresConnection, logger: Logger) async throws -> [String] {
        var names: [String] = []
        let rows = try await connection.query("SELECT name FROM parallax_migrations ORDER BY applied_at, name", logger: logger)
        for try await name in rows.decode(String.self) { names.append(name) }
        return names
    }
}
