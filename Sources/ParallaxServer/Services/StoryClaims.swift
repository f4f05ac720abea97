import Foundation
import ParallaxCore
import ParallaxStore

/// The claims of stories, as the API serves them.
///
/// Claims are computed lazily: the first request for a story's claims (or its page, or its
/// JSON) compares its articles (through `StoryViews`) and saves the claims in the store;
/// later requests, from this server or another process on the same store, read them back.
/// An article joining the story deletes its stored claims (`StoryStore.add`), so the next
/// request computes them again. Ingest never waits for a comparison.
struct StoryClaims: Sendable {
    let store: any StoryStore
    let views: StoryViews
    let articles: ArticleIndex

    /// The story's claims, nil when there is no such story.
    func claims(story id: Int64) async throws -> StoredClaims? {
        guard let story = try await store.story(id: id) else { return nil }
        if let stored = try await store.claims(inStory: id), stored.articleCount == story.articleCount { return stored }
        // Building the view compares the story and saves its claims (`Pipeline.storyDetail`;
        // not saved when an article joined meanwhile: the next request computes them again).
        guard let view = try await views.view(id) else { return nil }
        return StoredClaims(storyID: id, articleCount: view.stamp.articleCount, computedAt: Date(), claims: view.detail.report.claims)
    }

    /// One claim, nil when no story holds it. A claim not yet stored is looked for in its
    /// article's story, whose claims are computed then.
    func claim(id: String) async throws -> StoredClaim? {
        if let stored = try await store.claim(id: id) { return stored }
        guard let (articleID, _) = Claim.parse(id: id), let storyID = try await articles.storyID(of: articleID),
              let claims = try await claims(story: storyID) else { return nil }
        return claims.claims.first { $0.id == id }.map { StoredClaim(storyID: storyID, claim: $0) }
    }
}
