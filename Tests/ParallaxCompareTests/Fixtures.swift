import Foundation
import ParallaxCore

/// Builds small AnnotatedArticles by hand, so alignment and conflict logic can be tested
/// without depending on the other stages: one paragraph per sentence, tokens split on
/// letters and digits, no stems or stopword flags (the comparator's own function-word guard
/// applies), and annotations located by searching their text in the sentence.
struct Fixture {
    var source: String
    var published: CalendarDay? = nil
    var sentences: [String]
    var entities: [(text: String, key: String, kind: EntityMention.Kind)] = []
    var numbers: [(text: String, value: Double, unit: String?, qualifier: NumberMention.Qualifier)] = []
    var times: [(text: String, resolved: DayInterval?)] = []
    var quotes: [(text: String, speakerKey: String?, speaker: String?)] = []
    var language = "en"

    /// Span of the first occurrence of `needle` in the article text.
    private func locate(_ needle: String, in text: String) -> (span: TextSpan, sentence: Int) {
        guard let range = text.range(of: needle) else { fatalError("fixture text lacks '\(needle)'") }
        let start = text.scalarOffset(of: range.lowerBound)
        let span = TextSpan(start: start, end: start + needle.unicodeScalars.count)
        return (span, sentenceSpans(text).firstIndex { $0.contains(span) } ?? 0)
    }

    private func sentenceSpans(_ text: String) -> [TextSpan] {
        var spans: [TextSpan] = []
        var offset = 0
        for sentence in sentences {
            let length = sentence.unicodeScalars.count
            spans.append(TextSpan(start: offset, end: offset + length))
            offset += length + Article.paragraphSeparator.unicodeScalars.count
        }
        return spans
    }

    var annotated: AnnotatedArticle {
        let article = Article(source: source, title: "", paragraphs: sentences, published: published?.date, language: language)
        let text = article.text
        let parsed = zip(sentences.indices, sentenceSpans(text)).map { index, span in
            Sentence(index: index, paragraph: index, span: span, text: sentences[index], language: language,
                     tokens: Fixture.tokens(sentences[index], offset: span.start))
        }
        return AnnotatedArticle(
            article: article, sentences: parsed,
            entities: entities.map { e in
                let (span, sentence) = locate(e.text, in: text)
                return EntityMention(text: e.text, span: span, sentence: sentence, key: e.key, name: e.text, kind: e.kind)
            },
            quotes: quotes.map { q in
                let (span, sentence) = locate(q.text, in: text)
                return Quote(text: q.text, span: span, sentence: sentence, speakerKey: q.speakerKey, speaker: q.speaker)
            },
            numbers: numbers.map { n in
                let (span, sentence) = locate(n.text, in: text)
                return NumberMention(text: n.text, span: span, sentence: sentence, value: n.value, unit: n.unit, qualifier: n.qualifier)
            },
            times: times.map { t in
                let (span, sentence) = locate(t.text, in: text)
                // Unresolved mentions are the relative ones ("on Monday" without a publication date).
                return TimeMention(text: t.text, span: span, sentence: sentence, resolved: t.resolved, isRelative: t.resolved == nil)
            })
    }

    static func tokens(_ sentence: String, offset: Int) -> [Token] {
        var tokens: [Token] = []
        var current = ""
        var start = 0
        func flush(_ end: Int) {
            guard !current.isEmpty else { return }
            let kind: Token.Kind = current.unicodeScalars.allSatisfy { $0.properties.numericType != nil } ? .number : .word
            tokens.append(Token(text: current, normalized: current.lowercased(), stem: current.lowercased(),
                                span: TextSpan(start: offset + start, end: offset + end), kind: kind, isStopword: false))
            current = ""
        }
        for (i, scalar) in sentence.unicodeScalars.enumerated() {
            if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                if current.isEmpty { start = i }
                current.unicodeScalars.append(scalar)
            } else {
                flush(i)
            }
        }
        flush(sentence.unicodeScalars.count)
        return tokens
    }
}
