import Foundation
import Testing
import TestSupport

/// `parallax ingest` killed with SIGKILL in the middle of a directory of articles, then run
/// again: every article ends up stored exactly once, in exactly one story, and the store is
/// sound. On SQLite, and on PostgreSQL when `$PARALLAX_TEST_POSTGRES` names a server
/// (`scripts/with-postgres.sh`); without one its case is cancelled, or fails when `CI=true`.
@Suite struct IngestCrashTests {
    static let articleCount = 200
    /// Articles the first run must have committed before it is killed.
    static let killAfter = 10

    enum Backend: String, CaseIterable, CustomTestStringConvertible {
        case sqlite, postgres
        var testDescription: String { rawValue }
    }

    @Test(arguments: Backend.allCases) func killedIngestResumesWithEveryArticleOnce(backend: Backend) async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("parallax-crash-\(UUID().uuidString)")
        let articles = directory.appendingPathComponent("articles")
        try FileManager.default.createDirectory(at: articles, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try Store(backend, directory: directory)
        defer { store.remove() }

        // 200 Wikinews articles as text files (title, blank line, text), as a crawl would leave them.
        var files: Set<String> = []
        for record in try Self.records() {
            let file = articles.appendingPathComponent("\(record.id).txt")
            try Data((record.title + "\n\n" + record.text).utf8).write(to: file)
            files.insert(file.path)
        }
        #expect(files.count == Self.articleCount)

        // Kill the first run once it has committed some articles, before it has all of them.
        let first = try Self.ingest(articles.path, db: store.db)
        var stored = 0
        while first.isRunning, stored < Self.killAfter {
            usleep(20_000)
            stored = store.articleCount() ?? 0
        }
        kill(first.processIdentifier, SIGKILL)
        first.waitUntilExit()
        #expect(first.terminationReason == .uncaughtSignal)
        let afterCrash = try #require(store.articleCount())
        #expect(afterCrash >= Self.killAfter && afterCrash < Self.articleCount)
        #expect(store.isSound())

        // The second run stores the rest and nothing twice.
        let second = try CLI.run(["ingest", articles.path, "--db", store.db])
        #expect(second.status == 0, "\(second.stderr)")
        #expect(second.stdout.hasPrefix("\(Self.articleCount - afterCrash) stored, \(afterCrash) already stored, 0 failed"))

        #expect(store.isSound())
        #expect(store.articleCount() == Self.articleCount)
        // Every file once, each article in exactly one story, and the stories' counts agree.
        #expect(Set(store.lines("SELECT source FROM articles")) == files)
        #expect(store.lines("SELECT COUNT(DISTINCT source) FROM articles") == ["\(Self.articleCount)"])
        #expect(store.lines("SELECT COUNT(*), COUNT(DISTINCT article_id) FROM story_articles")
            == ["\(Self.articleCount)|\(Self.articleCount)"])
        #expect(store.lines("SELECT SUM(article_count) FROM stories") == ["\(Self.articleCount)"])
        #expect(store.lines("SELECT COUNT(*) FROM stories s WHERE article_count <> (SELECT COUNT(*) FROM story_articles m WHERE m.story_id = s.id)") == ["0"])
    }

    struct Record {
        var id: String
        var title: String
        var text: String
    }

    /// The first 200 Wikinews articles with a few paragraphs of text.
    static func records() throws -> [Record] {
        let data = try Data(contentsOf: SharedData.url("corpus/wikinews-en-2019-2020.jsonl"))
        let records = data.split(separator: UInt8(ascii: "\n")).compactMap { line -> Record? in
            guard let object = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any],
                  let id = object["id"] as? String, let title = object["title"] as? String, let text = object["text"] as? String,
                  text.count >= 400 else { return nil }
            return Record(id: id, title: title, text: text)
        }
        return Array(records.prefix(articleCount))
    }

    static func ingest(_ input: String, db: String) throws -> Process {
        let process = Process()
        process.executableURL = CLI.executable
        process.arguments = ["ingest", input, "--db", db]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// The store under test, read through the database's own command-line client (`sqlite3`
    /// or `psql`), so what is checked is what is on disk, not what the CLI reports.
    struct Store {
        let backend: Backend
        /// The `--db` value.
        let db: String
        private let server: String?
        private let database: String?

        init(_ backend: Backend, directory: URL) throws {
            self.backend = backend
            switch backend {
            case .sqlite:
                db = directory.appendingPathComponent("store/parallax.db").path
                server = nil
                database = nil
            case .postgres:
                let environment = ProcessInfo.processInfo.environment
                guard let url = environment["PARALLAX_TEST_POSTGRES"], !url.isEmpty else {
                    let reason = Comment(rawValue: "PARALLAX_TEST_POSTGRES is not set: run the tests under scripts/with-postgres.sh to include PostgreSQL")
                    if environment["CI"] == "true" {
                        Issue.record(reason)
                        throw MissingServer()
                    }
                    try Test.cancel(reason)
                }
                let name = "parallax_crash_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
                let created = try Self.client(["psql", url, "-v", "ON_ERROR_STOP=1", "-qAtc", "CREATE DATABASE \(name)"])
                guard created.status == 0 else { throw ClientFailed(message: created.output) }
                server = url
                database = name
                db = Self.replacingDatabase(in: url, with: name)
            }
        }

        struct MissingServer: Error {}
        struct ClientFailed: Error { var message: String }

        /// The rows of `sql`, one line each, columns separated by `|`; nil when it fails.
        func query(_ sql: String) -> [String]? {
            let result: (status: Int32, output: String)?
            switch backend {
            case .sqlite:
                guard FileManager.default.fileExists(atPath: db) else { return nil }
                result = try? Self.client(["sqlite3", "-cmd", ".timeout 5000", db, sql])
            case .postgres:
                result = try? Self.client(["psql", db, "-v", "ON_ERROR_STOP=1", "-qAtc", sql])
            }
            guard let result, result.status == 0 else { return nil }
            return result.output.split(separator: "\n").map(String.init)
        }

        func lines(_ sql: String) -> [String] { query(sql) ?? ["(query failed: \(sql))"] }

        /// Stored articles; nil before the store has its tables.
        func articleCount() -> Int? { query("SELECT COUNT(*) FROM articles")?.first.flatMap { Int($0) } }

        /// SQLite's `PRAGMA integrity_check`; on PostgreSQL (whose crash recovery is the server's)
        /// that every membership points at a stored article and story.
        func isSound() -> Bool {
            switch backend {
            case .sqlite:
                return query("PRAGMA integrity_check") == ["ok"]
            case .postgres:
                return query("""
                    SELECT COUNT(*) FROM story_articles m
                    WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = m.article_id)
                       OR NOT EXISTS (SELECT 1 FROM stories s WHERE s.id = m.story_id)
                    """) == ["0"]
            }
        }

        func remove() {
            guard let server, let database else { return }
            _ = try? Self.client(["psql", server, "-qAtc", "DROP DATABASE IF EXISTS \(database) WITH (FORCE)"])
        }

        static func replacingDatabase(in url: String, with name: String) -> String {
            var components = URLComponents(string: url)!
            components.path = "/" + name
            return components.string!
        }

        static func client(_ arguments: [String]) throws -> (status: Int32, output: String) {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = arguments
            let out = Pipe()
            process.standardOutput = out
            process.standardError = out
            try process.run()
            let data = out.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return (process.terminationStatus, String(decoding: data, as: UTF8.self))
        }
    }
}
