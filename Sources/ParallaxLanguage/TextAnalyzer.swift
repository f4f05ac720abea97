import ParallaxCore

/// Turns text into tokens for one language: words, numbers and symbols with their
/// case-folded form, stem and stopword flag.
///
/// PLACEHOLDER implementation (whitespace/punctuation split, no stemming); the language
/// stage replaces it behind the same API.
public struct TextAnalyzer: Sendable {
    public let language: String

    public init(language: String) {
        self.language = language
    }

    /// Tokens of `text`; spans are scalar offsets into `text` plus `baseOffset`.
    public func tokens(in text: String, baseOffset: Int = 0) -> [Token] {
        var tokens: [Token] = []
        var current = ""
        var start = 0
        var offset = 0
        func flush() {
            guard !current.isEmpty else { return }
            let lower = current.lowercased()
            let kind: Token.Kind = current.unicodeScalars.allSatisfy { $0.properties.numericType != nil || $0 == "." || $0 == "," } ? .number : .word
            tokens.append(Token(text: current, normalized: lower, stem: lower,
                                span: TextSpan(start: baseOffset + start, end: baseOffset + offset), kind: kind, isStopword: false))
            current = ""
        }
        for scalar in text.unicodeScalars {
            if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                if current.isEmpty { start = offset }
                current.unicodeScalars.append(scalar)
            } else {
                flush()
            }
            offset += 1
        }
        flush()
        return tokens
    }
}
