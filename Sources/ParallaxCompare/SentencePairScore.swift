/// How strongly two sentences of different sources state the same thing: what the alignment
/// (`AlignmentModel`, `SentenceAlignment.DenseRules`) reads.
///
/// The lexical match (`ClaimMatcher`: IDF-weighted stems, spelling variants, synonyms and
/// character trigrams, entity keys, compatible numbers, overlapping dates) gives the score.
/// A dense sentence similarity (a `TextEmbedder`'s cosine) sees translations and paraphrases
/// the lexical match cannot, but its raw value says little: multilingual-e5 puts unrelated
/// news sentences at 0.7–0.9 and paraphrases at 0.8–0.99. What tells is how a pair stands
/// out among all sentence pairs of the same two articles, so the dense evidence is kept as
/// that standing (`denseStanding`, in standard deviations above the mean cosine of those
/// pairs) and the dense rules use it as a separate piece of evidence, not blended into the score.
struct SentencePairScore: Sendable {
    var lexical: ClaimMatch
    /// Standing of the pair's cosine among the sentence pairs of its two articles; nil
    /// without an embedder (or with too few pairs to tell).
    var denseStanding: Double? = nil

    var score: Double { lexical.score }

    /// Fewest sentence pairs between two articles from which a cosine's standing among them means something.
    static let standingPairs = 6

    /// Standing of each cosine among all of them: (cosine − mean) / standard deviation; nil
    /// where a cosine is missing, when there are fewer than `standingPairs`, or when all are equal.
    static func standings(_ cosines: [[Double?]]) -> [[Double?]] {
        let known = cosines.flatMap { $0 }.compactMap { $0 }
        guard known.count >= standingPairs else { return cosines.map { $0.map { _ in nil } } }
        let mean = known.reduce(0, +) / Double(known.count)
        let variance = known.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(known.count)
        guard variance > 0 else { return cosines.map { $0.map { _ in nil } } }
        let deviation = variance.squareRoot()
        return cosines.map { row in row.map { $0.map { ($0 - mean) / deviation } } }
    }
}
