import Foundation
import ParallaxCore

/// What a page is, as far as extraction can tell.
public enum PageKind: String, Sendable, Hashable, Codable {
    /// A page whose main content is an article (all plain text counts as one).
    case article
    /// A page with real main content that is not an article: a product description, a
    /// documentation page, a forum thread, a service or listing page with text.
    case page
}

/// The main content of a page and whether it is an article.
public struct ExtractedPage: Sendable, Hashable {
    public var kind: PageKind
    /// The content in the shape of an article (title, paragraphs, metadata, segments).
    public var article: Article

    public init(kind: PageKind, article: Article) {
        self.kind = kind
        self.article = article
    }
}

/// RawDocument → Article for plain text and HTML.
///
/// Decodes the bytes (`CharsetDecoder`), extracts title and paragraphs (`PlainTextExtractor`
/// or `HTMLContentExtractor` with `HTMLMetadata`), and gives the title and every paragraph
/// its own language; the article's language is the body's, not the title's.
///
/// `extract` returns articles only: a page without one is an error (`noArticle`), which is
/// what the ingest pipeline wants. `extractPage` also returns the main content of a page
/// that is not an article, with its kind; only pages with nothing but navigation, teaser
/// links or a line or two of text are refused.
public struct ArticleExtractor: Extractor {
    public let identifier: any LanguageIdentifier

    public init(identifier: any LanguageIdentifier) {
        self.identifier = identifier
    }

    public func extract(_ document: RawDocument) throws(ParallaxError) -> Article {
        try extract(document, pages: false).article
    }

    public func extractPage(_ document: RawDocument) throws(ParallaxError) -> ExtractedPage {
        try extract(document, pages: true)
    }

    private func extract(_ document: RawDocument, pages: Bool) throws(ParallaxError) -> ExtractedPage {
        guard document.bytes.contains(where: { !ContentSniffer.isWhitespace($0) }) else {
            throw ParallaxError(source: document.source, reason: .empty)
        }
        guard !ContentSniffer.looksBinary(document.bytes) else { throw ParallaxError(source: document.source, reason: .binary) }
        let isHTML = document.contentType.map { $0.lowercased().contains("html") }
            ?? ContentSniffer.looksLikeHTML(document.bytes)
        let text = try CharsetDecoder.decode(document.bytes, contentType: document.contentType, isHTML: isHTML, source: document.source)
        if isHTML { return try extractHTML(text, document: document, pages: pages) }
        return ExtractedPage(kind: .article, article: try extractPlainText(text, document: document))
    }

    private func extractPlainText(_ text: String, document: RawDocument) throws(ParallaxError) -> Article {
        let result = PlainTextExtractor().extract(text)
        guard !result.paragraphs.isEmpty else {
            throw ParallaxError(source: document.source, reason: .noArticle(result.title.isEmpty ? "no text" : "only a title, no body text"))
        }
        var article = Article(source: document.source, url: document.url, title: result.title, paragraphs: result.paragraphs,
                              byline: result.byline)
        article.published = result.published ?? result.paragraphs.prefix(3).lazy.compactMap(DateParsing.published(inLine:)).first
        identifyLanguages(&article, prior: nil)
        return article
    }

    private func extractHTML(_ text: String, document: RawDocument, pages: Bool) throws(ParallaxError) -> ExtractedPage {
        guard let tree = HTMLTree(utf8: text) else {
            throw ParallaxError(source: document.source, reason: .noArticle("no HTML document could be parsed"))
        }
        let metadata = HTMLMetadata(tree: tree, url: document.url)
        let content = HTMLContentExtractor(tree)
        let paragraphs: [String], kind: PageKind
        switch content.extract(title: metadata.title) {
        case .article(let found):
            // A product or forum page with a long description reads like an article; the
            // page's own markup says what it is.
            if metadata.declaresNonArticle {
                guard pages else { throw ParallaxError(source: document.source, reason: .noArticle(Self.declaredNonArticle)) }
                // Its main content is more than the longest run of prose (a product's
                // feature list, every post of a thread).
                (paragraphs, kind) = (content.pageContent(title: metadata.title) ?? found, .page)
            } else if pages, let main = Self.mainContentAroundBlurb(found, title: metadata.title, content: content,
                                                                     declaredArticle: metadata.declaresArticle) {
                // A few hundred characters of prose on a page whose main region holds far
                // more (a service page's blurb, a shop category's intro): the page is the
                // content, and it is not an article.
                (paragraphs, kind) = (main, .page)
            } else {
                (paragraphs, kind) = (found, .article)
            }
        case .noArticle(let why):
            guard pages, let found = content.pageContent(title: metadata.title) else {
                throw ParallaxError(source: document.source, reason: .noArticle(why))
            }
            (paragraphs, kind) = (found, .page)
        }
        let title = metadata.title ?? paragraphs.first ?? ""
        var article = Article(
            source: document.source, url: document.url, canonicalURL: metadata.canonicalURL, title: title,
            paragraphs: paragraphs, published: metadata.published, modified: metadata.modified,
            byline: metadata.byline, site: metadata.site, image: metadata.image)
        // Without a date in the metadata: a dateline in the body's first lines, a date in
        // the page's script data, and last the modification date (the article is at least
        // that old, and most pages that show one date show that one).
        article.published = article.published ?? paragraphs.prefix(5).lazy.compactMap(DateParsing.published(inLine:)).first
            ?? metadata.scriptPublished(in: tree) ?? metadata.modified
        identifyLanguages(&article, prior: metadata.language)
        return ExtractedPage(kind: kind, article: article)
    }

    /// The page's main content when the article text found is only a short blurb on it;
    /// nil for a longer article text (the main content is then not even looked at).
    ///
    /// On a page that declares itself an article the main region is measured without its
    /// comment sections: a short post with a long discussion under it is still an article
    /// (on a forum thread the replies are the content).
    static func mainContentAroundBlurb(_ found: [String], title: String?, content: HTMLContentExtractor, declaredArticle: Bool) -> [String]? {
        let length = found.reduce(0) { $0 + TextScanning.length($1) }
        guard length < BoilerplateRules.shortArticleCharacters else { return nil }
        func isLarger(_ region: [String]) -> Bool {
            Double(region.reduce(0) { $0 + TextScanning.length($1) }) > BoilerplateRules.mainContentToArticleRatio * Double(length)
        }
        // Measured first, so a declared article that is one pays for a single pass.
        if declaredArticle, !isLarger(content.pageContent(title: title, commentsAreContent: false) ?? []) { return nil }
        guard let main = content.pageContent(title: title), declaredArticle || isLarger(main) else { return nil }
        return main
    }

    static let declaredNonArticle = "the page declares itself a product, forum, Q&A or collection page"

    /// Segments for the title and each paragraph; the article's language is the body's
    /// majority weighted by paragraph length and confidence, with the page's declared
    /// language as a small prior that decides ties and speaks when nothing else does.
    ///
    /// Identification is the costliest step per page, so only the body's first
    /// `BoilerplateRules.languageBudgetCharacters` are identified; the paragraphs after them
    /// are given the body's language with its mean confidence.
    private func identifyLanguages(_ article: inout Article, prior: String?) {
        var segments: [Segment] = []
        if !article.title.isEmpty {
            let guess = identifier.identify(article.title)
            segments.append(Segment(kind: .title, text: article.title, language: guess.code, confidence: guess.confidence))
        }
        var weights: [String: Double] = [:], lengths: [String: Double] = [:]
        var totalWeight = 0.0
        var budget = BoilerplateRules.languageBudgetCharacters
        var identified = 0
        for paragraph in article.paragraphs where budget > 0 {
            let sample = Self.languageSample(paragraph)
            budget -= TextScanning.length(sample)
            identified += 1
            let guess = identifier.identify(sample)
            segments.append(Segment(kind: .paragraph, text: paragraph, language: guess.code, confidence: guess.confidence))
            let length = Double(TextScanning.length(paragraph))
            totalWeight += length
            if guess.code != "und" {
                weights[guess.code, default: 0] += length * guess.confidence
                lengths[guess.code, default: 0] += length
            }
        }
        if let prior { weights[prior, default: 0] += 0.05 * totalWeight }
        let language = weights.max { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) }?.key ?? "und"
        let confidence = lengths[language].map { (weights[language] ?? 0) / $0 }.map { min(1, $0) } ?? 0
        for paragraph in article.paragraphs.dropFirst(identified) {
            segments.append(Segment(kind: .paragraph, text: paragraph, language: language, confidence: confidence))
        }
        article.segments = segments
        article.language = language
    }

    /// The start of a long paragraph, cut at a space: a few hundred characters name its
    /// language as surely as the whole, and identification is the costliest step per page.
    static func languageSample(_ paragraph: String) -> String {
        let scalars = paragraph.unicodeScalars
        guard let limit = scalars.index(scalars.startIndex, offsetBy: BoilerplateRules.languageSampleCharacters, limitedBy: scalars.endIndex),
              limit != scalars.endIndex else { return paragraph }
        let cut = scalars[..<limit].lastIndex(where: TextScanning.isWhitespace) ?? limit
        return String(scalars[..<cut])
    }
}
