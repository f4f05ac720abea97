import Foundation
import ParallaxStore
import Testing
import TestSupport

/// A `parallax ingest` killed with SIGKILL in the middle of a batch, then run again: every
/// article ends up stored exactly once, in exactly one story, and the file is sound.
@Suite struct CrashRecoveryTests {
    static let articleCount = 200

    static var executable: URL { BuiltProducts.parallax }

    static func ingest(_ input: String, db: String) throws -> Process {
        let process = Process()
        process.executableURL = executable
        process.arguments = ["ingest", input, "--db", db]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    @Test func killedIngestResumesWithEveryArticleOnce() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("parallax-crash-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }

        // 200 Wikinews articles as the JSON Lines that `parallax ingest` reads.
        let records = try Wikinews.records().prefix(Self.articleCount)
        #expect(records.count == Self.articleCount)
        var lines = Data()
        for record in records {
            let line: [String: Any] = ["id": record["id"] ?? "", "title": record["title"] ?? "", "text": record["text"] ?? "",
                                       "lang": record["lang"] ?? "", "published": record["published"] ?? "", "url": record["url"] ?? ""]
            lines.append(try JSONSerialization.data(withJSONObject: line))
            lines.append(UInt8(ascii: "\n"))
        }
        let input = directory.appendingPathComponent("wikinews.jsonl").path
        try lines.write(to: URL(fileURLWithPath: input))
        let db = directory.appendingPathComponent("parallax.db").path

        // Kill the first run once it has committed some articles, mid-way through its input.
        let first = try Self.ingest(input, db: db)
        // Watched through a connection of its own (WAL lets it read while the ingest writes), and
        // without suspending: other tests may keep the task executor's threads busy meanwhile.
        var stored = 0
        var watcher: SQLiteStore?
        while first.isRunning, stored < 10 {
            usleep(10_000)
            if watcher == nil, FileManager.default.fileExists(atPath: db) { watcher = try SQLiteStore(path: db) }
            stored = try watcher?.countsNow().articles ?? 0
        }
        kill(first.processIdentifier, SIGKILL)
        first.waitUntilExit()
        #expect(first.terminationReason == .uncaughtSignal)
        let afterCrash = try await SQLiteStore(path: db).counts()
        #expect(afterCrash.articles > 0 && afterCrash.articles < Self.articleCount)
        #expect(try await SQLiteStore(path: db).integrityCheck() == ["ok"])

        // The second run stores the rest and nothing twice.
        let second = try Self.ingest(input, db: db)
        second.waitUntilExit()
        #expect(second.terminationStatus == 0)

        let store = try SQLiteStore(path: db)
        #expect(try await store.integrityCheck() == ["ok"])
        let counts = try await store.counts()
        #expect(counts.articles == Self.articleCount)
        let stories = try await store.stories(limit: counts.stories + 1, offset: 0)
        #expect(stories.count == counts.stories)
        var members: [String] = []
        for story in stories {
            let articles = try await store.articles(inStory: story.id)
            #expect(articles.count == story.articleCount)
            members += articles.map(\.article.source)
        }
        // Every input record once, each in exactly one story.
        #expect(members.count == Self.articleCount)
        #expect(Set(members) == Set(records.map { input + "#" + ($0["id"] as? String ?? "") }))
    }
}
