import Foundation
import ParallaxCore
import ParallaxPostgres
import ParallaxStore
import Synchronization
import Testing
import TestSupport

/// Real articles for the store tests: full English Wikinews articles from ../shared/data,
/// read in place.
enum Wikinews {
    static let corpus = "corpus/wikinews-en-2019-2020.jsonl"

    /// The corpus's records as they are in the file (id, url, published, title, text …).
    static func records() throws -> [[String: Any]] {
        let data = try Data(contentsOf: SharedData.url(corpus))
        return data.split(separator: UInt8(ascii: "\n")).compactMap {
            try? JSONSerialization.jsonObject(with: Data($0)) as? [String: Any]
        }
    }

    /// The first `count` articles, as an extractor would give them.
    static func articles(_ count: Int) throws -> [Article] {
        try records().prefix(count).map(article)
    }

    static func article(_ record: [String: Any]) -> Article {
        let text = record["text"] as? String ?? ""
        let paragraphs = text.components(separatedBy: "\n\n").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
        return Article(source: SharedData.path(corpus) + "#" + (record["id"] as? String ?? ""), url: record["url"] as? String,
                       title: record["title"] as? String ?? "", paragraphs: paragraphs,
                       published: (record["published"] as? String).flatMap { CalendarDay(iso: $0)?.date },
                       language: record["lang"] as? String)
    }
}

/// The backends the contract suite runs against. PostgreSQL runs on the server named by
/// `$PARALLAX_TEST_POSTGRES` (`scripts/with-postgres.sh` starts one), each test in a database
/// of its own. Without the variable its cases are cancelled with the reason, except when
/// `CI=true`: there they fail, so CI cannot pass without having run them.
enum Backend: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case sqlite
    case postgres

    var testDescription: String { rawValue }

    static let postgresVariable = "PARALLAX_TEST_POSTGRES"

    /// The migrations a new store of this backend records, in order.
    var migrations: [String] {
        switch self {
        case .sqlite: ["v1-articles-stories", "v2-articles-fts", "v3-claims", "v4-article-layout", "v5-article-embeddings"]
        case .postgres: ["v1-articles-stories", "v2-articles-search", "v3-claims", "v4-article-layout", "v5-article-embeddings"]
        }
    }

    /// An empty store location of this backend, private to one test, removed after `body`
    /// (also when it throws).
    func withTemporaryLocation(_ body: (TemporaryLocation) async throws -> Void) async throws {
        let location = try await makeTemporaryLocation()
        do {
            try await body(location)
        } catch {
            await location.remove()
            throw error
        }
        await location.remove()
    }

    /// An empty, opened store of this backend, private to one test.
    func withTemporaryStore(_ body: (TemporaryStore) async throws -> Void) async throws {
        try await withTemporaryLocation { location in
            try await body(TemporaryStore(store: try await location.open(), location: location))
        }
    }

    private func makeTemporaryLocation() async throws -> TemporaryLocation {
        switch self {
        case .sqlite:
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("parallax-store-\(UUID().uuidString)")
            // The store creates its folder itself: the file is one level below the temporary directory.
            let path = directory.appendingPathComponent("db/parallax.db").path
            return TemporaryLocation(
                description: path,
                opener: { try SQLiteStore(path: path) },
                migrations: { store in try await (store as! SQLiteStore).appliedMigrations() },
                removal: { try? FileManager.default.removeItem(at: directory) })
        case .postgres:
            let server = try Self.postgresServer()
            let name = "parallax_test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
            try await PostgresDatabases.create(name, on: server)
            let location = server.database(name)
            return TemporaryLocation(
                description: location.description,
                postgres: location,
                opener: { try await PostgresStore.open(location, maximumConnections: 2) },
                migrations: { store in try await (store as! PostgresStore).appliedMigrations() },
                removal: { try? await PostgresDatabases.drop(name, on: server) })
        }
    }

    /// The test server, or the test case ends: cancelled (no server configured) or failed (in CI).
    private static func postgresServer() throws -> PostgresLocation {
        let environment = ProcessInfo.processInfo.environment
        if let url = environment[postgresVariable], !url.isEmpty { return try PostgresLocation(url: url) }
        let reason = Comment(rawValue: "\(postgresVariable) is not set: run the tests under scripts/with-postgres.sh to include PostgreSQL")
        if environment["CI"] == "true" {
            Issue.record(reason)
            throw MissingServer()
        }
        try Test.cancel(reason)
    }

    struct MissingServer: Error {}
}

/// A place for a store, private to one test: open it as often as a test needs (each open is
/// what another process opening the same store does); every store opened is closed and the
/// place removed at the end of the test.
final class TemporaryLocation: Sendable {
    let description: String
    /// The database, for a PostgreSQL location (its description hides the password).
    let postgres: PostgresLocation?
    private let opener: @Sendable () async throws -> any StoryStore
    private let migrations: @Sendable (any StoryStore) async throws -> [String]
    private let removal: @Sendable () async -> Void
    private let opened = Mutex<[any StoryStore]>([])

    init(description: String, postgres: PostgresLocation? = nil, opener: @escaping @Sendable () async throws -> any StoryStore,
         migrations: @escaping @Sendable (any StoryStore) async throws -> [String], removal: @escaping @Sendable () async -> Void) {
        self.description = description
        self.postgres = postgres
        self.opener = opener
        self.migrations = migrations
        self.removal = removal
    }

    /// Opens (creating and migrating when needed) the store.
    func open() async throws -> any StoryStore {
        let store = try await opener()
        opened.withLock { $0.append(store) }
        return store
    }

    /// The names of the migrations `store` records as applied, in order.
    func appliedMigrations(_ store: any StoryStore) async throws -> [String] { try await migrations(store) }

    fileprivate func remove() async {
        for store in opened.withLock({ $0 }) { await store.close() }
        await removal()
    }
}

/// An opened store for one test, and where it lives.
struct TemporaryStore {
    let store: any StoryStore
    let location: TemporaryLocation
}
