/// The protocols at the stage boundaries of the pipeline (see README.md).
///
/// Each stage is a pure, `Sendable` value so the CLI, the server and a Spark pipe run the
/// same code, and a stage can be swapped (a second extractor, a neural embedder) without
/// touching the others.

/// RawDocument → Article.
public protocol Extractor: Sendable {
    func extract(_ document: RawDocument) throws(ParallaxError) -> Article
}

/// Text → language.
public protocol LanguageIdentifier: Sendable {
    func identify(_ text: String) -> LanguageGuess
}

/// Article → AnnotatedArticle.
public protocol Annotator: Sendable {
    func annotate(_ article: Article) -> AnnotatedArticle
}

/// Articles about (perhaps) one event → the report of where they agree and differ.
public protocol StoryComparer: Sendable {
    func compare(_ articles: [AnnotatedArticle]) -> StoryReport
}

public struct LanguageGuess: Sendable, Hashable, Codable {
    /// ISO 639-1 code ("sr-Cyrl" style script suffixes are not used: Serbian is `sr`
    /// in both scripts), or `und` when the text gives no evidence.
    public var code: String
    /// In [0, 1].
    public var confidence: Double

    public init(code: String, confidence: Double) {
        self.code = code
        self.confidence = confidence
    }

    public static let undetermined = LanguageGuess(code: "und", confidence: 0)
}

/// Texts → dense vectors, one per text, each of `dimension` floats and unit length, so a dot
/// product is a cosine. Optional everywhere: the lexical representation needs no embedder,
/// and a stage given one blends its similarity with the lexical one.
public protocol TextEmbedder: Sendable {
    var dimension: Int { get }
    /// Names the model and everything that shapes its vectors (how much of a text it reads):
    /// vectors saved under one identifier are reused only by an embedder with the same one.
    var identifier: String { get }
    func embed(_ texts: [String]) throws(ParallaxError) -> [[Float]]
}

extension TextEmbedder {
    /// `embed`, with the answer checked: one vector per text, in order. An embedder that
    /// answers with another number of vectors is an error, not a shift.
    public func vectors(for texts: [String]) throws(ParallaxError) -> [[Float]] {
        let vectors = try embed(texts)
        guard vectors.count == texts.count else {
            throw ParallaxError(source: "embedder", reason: .invalidInput("returned \(vectors.count) vectors for \(texts.count) texts"))
        }
        return vectors
    }
}
