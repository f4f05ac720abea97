import Foundation
import Logging
import ParallaxCore
import ParallaxStore
import PostgresNIO

/// Claims and their links as the `claims` and `claim_links` tables hold them (`ClaimColumns`).
/// A story's claims are written with one statement per table (arrays unnested on the
/// server), not one round trip per row: a story of a hundred articles has thousands.
enum ClaimRows {
    static let columnList = """
        id, story_id, article_id, position, source, sentence, text, start_offset, end_offset, language,
        entities::text, numbers::text, times::text, quotes::text
        """

    static func insert(_ claims: [ClaimColumns], storyID: Int64, _ connection: PostgresConnection, _ logger: Logger) async throws {
        guard !claims.isEmpty else { return }
        try await connection.query("""
            INSERT INTO claims (id, story_id, article_id, position, source, sentence, text, start_offset, end_offset, language,
                                entities, numbers, times, quotes)
            SELECT id, \(storyID), article_id, position, source, sentence, text, start_offset, end_offset, language,
                   entities::jsonb, numbers::jsonb, times::jsonb, quotes::jsonb
            FROM UNNEST(\(claims.map(\.id))::text[], \(claims.map(\.articleID))::text[], \(claims.map { Int64($0.position) })::int8[],
                        \(claims.map(\.source))::text[], \(claims.map { Int64($0.sentence) })::int8[], \(claims.map(\.text))::text[],
                        \(claims.map { Int64($0.start) })::int8[], \(claims.map { Int64($0.end) })::int8[],
                        \(claims.map(\.language))::text[], \(claims.map(\.entities))::text[], \(claims.map(\.numbers))::text[],
                        \(claims.map(\.times))::text[], \(claims.map(\.quotes))::text[])
                AS rows (id, article_id, position, source, sentence, text, start_offset, end_offset, language,
                         entities, numbers, times, quotes)
            """, logger: logger)
    }

    static func insert(_ links: [(claim: String, linked: String, kind: String, score: Double, position: Int)],
                       _ connection: PostgresConnection, _ logger: Logger) async throws {
        guard !links.isEmpty else { return }
        try await connection.query("""
            INSERT INTO claim_links (claim_id, linked_id, kind, score, position)
            SELECT * FROM UNNEST(\(links.map(\.claim))::text[], \(links.map(\.linked))::text[], \(links.map(\.kind))::text[],
                                 \(links.map(\.score))::float8[], \(links.map { Int64($0.position) })::int8[])
            """, logger: logger)
    }

    static func columns(_ rows: PostgresRowSequence) async throws -> [ClaimColumns] {
        var columns: [ClaimColumns] = []
        for try await (id, story, article, position, source, sentence, text, start, end, language, entities, numbers, times, quotes)
            in rows.decode((String, Int64, String, Int, String, Int, String, Int, Int, String, String, String, String, String).self)
        {
            columns.append(ClaimColumns(id: id, storyID: story, articleID: article, position: position, source: source,
                                        sentence: sentence, text: text, start: start, end: end, language: language,
                                        entities: entities, numbers: numbers, times: times, quotes: quotes))
        }
        return columns
    }

    /// Links by claim id, in the order read.
    static func links(_ rows: PostgresRowSequence) async throws -> [String: [Claim.Link]] {
        var links: [String: [Claim.Link]] = [:]
        for try await (claim, linked, kind, score) in rows.decode((String, String, String, Double).self) {
            if let link = ClaimColumns.link(linked: linked, kind: kind, score: score) { links[claim, default: []].append(link) }
        }
        return links
    }
}
