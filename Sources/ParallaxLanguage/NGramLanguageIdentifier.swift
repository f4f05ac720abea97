import ParallaxCore

/// Identifies the language of a text from character n-grams.
///
/// PLACEHOLDER implementation (always `und`); the language stage replaces it with the
/// trained model behind the same API.
public struct NGramLanguageIdentifier: LanguageIdentifier {
    public init() {}

    /// The model shipped in the package's resources.
    public static func bundled() throws -> NGramLanguageIdentifier { NGramLanguageIdentifier() }

    public func identify(_ text: String) -> LanguageGuess { .undetermined }
}
