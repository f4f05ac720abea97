import Foundation
import ParallaxCore
import ParallaxStore
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

/// The backends the contract suite runs against (PostgreSQL joins when it lands).
enum Backend: String, CaseIterable, Sendable {
    case sqlite

    /// An empty store of this backend, private to one test.
    func temporaryStore() throws -> TemporaryStore {
        switch self {
        case .sqlite:
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("parallax-store-\(UUID().uuidString)")
            // The store creates its folder itself: the file is one level below the temporary directory.
            let store = try SQLiteStore(path: directory.appendingPathComponent("db/parallax.db").path)
            return TemporaryStore(store: store) { try? FileManager.default.removeItem(at: directory) }
        }
    }
}

/// A store for one test, and how to get rid of it.
struct TemporaryStore {
    let store: any StoryStore
    let remove: @Sendable () -> Void
}
