import ParallaxCore

/// Dense vectors of every sentence of the compared articles, from one batch call to a
/// `TextEmbedder`, so that alignment can ask how close two sentences are in meaning
/// (`SentencePairScore.dense`) where their words cannot tell: translations, paraphrases.
struct SentenceVectors: Sendable {
    private let vectors: [SentenceAlignment.SentenceRef: [Float]]

    /// Embeds the text of every sentence unit; nil when there are none. Throws when the
    /// embedder fails or answers with the wrong number of vectors (the comparator then
    /// reports it and runs on lexical evidence alone).
    init?(units: [ClaimUnits], text: (ClaimUnit) -> String, embedder: any TextEmbedder) throws(ParallaxError) {
        let sentences = units.flatMap(\.sentences)
        guard !sentences.isEmpty else { return nil }
        let embedded = try embedder.embed(sentences.map(text))
        guard embedded.count == sentences.count else {
            throw ParallaxError(source: "embedder", reason: .invalidInput(
                "returned \(embedded.count) vectors for \(sentences.count) sentences"))
        }
        var vectors: [SentenceAlignment.SentenceRef: [Float]] = [:]
        for (sentence, vector) in zip(sentences, embedded) {
            vectors[SentenceAlignment.SentenceRef(source: sentence.source, sentence: sentence.sentence)] = vector
        }
        self.vectors = vectors
    }

    /// Cosine similarity of two sentences, clamped to [0, 1]; nil when either has no vector.
    /// The embedder's vectors have unit length, so the dot product is the cosine.
    func cosine(_ a: SentenceAlignment.SentenceRef, _ b: SentenceAlignment.SentenceRef) -> Double? {
        guard let x = vectors[a], let y = vectors[b], x.count == y.count, !x.isEmpty else { return nil }
        var dot: Float = 0
        for index in x.indices { dot += x[index] * y[index] }
        return min(1, max(0, Double(dot)))
    }
}
