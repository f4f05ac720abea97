import Foundation
import ParallaxStore

/// Which story holds an article. The store protocol looks stories up by id but not
/// articles, so the server keeps this map: filled from the store when an unknown id is
/// asked for and the store holds articles the map has not seen, and by the server's own
/// ingests. A miss on an unchanged store answers at once, so unknown ids cannot make the
/// server rescan the store again and again.
actor ArticleIndex {
    private let store: any StoryStore
    private var storyOf: [String: Int64] = [:]
    /// The store's article count when the map was last filled from it.
    private var indexedCount = -1
    static let scanPageSize = 200

    init(store: any StoryStore) { self.store = store }

    func record(article: String, story: Int64) { storyOf[article] = story }

    func storyID(of article: String) async throws -> Int64? {
        if let story = storyOf[article] { return story }
        let count = try await store.counts().articles
        guard count != indexedCount else { return nil }
        var offset = 0
        while true {
            let stories = try await store.stories(limit: ArticleIndex.scanPageSize, offset: offset)
            for story in stories {
                for stored in try await store.articles(inStory: story.id) { storyOf[stored.article.id] = story.id }
            }
            guard stories.count == ArticleIndex.scanPageSize else { break }
            offset += stories.count
        }
        indexedCount = count
        return storyOf[article]
    }

    /// The stored article with this id, nil when the store has none.
    func article(_ id: String) async throws -> StoredArticle? {
        guard let story = try await storyID(of: id) else { return nil }
        if let found = try await store.articles(inStory: story).first(where: { $0.article.id == id }) { return found }
        // Moved or gone since it was indexed: forget it and look once more.
        storyOf[id] = nil
        indexedCount = -1
        guard let again = try await storyID(of: id) else { return nil }
        return try await store.articles(inStory: again).first { $0.article.id == id }
    }
}
