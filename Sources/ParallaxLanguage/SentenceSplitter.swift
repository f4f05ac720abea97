import ParallaxCore

/// Splits text into sentences.
///
/// PLACEHOLDER implementation (splits after . ! ? followed by a space); the language stage
/// replaces it behind the same API.
public struct SentenceSplitter: Sendable {
    public let language: String

    public init(language: String) {
        self.language = language
    }

    /// Sentence spans as scalar offsets into `text`, leading and trailing spaces trimmed.
    public func sentences(in text: String) -> [TextSpan] {
        let scalars = Array(text.unicodeScalars)
        var spans: [TextSpan] = []
        var start = 0
        var i = 0
        func emit(_ end: Int) {
            var s = start, e = end
            while s < e, scalars[s].properties.isWhitespace { s += 1 }
            while e > s, scalars[e - 1].properties.isWhitespace { e -= 1 }
            if e > s { spans.append(TextSpan(start: s, end: e)) }
        }
        while i < scalars.count {
            let c = scalars[i]
            if (c == "." || c == "!" || c == "?"), i + 1 < scalars.count, scalars[i + 1].properties.isWhitespace {
                emit(i + 1)
                start = i + 1
            }
            i += 1
        }
        emit(scalars.count)
        return spans
    }
}
