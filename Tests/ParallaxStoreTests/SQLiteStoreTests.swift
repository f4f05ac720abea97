import Foundation
import ParallaxCore
import ParallaxStore
import Testing
import TestSupport

/// What is particular to the SQLite backend: its file.
@Suite struct SQLiteStoreTests {
    @Test func aMigratedFileIsSoundAndKeepsItsArticles() async throws {
        try await Backend.sqlite.withTemporaryStore { temporary in
            let path = try #require(temporary.store as? SQLiteStore).path
            #expect(FileManager.default.fileExists(atPath: path))
            let article = try Wikinews.articles(1)[0]
            _ = try await temporary.store.add(article, placement: .newStory)
            let reopened = try SQLiteStore(path: path)
            #expect(try await reopened.counts() == StoreCounts(articles: 1, stories: 1))
            #expect(try await reopened.integrityCheck() == ["ok"])
        }
    }
}
