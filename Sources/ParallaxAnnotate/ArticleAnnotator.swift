import ParallaxCore
import ParallaxLanguage

/// Article → AnnotatedArticle: sentences and tokens from the language stage (in each
/// paragraph's own language), then time expressions, numbers, entities and quotes.
///
/// Time expressions come first so that numbers skip the years and days they contain and
/// entities skip month and weekday names; ages (`AgeReader`) and quotes come last because
/// their holders and speakers are the person entities.
public struct ArticleAnnotator: Annotator {
    private let times = TimeExpressionTagger()
    private let numbers = NumberExtractor()
    private let entities = EntityRecognizer()
    private let quotes = QuoteExtractor()

    public init() {}

    public func annotate(_ article: Article) -> AnnotatedArticle {
        let sentences = split(article)
        let words = sentences.map(SentenceWords.init)
        let anchor = article.published.map(CalendarDay.init)
        var timeMentions: [TimeMention] = []
        var numberMentions: [NumberMention] = []
        var references = TimeReferences()
        for s in words {
            let found = times.tag(s, anchor: anchor, references: &references)
            timeMentions += found
            numberMentions += numbers.extract(s, excluding: found.map(\.span))
        }
        let analysis = entities.analyze(words, excluding: timeMentions.map(\.span))
        let text = Array(article.text.unicodeScalars)
        numberMentions = AgeReader(text: text).read(numberMentions, entities: analysis.mentions)
        let quoteMentions = quotes.extract(text, sentences: words, entities: analysis)
        return AnnotatedArticle(article: article, sentences: sentences, entities: analysis.mentions, quotes: quoteMentions,
                                numbers: numberMentions, times: timeMentions)
    }

    /// Sentences with tokens; offsets are into `article.text`.
    private func split(_ article: Article) -> [Sentence] {
        let languages = ArticleAnnotator.paragraphLanguages(article)
        var tools: [String: (SentenceSplitter, TextAnalyzer)] = [:]
        var sentences: [Sentence] = []
        var paragraphStart = 0
        for (p, paragraph) in article.paragraphs.enumerated() {
            let language = languages[p]
            if tools[language] == nil { tools[language] = (SentenceSplitter(language: language), TextAnalyzer(language: language)) }
            let (splitter, analyzer) = tools[language]!
            for span in splitter.sentences(in: paragraph) {
                let global = TextSpan(start: paragraphStart + span.start, end: paragraphStart + span.end)
                let text = paragraph.substring(span)
                sentences.append(Sentence(index: sentences.count, paragraph: p, span: global, text: text, language: language,
                                          tokens: analyzer.tokens(in: text, baseOffset: global.start)))
            }
            paragraphStart += paragraph.unicodeScalars.count + Article.paragraphSeparator.unicodeScalars.count
        }
        return sentences
    }

    /// The language of each paragraph: its segment's language when known, else the
    /// article's, else English.
    static func paragraphLanguages(_ article: Article) -> [String] {
        func known(_ code: String?) -> String? { code.flatMap { $0.isEmpty || $0 == "und" ? nil : $0 } }
        let fallback = known(article.language) ?? "en"
        let segments = article.segments.filter { $0.kind == .paragraph }
        return article.paragraphs.enumerated().map { p, paragraph in
            let segment = segments.count == article.paragraphs.count
                ? segments[p] : segments.first { $0.text == paragraph }
            return known(segment?.language) ?? fallback
        }
    }
}
