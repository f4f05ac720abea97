import Foundation
import ParallaxCore
import ParallaxLanguage

/// RawDocument → Article for any supported input (plain text or HTML).
///
/// PLACEHOLDER implementation (UTF-8 plain text, first line is the title); the extraction
/// stage replaces it behind the same API.
public struct ArticleExtractor: Extractor {
    public let identifier: any LanguageIdentifier

    public init(identifier: any LanguageIdentifier) {
        self.identifier = identifier
    }

    public func extract(_ document: RawDocument) throws(ParallaxError) -> Article {
        guard !document.bytes.isEmpty else { throw ParallaxError(source: document.source, reason: .empty) }
        let text = String(decoding: document.bytes, as: UTF8.self)
        let blocks = text.components(separatedBy: "\n\n").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
        guard let title = blocks.first else { throw ParallaxError(source: document.source, reason: .noArticle("no text")) }
        return Article(source: document.source, url: document.url, title: title, paragraphs: Array(blocks.dropFirst()))
    }
}
