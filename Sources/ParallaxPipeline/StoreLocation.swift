import Foundation
import ParallaxPostgres
import ParallaxStore

/// Which store a `--db` value names: a `postgres://` or `postgresql://` URL is a PostgreSQL
/// store (see `PostgresLocation` for its parts), anything else the path of an SQLite file.
/// Without `--db`: `$PARALLAX_DB`, else `SQLiteStore.defaultPath`.
public enum StoreLocation: Sendable, Hashable, CustomStringConvertible {
    case sqlite(path: String)
    case postgres(PostgresLocation)

    /// The environment variable naming the store when no `--db` is given.
    public static let environmentVariable = "PARALLAX_DB"

    /// Reads a `--db` value (nil or empty: the environment's store, else the default file).
    public init(_ value: String?, environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        let named = [value, environment[StoreLocation.environmentVariable]].compactMap { $0 }.first { !$0.isEmpty }
        guard let named else {
            self = .sqlite(path: SQLiteStore.defaultPath)
            return
        }
        if PostgresLocation.isPostgresURL(named) {
            self = .postgres(try PostgresLocation(url: named))
        } else {
            self = .sqlite(path: named)
        }
    }

    /// The store for messages: the file path, or the URL without its password.
    public var description: String {
        switch self {
        case .sqlite(let path): return path
        case .postgres(let location): return location.description
        }
    }

    /// Opens (creating and migrating when needed) the store. Failures are `StoreError`s:
    /// one line naming the store.
    public func open() async throws -> any StoryStore {
        switch self {
        case .sqlite(let path): return try SQLiteStore(path: path)
        case .postgres(let location): return try await PostgresStore.open(location)
        }
    }
}
