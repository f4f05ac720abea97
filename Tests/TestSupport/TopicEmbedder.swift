import ParallaxCore

/// An embedder whose vectors the test chooses: a text maps to the axis of the first topic
/// with a marker in it (the last axis when none). It stands in for a real model so that the
/// use of embeddings is tested without the engine (ParallaxEmbedTests test the engine itself).
public struct TopicEmbedder: TextEmbedder {
    public let topics: [[String]]
    public var dimension: Int { topics.count + 1 }
    public var identifier: String { "topics \(topics)" }

    public init(topics: [[String]]) {
        self.topics = topics
    }

    public func embed(_ texts: [String]) throws(ParallaxError) -> [[Float]] {
        texts.map { text in
            var vector = [Float](repeating: 0, count: dimension)
            vector[topics.firstIndex { $0.contains { text.contains($0) } } ?? topics.count] = 1
            return vector
        }
    }
}
