import ParallaxCore
import ParallaxLanguage

/// Article → AnnotatedArticle: sentences and tokens, then entities, quotes, numbers and
/// time expressions.
///
/// PLACEHOLDER implementation (sentences and tokens only); the annotation stage replaces it.
public struct ArticleAnnotator: Annotator {
    public init() {}

    public func annotate(_ article: Article) -> AnnotatedArticle {
        let language = article.language ?? "und"
        let splitter = SentenceSplitter(language: language)
        let analyzer = TextAnalyzer(language: language)
        var sentences: [Sentence] = []
        var paragraphStart = 0
        for (p, paragraph) in article.paragraphs.enumerated() {
            for span in splitter.sentences(in: paragraph) {
                let global = TextSpan(start: paragraphStart + span.start, end: paragraphStart + span.end)
                let text = paragraph.substring(span)
                sentences.append(Sentence(index: sentences.count, paragraph: p, span: global, text: text, language: language,
                                          tokens: analyzer.tokens(in: text, baseOffset: global.start)))
            }
            paragraphStart += paragraph.unicodeScalars.count + Article.paragraphSeparator.unicodeScalars.count
        }
        return AnnotatedArticle(article: article, sentences: sentences)
    }
}
