import Foundation
@testable import ParallaxPostgres
import Testing
import TestSupport

/// The words the PostgreSQL store indexes, cut and folded without a server.
@Suite struct PostgresSearchTests {
    /// `indexText` cuts at ASCII separators before folding; on real news in ten languages and
    /// several scripts it gives exactly the words of folding the whole text, then cutting.
    @Test func indexedWordsAreThoseOfFoldingTheWholeText() throws {
        let lines = try SharedData.text("stream/multilingual-stream.jsonl").split(separator: "\n").prefix(400)
        var languages: Set<String> = []
        for line in lines {
            let record = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            let text = try #require(record["text"] as? String)
            languages.insert(record["lang"] as? String ?? "")
            #expect(PostgresSearch.indexText(text) == PostgresSearch.foldedWords(text).joined(separator: " "))
        }
        #expect(languages.count >= 8)
    }

    @Test func indexedWordsAreLowercaseWithoutDiacritics() {
        #expect(PostgresSearch.indexText("Zürich's MAYOR—Élise Brünn, 2026: «Ça va»") == "zurich s mayor elise brunn 2026 ca va")
        #expect(PostgresSearch.indexText("") == "")
        #expect(PostgresSearch.indexText(" -- ") == "")
    }
}
