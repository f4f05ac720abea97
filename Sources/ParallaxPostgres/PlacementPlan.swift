import Foundation
import ParallaxCore
import ParallaxStore

/// What one batch of `add` will write, decided in memory before any write, so the batch
/// costs a fixed number of statements however many articles it holds.
///
/// It answers the questions `add` asks article by article, in batch order: is the article a
/// duplicate (of a stored one, or of one earlier in the batch)? Which story does it go to:
/// a stored one, or one opened by an article earlier in the batch?
struct PlacementPlan {
    /// A story the batch writes to: a stored one, or the n-th one the batch opens.
    enum Target: Hashable {
        case stored(Int64)
        case opened(Int)
    }

    struct Insert {
        var item: Int
        var target: Target
        var similarity: Double?
        var copyOf: String?
    }

    /// Per item: `.duplicate` answers, already final; nil for the articles to insert.
    var duplicates: [AddResult?]
    /// The articles to insert, in batch order.
    var inserts: [Insert] = []
    /// How many stories the batch opens (numbered in batch order).
    var openedCount = 0

    /// `storedDuplicate[i]`: the stored article item i duplicates; `storyOfStored`: stories
    /// of the stored articles that `.storyOf` placements name.
    init(_ rows: [ArticleValues], _ placements: [StoryPlacement], storedDuplicate: [String?], storyOfStored: [String: Int64]) {
        duplicates = Array(repeating: nil, count: rows.count)
        var byHash: [String: String] = [:], byURL: [String: String] = [:]
        var targetOfBatchArticle: [String: Target] = [:]
        for (item, row) in rows.enumerated() {
            if let existing = storedDuplicate[item] ?? byHash[row.contentHash] ?? row.canonicalURL.flatMap({ byURL[$0] }) {
                duplicates[item] = .duplicate(existingID: existing)
                continue
            }
            byHash[row.contentHash] = row.article.id
            if let url = row.canonicalURL { byURL[url] = row.article.id }
            var insert = Insert(item: item, target: .opened(openedCount))
            switch placements[item] {
            case .newStory:
                break
            case .story(let id, let similarity, let copyOf):
                insert = Insert(item: item, target: .stored(id), similarity: similarity, copyOf: copyOf)
            case .storyOf(let articleID, let similarity, let copyOf):
                if let target = targetOfBatchArticle[articleID] ?? storyOfStored[articleID].map(Target.stored) {
                    insert = Insert(item: item, target: target, similarity: similarity, copyOf: copyOf)
                }
            }
            if insert.target == .opened(openedCount) { openedCount += 1 }
            targetOfBatchArticle[row.article.id] = insert.target
            inserts.append(insert)
        }
    }

    /// Ids of the stored stories the batch joins, ascending (the order their rows are locked in).
    var storedTargets: [Int64] {
        Set(inserts.compactMap { if case .stored(let id) = $0.target { id } else { nil } }).sorted()
    }

    /// The articles `.storyOf` placements name, whose stories are looked up among the stored
    /// ones (an article of the batch itself is found there only when it duplicates a stored
    /// article of the same id).
    static func namedArticles(_ placements: [StoryPlacement]) -> [String] {
        Array(Set(placements.compactMap { placement -> String? in
            guard case .storyOf(let id, _, _) = placement else { return nil }
            return id
        })).sorted()
    }
}
