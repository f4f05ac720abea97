import Foundation
import ParallaxCore

/// RawDocument → Article for plain text and HTML.
///
/// Decodes the bytes (`CharsetDecoder`), extracts title and paragraphs (`PlainTextExtractor`
/// or `HTMLContentExtractor` with `HTMLMetadata`), and gives the title and every paragraph
/// its own language; the article's language is the body's, not the title's.
public struct ArticleExtractor: Extractor {
    public let identifier: any LanguageIdentifier

    public init(identifier: any LanguageIdentifier) {
        self.identifier = identifier
    }

    public func extract(_ document: RawDocument) throws(ParallaxError) -> Article {
        guard document.bytes.contains(where: { !ContentSniffer.isWhitespace($0) }) else {
            throw ParallaxError(source: document.source, reason: .empty)
        }
        guard !ContentSniffer.looksBinary(document.bytes) else { throw ParallaxError(source: document.source, reason: .binary) }
        let isHTML = document.contentType.map { $0.lowercased().contains("html") }
            ?? ContentSniffer.looksLikeHTML(document.bytes)
        let text = try CharsetDecoder.decode(document.bytes, contentType: document.contentType, isHTML: isHTML, source: document.source)
        return isHTML ? try extractHTML(text, document: document) : try extractPlainText(text, document: document)
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

    private func extractHTML(_ text: String, document: RawDocument) throws(ParallaxError) -> Article {
        guard let tree = HTMLTree(utf8: text) else {
            throw ParallaxError(source: document.source, reason: .noArticle("no HTML document could be parsed"))
        }
        let metadata = HTMLMetadata(tree: tree, url: document.url)
        let paragraphs: [String]
        switch HTMLContentExtractor().extract(tree, title: metadata.title) {
        case .article(let found): paragraphs = found
        case .noArticle(let why): throw ParallaxError(source: document.source, reason: .noArticle(why))
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
            ?? metadata.scriptPublished ?? metadata.modified
        identifyLanguages(&article, prior: metadata.language)
        return article
    }

    /// Segments for the title and each paragraph; the article's language is the body's
    /// majority weighted by paragraph length and confidence, with the page's declared
    /// language as a small prior that decides ties and speaks when nothing else does.
    private func identifyLanguages(_ article: inout Article, prior: String?) {
        var segments: [Segment] = []
        if !article.title.isEmpty {
            let guess = identifier.identify(article.title)
            segments.append(Segment(kind: .title, text: article.title, language: guess.code, confidence: guess.confidence))
        }
        var weights: [String: Double] = [:]
        var totalWeight = 0.0
        for paragraph in article.paragraphs {
            let guess = identifier.identify(Self.languageSample(paragraph))
            segments.append(Segment(kind: .paragraph, text: paragraph, language: guess.code, confidence: guess.confidence))
            let weight = Double(paragraph.count) * guess.confidence
            totalWeight += Double(paragraph.count)
            if guess.code != "und" { weights[guess.code, default: 0] += weight }
        }
        if let prior { weights[prior, default: 0] += 0.05 * totalWeight }
        article.segments = segments
        article.language = weights.max { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) }?.key ?? "und"
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
