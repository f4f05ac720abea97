/// How strongly two sentences of different sources state the same thing: the score the
/// alignment rules (`SentenceAlignment.AlignmentRules`) apply to.
///
/// Today it is the lexical match alone (`ClaimMatcher`: IDF-weighted stems, spelling variants,
/// synonyms and character trigrams, entity keys, compatible numbers, overlapping dates).
/// A dense sentence similarity (a `TextEmbedder`'s cosine) sees translations and paraphrases
/// the lexical match cannot; when one is given it is blended in by `denseWeight`, and the
/// alignment thresholds apply to the blend unchanged.
struct SentencePairScore: Sendable {
    /// Share of a dense similarity in the blend, when there is one.
    static let denseWeight = 0.5

    var lexical: ClaimMatch
    /// Cosine similarity of the two sentences' embeddings in [0, 1]; nil without an embedder.
    var dense: Double? = nil

    var score: Double {
        guard let dense else { return lexical.score }
        return (1 - SentencePairScore.denseWeight) * lexical.score + SentencePairScore.denseWeight * dense
    }
}
