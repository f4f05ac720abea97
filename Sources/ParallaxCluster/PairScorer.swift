import Foundation
import ParallaxCore
import ParallaxLanguage

/// Two texts to compare.
public struct TextPair: Sendable, Hashable {
    public var id: String
    public var text1: String
    public var text2: String
    public var language1: String?
    public var language2: String?
    public var published1: Date?
    public var published2: Date?

    public init(id: String, text1: String, text2: String, language1: String? = nil, language2: String? = nil,
                published1: Date? = nil, published2: Date? = nil) {
        self.id = id
        self.text1 = text1
        self.text2 = text2
        self.language1 = language1
        self.language2 = language2
        self.published1 = published1
        self.published2 = published2
    }
}

extension TextPair {
    /// From a JSON Lines record {"pair_id", "text1", "text2", "lang1"?, "lang2"?, "published1"?, "published2"?}.
    public init(record: JSONRecord) throws(RecordError) {
        self.init(id: try record.required("pair_id"), text1: try record.text("text1"), text2: try record.text("text2"),
                  language1: try record.string("lang1"), language2: try record.string("lang2"),
                  published1: try record.date("published1"), published2: try record.date("published2"))
    }
}

/// Scores pairs of texts for "same event" (1) … "unrelated" (0).
///
/// Document frequencies come from the texts seen: call `learn` on a whole batch first when
/// one is at hand (better weights), or let `score` learn as it goes on a stream.
public struct PairScorer: Sendable {
    public var extractor: FeatureExtractor
    public private(set) var weighting = FeatureWeighting()
    public let model: SimilarityModel
    /// Publication-date distance (days) at which the time evidence has decayed by 1/e, and
    /// its weight in logit space (used only when both dates are given).
    public let timeScaleDays: Double
    public let timeWeight: Double
    /// Evidence from the texts' leads, added without embeddings; nil: whole texts only.
    public let lead: LeadEvidence?
    private let identifier: any LanguageIdentifier

    public init(extractor: FeatureExtractor = FeatureExtractor(), model: SimilarityModel = SimilarityModel(),
                cluster: ClusterParameters = .standard, lead: LeadEvidence? = .standard, identifier: any LanguageIdentifier) {
        self.extractor = extractor
        self.model = model
        self.timeScaleDays = cluster.timeScaleDays
        self.timeWeight = cluster.timeWeight
        self.lead = lead
        self.identifier = identifier
    }

    /// A pair's score and the evidence behind it.
    public struct Scored: Sendable {
        /// In [0, 1].
        public var score: Double
        /// The whole texts' feature similarities.
        public var components: SimilarityComponents
        /// The leads' feature similarities, when lead evidence was used.
        public var lead: SimilarityComponents?
        /// The score from the whole texts alone (what `fit_lead.py` fits the lead weights on top of).
        public var withoutLead: Double
    }

    /// Counts both texts in the document frequencies.
    public mutating func learn(_ pair: TextPair) {
        let (a, b) = counts(pair, languages(pair))
        weighting.learn(a)
        weighting.learn(b)
    }

    /// Score in [0, 1] and the feature similarities behind it. With `learning`, the pair's
    /// texts are counted in the document frequencies first (streaming use).
    ///
    /// `embeddings`, the two texts' dense embeddings when an embedder is in use, add their
    /// cosine to the evidence (and switch to the weights fit with it).
    public mutating func score(_ pair: TextPair, learning: Bool, embeddings: (text1: [Float], text2: [Float])? = nil) -> Scored {
        let languages = languages(pair)
        var (a, b) = counts(pair, languages)
        a.embedding = embeddings?.text1
        b.embedding = embeddings?.text2
        if learning {
            weighting.learn(a)
            weighting.learn(b)
        }
        let components = SimilarityComponents(weighting.weigh(a), weighting.weigh(b))
        var z = model.logit(components)
        if let p1 = pair.published1, let p2 = pair.published2 {
            let days = abs(p1.timeIntervalSince(p2)) / 86_400
            z -= timeWeight * (1 - exp(-days / timeScaleDays))
        }
        let withoutLead = 1 / (1 + exp(-z))
        // The leads, weighed with the document frequencies of whole texts (they are not counted in).
        var leadComponents: SimilarityComponents?
        if let lead, embeddings == nil {
            let (leadA, leadB) = counts(pair, languages, cut: lead.lead(of:))
            let c = SimilarityComponents(weighting.weigh(leadA), weighting.weigh(leadB))
            z += lead.logit(c)
            leadComponents = c
        }
        return Scored(score: 1 / (1 + exp(-z)), components: components, lead: leadComponents, withoutLead: withoutLead)
    }

    /// The two texts' languages: as given, else identified.
    private func languages(_ pair: TextPair) -> (String, String) {
        (pair.language1 ?? identifier.identify(pair.text1).code, pair.language2 ?? identifier.identify(pair.text2).code)
    }

    /// Feature counts of the two texts, or of the part `cut` keeps of each.
    private mutating func counts(_ pair: TextPair, _ languages: (String, String),
                                 cut: (String) -> String = { $0 }) -> (FeatureCounts, FeatureCounts) {
        (extractor.counts(title: "", text: cut(pair.text1), language: languages.0, published: pair.published1),
         extractor.counts(title: "", text: cut(pair.text2), language: languages.1, published: pair.published2))
    }
}
