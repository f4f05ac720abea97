import Foundation

/// The similarity of two articles (or an article and a story) feature by feature, each in
/// [0, 1].
public struct SimilarityComponents: Sendable, Hashable, Codable {
    public var terms: Double
    public var wordGrams: Double
    public var names: Double
    public var entities: Double
    public var numbers: Double
    public var dates: Double
    public var crossLingual: Bool

    public init(terms: Double, wordGrams: Double, names: Double, entities: Double, numbers: Double, dates: Double, crossLingual: Bool) {
        self.terms = terms
        self.wordGrams = wordGrams
        self.names = names
        self.entities = entities
        self.numbers = numbers
        self.dates = dates
        self.crossLingual = crossLingual
    }

    /// An article (unit vectors) against a story's centroid sums with their norms: no
    /// normalised copy of the centroid is made.
    init(_ article: ArticleFeatures, story: Story) {
        let s = story.sums, n = story.norms
        self.init(terms: Self.cosine(article.terms, s.terms, n.terms), wordGrams: Self.cosine(article.wordGrams, s.wordGrams, n.wordGrams),
                  names: Self.cosine(article.names, s.names, n.names), entities: Self.cosine(article.entities, s.entities, n.entities),
                  numbers: Self.cosine(article.numbers, s.numbers, n.numbers), dates: Self.cosine(article.dates, s.dates, n.dates),
                  crossLingual: article.language != "und" && !story.languages.isEmpty && !story.languages.contains(article.language))
    }

    private static func cosine(_ unit: SparseVector, _ sum: SparseVector, _ norm: Float) -> Double {
        norm > 0 && !unit.isEmpty ? Double(min(1, unit.dot(sum) / norm)) : 0
    }

    /// Two articles whose vectors are all unit length (or empty): cosines are dot products.
    init(unit a: ArticleFeatures, unit b: ArticleFeatures) {
        func dot(_ x: SparseVector, _ y: SparseVector) -> Double { Double(min(1, x.dot(y))) }
        self.init(terms: dot(a.terms, b.terms), wordGrams: dot(a.wordGrams, b.wordGrams), names: dot(a.names, b.names),
                  entities: dot(a.entities, b.entities), numbers: dot(a.numbers, b.numbers), dates: dot(a.dates, b.dates),
                  crossLingual: LanguageCodes.differ(a.language, b.language))
    }

    public init(_ a: ArticleFeatures, _ b: ArticleFeatures) {
        self.init(terms: Double(a.terms.cosine(b.terms)), wordGrams: Double(a.wordGrams.cosine(b.wordGrams)), names: Double(a.names.cosine(b.names)),
                  entities: Double(a.entities.cosine(b.entities)), numbers: Double(a.numbers.cosine(b.numbers)),
                  dates: Double(a.dates.cosine(b.dates)),
                  crossLingual: LanguageCodes.differ(a.language, b.language))
    }
}

/// Language codes as the inputs give them ("en", "zh-yue", "und").
enum LanguageCodes {
    /// True when both languages are known and differ.
    static func differ(_ a: String, _ b: String) -> Bool {
        a != "und" && b != "und" && !a.isEmpty && !b.isEmpty && a != b
    }
}

/// A logistic combination of the feature similarities: 1 means the same event.
public struct SimilarityModel: Sendable {
    public var weights: SimilarityWeights

    public init(weights: SimilarityWeights = .standard) {
        self.weights = weights
    }

    /// The combination before the sigmoid (log-odds of "same event"). Each cosine enters
    /// through its square root: cosines of sparse text vectors crowd near 0, and the root
    /// spreads them (it correlates better with human ratings, feature by feature).
    public func logit(_ c: SimilarityComponents) -> Double {
        let w = weights
        var z = w.bias + w.terms * c.terms.squareRoot() + w.wordGrams * c.wordGrams.squareRoot()
            + w.names * c.names.squareRoot() + w.entities * c.entities.squareRoot()
            + w.numbers * c.numbers.squareRoot() + w.dates * c.dates.squareRoot()
        if c.crossLingual {
            z += w.crossLingual + w.crossLingualNames * c.names.squareRoot() + w.crossLingualNumbers * c.numbers.squareRoot()
                + w.crossLingualWordGrams * c.wordGrams.squareRoot()
        }
        return z
    }

    public func score(_ c: SimilarityComponents) -> Double { 1 / (1 + exp(-logit(c))) }

    public func score(_ a: ArticleFeatures, _ b: ArticleFeatures) -> Double { score(SimilarityComponents(a, b)) }
}
