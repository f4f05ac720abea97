import ParallaxCore

/// Compares the articles of one (candidate) story claim by claim.
///
/// PLACEHOLDER implementation; the comparison stage replaces it behind the same API.
public struct StoryComparator: StoryComparer {
    public init() {}

    public func compare(_ articles: [AnnotatedArticle]) -> StoryReport {
        StoryReport(
            sources: articles.map {
                StoryReport.Source(id: $0.article.id, source: $0.article.source, title: $0.article.title,
                                   language: $0.article.language ?? "und", published: $0.article.published.map(CalendarDay.init),
                                   words: $0.article.wordCount)
            },
            sameStory: false, similarity: 0, evidence: .init(sharedEntities: [], sharedTerms: [], sharedNumbers: []),
            entities: [], corroborated: [], unique: [], conflicts: [], quotes: [], times: [])
    }
}
