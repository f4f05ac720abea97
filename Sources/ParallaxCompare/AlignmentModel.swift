import Foundation

/// What the alignment model reads of one pair of sentences from two sources: how well they
/// match (`ClaimMatcher`) and how the pair stands among the other sentence pairs of its two
/// articles.
public struct AlignmentEvidence: Sendable, Hashable, Codable {
    /// `ClaimMatch.score`: weighted Dice over words, names, numbers and dates, in [0, 1].
    public var score: Double
    /// Distinct features that found a match, on the side with fewer.
    public var matched: Int
    /// Names, numbers and dates among them.
    public var anchors: Int
    /// Share of the weight of the side less found in the other, and of the side more found.
    public var lowerCoverage: Double
    public var higherCoverage: Double
    /// Whether the pair is the best match of one of its sentences in the other article, and
    /// of both.
    public var bestOfEither: Bool
    public var mutualBest: Bool
    public var crossLanguage: Bool
    /// How far apart the sentences sit in their articles, as shares of each article's length:
    /// outlets tell an event in much the same order.
    public var positionGap: Double
    /// Whether one of them opens its article: a headline fused with the lead states several
    /// facts at once, so it scores low against each of the sentences that restate them.
    public var opensAnArticle: Bool

    enum CodingKeys: String, CodingKey {
        case score, matched, anchors
        case lowerCoverage = "lower_coverage", higherCoverage = "higher_coverage", bestOfEither = "best_of_either"
        case mutualBest = "mutual_best", crossLanguage = "cross_language", positionGap = "position_gap"
        case opensAnArticle = "opens_an_article"
    }
}

/// A logistic model over `AlignmentEvidence` that says whether two sentences state the same
/// fact: the lexical rule of `SentenceAlignment`.
///
/// Fitted by `Benchmarks/claims/fit_alignment.py` on the tuning split of the claim annotations
/// as it stood with 17 SemEval article pairs (330 sentence pairs sharing some evidence, 72 of
/// them stating one fact). It replaced three hand-set rules (a score threshold with enough
/// shared features, a lower one for mutual best matches, a lower one still for the best match
/// of one side). On the held-out test split, and on 11 article pairs annotated after the fit,
/// it raised precision and recall together (BENCHMARKS.md, Session 11).
public struct AlignmentModel: Sendable, Hashable {
    public var bias: Double
    /// Per unit of √score.
    public var score: Double
    /// Per 4 matched features, counted up to 8.
    public var matched: Double
    /// Per 2 anchors, counted up to 4.
    public var anchors: Double
    public var lowerCoverage: Double
    public var higherCoverage: Double
    public var bestOfEither: Double
    public var mutualBest: Double
    public var crossLanguage: Double
    public var positionGap: Double
    public var opensAnArticle: Double
    /// Lowest probability at which a pair aligns.
    public var minimumProbability: Double

    /// Logit of a pair stating one fact.
    public func logit(_ e: AlignmentEvidence) -> Double {
        bias + score * e.score.squareRoot() + matched * Double(min(e.matched, 8)) / 4 + anchors * Double(min(e.anchors, 4)) / 2
            + lowerCoverage * e.lowerCoverage + higherCoverage * e.higherCoverage
            + (e.bestOfEither ? bestOfEither : 0) + (e.mutualBest ? mutualBest : 0) + (e.crossLanguage ? crossLanguage : 0)
            + positionGap * e.positionGap + (e.opensAnArticle ? opensAnArticle : 0)
    }

    public func probability(_ e: AlignmentEvidence) -> Double { 1 / (1 + exp(-logit(e))) }

    public func aligns(_ e: AlignmentEvidence) -> Bool { e.score > 0 && probability(e) >= minimumProbability }
}

extension AlignmentModel {
    /// Fitted on the tuning split of Benchmarks/claims (`fit_alignment.py`) before the last 11
    /// annotated pairs were added; refitting on all 21 tune pairs moves no weight much.
    public static let standard = AlignmentModel(
        bias: -2.74, score: 0.14, matched: 2.36, anchors: -0.48, lowerCoverage: -0.23, higherCoverage: 2.00,
        bestOfEither: 0.10, mutualBest: 0.20, crossLanguage: 0.56, positionGap: -2.03, opensAnArticle: 0.51,
        minimumProbability: 0.5)
}
