import Foundation
import ParallaxLanguage

/// The similarity of two articles (or an article and a story) feature by feature, each in
/// [0, 1].
public struct SimilarityComponents: Sendable, Hashable, Codable {
    public var terms: Double
    public var wordGrams: Double
    public var names: Double
    public var entities: Double
    public var numbers: Double
    public var dates: Double
    /// Cosine of the countries named (`CountryNames`), between languages written in different
    /// scripts only (0 otherwise): where names in letters meet, they carry the countries
    /// already (read between every two languages, they lowered the SemEval de-en Pearson).
    public var countries: Double
    /// Cosine of the names' consonant skeletons (`NameSounds`), between languages written in
    /// different scripts only, as the countries: within a script the names' letters meet.
    public var nameSounds: Double
    public var crossLingual: Bool
    /// Cosine of the dense embeddings, when both sides have one.
    public var dense: Double?

    public init(terms: Double, wordGrams: Double, names: Double, entities: Double, numbers: Double, dates: Double,
                countries: Double = 0, nameSounds: Double = 0, crossLingual: Bool, dense: Double? = nil) {
        self.terms = terms
        self.wordGrams = wordGrams
        self.names = names
        self.entities = entities
        self.numbers = numbers
        self.dates = dates
        self.countries = countries
        self.nameSounds = nameSounds
        self.crossLingual = crossLingual
        self.dense = dense
    }

    /// An article (unit vectors) against a story's centroid sums with their norms: no
    /// normalised copy of the centroid is made.
    init(_ article: ArticleLookup, story: Story) {
        let s = story.sums, n = story.norms, a = article
        let crossLingual = a.language != "und" && !story.languages.isEmpty && !story.languages.contains(a.language)
        let acrossScripts = crossLingual && story.languages.allSatisfy { LanguageCodes.differInScript(a.language, $0) }
        self.init(terms: Self.cosine(a.terms, s.terms, n.terms), wordGrams: Self.cosine(a.wordGrams, s.wordGrams, n.wordGrams),
                  names: Self.cosine(a.names, s.names, n.names), entities: Self.cosine(a.entities, s.entities, n.entities),
                  numbers: Self.cosine(a.numbers, s.numbers, n.numbers), dates: Self.cosine(a.dates, s.dates, n.dates),
                  countries: acrossScripts ? Self.cosine(a.countries, s.countries, n.countries) : 0,
                  nameSounds: acrossScripts ? Self.cosine(a.nameSounds, s.nameSounds, n.nameSounds) : 0,
                  crossLingual: crossLingual,
                  dense: Self.cosine(a.embedding, s.embedding, n.embedding))
    }

    /// A unit embedding against a sum of them with its norm; nil unless both are there.
    private static func cosine(_ unit: [Float]?, _ sum: [Float]?, _ norm: Float) -> Double? {
        guard let unit, let sum, norm > 0 else { return nil }
        return Double(min(1, DenseVector.dot(unit, sum) / norm))
    }

    private static func cosine(_ unit: SparseLookup, _ sum: SparseVector, _ norm: Float) -> Double {
        norm > 0 && !unit.isEmpty ? Double(min(1, unit.dot(sum) / norm)) : 0
    }

    /// Two articles whose vectors are all unit length (or empty): cosines are dot products.
    init(unit a: ArticleLookup, unit b: ArticleFeatures) {
        func dot(_ x: SparseLookup, _ y: SparseVector) -> Double { Double(min(1, x.dot(y))) }
        let acrossScripts = LanguageCodes.differInScript(a.language, b.language)
        self.init(terms: dot(a.terms, b.terms), wordGrams: dot(a.wordGrams, b.wordGrams), names: dot(a.names, b.names),
                  entities: dot(a.entities, b.entities), numbers: dot(a.numbers, b.numbers), dates: dot(a.dates, b.dates),
                  countries: acrossScripts ? dot(a.countries, b.countries) : 0,
                  nameSounds: acrossScripts ? dot(a.nameSounds, b.nameSounds) : 0,
                  crossLingual: LanguageCodes.differ(a.language, b.language), dense: DenseVector.cosine(a.embedding, b.embedding))
    }

    public init(_ a: ArticleFeatures, _ b: ArticleFeatures) {
        let acrossScripts = LanguageCodes.differInScript(a.language, b.language)
        self.init(terms: Double(a.terms.cosine(b.terms)), wordGrams: Double(a.wordGrams.cosine(b.wordGrams)), names: Double(a.names.cosine(b.names)),
                  entities: Double(a.entities.cosine(b.entities)), numbers: Double(a.numbers.cosine(b.numbers)),
                  dates: Double(a.dates.cosine(b.dates)),
                  countries: acrossScripts ? Double(a.countries.cosine(b.countries)) : 0,
                  nameSounds: acrossScripts ? Double(a.nameSounds.cosine(b.nameSounds)) : 0,
                  crossLingual: LanguageCodes.differ(a.language, b.language), dense: DenseVector.cosine(a.embedding, b.embedding))
    }
}

/// Dense embeddings as plain `[Float]`.
enum DenseVector {
    static func dot(_ a: [Float], _ b: [Float]) -> Float {
        precondition(a.count == b.count, "embeddings of different dimensions")
        return a.withUnsafeBufferPointer { a in
            b.withUnsafeBufferPointer { b in
                var sum: Float = 0
                for i in 0..<a.count { sum += a[i] * b[i] }
                return sum
            }
        }
    }

    static func norm(_ a: [Float]) -> Float { dot(a, a).squareRoot() }

    /// Cosine of two vectors of any length; nil unless both are there and non-zero.
    static func cosine(_ a: [Float]?, _ b: [Float]?) -> Double? {
        guard let a, let b else { return nil }
        let norms = norm(a) * norm(b)
        return norms > 0 ? Double(min(1, dot(a, b) / norms)) : nil
    }

    static func add(_ a: inout [Float], _ b: [Float]) {
        precondition(a.count == b.count, "embeddings of different dimensions")
        for i in 0..<a.count { a[i] += b[i] }
    }

    static func normalized(_ a: [Float]) -> [Float] {
        let n = norm(a)
        return n > 0 ? a.map { $0 / n } : a
    }
}

/// Language codes as the inputs give them ("en", "zh-yue", "und").
enum LanguageCodes {
    /// True when both languages are known and differ.
    static func differ(_ a: String, _ b: String) -> Bool {
        a != "und" && b != "und" && !a.isEmpty && !b.isEmpty && a != b
    }

    /// True when two languages differ and are written in different scripts (or the script of
    /// one is not known): there names written in letters cannot meet, and the countries two
    /// reports name are much of what they can share.
    static func differInScript(_ a: String, _ b: String) -> Bool {
        guard differ(a, b) else { return false }
        guard let x = CountryNames.shared.script(of: a), let y = CountryNames.shared.script(of: b) else { return true }
        return x != y
    }
}

/// A logistic combination of the feature similarities: 1 means the same event.
public struct SimilarityModel: Sendable {
    public var weights: SimilarityWeights
    /// The weights for pairs whose components include a dense embedding cosine.
    public var embeddingWeights: SimilarityWeights

    public init(weights: SimilarityWeights = .standard, embeddingWeights: SimilarityWeights = .withEmbeddings) {
        self.weights = weights
        self.embeddingWeights = embeddingWeights
    }

    /// The combination before the sigmoid (log-odds of "same event"). Each cosine enters
    /// through its square root: cosines of sparse text vectors crowd near 0, and the root
    /// spreads them (it correlates better with human ratings, feature by feature).
    public func logit(_ c: SimilarityComponents) -> Double {
        let w = c.dense == nil ? weights : embeddingWeights
        var z = w.base.logit(c)
        if c.crossLingual {
            z += w.crossLingual + w.crossLingualNames * c.names.squareRoot() + w.crossLingualNumbers * c.numbers.squareRoot()
                + w.crossLingualWordGrams * c.wordGrams.squareRoot()
        }
        if let dense = c.dense { z += w.dense * (dense - w.denseBaseline) }
        return z
    }

    public func score(_ c: SimilarityComponents) -> Double { 1 / (1 + exp(-logit(c))) }

    public func score(_ a: ArticleFeatures, _ b: ArticleFeatures) -> Double { score(SimilarityComponents(a, b)) }
}

/// An article's vectors in hash tables, for scoring one article against many stories and
/// their members: each dot product walks only the other vector (a story's, capped to the
/// centroid size, where the article's may be three times as long), and a bit filter
/// answers most of its keys without a table probe.
struct ArticleLookup {
    let language: String
    let published: Date?
    let terms: SparseLookup
    let wordGrams: SparseLookup
    let names: SparseLookup
    let entities: SparseLookup
    let numbers: SparseLookup
    let dates: SparseLookup
    let countries: SparseLookup
    let nameSounds: SparseLookup
    let embedding: [Float]?

    init(_ features: ArticleFeatures) {
        language = features.language
        published = features.published
        terms = SparseLookup(features.terms)
        wordGrams = SparseLookup(features.wordGrams)
        names = SparseLookup(features.names)
        entities = SparseLookup(features.entities)
        numbers = SparseLookup(features.numbers)
        dates = SparseLookup(features.dates)
        countries = SparseLookup(features.countries)
        nameSounds = SparseLookup(features.nameSounds)
        embedding = features.embedding
    }
}

/// A sparse vector as an open-addressing table (key → weight) with a one-hash bit filter
/// in front. Weights are non-zero (zero marks an empty slot).
struct SparseLookup {
    private var keys: [UInt64]
    private var values: [Float]
    private var filter: [UInt64]
    private let mask: Int
    private let filterShift: UInt64
    let isEmpty: Bool

    init(_ vector: SparseVector) {
        isEmpty = vector.isEmpty
        var size = 16
        while size < 2 * vector.count { size <<= 1 }
        keys = [UInt64](repeating: 0, count: size)
        values = [Float](repeating: 0, count: size)
        mask = size - 1
        // Eight filter bits per slot pair: most keys of an unrelated story miss in the filter.
        let filterBits = 4 * size
        filter = [UInt64](repeating: 0, count: filterBits / 64)
        filterShift = UInt64(64 - (filterBits.trailingZeroBitCount))
        for (key, value) in zip(vector.keys, vector.values) where value != 0 {
            let bit = Int(truncatingIfNeeded: key >> filterShift)
            filter[bit >> 6] |= 1 << UInt64(bit & 63)
            var slot = Int(truncatingIfNeeded: key) & mask
            while values[slot] != 0 { slot = (slot + 1) & mask }
            keys[slot] = key
            values[slot] = value
        }
    }

    /// The dot product with `other`, summed in `other`'s key order: the same products in the
    /// same order as `SparseVector.dot`'s merge, so the same result to the last bit.
    func dot(_ other: SparseVector) -> Float {
        keys.withUnsafeBufferPointer { keys in
            values.withUnsafeBufferPointer { values in
                filter.withUnsafeBufferPointer { filter in
                    other.keys.withUnsafeBufferPointer { otherKeys in
                        other.values.withUnsafeBufferPointer { otherValues in
                            var sum: Float = 0
                            for j in 0..<otherKeys.count {
                                let key = otherKeys[j]
                                let bit = Int(truncatingIfNeeded: key >> filterShift)
                                guard filter[bit >> 6] & (1 << UInt64(bit & 63)) != 0 else { continue }
                                var slot = Int(truncatingIfNeeded: key) & mask
                                while values[slot] != 0 {
                                    if keys[slot] == key {
                                        sum += values[slot] * otherValues[j]
                                        break
                                    }
                                    slot = (slot + 1) & mask
                                }
                            }
                            return sum
                        }
                    }
                }
            }
        }
    }
}
