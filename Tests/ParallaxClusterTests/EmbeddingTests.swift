import Foundation
import ParallaxCore
import TestSupport
import Testing
@testable import ParallaxCluster

@Suite struct EmbeddingTests {
    /// Two reports of one event in different scripts share no word, name or number: lexically
    /// they open two stories; with embeddings that agree they form one, found by meaning (no
    /// lookup feature leads to the story). An unrelated report stays apart either way.
    @Test func embeddingsJoinReportsWithoutSharedWords() throws {
        let articles = [
            StreamArticle(id: "ja", title: "東京で大規模な停電", text: "東京都内の広い範囲で停電が発生し、鉄道の運行が止まった。", language: "ja"),
            StreamArticle(id: "ru", title: "Масштабное отключение электроэнергии", text: "В столице Японии остановились поезда из-за отключения света.", language: "ru"),
            StreamArticle(id: "en", title: "Orchestra opens festival season", text: "The orchestra opened the summer festival with a new symphony.", language: "en"),
        ]
        // The two reports of the blackout point the same way, the festival elsewhere.
        let embedder = TopicEmbedder(topics: [["停電", "отключение"], ["orchestra"]])

        var lexical = OnlineClusterer(identifier: UndeterminedLanguage())
        let lexicalStories = articles.map { lexical.add($0).story }
        #expect(Set(lexicalStories).count == 3)

        var dense = OnlineClusterer(identifier: UndeterminedLanguage())
        var counter = ParallelFeatureCounter(extractor: FeatureExtractor(), identifier: UndeterminedLanguage(), workers: 2)
        let counts = try counter.counts(articles, embedder: embedder)
        #expect(counts.map(\.embedding) == [[1, 0, 0], [1, 0, 0], [0, 1, 0]])
        let denseStories = zip(articles, counts).map { dense.add($0, counts: $1).story }
        #expect(denseStories[0] == denseStories[1])
        #expect(denseStories[2] != denseStories[0])
    }

    /// An embedder that answers with fewer or more vectors than texts is an error naming
    /// the embedder, not vectors shifted onto the wrong articles (or an index out of range).
    @Test func aWrongNumberOfVectorsIsAnError() throws {
        struct MiscountingEmbedder: TextEmbedder {
            var extra: Int
            var dimension: Int { 2 }
            var identifier: String { "miscounting" }
            func embed(_ texts: [String]) throws(ParallaxError) -> [[Float]] {
                Array(repeating: [1, 0], count: max(0, texts.count + extra))
            }
        }
        let articles = [StreamArticle(id: "a", title: "", text: "One report.", language: "en"),
                        StreamArticle(id: "b", title: "", text: "Another report.", language: "en")]
        for extra in [-1, 1] {
            var counter = ParallelFeatureCounter(extractor: FeatureExtractor(), identifier: UndeterminedLanguage(), workers: 2)
            #expect(throws: ParallaxError.self) { _ = try counter.counts(articles, embedder: MiscountingEmbedder(extra: extra)) }
        }
        var counter = ParallelFeatureCounter(extractor: FeatureExtractor(), identifier: UndeterminedLanguage(), workers: 2)
        let counts = try counter.counts(articles, embedder: MiscountingEmbedder(extra: 0))
        #expect(counts.count == 2 && counts.allSatisfy { $0.embedding == [1, 0] })
    }

    /// Within one language the clusterer keeps the lexical model: two English reports of
    /// different events whose embeddings agree (one topic) stay apart, while the same
    /// embeddings join reports across languages (above).
    @Test func embeddingsDoNotJoinReportsOfOneLanguage() throws {
        let articles = [
            StreamArticle(id: "a", title: "Blackout stops trains in Tokyo", text: "A blackout across Tokyo stopped the trains on Monday.", language: "en"),
            StreamArticle(id: "b", title: "Storm cuts power in Lisbon", text: "A storm in Lisbon cut the power to harbour cranes for a week.", language: "en"),
        ]
        let embedder = TopicEmbedder(topics: [["Blackout", "power"]])
        var counter = ParallelFeatureCounter(extractor: FeatureExtractor(), identifier: UndeterminedLanguage(), workers: 2)
        let counts = try counter.counts(articles, embedder: embedder)
        #expect(counts[0].embedding == counts[1].embedding)
        var dense = OnlineClusterer(identifier: UndeterminedLanguage())
        let stories = zip(articles, counts).map { dense.add($0, counts: $1).story }
        #expect(stories[0] != stories[1])
        var everyPair = ClusterParameters.standard
        everyPair.denseAcrossLanguagesOnly = false
        var denseEverywhere = OnlineClusterer(parameters: everyPair, identifier: UndeterminedLanguage())
        let merged = zip(articles, counts).map { denseEverywhere.add($0, counts: $1).story }
        #expect(merged[0] == merged[1])
    }

    /// Pair scores: the same lexical evidence scores higher with agreeing embeddings than with
    /// orthogonal ones, and the embedding cosine is reported in the components.
    @Test func pairScoreFollowsTheEmbeddingCosine() {
        var scorer = PairScorer(identifier: UndeterminedLanguage())
        let pair = TextPair(id: "p", text1: "Heavy rain flooded the city centre on Monday.", text2: "Les pluies ont inondé le centre-ville lundi.",
                            language1: "en", language2: "fr")
        let agreeing = scorer.score(pair, learning: true, embeddings: ([1, 0], [1, 0]))
        let orthogonal = scorer.score(pair, learning: false, embeddings: ([1, 0], [0, 1]))
        let lexical = scorer.score(pair, learning: false)
        #expect(agreeing.components.dense == 1)
        #expect(orthogonal.components.dense == 0)
        #expect(lexical.components.dense == nil)
        #expect(agreeing.score > lexical.score)
        #expect(orthogonal.score < lexical.score)
    }
}
